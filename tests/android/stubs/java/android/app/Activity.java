// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.app;
public class Activity extends android.view.ContextThemeWrapper {
    public Activity() { super(); }
    public android.view.Window getWindow() { throw new RuntimeException(); }
    public android.content.Intent getIntent() { throw new RuntimeException(); }
    protected void onCreate(android.os.Bundle savedInstanceState) {}
    protected void onNewIntent(android.content.Intent intent) {}
}
