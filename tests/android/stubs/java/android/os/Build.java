// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.os;
public class Build {
    public static class VERSION { public static final int SDK_INT = 0; }
    public static class VERSION_CODES {
        public static final int O = 26;
        public static final int S = 31;
        public static final int TIRAMISU = 33;
    }
}
