// Asks for the camera before showing it, and says what to do when it was refused (the camera is
// the only permission PhotoDay asks for; Info.plist says why). The words are the core's.

import AVFoundation
import PhotoDayCore
import SwiftUI
import UIKit

struct CameraGate<Content: View>: View {
    let words: Words
    @ViewBuilder let content: () -> Content

    @State var status = AVCaptureDevice.authorizationStatus(for: .video)

    var body: some View {
        Group {
            switch status {
            case .authorized:
                content()
            case .notDetermined:
                ProgressView { Text(words.cameraWhy) }
                    .task {
                        _ = await AVCaptureDevice.requestAccess(for: .video)
                        status = AVCaptureDevice.authorizationStatus(for: .video)
                    }
            default:
                VStack(spacing: 16) {
                    Image(systemName: "camera.fill")
                        .font(.largeTitle)
                    Text(words.cameraDenied)
                        .multilineTextAlignment(.center)
                    Button(words.cameraAllow) {
                        if let url = URL(string: UIApplication.openSettingsURLString) {
                            UIApplication.shared.open(url)
                        }
                    }
                    .buttonStyle(.borderedProminent)
                }
                .padding()
            }
        }
    }
}
