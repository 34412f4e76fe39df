// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core;
import androidx.annotation.NonNull;
public final class ImageAnalysis extends UseCase {
    public static final int STRATEGY_KEEP_ONLY_LATEST = 0;
    public static final int STRATEGY_BLOCK_PRODUCER = 1;
    public void setAnalyzer(@NonNull java.util.concurrent.Executor executor, @NonNull Analyzer analyzer) {}
    public interface Analyzer {
        void analyze(@NonNull ImageProxy image);
    }
    public static final class Builder {
        public Builder() {}
        @NonNull public Builder setBackpressureStrategy(int strategy) { return this; }
        @NonNull public Builder setResolutionSelector(@NonNull androidx.camera.core.resolutionselector.ResolutionSelector resolutionSelector) { return this; }
        @NonNull public ImageAnalysis build() { throw new RuntimeException(); }
    }
}
