// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core.resolutionselector;
import androidx.annotation.NonNull;
public final class ResolutionSelector {
    public static final class Builder {
        public Builder() {}
        @NonNull public Builder setResolutionStrategy(@NonNull ResolutionStrategy resolutionStrategy) { return this; }
        @NonNull public ResolutionSelector build() { throw new RuntimeException(); }
    }
}
