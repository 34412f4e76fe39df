// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.net;
public abstract class Uri implements android.os.Parcelable, Comparable<Uri> {
    public static Uri fromParts(String scheme, String ssp, String fragment) { throw new RuntimeException(); }
}
