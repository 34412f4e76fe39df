// The kinds of PhotoDayError a UI acts on, and an assertion that a core call fails with one.

import PhotoDayCore
import XCTest

enum ErrorKind: Equatable {
    case notReady, invalidInput, badBundle, badLog, storage, io, internalError
}

extension PhotoDayError {
    var kind: ErrorKind {
        switch self {
        case .NotReady: return .notReady
        case .InvalidInput: return .invalidInput
        case .BadBundle: return .badBundle
        case .BadLog: return .badLog
        case .Storage: return .storage
        case .Io: return .io
        case .Internal: return .internalError
        }
    }

    var text: String {
        switch self {
        case .NotReady(let m), .InvalidInput(let m), .BadBundle(let m), .BadLog(let m),
             .Storage(let m), .Io(let m), .Internal(let m):
            return m
        }
    }
}

/// Runs a core call that must throw a `PhotoDayError` of `kind`; returns its message ("" when
/// the assertion failed, so callers can go on checking).
@discardableResult
func assertCoreError(
    _ kind: ErrorKind, _ what: String = "", file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Any?
) -> String {
    guard let error = assertThrows(PhotoDayError.self, what, file: file, line: line, body) else { return "" }
    XCTAssertEqual(error.kind, kind, "\(what): \(error.text)", file: file, line: line)
    return error.text
}
