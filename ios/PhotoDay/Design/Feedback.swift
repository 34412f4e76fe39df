// Sound and haptics for a verdict card's `Signal` (the core's), so door staff know the result
// without looking: a positive chime and a success tap to go in, a beep and a warning to stop and
// look, a negative tone and an error buzz for a refusal, nothing for a pass shown again. System
// sounds follow the ring/silent switch; the haptics always play.

import AudioToolbox
import PhotoDayCore
import UIKit

enum Feedback {
    private static let positiveTone: SystemSoundID = 1054  // SIMToolkitPositiveACK
    private static let attentionTone: SystemSoundID = 1052  // SIMToolkitGeneralBeep
    private static let negativeTone: SystemSoundID = 1053  // SIMToolkitNegativeACK

    @MainActor
    static func play(_ signal: Signal) {
        let haptics = UINotificationFeedbackGenerator()
        switch signal {
        case .admitted:
            AudioServicesPlaySystemSound(positiveTone)
            haptics.notificationOccurred(.success)
        case .attention:
            AudioServicesPlaySystemSound(attentionTone)
            haptics.notificationOccurred(.warning)
        case .refused:
            AudioServicesPlaySystemSound(negativeTone)
            haptics.notificationOccurred(.error)
        case .silent:
            break
        }
    }
}
