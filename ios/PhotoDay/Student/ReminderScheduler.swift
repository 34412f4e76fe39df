// Hands the core's reminder schedule to iOS as local notifications.
//
// The core computes every reminder (fee deadline, 采集码 checks at T-7/T-3/T-1, arrive-by, the
// shoot, 补拍 deadline, 学信网 check) with a stable id; the app replaces whatever it scheduled
// before with the current list. Before a bundle and a pass are imported there is nothing to
// schedule, and after a purge nothing is left.

import Foundation
import PhotoDayCore
import UserNotifications

enum ReminderScheduler {
    /// Replaces the pending notifications with the core's schedule as of now; returns how many
    /// are scheduled (0 when notifications are not allowed).
    @discardableResult
    static func reschedule() async -> Int {
        let center = UNUserNotificationCenter.current()
        let allowed = (try? await center.requestAuthorization(options: [.alert, .sound])) ?? false
        let reminders: [Reminder]
        do {
            reminders = try await CoreService.shared.student { (app: StudentApp) in
                try app.reminders(nowMs: Clock.nowMs())
            }
        } catch {
            // NotReady: no bundle or pass yet, so nothing is due.
            reminders = []
        }
        center.removeAllPendingNotificationRequests()
        guard allowed else { return 0 }
        var scheduled = 0
        for reminder in reminders {
            let content = UNMutableNotificationContent()
            content.title = reminder.title.localized
            content.body = reminder.body.localized
            content.sound = .default
            let fireAt = Calendar.current.dateComponents(
                [.year, .month, .day, .hour, .minute, .second],
                from: Clock.date(unixMs: reminder.fireAtUnixMs))
            let trigger = UNCalendarNotificationTrigger(dateMatching: fireAt, repeats: false)
            let request = UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger)
            if (try? await center.add(request)) != nil {
                scheduled += 1
            }
        }
        return scheduled
    }

    static func cancelAll() {
        UNUserNotificationCenter.current().removeAllPendingNotificationRequests()
    }
}
