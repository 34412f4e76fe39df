// The core's reminder schedule, laid as local notifications.
//
// The core computes every reminder (fee deadline, 采集码 checks at T-7/T-3/T-1, arrive-by, the
// shoot, 补拍 deadline, 学信网 check) with a stable id; the app replaces whatever it scheduled
// before with the current list. Before a bundle and a pass are imported there is nothing to
// schedule, and after a purge nothing is left. The notification system itself is behind
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

/// The platform's local notifications.
public protocol ReminderCenter: Sendable {
    /// Asks to show alerts and sounds; false when the user said no.
    func authorize() async -> Bool
    func removeAllPending()
    /// Lays one notification; false if the system refused it.
    func add(_ reminder: PlannedReminder) async -> Bool
}

/// Lays nothing: the default until the app installs the real centre.
public struct NoReminderCenter: ReminderCenter {
    public init() {}
    public func authorize() async -> Bool { false }
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

    /// Replaces the pending notifications with the core's schedule as of now; returns how many
    /// are scheduled (0 when notifications are not allowed).
    @discardableResult
    public func reschedule(calendar: Calendar = .current) async -> Int {
        let allowed = await center.authorize()
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
