// Sound and touch for a verdict, so staff need not look at the screen for a green: a short beep
// for admitted, two for "look", a long low tone for refused. Haptics go through the view
// (performHapticFeedback), which needs no VIBRATE permission.
package cn.photoday.app.staff

import android.media.AudioManager
import android.media.ToneGenerator
import android.os.Build
import android.view.HapticFeedbackConstants
import android.view.View
import cn.photoday.ui.staff.Signal

class VerdictFeedback {
    private val tones: ToneGenerator? = try {
        ToneGenerator(AudioManager.STREAM_MUSIC, 90)
    } catch (e: RuntimeException) {
        null // no audio device (some emulators)
    }

    fun play(signal: Signal, view: View) {
        when (signal) {
            Signal.Admitted -> {
                tones?.startTone(ToneGenerator.TONE_PROP_BEEP, 150)
                view.performHapticFeedback(if (Build.VERSION.SDK_INT >= 30) HapticFeedbackConstants.CONFIRM else HapticFeedbackConstants.VIRTUAL_KEY)
            }
            Signal.Attention -> {
                tones?.startTone(ToneGenerator.TONE_PROP_BEEP2, 400)
                view.performHapticFeedback(HapticFeedbackConstants.LONG_PRESS)
            }
            Signal.Refused -> {
                tones?.startTone(ToneGenerator.TONE_SUP_ERROR, 700)
                view.performHapticFeedback(if (Build.VERSION.SDK_INT >= 30) HapticFeedbackConstants.REJECT else HapticFeedbackConstants.LONG_PRESS)
            }
            Signal.None -> Unit
        }
    }

    fun release() {
        tones?.release()
    }
}
