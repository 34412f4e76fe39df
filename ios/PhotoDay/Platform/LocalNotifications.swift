// The core's reminders as iOS local notifications: PhotoDayKit's ReminderScheduler decides what
// to lay and when (ios/PhotoDayKit/Sources/PhotoDayKit/Reminders.swift); this hands each
// one to UNUserNotificationCenter with a calendar trigger. The permission is read without asking;
// it is requested once, when the core first has something to remind of.

import Foundation
import PhotoDayKit
import UserNotifications

struct LocalNotifications: ReminderCenter {
    func permission() async -> ReminderPermission {
        switch await UNUserNotificationCenter.current().notificationSettings().authorizationStatus {
        case .notDetermined:
            return .notAsked
        case .authorized, .provisional, .ephemeral:
            return .allowed
        default:
            return .denied
        }
    }

    func requestPermission() async -> Bool {
        (try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound])) ?? false
    }

    func removeAllPending() {
        UNUserNotificationCenter.current().removeAllPendingNotificationRequests()
    }

    func add(_ reminder: PlannedReminder) async -> Bool {
        let content = UNMutableNotificationContent()
        content.title = reminder.title
        content.body = reminder.body
        content.sound = .default
        let trigger = UNCalendarNotificationTrigger(dateMatching: reminder.fireAt, repeats: false)
        let request = UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger)
        return (try? await UNUserNotificationCenter.current().add(request)) != nil
    }
}
