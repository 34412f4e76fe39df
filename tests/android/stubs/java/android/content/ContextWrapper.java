// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.content;
public class ContextWrapper extends Context {
    public ContextWrapper(Context base) {}
    public Context getBaseContext() { throw new RuntimeException(); }
    @Override public Context getApplicationContext() { throw new RuntimeException(); }
    @Override public ContentResolver getContentResolver() { throw new RuntimeException(); }
    @Override public SharedPreferences getSharedPreferences(String name, int mode) { throw new RuntimeException(); }
    @Override public java.io.File getFilesDir() { throw new RuntimeException(); }
    @Override public java.io.File getDatabasePath(String name) { throw new RuntimeException(); }
    @Override public void startActivity(Intent intent) {}
}
