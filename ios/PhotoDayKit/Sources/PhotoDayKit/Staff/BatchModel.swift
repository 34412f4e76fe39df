// The photographer's list: every 摄影编号 of the session the room is running, in shooting order,
// waiting, voided (struck out, with why) or photographed, with names when the bundle has them —
// so the staff call the batch in and stand them in the right order (no "站错位置"). A student who
// cannot be shot now is stepped aside here: their number is voided, and they are numbered again at
// the end when they come back.

import Foundation
import Observation
import PhotoDayCore

@MainActor
@Observable
public final class BatchModel {
    /// The open batch (the oldest not closed), nil on a door phone or before the first number.
    public private(set) var batch: Batch?
    /// Every number of the session on this phone.
    public private(set) var list: [BatchMember] = []
    public private(set) var loaded = false
    /// What the last step-aside did, in the core's words.
    public private(set) var notice: ScanNotice?
    /// The step-aside buttons, in the core's order and words.
    public let asideChoices = asideReasons()
    public var message: Message?

    @ObservationIgnored private let services: AppServices

    public init(services: AppServices = .shared) {
        self.services = services
    }

    public func load() async {
        let state = await services.scanner({ message = $0 }) { app, now -> (Batch?, [BatchMember]) in
            let batch = try app.currentBatch(nowMs: now)
            guard let session = app.sessionNow(nowMs: now) ?? batch?.session else { return (batch, []) }
            return (batch, try app.photoList(session: session))
        }
        if let state { (batch, list) = state }
        loaded = true
    }

    /// Why a voided number was stepped aside (`BatchMember.aside`), in the core's words.
    public func text(for reason: AsideReason?) -> BilingualText? {
        asideChoices.first { $0.reason == reason }?.text
    }

    /// Steps `member` aside for `reason`; the list shows their number voided, `notice` says so.
    public func stepAside(_ member: BatchMember, reason: AsideReason, note: String? = nil) async {
        notice = await services.scanner({ message = $0 }) { app, now in
            app.stepAsideStudent(studentNo: member.studentNo, reason: reason, note: note, nowMs: now).notice
        } ?? notice
        await load()
    }
}
