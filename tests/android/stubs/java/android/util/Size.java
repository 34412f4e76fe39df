// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.util;
public final class Size {
    public Size(int width, int height) {}
    public int getWidth() { return 0; }
    public int getHeight() { return 0; }
}
