// Logs from one staff phone to another: QR codes shown in a loop and scanned in any order, and
// files; both merge through the real core.
package cn.photoday.ui.tests

import cn.photoday.core.QrCode
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.ImportResult
import cn.photoday.ui.staff.LogFileModel
import cn.photoday.ui.staff.LogQrReceiveUiState
import cn.photoday.ui.staff.LogQrReceiver
import cn.photoday.ui.staff.LogQrSendUiState
import cn.photoday.ui.staff.LogQrSender
import cn.photoday.ui.staff.LogQrSequence
import kotlin.test.*

private val MORNING = beijing("2023-06-03T09:35")

/** Stands in for the app's QR encoder: the tests read the text, not the modules. */
private val fakeEncode: (String) -> QrCode = { QrCode(1u, "M", 21u, 4u, List(21 * 21) { false }) }

/** A door phone with [n] check-ins of session 1. */
private fun busyDoor(n: Int) = Fixtures.door().also { app ->
    Fixtures.session1.take(n).forEachIndexed { i, (_, pass) -> app.scan(pass, MORNING + i * 10_000L) }
}

val logTransferTests = listOf(
    test("a QR sequence shows its codes one after another, then from the start") {
        val seq = LogQrSequence(listOf("a", "b", "c"), frameMs = 700, startedAtMs = 1_000)
        assertEquals(listOf(0, 0, 1, 2, 0, 1), listOf(1_000L, 1_699, 1_700, 2_400, 3_100, 3_800).map(seq::indexAt))
        assertEquals(700, seq.millisToNext(1_000))
        assertEquals(1, seq.millisToNext(1_699))
        assertFailsWith<IllegalArgumentException> { LogQrSequence(emptyList(), 700, 0) }
    },

    test("phone B scans phone A's looping log codes, each counted once, and merges A's check-ins") {
        val a = busyDoor(12)
        val b = Fixtures.door()
        val clock = FakeClock(MORNING + 600_000)
        val sender = LogQrSender({ a }, clock, fakeEncode, frameMs = 700)
        sender.start()
        val first = sender.state.value as? LogQrSendUiState.Showing ?: fail("got ${sender.state.value}")
        assertEquals(1, first.number)
        val total = first.total
        assertTrue(total >= 1)

        val receiver = LogQrReceiver({ b })
        assertEquals(LogQrReceiveUiState.Waiting, receiver.state.value)
        var sent = 0
        // B's camera reads every frame of A's screen several times (10 frames per code shown).
        loop@ for (frame in 0 until total * 10 * 2) {
            if (frame % 10 == 0 && frame > 0) {
                clock.advance(700)
                sender.tick()
            }
            val shown = sender.state.value as LogQrSendUiState.Showing
            if (receiver.onFrame(shown.text)) sent++
            if (receiver.state.value is LogQrReceiveUiState.Done) break@loop
            val r = receiver.state.value as LogQrReceiveUiState.Receiving
            assertEquals(total, r.total)
            assertEquals(total - r.received, r.missing.size)
            assertNull(r.error)
        }
        assertEquals(total, sent, "each code reaches the core once")
        val done = receiver.state.value as? LogQrReceiveUiState.Done ?: fail("got ${receiver.state.value}")
        assertEquals(12, done.log.added)
        assertTrue(a.deviceId() in done.log.devices)
        assertFalse(receiver.onFrame("anything"), "finished: the camera can keep running")
        assertEquals(12u, b.attendance().sessions[0].arrived)
    },

    test("log codes scanned backwards work too; a pass scanned by mistake is shown as an error and skipped") {
        val a = busyDoor(20)
        val b = Fixtures.door()
        val texts = a.exportLogQr(MORNING + 600_000)
        val receiver = LogQrReceiver({ b })
        assertTrue(receiver.onFrame(Fixtures.pass("it")))
        val wrong = receiver.state.value as LogQrReceiveUiState.Receiving
        assertEquals(ErrorKind.InvalidInput, wrong.error?.kind)
        for (t in texts.reversed()) receiver.onFrame(t)
        val done = receiver.state.value as? LogQrReceiveUiState.Done ?: fail("got ${receiver.state.value}")
        assertEquals(20, done.log.added)
        receiver.reset()
        assertEquals(LogQrReceiveUiState.Waiting, receiver.state.value)
    },

    test("a log file exported on A merges on B once; importing it again adds nothing") {
        val a = busyDoor(5)
        val b = Fixtures.door()
        val clock = FakeClock(MORNING + 600_000)
        val bytes = LogFileModel({ a }, clock).let { m ->
            val out = m.export() ?: fail("export failed: ${m.state.value}")
            assertEquals(out.size, m.state.value.exportedBytes)
            out
        }
        val model = LogFileModel({ b }, clock)
        model.import(bytes)
        assertEquals(5, model.state.value.imported?.added)
        model.import(bytes)
        assertEquals(ImportResult.Log(0, 5, model.state.value.imported!!.devices, emptyList()), model.state.value.imported)
        model.import(bytes.copyOf(bytes.size / 2))
        assertEquals(ErrorKind.BadLog, model.state.value.error?.kind)
    },

    test("a merged log that puts two students under one 摄影编号 says so, in the core's words") {
        val a = Fixtures.studio(checkCode = false)
        val b = Fixtures.studio(checkCode = false)
        a.scan(Fixtures.session1[0].second, MORNING)
        b.scan(Fixtures.session1[1].second, MORNING)
        val clock = FakeClock(MORNING + 600_000)
        val model = LogFileModel({ a }, clock)
        model.import(LogFileModel({ b }, clock).export() ?: fail("export failed"))
        val warning = model.state.value.imported?.warnings?.singleOrNull() ?: fail("got ${model.state.value}")
        assertContains(warning, "001")
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
