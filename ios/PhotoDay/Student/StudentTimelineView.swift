// The student's year, as the core dates it: fee deadline, 采集码 checks, arrive-by, the shoot,
// the 学信网 check and the 补拍 deadline, each past, due or upcoming; and whether reminders for
// them are on.

import PhotoDayCore
import SwiftUI

@MainActor
final class StudentTimelineModel: ObservableObject {
    @Published private(set) var items: [TimelineItem] = []
    @Published private(set) var scheduled: Int?
    @Published var message: String?

    func load() async {
        do {
            items = try await CoreService.shared.student { (app: StudentApp) in
                try app.timeline(nowMs: Clock.nowMs())
            }
        } catch {
            message = ErrorText.of(error)
        }
    }

    func scheduleReminders() async {
        scheduled = await ReminderScheduler.reschedule()
    }
}

struct StudentTimelineView: View {
    @StateObject var model = StudentTimelineModel()
    @EnvironmentObject var version: DataVersion

    var body: some View {
        List {
            Section {
                ForEach(model.items, id: \.id) { item in
                    TimelineRow(item: item)
                }
            }
            Section {
                Button("Remind me of these dates") {
                    Task { await model.scheduleReminders() }
                }
                if let count = model.scheduled {
                    Text("\(count) reminders scheduled.")
                        .foregroundColor(.secondary)
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
                Text(verbatim: item.atLocal)
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
