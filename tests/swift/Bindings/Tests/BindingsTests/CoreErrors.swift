// The kinds of PhotoDayError a UI acts on, and an assertion that a core call fails with one.

import PhotoDayCore
import XCTest

enum ErrorKind: Equatable {
    case notReady, invalidInput, badBundle, badLog, storage, io, internalError
    case undoTooOld, alreadyUndone, notUndoable, logCodeDamaged, logCodeOtherSequence, notYourPass
}

extension PhotoDayError {
    /// The core's message in both languages (every kind carries one).
    var text: BilingualText {
        switch self {
        case .NotReady(let text), .InvalidInput(let text), .BadBundle(let text), .BadLog(let text),
             .Storage(let text), .Io(let text), .UndoTooOld(let text), .AlreadyUndone(let text),
             .NotUndoable(let text), .LogCodeDamaged(let text), .LogCodeOtherSequence(let text),
             .NotYourPass(let text), .Internal(let text):
            return text
        }
    }

    var kind: ErrorKind {
        switch self {
        case .NotReady: return .notReady
        case .InvalidInput: return .invalidInput
        case .BadBundle: return .badBundle
        case .BadLog: return .badLog
        case .Storage: return .storage
        case .Io: return .io
        case .Internal: return .internalError
        case .UndoTooOld: return .undoTooOld
        case .AlreadyUndone: return .alreadyUndone
        case .NotUndoable: return .notUndoable
        case .LogCodeDamaged: return .logCodeDamaged
        case .LogCodeOtherSequence: return .logCodeOtherSequence
        case .NotYourPass: return .notYourPass
        }
    }
}

/// Runs a core call that must throw a `PhotoDayError` of `kind`; returns its English message (""
/// when the assertion failed, so callers can go on checking).
@discardableResult
func assertCoreError(
    _ kind: ErrorKind, _ what: String = "", file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Any?
) -> String {
    guard let error = assertThrows(PhotoDayError.self, what, file: file, line: line, body) else { return "" }
    XCTAssertEqual(error.kind, kind, "\(what): \(error.text.en)", file: file, line: line)
    return error.text.en
}
