// The notice, readable offline, drawn as the core lays it out (`StudentApp.notice`): its title and
// source, then one card per section — the fee, the 补拍 make-up, the 学信网 check, whom to ask, the
// instructions — each line the core's, every phone number a tap away.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct EventInfoView: View {
    @State var model = EventInfoModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        List {
            if let notice = model.notice {
                Section {
                    Text(verbatim: notice.title.localized)
                        .font(.headline)
                    Text(verbatim: notice.source.localized)
                        .foregroundColor(.secondary)
                }
                ForEach(Array(notice.sections.enumerated()), id: \.offset) { _, section in
                    Section {
                        ForEach(Array(section.lines.enumerated()), id: \.offset) { _, line in
                            NoticeLineView(line: line)
                        }
                    } header: {
                        Text(verbatim: section.title.localized)
                    }
                }
            } else {
                Text("Import the event file to read the notice here.")
                    .foregroundColor(.secondary)
            }
        }
        .navigationTitle("Instructions and contacts")
        .task(id: version.value) { await model.load() }
    }
}

/// One line of a notice card: a sub-heading (a contact), a number the system dials on tap, or text.
struct NoticeLineView: View {
    let line: NoticeLine

    var body: some View {
        if let number = line.dial, let url = PhoneNumber.dialURL(number) {
            Link(destination: url) {
                Label(line.text.localized, systemImage: "phone.fill")
            }
        } else {
            Text(verbatim: line.text.localized)
                .font(line.heading ? .headline : .body)
        }
    }
}
