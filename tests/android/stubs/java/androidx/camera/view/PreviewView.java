// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.view;
import androidx.annotation.NonNull;
public final class PreviewView extends android.widget.FrameLayout {
    public PreviewView(@NonNull android.content.Context context) { super(context); }
    public void setScaleType(@NonNull ScaleType scaleType) {}
    @NonNull public ScaleType getScaleType() { throw new RuntimeException(); }
    @NonNull public androidx.camera.core.Preview.SurfaceProvider getSurfaceProvider() { throw new RuntimeException(); }
    public enum ScaleType { FILL_START, FILL_CENTER, FILL_END, FIT_START, FIT_CENTER, FIT_END }
}
