// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.view;
public interface WindowManager {
    class LayoutParams {
        public static final float BRIGHTNESS_OVERRIDE_FULL = 1.0f;
        public static final int FLAG_KEEP_SCREEN_ON = 0x00000080;
        public float screenBrightness;
    }
}
