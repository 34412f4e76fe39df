// A core message (an error or a result) shown in a list, selectable so staff can copy it into a
// report to the 教务处.

import SwiftUI

struct MessageRow: View {
    let text: String
    var isError = true

    var body: some View {
        Label {
            Text(verbatim: text)
                .textSelection(.enabled)
        } icon: {
            Image(systemName: isError ? "exclamationmark.triangle.fill" : "checkmark.circle.fill")
                .foregroundColor(isError ? .orange : .green)
        }
    }
}
