// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.view;
public class View {
    public View(android.content.Context context) {}
    public boolean performHapticFeedback(int feedbackConstant) { return false; }
}
