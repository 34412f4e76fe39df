// Type-checking stub: the signature of the real API (compileSdk 35 / the AndroidX versions in android/gradle/libs.versions.toml), never shipped.
package androidx.camera.lifecycle;
import androidx.annotation.NonNull;
public final class ProcessCameraProvider {
    @NonNull public static com.google.common.util.concurrent.ListenableFuture<ProcessCameraProvider> getInstance(@NonNull android.content.Context context) { throw new RuntimeException(); }
    public void unbindAll() {}
    @NonNull public androidx.camera.core.Camera bindToLifecycle(@NonNull androidx.lifecycle.LifecycleOwner lifecycleOwner, @NonNull androidx.camera.core.CameraSelector cameraSelector, @NonNull androidx.camera.core.UseCase... useCases) { throw new RuntimeException(); }
}
