// What the app does with a file or text it is handed (open with, share sheet, paste, scan).
package cn.photoday.ui.tests

import cn.photoday.core.Lang
import cn.photoday.core.PhotoDayException
import cn.photoday.core.ScannerApp
import cn.photoday.core.StudentApp
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.toUiError
import kotlin.test.*

private fun failed(r: ImportResult): ImportResult.Failed = r as? ImportResult.Failed ?: fail("expected a refusal, got $r")

val importTests = listOf(
    test("a student pasting the wrong thing is told why, in the core's words") {
        val app = StudentApp(Fixtures.db("student"))
        assertEquals(ErrorKind.NotReady, failed(ImportRouter.studentText(app, Fixtures.pass("it"))).error.kind)
        ImportRouter.student(app, Fixtures.bytes("student.bundle"), Lang.ZH)
        val other = failed(ImportRouter.studentText(app, Fixtures.pass("other-event")))
        assertEquals(ErrorKind.InvalidInput, other.error.kind)
        assertContains(other.error.text.zh, "这不是")
        assertEquals(ErrorKind.InvalidInput, failed(ImportRouter.studentText(app, "CHSI-CJM-7F3A9C2E51B84D06A1E2")).error.kind)
        assertNull(app.pass())
    },

    test("a student handed a staff bundle is told it is for staff; a broken pack is a bundle refusal; a picture without a pass is told so") {
        val app = StudentApp(Fixtures.db("student"))
        val staff = failed(ImportRouter.student(app, Fixtures.bytes("scanner.bundle"), Lang.ZH))
        assertEquals(ErrorKind.InvalidInput, staff.error.kind)
        assertContains(staff.error.text.zh, "工作人员用的文件")
        assertEquals(ErrorKind.BadBundle, failed(ImportRouter.student(app, Fixtures.bytes("student.bundle").copyOf(100), Lang.ZH)).error.kind)
        val picture = failed(ImportRouter.student(app, Fixtures.bytes("blank.png"), Lang.ZH))
        assertEquals(ErrorKind.InvalidInput, picture.error.kind)
        assertContains(picture.error.text.zh, "读不到签到码")
        assertNull(app.event())
    },

    test("a door phone takes a bundle, then a log, by content; before the bundle a log waits for it and a pass is sent to the scan screen") {
        val door = Fixtures.door()
        door.scan(Fixtures.pass("it"), beijing("2023-06-03T09:35"))
        val log = door.exportLog(beijing("2023-06-03T10:00"))
        val fresh = ScannerApp(Fixtures.db("door"))
        val pass = failed(ImportRouter.staff(fresh, Fixtures.pass("it").toByteArray(), Lang.ZH))
        assertEquals(ErrorKind.InvalidInput, pass.error.kind)
        assertContains(pass.error.text.zh, "扫码界面")
        assertEquals(ErrorKind.NotReady, failed(ImportRouter.staff(fresh, log, Lang.ZH)).error.kind)
        val bundle = ImportRouter.staff(fresh, Fixtures.bytes("scanner.bundle"), Lang.ZH)
        assertTrue(bundle is ImportResult.ScannerBundle, "$bundle")
        val merged = ImportRouter.staff(fresh, log, Lang.ZH) as? ImportResult.Log ?: fail("not merged")
        assertEquals(listOf(1, 0, 1), listOf(merged.added, merged.known, merged.devices.size))
        assertEquals("已合并 1 条新记录（0 条已有），来自 1 台设备", merged.text)
        assertNull(merged.progress, "a file, not a QR code")
    },

    test("core errors reach the screen with a kind to act on and the core's message") {
        val app = ScannerApp(Fixtures.db("door"))
        val e = assertFailsWith<PhotoDayException.NotReady> { app.scan("PD1:X", 0) }
        val ui = e.toUiError()
        assertEquals(ErrorKind.NotReady, ui.kind)
        assertEquals(e.text, ui.text)
        assertTrue(ui.text.zh.startsWith("还不能这样做"), ui.text.zh)
        assertEquals(ErrorKind.Internal, IllegalStateException("boom").toUiError().kind)
    },
)
