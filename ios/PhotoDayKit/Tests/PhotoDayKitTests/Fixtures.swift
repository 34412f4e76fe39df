// What the 教务处 hands to phones, made fresh for each run by bindings/examples/kotlin_fixtures.rs
// (the same fixtures as the Kotlin tests; tests/swift/run.sh passes their folder as
// PHOTODAY_FIXTURES), scratch databases, and the moments of the 广州商学院 2023 day. One file for
// both Swift test packages: tests/swift/Bindings links to it (Tests/BindingsTests/Fixtures.swift).

import Foundation

/// One student with their pass.
struct Holder {
    let studentNo: UInt64
    let name: String
    let pass: String
}

enum Fixtures {
    static let dir = URL(
        fileURLWithPath: ProcessInfo.processInfo.environment["PHOTODAY_FIXTURES"] ?? "target/swift-fixtures",
        isDirectory: true)

    private static let props: [String: String] = {
        let file = dir.appendingPathComponent("fixtures.properties")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            fatalError("no \(file.path): run tests/swift/run.sh, which makes the fixtures first")
        }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            out[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        return out
    }()

    static func prop(_ key: String) -> String {
        guard let value = props[key] else { fatalError("fixtures.properties has no \(key)") }
        return value
    }

    static func studentNo(_ key: String) -> UInt64 {
        UInt64(prop("\(key).student_no"))!
    }

    static func bytes(_ name: String) -> Data {
        try! Data(contentsOf: dir.appendingPathComponent(name))
    }

    static func pass(_ name: String) -> String {
        String(decoding: bytes("\(name).pass"), as: UTF8.self)
    }

    /// Every student of session 1 (信息技术与工程学院) with their current pass, by student number.
    static let session1 = holders(1)

    /// Every student of `session` (1, 9 or 10) with their current pass, by student number.
    static func holders(_ session: Int) -> [Holder] {
        String(decoding: bytes("session\(session).passes"), as: UTF8.self)
            .split(separator: "\n")
            .map { line in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                return Holder(studentNo: UInt64(f[0])!, name: f[1], pass: f[2])
            }
    }

    /// A scratch folder for this run, deleted by the next run's.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("photoday-swift-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    private static let counter = Counter()

    /// A fresh database path in the scratch folder.
    static func db(_ name: String) -> String {
        file("\(name).db").path
    }

    /// A fresh path in the scratch folder for a file or folder of the test's own.
    static func file(_ name: String) -> URL {
        scratch.appendingPathComponent("\(counter.next())-\(name)")
    }
}

final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        n += 1
        return n
    }
}

/// The morning of session 1 at 一教104, when the screens are driven.
let MORNING = beijing("2023-06-03T09:35")

/// Unix milliseconds of a Beijing-time moment written `2023-06-03T09:10`.
func beijing(_ local: String) -> Int64 {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: "\(local):00+08:00") else { fatalError("bad moment \(local)") }
    return Int64((date.timeIntervalSince1970 * 1000).rounded())
}
