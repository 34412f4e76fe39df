// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.core.content;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
public final class IntentCompat {
    @Nullable public static <T> T getParcelableExtra(@NonNull android.content.Intent in, @Nullable String name, @NonNull Class<T> clazz) { return null; }
}
