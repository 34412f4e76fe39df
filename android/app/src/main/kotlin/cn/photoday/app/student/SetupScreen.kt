// The setup screen, shown instead of the home while the core's setup step says so: open the pack
// (from the chat app's "open with", or the import screen), type the 学号 once, then pick the pass
// card from the album (the core reads its QR), or paste the pass. Three taps after the pack.
package cn.photoday.app.student

import android.app.Application
import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.Routes
import cn.photoday.app.ui.common.CoreViewModel
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.readBytes
import cn.photoday.core.SetupStep
import cn.photoday.ui.student.StudentSetupModel
import cn.photoday.ui.student.StudentSetupUiState

class SetupViewModel(private val app: Application, private val graph: AppGraph) : CoreViewModel() {
    private val model = StudentSetupModel({ graph.student }, graph.clock, graph::lang)
    val state = model.state

    fun load() = io { model.refresh() }
    fun submitStudentNo(text: String) = io { model.submitStudentNo(text) }
    fun openAlbum() = model.openAlbum()
    fun pastePass(text: String) = io { done { model.pastePass(text) } }

    /** The card picked in the photo picker, byte for byte; the core reads it. */
    fun cardPicked(uri: Uri) = io {
        val bytes = app.contentResolver.readBytes(uri) ?: return@io
        done { model.cardPicked(bytes) }
    }

    private fun done(block: () -> Unit) {
        block()
        if (model.state.value == StudentSetupUiState.Done) graph.reminders.reschedule(graph)
    }
}

/** The setup pane; [onDone] refreshes the home once nothing blocks it. */
@Composable
fun SetupPane(graph: AppGraph, navigate: (String) -> Unit, onDone: () -> Unit) {
    val app = LocalContext.current.applicationContext as Application
    val vm: SetupViewModel = viewModel { SetupViewModel(app, graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.PickVisualMedia()) { uri -> uri?.let(vm::cardPicked) }
    when (val s = state) {
        StudentSetupUiState.Loading -> Unit
        StudentSetupUiState.Done -> LaunchedEffect(s) { onDone() }
        is StudentSetupUiState.Failed -> ErrorCard(s.error)
        is StudentSetupUiState.Step -> Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
            s.notice?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
            s.home.setupHint?.let { Text(it.textIn(s.lang), style = MaterialTheme.typography.titleLarge) }
            s.error?.let { ErrorCard(it) }
            s.home.slot?.let {
                Text(stringResource(R.string.setup_slot_preview), style = MaterialTheme.typography.labelLarge)
                SlotCardView(it, null, s.lang)
            }
            when (s.step) {
                SetupStep.IMPORT_BUNDLE -> Button(onClick = { navigate(Routes.IMPORT) }, Modifier.fillMaxWidth()) {
                    Text(stringResource(R.string.setup_import_bundle))
                }
                SetupStep.ENTER_STUDENT_NO -> {
                    var no by remember { mutableStateOf("") }
                    OutlinedTextField(
                        no, { no = it }, Modifier.fillMaxWidth(),
                        label = { Text(stringResource(R.string.setup_student_no_label)) },
                        singleLine = true,
                        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
                    )
                    Button(onClick = { vm.submitStudentNo(no) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.setup_confirm)) }
                }
                else -> {
                    Button(
                        onClick = {
                            vm.openAlbum()
                            pick.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly))
                        },
                        Modifier.fillMaxWidth(),
                    ) { Text(stringResource(R.string.setup_pick_card)) }
                    OutlinedButton(onClick = { navigate(Routes.IMPORT) }, Modifier.fillMaxWidth()) {
                        Text(stringResource(R.string.setup_scan_card))
                    }
                    var text by remember { mutableStateOf("") }
                    OutlinedTextField(text, { text = it }, Modifier.fillMaxWidth(), label = { Text(stringResource(R.string.setup_paste_label)) })
                    OutlinedButton(onClick = { vm.pastePass(text) }, Modifier.fillMaxWidth(), enabled = text.isNotBlank()) {
                        Text(stringResource(R.string.setup_paste))
                    }
                }
            }
        }
    }
}
