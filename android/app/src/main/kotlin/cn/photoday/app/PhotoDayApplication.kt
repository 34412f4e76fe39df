// The app's one core object: Screens over the student and staff databases and the file that
// keeps which side this phone is on (the core keeps the side, not the app). No DI framework:
// the ViewModel and the reminder glue take it from here.
package cn.photoday.app

import android.app.Application
import android.content.Context
import cn.photoday.app.student.ReminderScheduler
import cn.photoday.core.Lang
import cn.photoday.core.Screens
import cn.photoday.core.langFromLocale
import java.io.File
import java.util.Locale

class PhotoDayApplication : Application() {
    /** Cheap to make: each database is opened the first time its side needs it. */
    val screens: Screens by lazy {
        val mode = File(filesDir, "mode")
        keepOldModeChoice(mode)
        Screens(databasePath("student.db"), databasePath("scanner.db"), mode.path, lang())
    }

    val reminders: ReminderScheduler by lazy { ReminderScheduler(this) }

    override fun onCreate() {
        super.onCreate()
        reminders.createChannel(screens.words())
    }

    /** The reader's language from the current locale (Chinese for any zh locale). */
    fun lang(): Lang = langFromLocale(Locale.getDefault().toLanguageTag())

    /** App-private databases/ (excluded from backups, see res/xml). */
    private fun databasePath(name: String): String =
        getDatabasePath(name).also { it.parentFile?.mkdirs() }.path

    /**
     * Versions before the core kept the side stored it in shared preferences; an updated phone
     * opens on the side it had rather than asking again.
     */
    private fun keepOldModeChoice(mode: File) {
        val prefs = getSharedPreferences("photoday", Context.MODE_PRIVATE)
        val old = prefs.getString("mode", null) ?: return
        if (!mode.exists()) runCatching { mode.writeText(old.lowercase()) }
        prefs.edit().remove("mode").apply()
    }
}

/** The running app. */
val Context.photoDay: PhotoDayApplication get() = applicationContext as PhotoDayApplication
