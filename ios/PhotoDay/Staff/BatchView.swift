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
                    PhotoListRow(
                        member: member, inOpenBatch: member.batch == model.batch?.number,
                        aside: model.text(for: member.aside)
                    )
                    .contextMenu {
                        if member.status == .waiting {
                            Section("Step aside") {
                                ForEach(model.asideChoices, id: \.reason) { choice in
                                    Button(choice.text.localized) { Task { await model.stepAside(member, reason: choice.reason) } }
                                }
                            }
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
    /// Why a voided number was stepped aside, in the core's words.
    let aside: BilingualText?

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
                Text(verbatim: member.line.localized)
                    .font(.subheadline.monospacedDigit())
                    .foregroundColor(.secondary)
            }
            Spacer()
            switch member.status {
            case .photographed:
                Image(systemName: "checkmark.circle.fill")
                    .foregroundColor(.green)
            case .voided:
                if let aside {
                    Text(verbatim: aside.localized)
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
