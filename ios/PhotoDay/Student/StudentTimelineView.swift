// The student's year, as the core dates it: fee deadline, 采集码 checks, arrive-by, the shoot,
// the 学信网 check and the 补拍 deadline, each past, due or upcoming. Reminders for them are
// turned on from the home screen's card, where the permission is asked for.

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct StudentTimelineView: View {
    @State var model = StudentTimelineModel()
    @Environment(DataVersion.self) var version

    var body: some View {
        List {
            Section {
                ForEach(model.items, id: \.id) { item in
                    TimelineRow(item: item)
                }
            } footer: {
                Text("Reminders are local notifications on this phone; nothing is sent anywhere.")
            }
        }
        .navigationTitle("Timeline")
        .task(id: version.value) { await model.load() }
        .messageAlert($model.message)
    }
}

struct TimelineRow: View {
    let item: TimelineItem

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Text(verbatim: item.title.localized)
                    .font(.headline)
                Spacer()
                Text(verbatim: item.whenLine.localized)
                    .font(.subheadline.monospacedDigit())
            }
            Text(verbatim: item.detail.localized)
                .font(.subheadline)
        }
        .padding(.vertical, 2)
        .foregroundColor(Self.colour(item.status))
    }

    private static func colour(_ status: TimelineStatus) -> Color {
        switch status {
        case .past: return .secondary
        case .due: return .accentColor
        case .upcoming: return .primary
        }
    }
}
