// Import by hand: pick a file, paste the pass text, or scan the pass's QR code. Files opened from
// other apps and the share sheet arrive through MainActivity instead.
package cn.photoday.app.importing

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalClipboardManager
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import cn.photoday.app.AppMode
import cn.photoday.app.R
import cn.photoday.app.camera.QrCamera
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.ui.ImportResult

@Composable
fun ImportScreen(mode: AppMode, importer: ImportViewModel, onBack: () -> Unit) {
    val state by importer.state.collectAsStateWithLifecycle()
    var text by rememberSaveable { mutableStateOf("") }
    var scanning by rememberSaveable { mutableStateOf(false) }
    val clipboard = LocalClipboardManager.current
    val pickFile = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        uri?.let { importer.import(Incoming.File(it)) }
    }

    ScreenScaffold(stringResource(R.string.import_title), onBack) { padding ->
        Column(
            Modifier.padding(padding).padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Text(
                stringResource(if (mode == AppMode.Student) R.string.import_explain_student else R.string.import_explain_staff),
                style = MaterialTheme.typography.bodyLarge,
            )
            Button(onClick = { pickFile.launch(arrayOf("*/*")) }, Modifier.fillMaxWidth()) {
                Text(stringResource(R.string.import_pick_file))
            }
            if (mode == AppMode.Student) {
                OutlinedTextField(
                    value = text,
                    onValueChange = { text = it },
                    label = { Text(stringResource(R.string.import_paste_label)) },
                    modifier = Modifier.fillMaxWidth(),
                    minLines = 3,
                )
                OutlinedButton(
                    onClick = { clipboard.getText()?.text?.let { text = it } },
                    modifier = Modifier.fillMaxWidth(),
                ) { Text(stringResource(R.string.import_paste)) }
                Button(
                    onClick = { importer.import(Incoming.Text(text)) },
                    enabled = text.isNotBlank(),
                    modifier = Modifier.fillMaxWidth(),
                ) { Text(stringResource(R.string.import_pass_text)) }
                OutlinedButton(onClick = { scanning = !scanning }, Modifier.fillMaxWidth()) {
                    Text(stringResource(if (scanning) R.string.import_scan_stop else R.string.import_scan))
                }
                if (scanning) {
                    Box(Modifier.fillMaxWidth().aspectRatio(1f)) {
                        QrCamera(onText = importer::scanned, modifier = Modifier.fillMaxWidth().aspectRatio(1f))
                    }
                }
            }
            when (val s = state) {
                ImportUiState.Working -> LinearProgressIndicator(Modifier.fillMaxWidth())
                is ImportUiState.Done -> (s.result as? ImportResult.Failed)?.let { ErrorCard(it.error) }
                is ImportUiState.Unreadable -> Text(stringResource(R.string.import_unreadable), color = MaterialTheme.colorScheme.error)
                ImportUiState.Idle -> Unit
            }
        }
    }
}
