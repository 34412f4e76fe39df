// Local notifications from the core's reminder schedule (fee deadline, 采集码 checks at T-7/T-3/
// T-1, arrive-by, the 学信网 check, the 补拍 deadline), with AlarmManager: no Firebase, no Google
// Play services, no extra permission (inexact alarms allowed in Doze need none). The schedule is
// applied again whenever the app opens or imports, which also restores it after a reboot.
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
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import cn.photoday.app.AppGraph
import cn.photoday.app.MainActivity
import cn.photoday.app.R
import cn.photoday.ui.student.ReminderPlan
import cn.photoday.ui.student.ScheduledReminder

class ReminderScheduler(private val context: Context) {
    private val prefs = context.getSharedPreferences("photoday-reminders", Context.MODE_PRIVATE)
    private val alarms = context.getSystemService(AlarmManager::class.java)

    /** Schedules the student's plan as the core computes it now. Disk: call on Dispatchers.IO. */
    fun reschedule(graph: AppGraph) {
        val plan = try {
            ReminderPlan.load(graph.student, graph.clock, graph.lang())
        } catch (e: Exception) {
            emptyList()
        }
        apply(plan)
    }

    fun apply(plan: List<ScheduledReminder>) {
        val previous = prefs.getStringSet(KEY_IDS, emptySet()).orEmpty()
        for (id in ReminderPlan.stale(previous, plan)) {
            alarms.cancel(pendingIntent(id, ReminderPlan.requestCode(id), null, null))
        }
        for (r in plan) {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, r.fireAtMs, pendingIntent(r.id, r.requestCode, r.title, r.body))
        }
        prefs.edit().putStringSet(KEY_IDS, plan.map { it.id }.toSet()).apply()
    }

    /** After a purge: nothing personal is left to remind of. */
    fun cancelAll() = apply(emptyList())

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

        fun createChannel(context: Context) {
            if (Build.VERSION.SDK_INT < Build.VERSION_CODES.O) return
            val channel = NotificationChannel(
                CHANNEL,
                context.getString(R.string.reminder_channel),
                NotificationManager.IMPORTANCE_DEFAULT,
            ).apply { description = context.getString(R.string.reminder_channel_description) }
            context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
        }

        /** Whether the app may post reminders (always below Android 13). */
        fun allowed(context: Context): Boolean = Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
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
