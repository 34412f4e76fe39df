// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.media;
public class ToneGenerator {
    public static final int TONE_PROP_BEEP = 24;
    public static final int TONE_PROP_BEEP2 = 28;
    public static final int TONE_SUP_ERROR = 21;
    public ToneGenerator(int streamType, int volume) {}
    public boolean startTone(int toneType, int durationMs) { return false; }
    public void release() {}
}
