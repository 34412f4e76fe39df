// One alert for a one-line result or error from the core (an import summary, a refusal).

import PhotoDayKit
import SwiftUI

extension View {
    func messageAlert(_ message: Binding<Message?>) -> some View {
        let shown = Binding<Bool>(
            get: { message.wrappedValue != nil },
            set: { isShown in
                if !isShown { message.wrappedValue = nil }
            })
        return alert("PhotoDay", isPresented: shown) {
            Button("OK", role: .cancel) {}
        } message: {
            Text(verbatim: message.wrappedValue.map(SummaryText.of) ?? "")
        }
    }
}
