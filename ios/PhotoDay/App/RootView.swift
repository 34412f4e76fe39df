// Shows the student or the staff side, or asks which this phone is. A file opened before the
// choice waits until a side is chosen.

import PhotoDayKit
import SwiftUI

struct RootView: View {
    @Binding var incoming: URL?

    @AppStorage(AppMode.storageKey) var modeName = ""

    var body: some View {
        switch AppMode(rawValue: modeName) {
        case .student?:
            StudentRootView(incoming: $incoming, leave: chooseAgain)
        case .staff?:
            StaffRootView(incoming: $incoming, leave: chooseAgain)
        case nil:
            ModeChoiceView { mode in
                modeName = mode.rawValue
            }
        }
    }

    private func chooseAgain() {
        modeName = ""
    }
}

struct ModeChoiceView: View {
    let choose: (AppMode) -> Void

    var body: some View {
        VStack(spacing: 24) {
            Spacer()
            Text("PhotoDay")
                .font(.largeTitle.bold())
            Text("Graduation photo day, offline.")
                .foregroundColor(.secondary)
            Spacer()
            Button {
                choose(.student)
            } label: {
                Label("I am a student", systemImage: "person.crop.square")
                    .frame(maxWidth: .infinity)
            }
            .buttonStyle(.borderedProminent)
            .controlSize(.large)
            Button {
                choose(.staff)
            } label: {
                Label("I check students in at the door", systemImage: "qrcode.viewfinder")
                    .frame(maxWidth: .infinity)
            }
            .buttonStyle(.bordered)
            .controlSize(.large)
            Text("You can switch later in the settings.")
                .font(.footnote)
                .foregroundColor(.secondary)
        }
        .padding(32)
    }
}
