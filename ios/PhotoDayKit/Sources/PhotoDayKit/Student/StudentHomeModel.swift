// Today: the slot card (where, when, arrive by, and how long until then), the next thing to do,
// and how far the preparation is. Before the phone is set up, the core's hint says what is missing.
// Once the session has begun the core asks whether the student was photographed: they scan the
// small code on the studio phone to keep their 摄影编号, or say "我已拍完"; either way the home
// and the reminders switch to after the shoot (no 补拍 alarms). The reminders card asks for the
// notification permission here, in context, once.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class StudentHomeModel {
    public private(set) var home: Home?
    public private(set) var error: String?
    /// Whether reminders may be shown: the card offers to turn them on, or points to Settings.
    public private(set) var reminders: ReminderPermission?
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let now = services.now()
        reminders = await services.reminderCenter.permission()
        do {
            home = try await services.core.student { (app: StudentApp) in
                try app.home(nowMs: now)
            }
            error = nil
        } catch {
            self.error = ErrorText.of(error)
        }
    }

    /// The studio phone's number code, read by the camera: kept, or the core's refusal shown.
    public func importNumber(_ text: String) async {
        await recordShot { (app: StudentApp) in try app.importNumber(text: text) }
    }

    /// "我已拍完": photographed, though no number reached the phone.
    public func shotDone() async {
        await recordShot { (app: StudentApp) in try app.setShotDone(done: true) }
    }

    /// "Turn on reminders": the one place the permission is asked for.
    public func turnOnReminders() async {
        reminders = await services.reminders.turnOn()
    }

    private func recordShot(_ call: @escaping @Sendable (StudentApp) throws -> Shot?) async {
        do {
            if let shot = try await services.core.student(call) {
                message = .shotRecorded(shot)
            }
            // After the shoot the 补拍 alarms go; the 学信网 check stays.
            await services.reminders.reschedule()
        } catch {
            message = .failure(error)
        }
        await load()
    }
}
