// Sound and haptics for a verdict, so door staff know the result without looking: a positive
// chime and a success tap for green, a beep and a warning for amber, a negative tone and an error
// buzz for red. System sounds follow the ring/silent switch; the haptics always play.

import AudioToolbox
import PhotoDayCore
import UIKit

enum Feedback {
    private static let positiveTone: SystemSoundID = 1054  // SIMToolkitPositiveACK
    private static let attentionTone: SystemSoundID = 1052  // SIMToolkitGeneralBeep
    private static let negativeTone: SystemSoundID = 1053  // SIMToolkitNegativeACK

    @MainActor
    static func play(_ colour: Colour) {
        let haptics = UINotificationFeedbackGenerator()
        switch colour {
        case .green:
            AudioServicesPlaySystemSound(positiveTone)
            haptics.notificationOccurred(.success)
        case .amber:
            AudioServicesPlaySystemSound(attentionTone)
            haptics.notificationOccurred(.warning)
        case .red:
            AudioServicesPlaySystemSound(negativeTone)
            haptics.notificationOccurred(.error)
        }
    }
}
