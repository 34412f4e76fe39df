// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.graphics;
public class BitmapFactory {
    public static Bitmap decodeByteArray(byte[] data, int offset, int length) { throw new RuntimeException(); }
}
