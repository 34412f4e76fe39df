// What the app does with a file or text it is handed (open with, share sheet, paste, scan): it
// keeps the core's answer with its line in the reader's language, or its refusal with a kind to
// act on. What each side recognises and refuses is the core's, tested in tests/kotlin
// (StudentAppTest, ScannerAppTest).
package cn.photoday.ui.tests

import cn.photoday.core.Lang
import cn.photoday.core.PhotoDayException
import cn.photoday.core.ScannerApp
import cn.photoday.core.StaffImportKind
import cn.photoday.core.StudentApp
import cn.photoday.core.StudentImportKind
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.ImportResult
import cn.photoday.ui.ImportRouter
import cn.photoday.ui.message
import cn.photoday.ui.toUiError
import kotlin.test.*

val importTests = listOf(
    test("each side's import keeps the core's answer and its line in the reader's language; a refusal carries a kind and the core's words") {
        val student = StudentApp(Fixtures.db("student"))
        val refused = ImportRouter.student(student, Fixtures.bytes("scanner.bundle"), Lang.ZH) as? ImportResult.Failed
            ?: fail("a staff bundle on a student phone")
        assertEquals(ErrorKind.InvalidInput, refused.error.kind)
        assertEquals(refused.error.message, refused.message)
        val pack = ImportRouter.student(student, Fixtures.bytes("student.bundle"), Lang.EN) as? ImportResult.Student ?: fail("no pack")
        assertEquals(StudentImportKind.PACK, pack.done.kind)
        assertEquals(pack.done.text.en, pack.message)
        // Pasted or scanned text goes the same way as a file.
        val pass = ImportRouter.student(student, Fixtures.pass("it").toByteArray(), Lang.ZH) as? ImportResult.Student ?: fail("no pass")
        assertEquals(StudentImportKind.PASS, pass.done.kind)
        assertEquals(pass.done.text.zh, pass.message)

        val door = ScannerApp(Fixtures.db("door"))
        val bundle = ImportRouter.staff(door, Fixtures.bytes("scanner.bundle"), Lang.ZH) as? ImportResult.Staff ?: fail("no bundle")
        assertEquals(StaffImportKind.BUNDLE, bundle.done.kind)
        assertEquals(bundle.done.text.zh, bundle.message)
        val cut = ImportRouter.staff(door, Fixtures.bytes("scanner.bundle").copyOf(100), Lang.ZH) as? ImportResult.Failed ?: fail("a cut bundle")
        assertEquals(ErrorKind.BadBundle, cut.error.kind)
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
