// Safety across the boundary: a Rust panic is caught in Rust and reported, never a dead process;
// every call is safe from any thread; each error kind arrives typed.

import Foundation
import PhotoDayCore
import PhotoDayCoreFFI
import XCTest

final class SafetyTests: XCTestCase {
    func testEveryErrorKindACallerActsOnArrivesAsATypedPhotoDayError() throws {
        // One call per kind, as the apps meet them (Internal is the core's bug report, covered by
        // ErrorText's test; no call is meant to produce it).
        assertCoreError(.notReady) { try StudentApp(dbPath: Fixtures.db("s")).passQr() }
        assertCoreError(.invalidInput) { try eventTemplate(name: "gzcc-2099") }
        assertCoreError(.badBundle) { try StudentApp(dbPath: Fixtures.db("s")).importBundle(bytes: Data("PDB".utf8)) }
        assertCoreError(.badLog) { try door().importLog(bytes: Data("PDL nonsense".utf8)) }
        let notes = Fixtures.file("notes.db")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: notes)
        assertCoreError(.storage) { try ScannerApp(dbPath: notes.path) }
        assertCoreError(.io) { try ScannerApp(dbPath: Fixtures.file("missing").path + "/d.db") }
    }

    /// uniffi's Swift turns a caught panic (status CALL_UNEXPECTED_ERROR) into a thrown
    /// `UniffiInternalError.rustPanic` in a throwing call; in a non-throwing one (`debugPanic`
    /// is one) it stops at a `try!`. So the boundary is checked where Swift reads it: the C call
    /// reports the panic with its message, and the library answers afterwards.
    func testARustPanicIsCaughtAtTheBoundaryAndReportedAndTheLibraryKeepsWorking() throws {
        for message in ["on purpose", "twice"] {
            let status = try panicStatus(message)
            XCTAssertEqual(status.code, 2, "CALL_UNEXPECTED_ERROR: caught and reported, not an abort")
            XCTAssertTrue(status.message.contains(message), status.message)
            // The process is alive and the library still answers.
            XCTAssertEqual(try eventTemplate(name: "gzcc-2023").id, "gzcc-2023")
        }
    }

    private func panicStatus(_ message: String) throws -> (code: Int8, message: String) {
        var status = RustCallStatus(code: 0, errorBuf: RustBuffer(capacity: 0, len: 0, data: nil))
        let bytes = Array(message.utf8)
        let argument = bytes.withUnsafeBufferPointer { raw in
            ffi_photoday_ffi_rustbuffer_from_bytes(ForeignBytes(len: Int32(raw.count), data: raw.baseAddress), &status)
        }
        XCTAssertEqual(status.code, 0)
        uniffi_photoday_ffi_fn_func_debug_panic(argument, &status)
        let buffer = status.errorBuf
        let said = buffer.data.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(buffer.len)), as: UTF8.self) }
        var freed = RustCallStatus(code: 0, errorBuf: RustBuffer(capacity: 0, len: 0, data: nil))
        ffi_photoday_ffi_rustbuffer_free(buffer, &freed)
        return (status.code, said ?? "")
    }

    func testCallsFromManyThreadsAtOnceAllGetTheSameAnswers() throws {
        let now = beijing("2023-06-01T12:00")
        let expected = try previewTimeline(template: "gzcc-2023", college: "会计学院", nowMs: now)
        let results = Gathered<[TimelineItem]>()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            if let items = try? previewTimeline(template: "gzcc-2023", college: "会计学院", nowMs: now) {
                results.put(i, items)
            }
        }
        XCTAssertEqual(results.values.count, 64)
        XCTAssertTrue(results.values.allSatisfy { $0 == expected })
    }

    func testTheCoreReportsItsVersion() {
        let version = coreVersion()
        XCTAssertNotNil(version.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression), version)
    }
}
