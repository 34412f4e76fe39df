// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
public final class Preview extends UseCase {
    public void setSurfaceProvider(@Nullable SurfaceProvider surfaceProvider) {}
    public interface SurfaceProvider {}
    public static final class Builder {
        public Builder() {}
        @NonNull public Preview build() { throw new RuntimeException(); }
    }
}
