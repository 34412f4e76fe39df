// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.media;
public class AudioManager {
    public static final int STREAM_MUSIC = 3;
}
