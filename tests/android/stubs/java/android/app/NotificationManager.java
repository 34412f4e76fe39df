// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.app;
public class NotificationManager {
    public static final int IMPORTANCE_DEFAULT = 3;
    public void createNotificationChannel(NotificationChannel channel) {}
}
