// The full-screen verdict at the door or the studio, from the core's ScanOutcome: the colour,
// headline and detail are the core's; this file only lifts out the fields drawn huge (摄影编号,
// batch, the right room), the number QR the student scans, and says which sound to make.
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
    /** The 摄影编号 given now (numbered), or the one given earlier (already numbered). */
    val photoNo: String?,
    /** Its batch. */
    val batch: Int?,
    /** The text of the small QR the student's app scans to keep their number (draw with `qrCode`). */
    val numberQr: String?,
    /** Studio: the pass is good; scan the student's 采集码 next, or skip the check. */
    val awaitingCode: Boolean,
    /** The room the student should be in (wrong session). */
    val rightRoom: String?,
    /** Name and student number, when the pass proves them. */
    val studentName: String?,
    val studentNo: String?,
    /** Staff may let the student through with a reason. */
    val overridable: Boolean,
    /** The device clock looks wrong: show this above everything. */
    val clockWarning: String?,
    /** The check-in's or number's record, for undo. */
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
        is Verdict.CheckedIn -> { name = v.name; number = v.studentNo }
        is Verdict.Numbered -> { photoNo = v.photoNo; batch = v.batch.toInt(); name = v.name; number = v.studentNo }
        is Verdict.ShowCollectionCode -> { name = v.name; number = v.studentNo }
        is Verdict.AlreadyCheckedIn -> { name = v.name; number = v.studentNo }
        is Verdict.AlreadyNumbered -> { photoNo = v.photoNo; batch = v.batch.toInt(); name = v.name; number = v.studentNo }
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
        numberQr = numberQr,
        awaitingCode = verdict is Verdict.ShowCollectionCode,
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
