// Local notifications from the core's reminder schedule (fee deadline, 采集码 checks at T-7/T-3/
// T-1, arrive-by, the 学信网 check, the 补拍 deadline), with AlarmManager: no Firebase, no Google
// Play services, no extra permission (inexact alarms allowed in Doze need none). The schedule is
// applied again whenever the app opens and after every tap on the student's side, which also
// restores it after a reboot and cancels it after a purge. The channel's words come from the core.
package cn.photoday.app.student

import android.Manifest
import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import cn.photoday.app.MainActivity
import cn.photoday.app.R
import cn.photoday.core.Lang
import cn.photoday.core.ScreensInterface
import cn.photoday.core.Words
import cn.photoday.ui.student.ReminderPlan
import cn.photoday.ui.student.ScheduledReminder

class ReminderScheduler(private val context: Context) {
    private val prefs = context.getSharedPreferences("photoday-reminders", Context.MODE_PRIVATE)
    private val alarms = context.getSystemService(AlarmManager::class.java)

    /** Schedules the student's plan as the core computes it now. Disk: call on Dispatchers.IO. */
    fun reschedule(screens: ScreensInterface, lang: Lang) {
        val plan = try {
            ReminderPlan.load(screens, System.currentTimeMillis(), lang)
        } catch (e: Exception) {
            return // the database could not be read: keep what was scheduled
        }
        apply(plan)
    }

    private fun apply(plan: List<ScheduledReminder>) {
        val previous = prefs.getStringSet(KEY_IDS, emptySet()).orEmpty()
        for (id in ReminderPlan.stale(previous, plan)) {
            alarms.cancel(pendingIntent(id, ReminderPlan.requestCode(id), null, null))
        }
        for (r in plan) {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, r.fireAtMs, pendingIntent(r.id, r.requestCode, r.title, r.body))
        }
        prefs.edit().putStringSet(KEY_IDS, plan.map { it.id }.toSet()).apply()
    }

    /** The notification channel, named in the reader's language (Android 8+). */
    fun createChannel(words: Words) {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.O) return
        val channel = NotificationChannel(CHANNEL, words.reminderChannel, NotificationManager.IMPORTANCE_DEFAULT)
            .apply { description = words.reminderChannelDescription }
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    private fun pendingIntent(id: String, code: Int, title: String?, body: String?): PendingIntent {
        val intent = Intent(context, ReminderReceiver::class.java)
            .setData(Uri.fromParts("photoday-reminder", id, null))
            .putExtra(EXTRA_TITLE, title)
            .putExtra(EXTRA_BODY, body)
            .putExtra(EXTRA_CODE, code)
        return PendingIntent.getBroadcast(context, code, intent, PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
    }

    companion object {
        const val CHANNEL = "reminders"
        private const val KEY_IDS = "scheduled"
        internal const val EXTRA_TITLE = "title"
        internal const val EXTRA_BODY = "body"
        internal const val EXTRA_CODE = "code"
    }
}

/** Android 13+, on the student's home: asks to post reminders, in the core's words. */
@Composable
fun ReminderPermission(words: Words) {
    if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
    val context = LocalContext.current
    var asked by remember {
        mutableStateOf(ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED)
    }
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { asked = true }
    if (asked) return
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(words.reminderChannel, style = MaterialTheme.typography.titleMedium)
            Text(words.remindersWhy)
            Button(onClick = { launcher.launch(Manifest.permission.POST_NOTIFICATIONS) }) { Text(words.remindersAllow) }
        }
    }
}

/** Posts one reminder when its alarm fires. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val title = intent.getStringExtra(ReminderScheduler.EXTRA_TITLE) ?: return
        val body = intent.getStringExtra(ReminderScheduler.EXTRA_BODY).orEmpty()
        val code = intent.getIntExtra(ReminderScheduler.EXTRA_CODE, 0)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            return
        }
        val open = PendingIntent.getActivity(
            context, 0, Intent(context, MainActivity::class.java), PendingIntent.FLAG_IMMUTABLE,
        )
        val notification = NotificationCompat.Builder(context, ReminderScheduler.CHANNEL)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(title)
            .setContentText(body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(body))
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        try {
            NotificationManagerCompat.from(context).notify(code, notification)
        } catch (e: SecurityException) {
            // Permission withdrawn between the check and the post: nothing to do.
        }
    }
}
