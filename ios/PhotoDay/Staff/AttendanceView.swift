// Who is in and who is still missing: this station's session first (per class, and the absentees
// who will need the 补拍 make-up), then every session this phone knows of from its own records and
// the logs it merged, and the students photographed twice with the photo numbers to void.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct AttendanceView: View {
    @State var model = AttendanceModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            List {
                if let mine = model.station {
                    SessionAttendanceSection(attendance: mine, detailed: true)
                }
                if let all = model.all {
                    if !all.duplicates.isEmpty {
                        Section {
                            ForEach(all.duplicates, id: \.studentNo) { duplicate in
                                VStack(alignment: .leading, spacing: 2) {
                                    Text(verbatim: String(duplicate.studentNo))
                                        .font(.headline.monospacedDigit())
                                    Text("Keep photo no. \(duplicate.keep.photoNo)")
                                    ForEach(duplicate.void, id: \.seq) { admission in
                                        Text("Void photo no. \(admission.photoNo) (device \(admission.device))")
                                            .foregroundColor(.red)
                                    }
                                }
                            }
                        } header: {
                            Text("Photographed twice")
                        }
                    }
                    Section("Every session") {
                        ForEach(all.sessions, id: \.session) { session in
                            AttendanceLine(attendance: session)
                        }
                    }
                }
            }
            .navigationTitle("Attendance")
            .toolbar {
                ToolbarItem(placement: .confirmationAction) {
                    Button("Done") { dismiss() }
                }
            }
            .refreshable { await model.load() }
            .task { await model.load() }
            .messageAlert($model.message)
        }
    }
}

struct SessionAttendanceSection: View {
    let attendance: SessionAttendance
    var detailed = false

    var body: some View {
        Section {
            AttendanceLine(attendance: attendance)
            if attendance.notOnRoster > 0 {
                Text("\(Int(attendance.notOnRoster)) admitted who are not on the roster")
            }
            ForEach(attendance.classes, id: \.className) { group in
                HStack {
                    Text(verbatim: group.className)
                    Spacer()
                    Text(verbatim: "\(group.admitted)/\(group.expected)")
                        .monospacedDigit()
                }
            }
            if detailed && !attendance.absentees.isEmpty {
                DisclosureGroup("Not yet photographed (\(attendance.absentees.count))") {
                    ForEach(attendance.absentees, id: \.studentNo) { student in
                        HStack {
                            Text(verbatim: String(student.studentNo))
                                .monospacedDigit()
                            Text(verbatim: student.name)
                            Spacer()
                            Text(verbatim: student.className)
                                .foregroundColor(.secondary)
                        }
                        .font(.subheadline)
                    }
                }
            }
        } header: {
            Text("This door")
        }
    }
}

struct AttendanceLine: View {
    let attendance: SessionAttendance

    var body: some View {
        HStack {
            VStack(alignment: .leading, spacing: 2) {
                Text(verbatim: "\(attendance.session). \(attendance.college.localized)")
                    .font(.headline)
                Text(verbatim: "\(attendance.date) \(attendance.room.localized)")
                    .font(.subheadline)
                    .foregroundColor(.secondary)
            }
            Spacer()
            Text(verbatim: "\(attendance.admitted)/\(attendance.expected)")
                .font(.title3.bold().monospacedDigit())
        }
    }
}
