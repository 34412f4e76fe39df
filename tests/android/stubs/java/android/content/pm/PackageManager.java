// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.content.pm;
public abstract class PackageManager {
    public static final int PERMISSION_GRANTED = 0;
    public static final int PERMISSION_DENIED = -1;
}
