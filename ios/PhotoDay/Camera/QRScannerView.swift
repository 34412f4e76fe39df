// The camera as a QR reader: an AVCaptureSession whose metadata output looks for QR codes only,
// shown full-bleed, with the torch under the caller's control. The camera is chosen and zoomed as
// Apple's barcode sample does, so a small code held close is in focus.
//
// It reports the text of each QR code it sees, many times a second while a code is in view; the
// core ignores the same pass again, and PageModel drops a frame while the last is still with it.

import AVFoundation
import SwiftUI
import UIKit

struct QRScannerView: UIViewRepresentable {
    var torchOn = false
    let onCode: (String) -> Void

    func makeCoordinator() -> CameraController {
        CameraController(onCode: onCode)
    }

    func makeUIView(context: Context) -> CameraPreviewView {
        let view = CameraPreviewView()
        view.previewLayer.session = context.coordinator.session
        view.previewLayer.videoGravity = .resizeAspectFill
        context.coordinator.start()
        return view
    }

    func updateUIView(_ uiView: CameraPreviewView, context: Context) {
        context.coordinator.onCode = onCode
        context.coordinator.setTorch(torchOn)
    }

    static func dismantleUIView(_ uiView: CameraPreviewView, coordinator: CameraController) {
        coordinator.stop()
    }
}

final class CameraPreviewView: UIView {
    override class var layerClass: AnyClass { AVCaptureVideoPreviewLayer.self }

    var previewLayer: AVCaptureVideoPreviewLayer {
        // The layer class above makes this cast always succeed.
        layer as! AVCaptureVideoPreviewLayer
    }
}

/// Owns the capture session. Configuration, start, stop and the torch run on a private serial
/// queue (they block); detected codes are delivered on the main queue.
final class CameraController: NSObject, AVCaptureMetadataOutputObjectsDelegate {
    let session = AVCaptureSession()
    var onCode: (String) -> Void

    private let queue = DispatchQueue(label: "cn.photoday.camera")
    private var device: AVCaptureDevice?
    private var torchWanted = false

    init(onCode: @escaping (String) -> Void) {
        self.onCode = onCode
    }

    func start() {
        queue.async { [weak self] in
            guard let self = self else { return }
            if self.device == nil {
                self.configure()
                self.zoomForCloseCodes()
            }
            if self.device != nil && !self.session.isRunning {
                self.session.startRunning()
                self.applyTorch()
            }
        }
    }

    func stop() {
        // Held strongly: the view is gone, and the session must stop before the controller goes.
        queue.async {
            self.torchWanted = false
            self.applyTorch()
            self.session.stopRunning()
        }
    }

    func setTorch(_ on: Bool) {
        queue.async { [weak self] in
            guard let self = self, self.torchWanted != on else { return }
            self.torchWanted = on
            self.applyTorch()
        }
    }

    private func configure() {
        guard let camera = Self.backCamera(), let input = try? AVCaptureDeviceInput(device: camera) else { return }
        session.beginConfiguration()
        defer { session.commitConfiguration() }
        if session.canSetSessionPreset(.hd1280x720) {
            session.sessionPreset = .hd1280x720
        }
        guard session.canAddInput(input) else { return }
        session.addInput(input)
        let output = AVCaptureMetadataOutput()
        guard session.canAddOutput(output) else { return }
        session.addOutput(output)
        output.setMetadataObjectsDelegate(self, queue: .main)
        // Only QR codes: barcodes on books and ID cards nearby are never reported.
        output.metadataObjectTypes = [.qr]
        if (try? camera.lockForConfiguration()) != nil {
            if camera.isAutoFocusRangeRestrictionSupported {
                camera.autoFocusRangeRestriction = .near
            }
            if camera.isFocusModeSupported(.continuousAutoFocus) {
                camera.focusMode = .continuousAutoFocus
            }
            camera.unlockForConfiguration()
        }
        device = camera
    }

    /// The back camera that focuses closest: the triple or dual-wide virtual camera switches to
    /// the ultra-wide lens for a code held near (as Apple's AVCamBarcode sample prefers), the
    /// wide-angle camera otherwise.
    private static func backCamera() -> AVCaptureDevice? {
        AVCaptureDevice.default(.builtInTripleCamera, for: .video, position: .back)
            ?? AVCaptureDevice.default(.builtInDualWideCamera, for: .video, position: .back)
            ?? AVCaptureDevice.default(.builtInWideAngleCamera, for: .video, position: .back)
    }

    /// The zoom at which a 20 mm code fills the scan area while the phone is still at the
    /// camera's minimum focus distance, so people hold it back far enough to be sharp (Apple's
    /// AVCamBarcode `setRecommendedZoomFactor`). The scan area is the whole frame: its width
    /// relative to the preview is the format's height over its width, as in Apple's square rect of
    /// interest. 1 when the focus distance is unknown or no zoom is needed. Set once the session's
    /// configuration is committed, so the active format is the preset's.
    private func zoomForCloseCodes() {
        guard let camera = device, (try? camera.lockForConfiguration()) != nil else { return }
        camera.videoZoomFactor = Self.recommendedZoom(camera)
        camera.unlockForConfiguration()
    }

    private static func recommendedZoom(_ camera: AVCaptureDevice, codeMillimetres: Float = 20) -> CGFloat {
        let minimumFocus = Float(camera.minimumFocusDistance)  // millimetres; -1 when unknown
        let dimensions = CMVideoFormatDescriptionGetDimensions(camera.activeFormat.formatDescription)
        guard minimumFocus > 0, dimensions.width > 0 else { return 1 }
        let scanAreaWidth = Float(dimensions.height) / Float(dimensions.width)
        let halfFieldOfView = camera.activeFormat.videoFieldOfView / 2 * .pi / 180
        let distance = codeMillimetres / scanAreaWidth / tan(halfFieldOfView)
        let zoom = distance < minimumFocus ? CGFloat(minimumFocus / distance) : 1
        return min(max(zoom, camera.minAvailableVideoZoomFactor), camera.maxAvailableVideoZoomFactor)
    }

    private func applyTorch() {
        guard let camera = device, camera.hasTorch, session.isRunning else { return }
        let mode: AVCaptureDevice.TorchMode = torchWanted ? .on : .off
        guard camera.torchMode != mode, (try? camera.lockForConfiguration()) != nil else { return }
        camera.torchMode = mode
        camera.unlockForConfiguration()
    }

    func metadataOutput(
        _ output: AVCaptureMetadataOutput,
        didOutput metadataObjects: [AVMetadataObject],
        from connection: AVCaptureConnection
    ) {
        for object in metadataObjects {
            if let code = object as? AVMetadataMachineReadableCodeObject, let text = code.stringValue {
                onCode(text)
                return
            }
        }
    }
}
