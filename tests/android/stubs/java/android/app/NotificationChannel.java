// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.app;
public final class NotificationChannel implements android.os.Parcelable {
    public NotificationChannel(String id, CharSequence name, int importance) {}
    public String getDescription() { throw new RuntimeException(); }
    public void setDescription(String description) {}
}
