// The student's home: the slot card, the core's countdown to arrive-by, the next thing to do, and
// the way to everything else; or, while the core says so, the setup pane (SetupScreen.kt). After the shoot, the 摄影编号 kept
// from the studio phone's QR (or "我已拍完"); once the session began without one, the core's
// question with the two ways to answer it.
package cn.photoday.app.student

import android.Manifest
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.MoreVert
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Dialog
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LocalLifecycleOwner
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.repeatOnLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.camera.QrCamera
import cn.photoday.app.ui.Routes
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.core.Lang
import cn.photoday.core.Slot
import cn.photoday.ui.student.StudentHomeUiState
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import androidx.compose.runtime.rememberCoroutineScope

@Composable
fun HomeRoute(graph: AppGraph, navigate: (String) -> Unit, switchMode: () -> Unit) {
    val vm: HomeViewModel = viewModel { HomeViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    val purgeError by vm.purgeError.collectAsStateWithLifecycle()
    val lifecycle = LocalLifecycleOwner.current.lifecycle
    LaunchedEffect(vm, lifecycle) {
        lifecycle.repeatOnLifecycle(Lifecycle.State.RESUMED) {
            while (true) {
                vm.refresh()
                delay(30_000)
            }
        }
    }
    var menu by remember { mutableStateOf(false) }
    var confirmPurge by remember { mutableStateOf(false) }
    var scanning by remember { mutableStateOf(false) }
    val scope = rememberCoroutineScope()

    ScreenScaffold(
        stringResource(R.string.app_name),
        onBack = null,
        actions = {
            IconButton(onClick = { menu = true }) { Icon(Icons.Default.MoreVert, stringResource(R.string.menu)) }
            DropdownMenu(expanded = menu, onDismissRequest = { menu = false }) {
                DropdownMenuItem(text = { Text(stringResource(R.string.import_title)) }, onClick = { menu = false; navigate(Routes.IMPORT) })
                DropdownMenuItem(text = { Text(stringResource(R.string.switch_to_staff)) }, onClick = { menu = false; switchMode() })
                DropdownMenuItem(text = { Text(stringResource(R.string.purge_student)) }, onClick = { menu = false; confirmPurge = true })
            }
        },
    ) { padding ->
        Column(
            Modifier.padding(padding).padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            purgeError?.let { ErrorCard(it) }
            when (val s = state) {
                StudentHomeUiState.Loading -> Box(Modifier.fillMaxWidth(), Alignment.Center) { CircularProgressIndicator() }
                is StudentHomeUiState.Failed -> ErrorCard(s.error)
                StudentHomeUiState.Setup -> {
                    SetupPane(graph, navigate, onDone = { scope.launch { vm.refresh() } })
                    OutlinedButton(onClick = { navigate(Routes.NOTICE) }, Modifier.fillMaxWidth()) {
                        Text(stringResource(R.string.nav_notice))
                    }
                }
                is StudentHomeUiState.Ready -> ReadyHome(s, navigate, { scanning = true }, vm::markShotDone)
            }
        }
    }

    if (scanning) {
        // The studio phone's small number code; the first text read is the core's to judge.
        Dialog(onDismissRequest = { scanning = false }) {
            QrCamera(onText = { scanning = false; vm.importNumber(it) }, modifier = Modifier.fillMaxWidth().aspectRatio(1f))
        }
    }
    if (confirmPurge) {
        AlertDialog(
            onDismissRequest = { confirmPurge = false },
            title = { Text(stringResource(R.string.purge_student)) },
            text = { Text(stringResource(R.string.purge_student_explain)) },
            confirmButton = { TextButton(onClick = { confirmPurge = false; vm.purge() }) { Text(stringResource(R.string.delete)) } },
            dismissButton = { TextButton(onClick = { confirmPurge = false }) { Text(stringResource(R.string.cancel)) } },
        )
    }
}

@Composable
private fun ReadyHome(s: StudentHomeUiState.Ready, navigate: (String) -> Unit, scanNumber: () -> Unit, shotDone: () -> Unit) {
    val home = s.home
    val lang = s.lang
    home.shot?.let { shot ->
        Card(Modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer)) {
            Text(shot.label.textIn(lang), Modifier.padding(16.dp), style = MaterialTheme.typography.headlineMedium, fontWeight = FontWeight.Bold)
        }
    }
    home.shotPrompt?.let { prompt ->
        Card(Modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer)) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(prompt.textIn(lang), style = MaterialTheme.typography.titleMedium)
                Button(onClick = scanNumber, Modifier.fillMaxWidth()) { Text(stringResource(R.string.shot_scan_number)) }
                OutlinedButton(onClick = shotDone, Modifier.fillMaxWidth()) { Text(stringResource(R.string.shot_done)) }
            }
        }
    }
    s.numberError?.let { ErrorCard(it) }
    home.slot?.let { SlotCardView(it, home.className, lang) }
    home.countdown?.let { CountdownCard(it.textIn(lang)) }
    home.next?.let { next ->
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                Text(next.nextHeading.textIn(lang), style = MaterialTheme.typography.labelLarge)
                Text(next.title.textIn(lang), style = MaterialTheme.typography.titleLarge)
                Text(next.atLocal, style = MaterialTheme.typography.bodyMedium)
                Text(next.detail.textIn(lang), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
    // A step still open with the slot known: the 采集码, in the core's words.
    home.setupHint?.let { SetupCard(it.textIn(lang), navigate) }
    NotificationPermissionCard()
    Button(onClick = { navigate(Routes.PASS) }, Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
        Text(stringResource(R.string.nav_pass), style = MaterialTheme.typography.titleLarge)
    }
    OutlinedButton(onClick = { navigate(Routes.CODE) }, Modifier.fillMaxWidth()) {
        Text(stringResource(if (home.hasCollectionCode) R.string.nav_code_saved else R.string.nav_code))
    }
    OutlinedButton(onClick = { navigate(Routes.CHECKLIST) }, Modifier.fillMaxWidth()) {
        Text(home.checklistLine.textIn(lang))
    }
    OutlinedButton(onClick = { navigate(Routes.TIMELINE) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.nav_timeline)) }
    OutlinedButton(onClick = { navigate(Routes.NOTICE) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.nav_notice)) }
}

