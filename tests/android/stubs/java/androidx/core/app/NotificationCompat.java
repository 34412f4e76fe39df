// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.core.app;
import androidx.annotation.NonNull;
import androidx.annotation.Nullable;
public class NotificationCompat {
    public static class Builder {
        public Builder(@NonNull android.content.Context context, @NonNull String channelId) {}
        @NonNull public Builder setSmallIcon(int icon) { return this; }
        @NonNull public Builder setContentTitle(@Nullable CharSequence title) { return this; }
        @NonNull public Builder setContentText(@Nullable CharSequence text) { return this; }
        @NonNull public Builder setStyle(@Nullable Style style) { return this; }
        @NonNull public Builder setContentIntent(@Nullable android.app.PendingIntent intent) { return this; }
        @NonNull public Builder setAutoCancel(boolean autoCancel) { return this; }
        @NonNull public android.app.Notification build() { throw new RuntimeException(); }
    }
    public abstract static class Style {}
    public static class BigTextStyle extends Style {
        public BigTextStyle() {}
        @NonNull public BigTextStyle bigText(@Nullable CharSequence cs) { return this; }
    }
}
