// The core's reminder schedule, laid as local notifications: platform glue only.
//
// The core computes every reminder (fee deadline, 采集码 checks, arrive-by, the shoot, 补拍
// deadline, 学信网 check), its words and its order (`StudentApp.reminders`); the app replaces
// whatever it scheduled before with the current list after every change. The permission is asked
// for once, when there is first something to remind of (after the pack and pass are in), never on
// an empty phone. The notification system is behind `ReminderCenter` (UserNotifications on iOS,
// ios/PhotoDay/Platform/LocalNotifications.swift), so this is tested here.

import Foundation
import PhotoDayCore

/// One notification to lay, in the reader's language, at calendar components a trigger matches.
public struct PlannedReminder: Equatable, Sendable {
    public let id: String
    public let title: String
    public let body: String
    public let fireAt: DateComponents
}

/// Whether the app may show notifications.
public enum ReminderPermission: Equatable, Sendable {
    case notAsked
    case allowed
    case denied
}

/// The platform's local notifications.
public protocol ReminderCenter: Sendable {
    func permission() async -> ReminderPermission
    /// Asks to show alerts and sounds (the system asks the user once); true when allowed.
    func requestPermission() async -> Bool
    func removeAllPending()
    /// Lays one notification; false if the system refused it.
    func add(_ reminder: PlannedReminder) async -> Bool
}

/// Lays nothing (a staff phone's tests, or before the app installs the real centre).
public struct NoReminderCenter: ReminderCenter {
    public init() {}
    public func permission() async -> ReminderPermission { .denied }
    public func requestPermission() async -> Bool { false }
    public func removeAllPending() {}
    public func add(_ reminder: PlannedReminder) async -> Bool { false }
}

public struct ReminderScheduler: Sendable {
    let screens: Screens
    let center: any ReminderCenter
    let lang: Lang
    let now: @Sendable () -> Int64

    /// Replaces the pending notifications with the core's schedule as of now, on a student phone;
    /// returns how many are laid.
    @discardableResult
    public func reschedule(calendar: Calendar = .current) async -> Int {
        guard screens.mode() == .student else { return 0 }
        let screens = self.screens
        let now = self.now()
        // NotReady (no pack or pass yet) means nothing is due.
        let due: [Reminder] = await Task.detached { (try? screens.student().reminders(nowMs: now)) ?? [] }.value
        center.removeAllPending()
        var permission = await center.permission()
        if permission == .notAsked && !due.isEmpty {
            permission = await center.requestPermission() ? .allowed : .denied
        }
        guard permission == .allowed else { return 0 }
        var laid = 0
        for reminder in due {
            let planned = PlannedReminder(
                id: reminder.id, title: reminder.title.textIn(lang: lang), body: reminder.body.textIn(lang: lang),
                fireAt: calendar.dateComponents(
                    [.year, .month, .day, .hour, .minute, .second],
                    from: Date(timeIntervalSince1970: TimeInterval(reminder.fireAtUnixMs) / 1000)))
            if await center.add(planned) { laid += 1 }
        }
        return laid
    }
}
