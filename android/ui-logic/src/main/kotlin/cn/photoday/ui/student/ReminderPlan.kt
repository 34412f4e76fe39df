// The core's reminder schedule, ready for the platform's local notifications (AlarmManager on
// Android; no Firebase, no Play services). Each reminder keeps the core's stable id, so scheduling
// again replaces it, and reminders that dropped out of the schedule are cancelled.
package cn.photoday.ui.student

import cn.photoday.core.Lang
import cn.photoday.core.PhotoDayException
import cn.photoday.core.Reminder
import cn.photoday.core.ScreensInterface

/** One notification to schedule. */
data class ScheduledReminder(
    /** The core's id (`code-t1-0`, `verify-…`). */
    val id: String,
    /** A stable integer for the platform (PendingIntent request code, notification id). */
    val requestCode: Int,
    val fireAtMs: Long,
    val title: String,
    val body: String,
)

object ReminderPlan {
    /** The core's reminders (still ahead, soonest first) as notifications. */
    fun of(reminders: List<Reminder>, lang: Lang): List<ScheduledReminder> = reminders
        .map { ScheduledReminder(it.id, requestCode(it.id), it.fireAtUnixMs, it.title.textIn(lang), it.body.textIn(lang)) }

    /** Ids scheduled before that the new plan no longer holds: cancel these. */
    fun stale(previousIds: Set<String>, plan: List<ScheduledReminder>): Set<String> =
        previousIds - plan.map { it.id }.toSet()

    /** `String.hashCode` is specified by the JVM, so the code is the same on every run. */
    fun requestCode(id: String): Int = id.hashCode()

    /**
     * The plan from the student's phone at [nowMs]; empty while the bundle or the pass is missing
     * (nothing to remind of yet) or after a purge. Disk.
     */
    fun load(screens: ScreensInterface, nowMs: Long, lang: Lang): List<ScheduledReminder> = try {
        of(screens.student().reminders(nowMs), lang)
    } catch (e: PhotoDayException.NotReady) {
        emptyList()
    }
}
