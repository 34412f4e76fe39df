// The photographer's list: every 摄影编号 of the session in shooting order, the open batch marked,
// voided numbers struck out with why, photographed ones ticked — so the staff call the batch in and
// stand them in the right order (no "站错位置"). A waiting student who cannot be shot now (no 采集码,
// clothes, glasses, not there when called) is stepped aside from here; they are numbered again at
// the end when they come back.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct BatchView: View {
    @State var model = BatchModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            List {
                if let notice = model.notice {
                    Text(verbatim: notice.text.localized)
                        .foregroundColor(notice.colour == .red ? .red : .primary)
                }
                if let batch = model.batch {
                    Text(verbatim: batch.label.localized)
                        .font(.headline)
                }
                ForEach(model.list, id: \.photoNo) { member in
                    PhotoListRow(member: member, inOpenBatch: member.batch == model.batch?.number)
                        .contextMenu {
                            if member.status == .waiting {
                                StepAsideButtons { reason in Task { await model.stepAside(member, reason: reason) } }
                            }
                        }
                }
                if model.loaded && model.list.isEmpty {
                    Text("No one numbered yet on this phone.")
                        .foregroundColor(.secondary)
                }
            }
            .navigationTitle("Photo list")
            .doneButton { dismiss() }
            .refreshable { await model.load() }
            .task { await model.load() }
            .messageAlert($model.message)
        }
    }
}

struct PhotoListRow: View {
    let member: BatchMember
    let inOpenBatch: Bool

    var body: some View {
        HStack {
            Text(verbatim: member.photoNo)
                .font(.title2.bold().monospacedDigit())
                .strikethrough(member.status == .voided)
                .frame(minWidth: 72, alignment: .leading)
            VStack(alignment: .leading) {
                if let name = member.name {
                    Text(verbatim: name)
                        .font(.headline)
                }
                Text(verbatim: "\(member.studentNo) · \(member.batch)")
                    .font(.subheadline.monospacedDigit())
                    .foregroundColor(.secondary)
            }
            Spacer()
            switch member.status {
            case .photographed:
                Image(systemName: "checkmark.circle.fill")
                    .foregroundColor(.green)
            case .voided:
                if let reason = member.aside {
                    Text(verbatim: AsideReasonText.text(reason))
                        .font(.footnote)
                        .foregroundColor(.secondary)
                }
            case .waiting:
                if inOpenBatch {
                    Image(systemName: "camera")
                        .foregroundColor(.accentColor)
                }
            }
        }
        .opacity(member.status == .voided ? 0.5 : 1)
    }
}

/// "Step aside" with the reasons the notice's day has (a long press on a waiting number).
struct StepAsideButtons: View {
    let choose: (AsideReason) -> Void

    var body: some View {
        Section("Step aside") {
            ForEach([AsideReason.noCollectionCode, .clothes, .glasses, .notPresent, .other], id: \.self) { reason in
                Button(AsideReasonText.text(reason)) { choose(reason) }
            }
        }
    }
}

enum AsideReasonText {
    static func text(_ reason: AsideReason) -> String {
        switch reason {
        case .noCollectionCode: return String(localized: "No collection code")
        case .clothes: return String(localized: "Clothes")
        case .glasses: return String(localized: "Glasses or hair")
        case .notPresent: return String(localized: "Not there when called")
        case .other: return String(localized: "Other")
        }
    }
}
