// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.content;
public class Intent implements android.os.Parcelable, Cloneable {
    public static final String ACTION_VIEW = "android.intent.action.VIEW";
    public static final String ACTION_SEND = "android.intent.action.SEND";
    public static final String ACTION_DIAL = "android.intent.action.DIAL";
    public static final String EXTRA_STREAM = "android.intent.extra.STREAM";
    public static final String EXTRA_TEXT = "android.intent.extra.TEXT";
    public Intent() {}
    public Intent(String action, android.net.Uri uri) {}
    public Intent(Context packageContext, Class<?> cls) {}
    public String getAction() { throw new RuntimeException(); }
    public android.net.Uri getData() { throw new RuntimeException(); }
    public String getStringExtra(String name) { throw new RuntimeException(); }
    public int getIntExtra(String name, int defaultValue) { return 0; }
    public Intent setData(android.net.Uri data) { return this; }
    public Intent putExtra(String name, int value) { return this; }
    public Intent putExtra(String name, long value) { return this; }
    public Intent putExtra(String name, boolean value) { return this; }
    public Intent putExtra(String name, String value) { return this; }
    public Intent putExtra(String name, CharSequence value) { return this; }
    public Intent putExtra(String name, android.os.Parcelable value) { return this; }
    public Intent putExtra(String name, java.io.Serializable value) { return this; }
    public Intent putExtra(String name, android.os.Bundle value) { return this; }
}
