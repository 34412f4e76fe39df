// The slot card as the student screens draw it: where and when, already in the reader's
// language. Used by the home screen and, smaller, under the pass.
package cn.photoday.ui.student

import cn.photoday.core.Lang
import cn.photoday.core.Slot

/** Where and when a student is photographed. */
data class SlotCard(
    /** Session number (序号). */
    val session: Int,
    val college: String,
    val room: String,
    /** `2023-06-03`. */
    val date: String,
    /** `2023-06-03 09:30–12:00、14:00–16:00`. */
    val whenLabel: String,
    /** The shooting windows, `09:30–12:00` each. */
    val windows: List<String>,
    /** The student's time, event-local `2023-06-03 09:30`. */
    val time: String,
    /** The time is the class's planned arrival (else the session's start). */
    val timeFromPlan: Boolean,
    /** When to be at the door, event-local `2023-06-03 09:10`. */
    val arriveBy: String,
    val arriveByMs: Long,
)

fun Slot.toCard(lang: Lang) = SlotCard(
    session = session.toInt(),
    college = college.textIn(lang),
    room = room.textIn(lang),
    date = date,
    whenLabel = whenLabel,
    windows = windows.map { "${it.start}–${it.end}" },
    time = timeLocal,
    timeFromPlan = planned,
    arriveBy = arriveByLocal,
    arriveByMs = arriveByUnixMs,
)
