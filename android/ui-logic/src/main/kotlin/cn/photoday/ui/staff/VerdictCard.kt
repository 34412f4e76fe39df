// The full-screen verdict at the door, from the core's ScanOutcome: the colour, headline and
// detail are the core's; this file only lifts out the fields drawn huge (photo number, batch, the
// right room) and says which sound to make.
package cn.photoday.ui.staff

import cn.photoday.core.Colour
import cn.photoday.core.Lang
import cn.photoday.core.ScanOutcome
import cn.photoday.core.Verdict

/** Which sound and vibration go with a verdict. */
enum class Signal {
    /** A short high beep: go in. */
    Admitted,

    /** Two beeps: stop and look. */
    Attention,

    /** A long low tone: refused. */
    Refused,

    /** Nothing: the same pass again within seconds (already signalled). */
    None,
}

data class VerdictCard(
    val colour: Colour,
    val headline: String,
    val detail: String,
    /** The photo number to write on the form (admitted), or the one given earlier (already in). */
    val photoNo: String?,
    /** The batch to call in with (admitted). */
    val batch: Int?,
    /** The room the student should be in (wrong session). */
    val rightRoom: String?,
    /** Name and student number, when the pass proves them. */
    val studentName: String?,
    val studentNo: String?,
    /** Staff may admit over it with a reason. */
    val overridable: Boolean,
    /** The device clock looks wrong: show this above everything. */
    val clockWarning: String?,
    /** The admission's record, for undo. */
    val recordSeq: ULong?,
    /** Same pass again within seconds: nothing new was recorded. */
    val repeat: Boolean,
    val signal: Signal,
)

fun ScanOutcome.toCard(lang: Lang): VerdictCard {
    var photoNo: String? = null
    var batch: Int? = null
    var room: String? = null
    var name: String? = null
    var number: ULong? = null
    when (val v = verdict) {
        is Verdict.Admitted -> { photoNo = v.photoNo; batch = v.batch.toInt(); name = v.name; number = v.studentNo }
        is Verdict.AlreadyAdmitted -> { photoNo = v.photoNo; name = v.name; number = v.studentNo }
        is Verdict.WrongSession -> { room = v.room.textIn(lang); name = v.name; number = v.studentNo }
        is Verdict.OutsideWindow -> { name = v.name; number = v.studentNo }
        is Verdict.Revoked -> number = v.studentNo
        is Verdict.NotOnRoster -> number = v.studentNo
        is Verdict.BadSignature, is Verdict.UnknownKey, is Verdict.NotAPass -> Unit
    }
    val signal = when {
        repeat -> Signal.None
        colour == Colour.GREEN -> Signal.Admitted
        colour == Colour.AMBER -> Signal.Attention
        else -> Signal.Refused
    }
    return VerdictCard(
        colour = colour,
        headline = headline.textIn(lang),
        detail = detail.textIn(lang),
        photoNo = photoNo,
        batch = batch,
        rightRoom = room,
        studentName = name,
        studentNo = number?.toString(),
        overridable = overridable,
        clockWarning = clockWarning?.textIn(lang),
        recordSeq = recordSeq,
        repeat = repeat,
        signal = signal,
    )
}
