// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package android.app;
public class AlarmManager {
    public static final int RTC_WAKEUP = 0;
    public void cancel(PendingIntent operation) {}
    public void setAndAllowWhileIdle(int type, long triggerAtMillis, PendingIntent operation) {}
}
