// What every screen model needs from outside itself: the core, the clock, where reminders go and
// how a verdict is felt. The app sets `AppServices.shared` once at launch (the iOS notification
// centre, the verdict sounds); tests build their own over a scratch core with a fixed clock.

import Foundation
import PhotoDayCore

public struct AppServices: Sendable {
    public var core: CoreService
    /// Unix milliseconds now; the core judges every scan and timeline against it.
    public var now: @Sendable () -> Int64
    /// Where the core's reminder schedule is handed for local notifications.
    public var reminderCenter: any ReminderCenter
    /// The sound and haptic for a verdict card's `Signal` (the core's: `silent` for a pass shown
    /// again), played once per card on the main actor.
    public var feedback: @MainActor @Sendable (Signal) -> Void

    public init(
        core: CoreService = .shared,
        now: @escaping @Sendable () -> Int64 = Clock.nowMs,
        reminderCenter: any ReminderCenter = NoReminderCenter(),
        feedback: @escaping @MainActor @Sendable (Signal) -> Void = { _ in }
    ) {
        self.core = core
        self.now = now
        self.reminderCenter = reminderCenter
        self.feedback = feedback
    }

    /// The app's services; PhotoDayApp replaces the reminder centre and feedback at launch.
    /// Screen models take it as a default argument, from any context, so it sits behind a lock.
    public static var shared: AppServices {
        get { box.value }
        set { box.value = newValue }
    }

    private static let box = SharedBox(AppServices())

    /// The core's reminder schedule, laid with this app's reminder centre.
    public var reminders: ReminderScheduler {
        ReminderScheduler(core: core, center: reminderCenter, now: now)
    }
}

/// One value read and replaced from any thread.
private final class SharedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }
}