@Composable
fun SlotCardView(slot: Slot, className: String?, lang: Lang, modifier: Modifier = Modifier) {
    Card(modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(slot.college.textIn(lang), style = MaterialTheme.typography.titleMedium)
            className?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            Text(slot.room.textIn(lang), style = MaterialTheme.typography.headlineLarge, fontWeight = FontWeight.Bold)
            Text(slot.whenLabel, style = MaterialTheme.typography.bodyLarge)
            Text(slot.timeLine.textIn(lang), style = MaterialTheme.typography.bodyLarge)
            Text(slot.arriveByLine.textIn(lang), style = MaterialTheme.typography.titleLarge, fontWeight = FontWeight.Bold)
        }
    }
}

/** The core's countdown sentence, as is. */
@Composable
private fun CountdownCard(text: String) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp)) {
            Text(stringResource(R.string.countdown_label), style = MaterialTheme.typography.labelLarge)
            Text(text, style = MaterialTheme.typography.headlineMedium)
        }
    }
}

/** The one setup step the home still offers once the slot is known: the 采集码 (the core's hint). */
@Composable
private fun SetupCard(hint: String, navigate: (String) -> Unit) {
    Card(Modifier.fillMaxWidth(), colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(hint, style = MaterialTheme.typography.titleMedium)
            Button(onClick = { navigate(Routes.CODE) }) { Text(stringResource(R.string.setup_save_code)) }
        }
    }
}

/** Android 13+: ask once for the permission to post reminders, explaining what they are. */
@Composable
private fun NotificationPermissionCard() {
    if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
    val context = LocalContext.current
    var allowed by remember { mutableStateOf(ReminderScheduler.allowed(context)) }
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { allowed = it }
    if (allowed) return
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.reminders_why))
            Button(onClick = { launcher.launch(Manifest.permission.POST_NOTIFICATIONS) }) {
                Text(stringResource(R.string.reminders_allow))
            }
        }
    }
}

