// The camera view that reads QR codes: a CameraX preview plus an ImageAnalysis use case running
// the core's decoder on a background thread, for every page's Camera block (the door, a pass, a
// log QR sequence, the studio's number code). Asks for the camera permission first (the only
// permission staff need), in the core's words; a torch button where the phone has a flash, and
// the screen kept on while the camera shows.
package cn.photoday.app.camera

import android.Manifest
import android.content.pm.PackageManager
import android.util.Size
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.camera.core.Camera
import androidx.camera.core.CameraSelector
import androidx.camera.core.ImageAnalysis
import androidx.camera.core.Preview
import androidx.camera.core.resolutionselector.ResolutionSelector
import androidx.camera.core.resolutionselector.ResolutionStrategy
import androidx.camera.lifecycle.ProcessCameraProvider
import androidx.camera.view.PreviewView
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.FlashlightOff
import androidx.compose.material.icons.filled.FlashlightOn
import androidx.compose.material3.Button
import androidx.compose.material3.FilledTonalIconButton
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.compose.ui.viewinterop.AndroidView
import androidx.core.content.ContextCompat
import androidx.lifecycle.compose.LocalLifecycleOwner
import cn.photoday.app.ui.common.KeepScreenOn
import cn.photoday.core.Words
import java.util.concurrent.Executors

/** A live camera that calls [onText] (on a background thread) for every QR code it decodes. */
@Composable
fun QrCamera(onText: (String) -> Unit, words: Words, modifier: Modifier = Modifier) {
    CameraPermissionGate(words, modifier) {
        KeepScreenOn()
        var torchOn by remember { mutableStateOf(false) }
        var hasFlash by remember { mutableStateOf(false) }
        Box(modifier) {
            CameraPreview(onText, torchOn, { hasFlash = it }, Modifier.fillMaxSize())
            if (hasFlash) {
                FilledTonalIconButton(onClick = { torchOn = !torchOn }, Modifier.align(Alignment.TopEnd).padding(8.dp)) {
                    Icon(if (torchOn) Icons.Default.FlashlightOff else Icons.Default.FlashlightOn, contentDescription = if (torchOn) words.torchOff else words.torchOn)
                }
            }
        }
    }
}

@Composable
private fun CameraPreview(onText: (String) -> Unit, torchOn: Boolean, onFlash: (Boolean) -> Unit, modifier: Modifier) {
    val context = LocalContext.current
    val lifecycleOwner = LocalLifecycleOwner.current
    val previewView = remember { PreviewView(context).apply { scaleType = PreviewView.ScaleType.FILL_CENTER } }
    val latestOnText by rememberUpdatedState(onText)
    var camera by remember { mutableStateOf<Camera?>(null) }

    DisposableEffect(lifecycleOwner) {
        val executor = Executors.newSingleThreadExecutor()
        val future = ProcessCameraProvider.getInstance(context)
        var provider: ProcessCameraProvider? = null
        future.addListener({
            val p = future.get().also { provider = it }
            val preview = Preview.Builder().build().also { it.setSurfaceProvider(previewView.surfaceProvider) }
            val analysis = ImageAnalysis.Builder()
                .setBackpressureStrategy(ImageAnalysis.STRATEGY_KEEP_ONLY_LATEST)
                .setResolutionSelector(
                    ResolutionSelector.Builder().setResolutionStrategy(
                        ResolutionStrategy(Size(1280, 720), ResolutionStrategy.FALLBACK_RULE_CLOSEST_HIGHER_THEN_LOWER),
                    ).build(),
                )
                .build()
                .also { it.setAnalyzer(executor, QrFrameAnalyzer { text -> latestOnText(text) }) }
            p.unbindAll()
            camera = listOf(CameraSelector.DEFAULT_BACK_CAMERA, CameraSelector.DEFAULT_FRONT_CAMERA)
                .firstNotNullOfOrNull { selector ->
                    runCatching { p.bindToLifecycle(lifecycleOwner, selector, preview, analysis) }.getOrNull()
                }
        }, ContextCompat.getMainExecutor(context))
        onDispose {
            provider?.unbindAll()
            camera = null
            executor.shutdown()
        }
    }

    LaunchedEffect(camera, torchOn) {
        val c = camera ?: return@LaunchedEffect
        onFlash(c.cameraInfo.hasFlashUnit())
        if (c.cameraInfo.hasFlashUnit()) c.cameraControl.enableTorch(torchOn)
    }

    AndroidView(factory = { previewView }, modifier = modifier)
}

/** Shows [content] once the camera may be used; otherwise explains why and asks. */
@Composable
private fun CameraPermissionGate(words: Words, modifier: Modifier, content: @Composable () -> Unit) {
    val context = LocalContext.current
    var granted by remember {
        mutableStateOf(ContextCompat.checkSelfPermission(context, Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED)
    }
    var denied by remember { mutableStateOf(false) }
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) {
        granted = it
        denied = !it
    }
    if (granted) {
        content()
        return
    }
    Column(
        modifier.fillMaxSize().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
        horizontalAlignment = Alignment.CenterHorizontally,
    ) {
        Text(words.cameraWhy, style = MaterialTheme.typography.bodyLarge)
        if (denied) Text(words.cameraDenied, color = MaterialTheme.colorScheme.error)
        Button(onClick = { launcher.launch(Manifest.permission.CAMERA) }) {
            Text(words.cameraAllow)
        }
    }
}
