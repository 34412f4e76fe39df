// Passing door logs between phones with no network: as a file through the system's file picker
// (AirDrop-less: a USB cable, a card, a chat app's file transfer), or as a sequence of QR codes
// shown here in a loop while another phone scans them. After an export the phone may be purged.
package cn.photoday.app.staff

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.camera.QrCamera
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.FullBrightnessWhileShown
import cn.photoday.app.ui.common.QrImage
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.ui.staff.LOG_QR_FRAME_MS
import cn.photoday.ui.staff.LogQrReceiveUiState
import cn.photoday.ui.staff.LogQrSendUiState
import kotlinx.coroutines.delay

private enum class Mode { Menu, Showing, Receiving }

@Composable
fun LogTransferRoute(graph: AppGraph, onBack: () -> Unit) {
    val app = LocalContext.current.applicationContext as android.app.Application
    val vm: LogTransferViewModel = viewModel { LogTransferViewModel(app, graph) }
    val sending by vm.sending.collectAsStateWithLifecycle()
    val receiving by vm.receiving.collectAsStateWithLifecycle()
    val file by vm.fileState.collectAsStateWithLifecycle()
    val fileFailed by vm.fileFailed.collectAsStateWithLifecycle()
    val fileName by vm.fileName.collectAsStateWithLifecycle()
    var mode by remember { mutableStateOf(Mode.Menu) }
    var confirmPurge by remember { mutableStateOf(false) }

    // The log's own MIME type and extension (.photodaylog), the ones the manifest's filters open.
    val exportTo = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument("application/vnd.photoday.log")) { uri ->
        uri?.let(vm::exportTo)
    }
    val importFrom = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri -> uri?.let(vm::importFrom) }
    fun back() {
        vm.stopSending()
        if (mode == Mode.Menu) onBack() else mode = Mode.Menu
    }

    ScreenScaffold(stringResource(R.string.logs_title), ::back) { padding ->
        when (mode) {
            Mode.Showing -> {
                FullBrightnessWhileShown()
                Column(
                    Modifier.padding(padding).fillMaxSize().background(Color.White).padding(16.dp),
                    horizontalAlignment = Alignment.CenterHorizontally,
                    verticalArrangement = Arrangement.spacedBy(12.dp),
                ) {
                    when (val s = sending) {
                        is LogQrSendUiState.Showing -> {
                            // One code after another, round and round, until the other phone has them all.
                            var i by remember(s) { mutableIntStateOf(0) }
                            LaunchedEffect(s) { while (true) { delay(LOG_QR_FRAME_MS); i = (i + 1) % s.texts.size } }
                            // The core's counter ("第 2/5 张") under the code, and read out for it.
                            QrImage(s.qrs[i], s.counters[i], Modifier.fillMaxWidth().aspectRatio(1f))
                            Text(s.counters[i], color = Color.Black, style = MaterialTheme.typography.headlineMedium)
                            Text(stringResource(R.string.logs_qr_explain), color = Color.Black)
                        }
                        is LogQrSendUiState.Failed -> ErrorCard(s.error)
                        LogQrSendUiState.Idle -> LinearProgressIndicator(Modifier.fillMaxWidth())
                    }
                    if (sending is LogQrSendUiState.Showing) {
                        // Only when the other phone says "done" may this one be purged later.
                        Button(onClick = { vm.confirmReceived(); mode = Mode.Menu }) { Text(stringResource(R.string.logs_qr_received)) }
                    }
                    OutlinedButton(onClick = ::back) { Text(stringResource(R.string.logs_qr_stop)) }
                }
            }
            Mode.Receiving -> Column(Modifier.padding(padding).fillMaxSize()) {
                Box(Modifier.fillMaxWidth().aspectRatio(1f)) {
                    QrCamera(onText = vm::onFrame, modifier = Modifier.fillMaxSize())
                }
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    when (val r = receiving) {
                        LogQrReceiveUiState.Waiting -> Text(stringResource(R.string.logs_receive_waiting), style = MaterialTheme.typography.titleMedium)
                        is LogQrReceiveUiState.Receiving -> {
                            r.progress?.takeIf { it.total > 0u }?.let { p ->
                                r.text?.let { Text(it, style = MaterialTheme.typography.titleLarge) }
                                LinearProgressIndicator(progress = { p.received.toFloat() / p.total.toFloat() }, modifier = Modifier.fillMaxWidth())
                            }
                            r.error?.let { ErrorCard(it) }
                            // Another phone's codes while this transfer is half received: drop it, take theirs.
                            if (r.otherPhone) OutlinedButton(onClick = vm::abandonReceiving) { Text(stringResource(R.string.logs_receive_another)) }
                        }
                        is LogQrReceiveUiState.Done -> {
                            Text(r.text, style = MaterialTheme.typography.titleLarge)
                            // The camera stays on: the next phone's codes start the next transfer.
                            Text(stringResource(R.string.logs_receive_waiting))
                        }
                    }
                }
            }
            Mode.Menu -> Column(
                Modifier.padding(padding).padding(16.dp).verticalScroll(rememberScrollState()),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                Text(stringResource(R.string.logs_explain), style = MaterialTheme.typography.bodyLarge)
                Button(onClick = { vm.startSending(); mode = Mode.Showing }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.logs_show_qr)) }
                Button(onClick = { vm.abandonReceiving(); mode = Mode.Receiving }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.logs_scan_qr)) }
                OutlinedButton(onClick = { exportTo.launch(fileName ?: "PhotoDay.photodaylog") }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.logs_export_file)) }
                OutlinedButton(onClick = { importFrom.launch(arrayOf("*/*")) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.logs_import_file)) }
                file.exportedBytes?.let { Text(stringResource(R.string.logs_exported, it)) }
                file.imported?.let { Text(it) }
                if (file.purged) Text(stringResource(R.string.logs_purged))
                file.error?.let { ErrorCard(it) }
                if (fileFailed) Text(stringResource(R.string.import_unreadable), color = MaterialTheme.colorScheme.error)
                TextButton(onClick = { confirmPurge = true }) { Text(stringResource(R.string.logs_purge), color = MaterialTheme.colorScheme.error) }
            }
        }
    }

    if (confirmPurge) {
        AlertDialog(
            onDismissRequest = { confirmPurge = false },
            title = { Text(stringResource(R.string.logs_purge)) },
            text = { Text(stringResource(R.string.logs_purge_explain)) },
            confirmButton = { TextButton(onClick = { confirmPurge = false; vm.purge() }) { Text(stringResource(R.string.delete)) } },
            dismissButton = { TextButton(onClick = { confirmPurge = false }) { Text(stringResource(R.string.cancel)) } },
        )
    }
}
