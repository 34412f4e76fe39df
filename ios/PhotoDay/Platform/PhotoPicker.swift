// The system photo picker (PHPicker, iOS 14+): it runs outside the app, so PhotoDay needs no
// photo-library permission and sees only the one image the student picks. The file's own bytes
// are handed on (a PNG screenshot stays the PNG it is); nothing is re-encoded here.

import PhotosUI
import SwiftUI
import UniformTypeIdentifiers

struct PhotoPicker: UIViewControllerRepresentable {
    let onPicked: (Data) -> Void

    func makeCoordinator() -> Coordinator {
        Coordinator(onPicked: onPicked)
    }

    func makeUIViewController(context: Context) -> PHPickerViewController {
        var configuration = PHPickerConfiguration()
        configuration.filter = .images
        configuration.selectionLimit = 1
        let picker = PHPickerViewController(configuration: configuration)
        picker.delegate = context.coordinator
        return picker
    }

    func updateUIViewController(_ uiViewController: PHPickerViewController, context: Context) {}

    final class Coordinator: NSObject, PHPickerViewControllerDelegate {
        let onPicked: (Data) -> Void

        init(onPicked: @escaping (Data) -> Void) {
            self.onPicked = onPicked
        }

        func picker(_ picker: PHPickerViewController, didFinishPicking results: [PHPickerResult]) {
            picker.dismiss(animated: true)
            guard let provider = results.first?.itemProvider else { return }
            let type = provider.hasItemConformingToTypeIdentifier(UTType.png.identifier)
                ? UTType.png.identifier
                : UTType.image.identifier
            provider.loadDataRepresentation(forTypeIdentifier: type) { data, _ in
                guard let data = data else { return }
                DispatchQueue.main.async {
                    self.onPicked(data)
                }
            }
        }
    }
}
