// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core;
import androidx.annotation.NonNull;
public final class CameraSelector {
    @NonNull public static final CameraSelector DEFAULT_FRONT_CAMERA = null;
    @NonNull public static final CameraSelector DEFAULT_BACK_CAMERA = null;
}
