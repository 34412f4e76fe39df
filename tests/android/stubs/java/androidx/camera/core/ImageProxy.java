// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.core;
import androidx.annotation.NonNull;
public interface ImageProxy extends AutoCloseable {
    @Override void close();
    int getWidth();
    int getHeight();
    @NonNull PlaneProxy[] getPlanes();
    interface PlaneProxy {
        int getRowStride();
        int getPixelStride();
        @NonNull java.nio.ByteBuffer getBuffer();
    }
}
