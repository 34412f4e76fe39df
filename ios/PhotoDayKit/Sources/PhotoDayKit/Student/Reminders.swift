// The core's reminder schedule, laid as local notifications.
//
// The core computes every reminder (fee deadline, 采集码 checks at T-7/T-3/T-1, arrive-by, the
// shoot, 补拍 deadline, 学信网 check) with a stable id; the app replaces whatever it scheduled
// before with the current list. Before a bundle and a pass are imported there is nothing to
// schedule, and after a purge nothing is left. Laying them only checks the permission; it is asked
// for once, in context, from the home screen's "Turn on reminders" card (Apple's HIG: ask when
// the benefit is clear, never on launch). The notification system itself is behind
// `ReminderCenter` (UserNotifications on iOS, ios/PhotoDay/Student/LocalNotifications.swift), so
// the rule is tested here.

import Foundation
import PhotoDayCore

/// One notification to lay: the core's reminder in the UI's language, with its moment as the
/// calendar components a calendar trigger matches.
public struct PlannedReminder: Equatable, Sendable {
    public let id: String
    public let title: String
    public let body: String
    public let fireAt: DateComponents
}

/// Whether the app may show notifications.
public enum ReminderPermission: Equatable, Sendable {
    /// Never asked: offer "Turn on reminders".
    case notAsked
    case allowed
    /// Refused: only the system's Settings can turn it on.
    case denied
}

/// The platform's local notifications.
public protocol ReminderCenter: Sendable {
    /// The current permission, without asking.
    func permission() async -> ReminderPermission
    /// Asks to show alerts and sounds (the system asks the user once); true when allowed.
    func requestPermission() async -> Bool
    func removeAllPending()
    /// Lays one notification; false if the system refused it.
    func add(_ reminder: PlannedReminder) async -> Bool
}

/// Lays nothing: the default until the app installs the real centre.
public struct NoReminderCenter: ReminderCenter {
    public init() {}
    public func permission() async -> ReminderPermission { .denied }
    public func requestPermission() async -> Bool { false }
    public func removeAllPending() {}
    public func add(_ reminder: PlannedReminder) async -> Bool { false }
}

public struct ReminderScheduler: Sendable {
    let core: CoreService
    let center: any ReminderCenter
    let now: @Sendable () -> Int64

    public init(core: CoreService, center: any ReminderCenter, now: @escaping @Sendable () -> Int64) {
        self.core = core
        self.center = center
        self.now = now
    }

    /// The core's reminders as notifications, fired at their moment in `calendar`'s time zone.
    public static func plan(_ reminders: [Reminder], calendar: Calendar = .current) -> [PlannedReminder] {
        reminders.map { reminder in
            PlannedReminder(
                id: reminder.id,
                title: reminder.title.localized,
                body: reminder.body.localized,
                fireAt: calendar.dateComponents(
                    [.year, .month, .day, .hour, .minute, .second],
                    from: Clock.date(unixMs: reminder.fireAtUnixMs)))
        }
    }

    /// The user turned reminders on: asks for the permission, then lays the schedule; returns the
    /// permission as it now stands.
    @discardableResult
    public func turnOn(calendar: Calendar = .current) async -> ReminderPermission {
        let allowed = await center.requestPermission()
        await reschedule(calendar: calendar)
        return allowed ? .allowed : .denied
    }

    /// Replaces the pending notifications with the core's schedule as of now; returns how many
    /// are scheduled (0 when notifications are not allowed; this never asks).
    @discardableResult
    public func reschedule(calendar: Calendar = .current) async -> Int {
        let allowed = await center.permission() == .allowed
        let now = self.now()
        let reminders: [Reminder]
        do {
            reminders = try await core.student { (app: StudentApp) in
                try app.reminders(nowMs: now)
            }
        } catch {
            // NotReady: no bundle or pass yet, so nothing is due.
            reminders = []
        }
        center.removeAllPending()
        guard allowed else { return 0 }
        var scheduled = 0
        for planned in Self.plan(reminders, calendar: calendar) where await center.add(planned) {
            scheduled += 1
        }
        return scheduled
    }

    public func cancelAll() {
        center.removeAllPending()
    }
}
