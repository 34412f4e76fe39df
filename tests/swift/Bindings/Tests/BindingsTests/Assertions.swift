// Assertions the bindings' tests share: a thrown error of a given type, and results gathered from
// many threads. (The fixtures themselves are ios/PhotoDayKit's Fixtures.swift, linked here.)

import Foundation
import XCTest

/// The error `body` throws, failing the test when it throws none or one of another type.
func assertThrows<E: Error>(
    _ type: E.Type, _ message: String = "", file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Any?
) -> E? {
    do {
        let value = try body()
        XCTFail("expected \(E.self), got \(String(describing: value)) \(message)", file: file, line: line)
        return nil
    } catch let error as E {
        return error
    } catch {
        XCTFail("expected \(E.self), got \(error) \(message)", file: file, line: line)
        return nil
    }
}

/// Results gathered from many threads at once.
final class Gathered<T>: @unchecked Sendable {
    private var items: [Int: T] = [:]
    private let lock = NSLock()

    func put(_ index: Int, _ value: T) {
        lock.lock()
        items[index] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items.keys.sorted().compactMap { items[$0] }
    }
}
