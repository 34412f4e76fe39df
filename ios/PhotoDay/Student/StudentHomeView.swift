// Today: the slot card (where, when, arrive by, and the core's countdown), the shoot once recorded
// (or, once the session has begun, the question: scan the studio's number code, or "我已拍完"),
// the next thing to do, how far the preparation is, and the card that turns reminders on — the one
// place the notification permission is asked for. While the core says setup comes first, the
// setup screen (StudentSetupView) shows instead.

import PhotoDayCore
import PhotoDayKit
import SwiftUI
import UIKit

struct StudentHomeView: View {
    @State var model = StudentHomeModel()
    @Environment(DataVersion.self) var version
    @State var scanningNumber = false

    var body: some View {
        NavigationView {
            if model.home?.needsSetup == true {
                StudentSetupView()
            } else {
                homeList
            }
        }
        .navigationViewStyle(.stack)
        // The countdown moves: the core's sentence is asked for again every 30 seconds.
        .task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 30_000_000_000)
                await model.load()
            }
        }
    }

    private var homeList: some View {
            List {
                if let error = model.error {
                    MessageRow(text: error)
                }
                if let home = model.home {
                    if let hint = home.setupHint {
                        Section { Text(verbatim: hint.localized) }
                    }
                    if let shot = home.shot {
                        Section("Photographed") {
                            Label {
                                Text(verbatim: shot.label.localized)
                                    .font(.title3.bold())
                            } icon: {
                                Image(systemName: "checkmark.seal.fill")
                                    .foregroundColor(.green)
                            }
                        }
                    } else if let prompt = home.shotPrompt {
                        Section {
                            Text(verbatim: prompt.localized)
                            Button("Scan the number code") { scanningNumber = true }
                            Button("I have been photographed") { Task { await model.shotDone() } }
                        }
                    }
                    if let slot = home.slot {
                        SlotCard(slot: slot, className: home.className, countdown: home.countdown)
                    }
                    if let next = home.next {
                        Section(next.nextHeading.localized) {
                            TimelineRow(item: next)
                        }
                    }
                    Section("Preparation") {
                        if home.hasCollectionCode {
                            Label("Collection code saved", systemImage: "checkmark.circle.fill")
                        } else {
                            Label("Collection code not saved yet", systemImage: "exclamationmark.circle")
                        }
                        Label(home.checklistLine.localized, systemImage: "checklist")
                    }
                    if home.slot != nil {
                        RemindersCard(permission: model.reminders) { Task { await model.turnOnReminders() } }
                    }
                }
            }
            .navigationTitle("Today")
            .refreshable { await model.load() }
            .task(id: version.value) { await model.load() }
            .messageAlert($model.message)
            .sheet(isPresented: $scanningNumber) {
                CameraGate {
                    QRScannerView { text in
                        guard scanningNumber else { return }
                        scanningNumber = false
                        Task { await model.importNumber(text) }
                    }
                    .ignoresSafeArea()
                }
            }
    }
}

/// Reminders: offered once with what they are for; when refused, only Settings can turn them on.
struct RemindersCard: View {
    let permission: ReminderPermission?
    let turnOn: () -> Void

    var body: some View {
        switch permission {
        case .notAsked?:
            Section {
                Text("Get reminded of the fee, the collection code checks, your time and the 学信网 check.")
                Button("Turn on reminders", action: turnOn)
            }
        case .denied?:
            Section {
                Text("Reminders are off for PhotoDay.")
                Button("Open Settings") {
                    if let url = URL(string: UIApplication.openSettingsURLString) {
                        UIApplication.shared.open(url)
                    }
                }
            }
        default:
            EmptyView()
        }
    }
}

/// Where and when: the core's place, the student's time and when to be at the door, each a line
/// the core words in both languages, with the core's countdown.
struct SlotCard: View {
    let slot: Slot
    let className: String?
    /// The core's countdown to arrive-by, shown as is.
    let countdown: BilingualText?

    var body: some View {
        Section("Your slot") {
            VStack(alignment: .leading, spacing: 6) {
                Text(verbatim: slot.place.localized)
                    .font(.title3.bold())
                Text(verbatim: slot.whenLabel)
                    .foregroundColor(.secondary)
                if let name = className {
                    Text(verbatim: name)
                        .foregroundColor(.secondary)
                }
            }
            .padding(.vertical, 4)
            Text(verbatim: slot.timeLine.localized)
                .monospacedDigit()
            Text(verbatim: slot.arriveByLine.localized)
                .bold()
                .monospacedDigit()
            if let countdown {
                Text(verbatim: countdown.localized)
                    .font(.headline)
                    .foregroundColor(.accentColor)
            }
        }
    }
}

struct LabeledValue: View {
    let label: LocalizedStringKey
    let value: String

    var body: some View {
        HStack {
            Text(label)
            Spacer()
            Text(verbatim: value)
                .bold()
                .monospacedDigit()
        }
    }
}
