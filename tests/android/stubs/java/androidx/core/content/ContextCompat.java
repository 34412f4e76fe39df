// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.core.content;
import androidx.annotation.NonNull;
public class ContextCompat {
    public static int checkSelfPermission(@NonNull android.content.Context context, @NonNull String permission) { return 0; }
    @NonNull public static java.util.concurrent.Executor getMainExecutor(@NonNull android.content.Context context) { throw new RuntimeException(); }
}
