// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.app;
public final class PendingIntent implements android.os.Parcelable {
    public static final int FLAG_UPDATE_CURRENT = 1 << 27;
    public static final int FLAG_IMMUTABLE = 1 << 26;
    public static PendingIntent getBroadcast(android.content.Context context, int requestCode, android.content.Intent intent, int flags) { throw new RuntimeException(); }
    public static PendingIntent getActivity(android.content.Context context, int requestCode, android.content.Intent intent, int flags) { throw new RuntimeException(); }
}
