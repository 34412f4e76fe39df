// Sound and touch for a verdict, so staff need not look at the screen for a green: a short beep
// for admitted, two for "look", a long low tone for refused, nothing for a card shown again. The
// core picks the Signal; this file is only how it sounds here. Haptics go through the view
// (performHapticFeedback), which needs no VIBRATE permission.
package cn.photoday.app.staff

import android.media.AudioManager
import android.media.ToneGenerator
import android.os.Build
import android.view.HapticFeedbackConstants
import android.view.View
import cn.photoday.core.Signal

class VerdictFeedback {
    private val tones: ToneGenerator? = try {
        ToneGenerator(AudioManager.STREAM_MUSIC, 90)
    } catch (e: RuntimeException) {
        null // no audio device (some emulators)
    }

    fun play(signal: Signal, view: View) {
        when (signal) {
            Signal.ADMITTED -> {
                tones?.startTone(ToneGenerator.TONE_PROP_BEEP, 150)
                view.performHapticFeedback(if (Build.VERSION.SDK_INT >= 30) HapticFeedbackConstants.CONFIRM else HapticFeedbackConstants.VIRTUAL_KEY)
            }
            Signal.ATTENTION -> {
                tones?.startTone(ToneGenerator.TONE_PROP_BEEP2, 400)
                view.performHapticFeedback(HapticFeedbackConstants.LONG_PRESS)
            }
            Signal.REFUSED -> {
                tones?.startTone(ToneGenerator.TONE_SUP_ERROR, 700)
                view.performHapticFeedback(if (Build.VERSION.SDK_INT >= 30) HapticFeedbackConstants.REJECT else HapticFeedbackConstants.LONG_PRESS)
            }
            Signal.SILENT -> Unit
        }
    }

    fun release() {
        tones?.release()
    }
}
