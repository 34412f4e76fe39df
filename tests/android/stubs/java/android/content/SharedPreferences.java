// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.content;
public interface SharedPreferences {
    String getString(String key, String defValue);
    java.util.Set<String> getStringSet(String key, java.util.Set<String> defValues);
    Editor edit();
    interface Editor {
        Editor remove(String key);
        Editor putStringSet(String key, java.util.Set<String> values);
        void apply();
    }
}
