// Who arrived, who holds a number and who was photographed: the session the room is running first
// (per class, those who arrived but were not photographed for the liaisons to chase, and the
// absentees who will need the 补拍 make-up), then every session this phone knows of from its own
// records and the logs it merged, and the conflicts to settle: a student numbered twice (which
// number to void) and a number held by two students. Headings, counts and advice are the core's
// lines.

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
                    SessionAttendanceSection(attendance: mine)
                }
                if let all = model.all {
                    if !all.duplicates.isEmpty {
                        Section("Numbered twice") {
                            ForEach(all.duplicates, id: \.studentNo) { duplicate in
                                Text(verbatim: duplicate.advice.localized)
                                    .foregroundColor(.red)
                            }
                        }
                    }
                    if !all.clashes.isEmpty {
                        Section("One number, two students") {
                            ForEach(all.clashes, id: \.self) { clash in
                                Text(verbatim: clash.advice.localized)
                                    .foregroundColor(.red)
                            }
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
            .doneButton { dismiss() }
            .refreshable { await model.load() }
            .task { await model.load() }
            .messageAlert($model.message)
        }
    }
}

struct SessionAttendanceSection: View {
    let attendance: SessionAttendance

    var body: some View {
        Section("This room now") {
            AttendanceLine(attendance: attendance)
            ForEach(attendance.classes, id: \.className) { group in
                Label {
                    Text(verbatim: group.line.localized)
                        .monospacedDigit()
                } icon: {
                    // The core says when the whole class is photographed.
                    Image(systemName: group.complete ? "checkmark.circle.fill" : "circle")
                        .foregroundColor(group.complete ? .green : .secondary)
                }
            }
            StudentList(title: attendance.arrivedNotPhotographedTitle, students: attendance.arrivedNotPhotographed)
            StudentList(title: attendance.absenteesTitle, students: attendance.absentees)
        }
    }
}

/// A session's heading and its counts (`到场 40 · 已编号 38 · 已拍 36/42 · 暂离 2`), as the core words them.
struct AttendanceLine: View {
    let attendance: SessionAttendance

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(verbatim: attendance.heading.localized)
                .font(.headline)
            Text(verbatim: attendance.summary.localized)
                .font(.subheadline.monospacedDigit())
        }
    }
}

struct StudentList: View {
    let title: BilingualText
    let students: [RosterStudent]

    var body: some View {
        if !students.isEmpty {
            DisclosureGroup(title.localized) {
                ForEach(students, id: \.studentNo) { student in
                    Text(verbatim: student.line)
                        .font(.subheadline.monospacedDigit())
                }
            }
        }
    }
}
