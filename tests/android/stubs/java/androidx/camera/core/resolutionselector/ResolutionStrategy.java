// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core.resolutionselector;
import androidx.annotation.NonNull;
public final class ResolutionStrategy {
    public static final int FALLBACK_RULE_NONE = 0;
    public static final int FALLBACK_RULE_CLOSEST_HIGHER_THEN_LOWER = 1;
    public static final int FALLBACK_RULE_CLOSEST_HIGHER = 2;
    public static final int FALLBACK_RULE_CLOSEST_LOWER_THEN_HIGHER = 3;
    public static final int FALLBACK_RULE_CLOSEST_LOWER = 4;
    public ResolutionStrategy(@NonNull android.util.Size boundSize, int fallbackRule) {}
}
