// The batch being called into the studio: photo numbers in order with names (when the bundle
// has them), so the staff can call them in and stand them in the right order (no "站错位置").

import PhotoDayCore
import PhotoDayKit
import SwiftUI

struct BatchView: View {
    @State var model = BatchModel()
    @Environment(\.dismiss) var dismiss

    var body: some View {
        NavigationView {
            List {
                if let batch = model.batch {
                    Section {
                        ForEach(batch.members, id: \.photoNo) { member in
                            HStack {
                                Text(verbatim: member.photoNo)
                                    .font(.title2.bold().monospacedDigit())
                                    .frame(minWidth: 72, alignment: .leading)
                                VStack(alignment: .leading) {
                                    if let name = member.name {
                                        Text(verbatim: name)
                                            .font(.headline)
                                    }
                                    Text(verbatim: String(member.studentNo))
                                        .font(.subheadline.monospacedDigit())
                                        .foregroundColor(.secondary)
                                }
                            }
                        }
                    } header: {
                        Text("Batch \(Int(batch.number)): \(batch.members.count) of \(Int(batch.size))")
                    }
                } else if model.loaded {
                    Text("No one admitted yet on this phone.")
                        .foregroundColor(.secondary)
                }
            }
            .navigationTitle("Current batch")
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
