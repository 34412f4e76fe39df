// The app's single object graph: the two core objects over their database files, the clock,
// the reader's language, the chosen mode and the reminder scheduler. No DI framework: the graph
// is small and every ViewModel takes it whole.
package cn.photoday.app

import android.app.Application
import android.content.Context
import cn.photoday.app.student.ReminderScheduler
import cn.photoday.core.Lang
import cn.photoday.core.ScannerApp
import cn.photoday.core.StudentApp
import cn.photoday.core.langFromLocale
import cn.photoday.ui.Clock
import cn.photoday.ui.WallClock
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import java.util.Locale

class PhotoDayApplication : Application() {
    val graph: AppGraph by lazy { AppGraph(this) }

    override fun onCreate() {
        super.onCreate()
        ReminderScheduler.createChannel(this)
    }
}

/** The graph of the running app. */
fun Context.graph(): AppGraph = (applicationContext as PhotoDayApplication).graph

class AppGraph(private val context: Context) {
    val clock: Clock = WallClock

    /**
     * The student's phone, opened on first use. Opening touches the disk: only the ui-logic
     * holders call this, from inside their calls on Dispatchers.IO.
     */
    val student: StudentApp by lazy { StudentApp(databasePath("student.db")) }

    /** The door device, opened on first use (same rule as [student]). */
    val scanner: ScannerApp by lazy { ScannerApp(databasePath("scanner.db")) }

    val mode = ModeStore(context)

    val reminders = ReminderScheduler(context)

    /** The reader's language from the current locale (Chinese for any zh locale). */
    fun lang(): Lang = langFromLocale(Locale.getDefault().toLanguageTag())

    /** App-private databases/ (excluded from backups, see res/xml). */
    private fun databasePath(name: String): String =
        context.getDatabasePath(name).also { it.parentFile?.mkdirs() }.path
}

enum class AppMode { Student, Staff }

/** Student or staff, chosen on first run and changeable from the menu. */
class ModeStore(context: Context) {
    private val prefs = context.getSharedPreferences("photoday", Context.MODE_PRIVATE)
    private val _mode = MutableStateFlow(prefs.getString(KEY, null)?.let { runCatching { AppMode.valueOf(it) }.getOrNull() })
    val mode: StateFlow<AppMode?> = _mode.asStateFlow()

    fun set(mode: AppMode?) {
        prefs.edit().putString(KEY, mode?.name).apply()
        _mode.value = mode
    }

    private companion object {
        const val KEY = "mode"
    }
}
