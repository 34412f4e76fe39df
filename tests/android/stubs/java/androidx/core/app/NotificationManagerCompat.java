// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.core.app;
import androidx.annotation.NonNull;
public final class NotificationManagerCompat {
    @NonNull public static NotificationManagerCompat from(@NonNull android.content.Context context) { throw new RuntimeException(); }
    public void notify(int id, @NonNull android.app.Notification notification) {}
}
