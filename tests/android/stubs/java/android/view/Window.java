// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.view;
public abstract class Window {
    public final WindowManager.LayoutParams getAttributes() { throw new RuntimeException(); }
    public void setAttributes(WindowManager.LayoutParams a) {}
    public void addFlags(int flags) {}
    public void clearFlags(int flags) {}
}
