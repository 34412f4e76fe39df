// The notice, readable offline: its instructions section by section, the fee, the 补拍 make-up,
// the 学信网 check, and whom to ask, with every phone number a tap away.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct EventInfoView: View {
    @State var model = EventInfoModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        List {
            if let event = model.event {
                Section {
                    Text(verbatim: event.title.localized)
                        .font(.headline)
                    Text(verbatim: "\(event.school.name.localized) · \(event.noticeRef)")
                        .foregroundColor(.secondary)
                }
                ForEach(event.instructions, id: \.title) { section in
                    Section {
                        ForEach(section.items, id: \.self) { item in
                            Text(verbatim: item.localized)
                        }
                    } header: {
                        Text(verbatim: section.title.localized)
                    }
                }
                FeeSection(fee: event.fee, note: model.feeNote)
                MakeupSection(makeup: event.makeup)
                Section("Check your photo on CHSI") {
                    LabeledValue(label: "Opens after (days)", value: String(event.verification.afterDays))
                    Text(verbatim: event.verification.site)
                    Text(verbatim: event.verification.how.localized)
                }
                Section("Contacts") {
                    ForEach(event.contacts, id: \.self) { contact in
                        ContactRow(contact: contact)
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

struct FeeSection: View {
    let fee: Fee
    /// The core's sentence for students (pay the liaison); the colleges' account is not shown.
    let note: BilingualText?

    var body: some View {
        Section("Photo fee") {
            LabeledValue(label: "Yuan", value: String(fee.yuan))
            if let note {
                Text(verbatim: note.localized)
            }
        }
    }
}

struct MakeupSection: View {
    let makeup: Makeup

    var body: some View {
        Section("Make-up photo (补拍)") {
            LabeledValue(label: "Deadline", value: makeup.deadlineLocal)
            LabeledValue(label: "Yuan", value: String(makeup.feeYuan))
            LabeledValue(label: "School code", value: makeup.schoolCode)
            Text(verbatim: makeup.place.localized)
            PhoneLink(number: makeup.phone)
            ForEach(makeup.bring, id: \.self) { thing in
                Label {
                    Text(verbatim: thing.localized)
                } icon: {
                    Image(systemName: "bag")
                }
            }
        }
    }
}

struct ContactRow: View {
    let contact: Contact

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(verbatim: contact.name.localized)
                .font(.headline)
            Text(verbatim: contact.role.localized)
                .font(.subheadline)
            Text(verbatim: contact.place.localized)
                .font(.subheadline)
                .foregroundColor(.secondary)
            ForEach(contact.phones, id: \.self) { phone in
                PhoneLink(number: phone)
            }
            if let ext = contact.extension {
                LabeledValue(label: "Extension", value: ext)
            }
        }
        .padding(.vertical, 2)
    }
}

/// A phone number the system dials on tap (the core gives numbers dialable as written).
struct PhoneLink: View {
    let number: String

    var body: some View {
        if let url = PhoneNumber.dialURL(number) {
            Link(destination: url) {
                Label(number, systemImage: "phone.fill")
            }
        } else {
            Text(verbatim: number)
        }
    }
}
