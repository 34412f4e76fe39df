// The 采集码: how to get it from 学信网 step by step, saving the image (photo picker → the core,
// app-private, byte for byte), whether a scanner can read it, and showing it full-screen at full
// brightness at the door. The app never creates or alters a 采集码.
package cn.photoday.app.student

import android.graphics.BitmapFactory
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.Image
import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.FilterQuality
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asImageBitmap
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.FullBrightnessWhileShown
import cn.photoday.app.ui.common.ScreenScaffold
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

@Composable
fun CollectionCodeRoute(graph: AppGraph, showFull: () -> Unit, onBack: () -> Unit) {
    val app = LocalContext.current.applicationContext as android.app.Application
    val vm: CollectionCodeViewModel = viewModel { CollectionCodeViewModel(app, graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    val unreadable by vm.unreadableFile.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }
    // The system photo picker: no storage permission; Android 4.4+ falls back to the file picker.
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.PickVisualMedia()) { uri -> uri?.let(vm::save) }

    ScreenScaffold(stringResource(R.string.code_title), onBack) { padding ->
        Column(
            Modifier.padding(padding).padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Text(stringResource(R.string.code_explain), style = MaterialTheme.typography.bodyLarge)
            val image = decoded(state.image)
            if (image != null) {
                Box(
                    Modifier.fillMaxWidth().heightIn(max = 320.dp).background(Color.White).clickable(onClick = showFull),
                    contentAlignment = Alignment.Center,
                ) {
                    Image(image, stringResource(R.string.code_image_description), contentScale = ContentScale.Fit, filterQuality = FilterQuality.None)
                }
                // The core's one line: readable, more than one code (crop it), or why not and what to do.
                state.readability?.let { checked ->
                    Text(
                        checked.verdict.textIn(state.lang),
                        color = if (checked.readable) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.error,
                        style = MaterialTheme.typography.titleMedium,
                    )
                }
                Button(onClick = showFull, Modifier.fillMaxWidth()) { Text(stringResource(R.string.code_show_full)) }
            }
            OutlinedButton(
                onClick = { pick.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly)) },
                modifier = Modifier.fillMaxWidth(),
            ) { Text(stringResource(if (image == null) R.string.code_pick else R.string.code_pick_again)) }
            state.error?.let { ErrorCard(it) }
            if (unreadable) Text(stringResource(R.string.import_unreadable), color = MaterialTheme.colorScheme.error)

            Text(stringResource(R.string.code_how_to_get), style = MaterialTheme.typography.titleLarge)
            for (route in state.routes) {
                Card(Modifier.fillMaxWidth()) {
                    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                        Text(route.title.textIn(state.lang), style = MaterialTheme.typography.titleMedium)
                        route.steps.forEachIndexed { i, step -> Text("${i + 1}. ${step.textIn(state.lang)}", style = MaterialTheme.typography.bodyMedium) }
                    }
                }
            }
        }
    }
}

/** The 采集码 alone on white, as large as fits, at full brightness: what the photographer scans. */
@Composable
fun CollectionCodeFullRoute(graph: AppGraph, onBack: () -> Unit) {
    val app = LocalContext.current.applicationContext as android.app.Application
    val vm: CollectionCodeViewModel = viewModel { CollectionCodeViewModel(app, graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }
    FullBrightnessWhileShown()
    Box(Modifier.fillMaxSize().background(Color.White).clickable(onClick = onBack), contentAlignment = Alignment.Center) {
        decoded(state.image)?.let {
            // Nearest-neighbour scaling keeps the code's module edges sharp.
            Image(it, stringResource(R.string.code_image_description), Modifier.fillMaxSize().padding(8.dp), contentScale = ContentScale.Fit, filterQuality = FilterQuality.None)
        }
    }
}

/** Decodes the saved PNG off the main thread, for display only. */
@Composable
private fun decoded(bytes: ByteArray?): ImageBitmap? {
    val image by produceState<ImageBitmap?>(null, bytes) {
        value = bytes?.let { b ->
            withContext(Dispatchers.Default) { BitmapFactory.decodeByteArray(b, 0, b.size)?.asImageBitmap() }
        }
    }
    return image
}
