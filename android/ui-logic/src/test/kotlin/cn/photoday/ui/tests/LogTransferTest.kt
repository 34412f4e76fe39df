// Logs from one staff phone to another: QR codes shown in a loop and scanned in any order, and
// files; both merge through the real core.
package cn.photoday.ui.tests

import cn.photoday.core.Ecc
import cn.photoday.core.QrCode
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.staff.LogFileModel
import cn.photoday.ui.staff.LogQrReceiveUiState
import cn.photoday.ui.staff.LogQrReceiver
import cn.photoday.ui.staff.LogQrSendUiState
import cn.photoday.ui.staff.LogQrSender
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

/** Stands in for the app's QR encoder: the tests read the text, not the modules. */
private val fakeEncode: (String) -> QrCode = { QrCode(1u, Ecc.M, 21u, 4u, List(21 * 21) { false }) }

/** A door phone with [n] check-ins of session 1. */
private fun busyDoor(n: Int) = Fixtures.door().also { app ->
    Fixtures.session1.take(n).forEachIndexed { i, (_, pass) -> app.scan(pass, MORNING + i * 10_000L) }
}

private fun done(r: LogQrReceiver) = r.state.value as? LogQrReceiveUiState.Done ?: fail("got ${r.state.value}")

val logTransferTests = listOf(
    test("phone B's camera reads phone A's looping codes frame after frame and merges A's check-ins; the code left on A's screen keeps B done") {
        val a = busyDoor(12)
        val b = Fixtures.door()
        val clock = FakeClock(MORNING + 600_000)
        val sender = LogQrSender({ a }, clock, encode = fakeEncode)
        sender.start()
        val shown = sender.state.value as? LogQrSendUiState.Showing ?: fail("got ${sender.state.value}")
        assertEquals(shown.texts.size, shown.qrs.size)
        val n = shown.texts.size
        assertEquals(List(n) { "第 ${it + 1}/$n 张" }, shown.counters, "the core's counter under each code")

        val receiver = LogQrReceiver({ b })
        assertEquals(LogQrReceiveUiState.Waiting, receiver.state.value)
        // B's camera reads every code of A's screen several times as A shows them in turn.
        for (text in shown.texts) repeat(10) {
            receiver.onFrame(text)
            val r = receiver.state.value as? LogQrReceiveUiState.Receiving ?: return@repeat
            assertEquals(shown.texts.size.toUInt(), r.progress?.total)
            assertNull(r.error)
            assertEquals(r.progress?.line?.zh, r.text, "the core's line for the transfer")
            assertContains(r.text!!, "已收")
        }
        assertContains(done(receiver).text, "已合并 12")
        receiver.onFrame(shown.texts.last())
        done(receiver)
        assertEquals(12u, b.attendance().sessions[0].arrived)
    },

    test("a pass scanned by mistake is said in the core's words; another phone's code half-way can be abandoned for it") {
        val a = busyDoor(20)
        val c = busyDoor(20)
        val b = Fixtures.door()
        val fromA = a.exportLogQr(MORNING + 600_000)
        val fromC = c.exportLogQr(MORNING + 600_000)
        assertTrue(fromA.size > 1)
        val receiver = LogQrReceiver({ b })
        receiver.onFrame(Fixtures.pass("it"))
        val wrong = receiver.state.value as LogQrReceiveUiState.Receiving
        assertEquals(ErrorKind.InvalidInput, wrong.error?.kind)
        assertContains(wrong.error!!.text.zh, "签到码")
        receiver.onFrame(fromA[0])
        receiver.onFrame(fromC[0])
        val other = receiver.state.value as LogQrReceiveUiState.Receiving
        assertTrue(other.otherPhone, "${other.error}")
        receiver.abandon()
        assertEquals(LogQrReceiveUiState.Waiting, receiver.state.value)
        for (t in fromC.reversed()) receiver.onFrame(t)
        assertContains(done(receiver).text, "已合并 20")
    },

    test("a log file exported on A is merged on B with the core's line; a cut file is refused") {
        val a = busyDoor(5)
        val b = Fixtures.door()
        val clock = FakeClock(MORNING + 600_000)
        val bytes = LogFileModel({ a }, clock).let { m ->
            val out = m.export() ?: fail("export failed: ${m.state.value}")
            assertEquals(out.size, m.state.value.exportedBytes)
            assertEquals("PhotoDay-${a.deviceId()}.photodaylog", m.fileName(), "the core names the file, by phone")
            out
        }
        assertNotEquals(LogFileModel({ a }, clock).fileName(), LogFileModel({ b }, clock).fileName())
        val model = LogFileModel({ b }, clock)
        model.import(bytes)
        assertContains(model.state.value.imported ?: fail("got ${model.state.value}"), "已合并 5")
        model.import(bytes.copyOf(bytes.size / 2))
        assertEquals(ErrorKind.BadLog, model.state.value.error?.kind)
    },

    test("a door phone purges only after its log was exported and the file saved") {
        val a = busyDoor(2)
        val model = LogFileModel({ a }, FakeClock(MORNING + 600_000))
        model.purge()
        assertEquals(ErrorKind.NotReady, model.state.value.error?.kind)
        assertFalse(model.state.value.purged)
        // Exported, but the save was cancelled: still refused, nothing lost.
        model.export()
        model.purge()
        assertEquals(ErrorKind.NotReady, model.state.value.error?.kind)
        assertFalse(model.state.value.purged)
        model.export()
        model.saved()
        model.purge()
        assertTrue(model.state.value.purged)
        assertNull(a.event())
    },
)
