// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core;
import androidx.annotation.NonNull;
public interface Camera {
    @NonNull CameraControl getCameraControl();
    @NonNull CameraInfo getCameraInfo();
}
