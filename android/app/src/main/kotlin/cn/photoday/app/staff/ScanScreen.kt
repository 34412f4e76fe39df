// The door or the studio: the camera reads passes and the screen draws what the core's door loop
// returns — the station's top bar, a full-screen verdict in the core's colour with its buttons,
// the studio's batch, a notice after an action. The camera keeps running under the verdict (the
// core ignores frames it must not judge, and reads the 采集码 the student holds up next); the
// sound for each verdict plays once per card. Typed numbers, override, undo, step aside, "batch
// shot", the phone's recent records (each undoable while the core allows) and the torch are
// one tap away.
package cn.photoday.app.staff

import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.FlashlightOff
import androidx.compose.material.icons.filled.FlashlightOn
import androidx.compose.material.icons.filled.MoreVert
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalView
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.camera.QrCamera
import cn.photoday.app.ui.Routes
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.KeepScreenOn
import cn.photoday.app.ui.common.QrImage
import cn.photoday.app.ui.theme.fill
import cn.photoday.app.ui.theme.onFill
import cn.photoday.core.AsideReason
import cn.photoday.core.BatchMember
import cn.photoday.core.Colour
import cn.photoday.core.DoorScreen
import cn.photoday.core.Lang
import cn.photoday.core.NumberStatus
import cn.photoday.core.StaffStatus
import cn.photoday.core.VerdictCard
import cn.photoday.core.asideReasons
import cn.photoday.core.qrCode
import cn.photoday.ui.staff.HistoryUiState
import cn.photoday.ui.staff.StaffScanUiState

@Composable
fun ScanRoute(graph: AppGraph, navigate: (String) -> Unit, switchMode: () -> Unit) {
    val vm: ScanViewModel = viewModel { ScanViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    val torch by vm.torch.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.start() }
    KeepScreenOn()

    val view = LocalView.current
    val feedback = remember { VerdictFeedback() }
    DisposableEffect(feedback) { onDispose { feedback.release() } }
    val card = (state as? StaffScanUiState.Ready)?.screen?.card
    LaunchedEffect(card?.serial) { card?.let { feedback.play(it.signal, view) } }

    var typing by remember { mutableStateOf(false) }
    var overriding by remember { mutableStateOf(false) }
    var history by remember { mutableStateOf(false) }
    // Who may be stepped aside (student number to label); null while the dialog is closed.
    var aside by remember { mutableStateOf<List<Pair<ULong, String>>?>(null) }

    when (val s = state) {
        StaffScanUiState.Loading -> Box(Modifier.fillMaxSize())
        is StaffScanUiState.Failed -> Column(Modifier.safeDrawingPadding().padding(16.dp)) { ErrorCard(s.error) }
        is StaffScanUiState.Ready -> if (s.screen.status != StaffStatus.READY) {
            NeedsSetup(s.screen.status, navigate, switchMode)
        } else {
            Box(Modifier.fillMaxSize().background(Color.Black)) {
                QrCamera(onText = vm::onFrame, modifier = Modifier.fillMaxSize(), torchOn = torch)
                val shown = s.screen.card
                if (shown == null) {
                    ScanningOverlay(
                        s.screen, s.lang, torch, vm::toggleTorch, { typing = true }, vm::undoLast, { vm.loadHistory(); history = true },
                        { waiting -> aside = waiting.map { it.studentNo to it.who } },
                        vm::closeBatch, navigate, switchMode,
                    )
                } else {
                    VerdictOverlay(
                        shown, s.lang,
                        onDismiss = vm::dismiss,
                        onOverride = { overriding = true },
                        onUndo = vm::undo,
                        onSkipCode = vm::skipCode,
                        onStepAside = shown.studentNo?.takeIf { shown.canStepAside }?.let { no ->
                            shown.asideWho?.let { label -> { aside = listOf(no to label) } }
                        },
                    )
                }
            }
        }
    }

    if (typing) TypedNumberDialog(onDismiss = { typing = false }) { line, note -> typing = false; vm.typed(line, note) }
    aside?.let { people -> StepAsideDialog(people, graph.lang(), onDismiss = { aside = null }) { no, reason -> aside = null; vm.stepAside(no, reason) } }
    if (overriding) ReasonDialog(onDismiss = { overriding = false }) { overriding = false; vm.override(it) }
    if (history) {
        val recent by vm.history.collectAsStateWithLifecycle()
        HistoryDialog(recent, onUndo = vm::undoRecord, onDismiss = { history = false })
    }
}

@Composable
private fun NeedsSetup(status: StaffStatus, navigate: (String) -> Unit, switchMode: () -> Unit) {
    val bundle = status == StaffStatus.NEEDS_BUNDLE
    Column(
        Modifier.fillMaxSize().safeDrawingPadding().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
    ) {
        Text(stringResource(if (bundle) R.string.staff_needs_bundle else R.string.staff_needs_station), style = MaterialTheme.typography.titleLarge)
        Button(onClick = { navigate(Routes.STATION) }, Modifier.fillMaxWidth()) {
            Text(stringResource(if (bundle) R.string.station_import_bundle else R.string.station_title))
        }
        OutlinedButton(onClick = { navigate(Routes.LOGS) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.logs_title)) }
        TextButton(onClick = switchMode) { Text(stringResource(R.string.switch_to_student)) }
    }
}

@Composable
private fun ScanningOverlay(
    screen: DoorScreen,
    lang: Lang,
    torch: Boolean,
    toggleTorch: () -> Unit,
    typeNumber: () -> Unit,
    undoLast: () -> Unit,
    showHistory: () -> Unit,
    stepAside: (List<BatchMember>) -> Unit,
    batchShot: () -> Unit,
    navigate: (String) -> Unit,
    switchMode: () -> Unit,
) {
    var menu by remember { mutableStateOf(false) }
    val bar = Color.Black.copy(alpha = 0.6f)
    Column(Modifier.fillMaxSize().safeDrawingPadding()) {
        Surface(color = bar, contentColor = Color.White) {
            Row(Modifier.fillMaxWidth().padding(8.dp), verticalAlignment = Alignment.CenterVertically) {
                Text(screen.station?.title?.textIn(lang).orEmpty(), Modifier.weight(1f), style = MaterialTheme.typography.titleMedium)
                IconButton(onClick = toggleTorch) {
                    Icon(
                        if (torch) Icons.Default.FlashlightOff else Icons.Default.FlashlightOn,
                        stringResource(if (torch) R.string.torch_off else R.string.torch_on),
                        tint = Color.White,
                    )
                }
                IconButton(onClick = { menu = true }) { Icon(Icons.Default.MoreVert, stringResource(R.string.menu), tint = Color.White) }
                DropdownMenu(expanded = menu, onDismissRequest = { menu = false }) {
                    listOf<Pair<Int, () -> Unit>>(
                        R.string.manual_title to typeNumber,
                        R.string.undo_last to undoLast,
                        R.string.history_title to showHistory,
                        R.string.batch_title to { navigate(Routes.BATCH) },
                        R.string.attendance_title to { navigate(Routes.ATTENDANCE) },
                        R.string.logs_title to { navigate(Routes.LOGS) },
                        R.string.station_title to { navigate(Routes.STATION) },
                        R.string.switch_to_student to switchMode,
                    ).forEach { (label, go) -> DropdownMenuItem(text = { Text(stringResource(label)) }, onClick = { menu = false; go() }) }
                }
            }
        }
        Box(Modifier.weight(1f))
        screen.notice?.let { n ->
            Surface(Modifier.fillMaxWidth().padding(8.dp), color = n.colour.fill(), contentColor = n.colour.onFill(), shape = MaterialTheme.shapes.medium) {
                Text(n.text.textIn(lang), Modifier.padding(12.dp), style = MaterialTheme.typography.bodyLarge)
            }
        }
        Surface(color = bar, contentColor = Color.White) {
            Column(Modifier.fillMaxWidth().padding(12.dp)) {
                val batch = screen.batch
                if (batch == null) {
                    Text(stringResource(R.string.scan_hint), style = MaterialTheme.typography.titleMedium)
                } else {
                    Text(screen.batchLabel?.textIn(lang).orEmpty(), style = MaterialTheme.typography.titleLarge)
                    Text(photoNumbers(batch.members), style = MaterialTheme.typography.bodyLarge)
                    Row(Modifier.padding(top = 8.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        OutlinedButton(onClick = { stepAside(batch.members.filter { it.status == NumberStatus.WAITING }) }, Modifier.weight(1f)) {
                            Text(stringResource(R.string.step_aside), color = Color.White)
                        }
                        Button(onClick = batchShot, Modifier.weight(1f)) { Text(stringResource(R.string.batch_shot)) }
                    }
                }
                Button(onClick = typeNumber, Modifier.fillMaxWidth().padding(top = 8.dp)) { Text(stringResource(R.string.manual_title)) }
            }
        }
    }
}

/** The batch's numbers in order, voided ones struck out (never reused). */
private fun photoNumbers(members: List<BatchMember>): AnnotatedString = buildAnnotatedString {
    members.forEachIndexed { i, m ->
        if (i > 0) append("  ")
        if (m.status == NumberStatus.VOIDED) withStyle(SpanStyle(textDecoration = TextDecoration.LineThrough)) { append(m.photoNo) } else append(m.photoNo)
    }
}

/** The verdict, full screen in the core's colour, with the buttons the card allows. Tap to go back to scanning. */
@Composable
private fun VerdictOverlay(
    card: VerdictCard,
    lang: Lang,
    onDismiss: () -> Unit,
    onOverride: () -> Unit,
    onUndo: () -> Unit,
    onSkipCode: () -> Unit,
    /** Null on a door phone. */
    onStepAside: (() -> Unit)?,
) {
    val o = card.outcome
    val fg = o.colour.onFill()
    Box(Modifier.fillMaxSize().background(o.colour.fill()).clickable(onClick = onDismiss)) {
        Column(
            Modifier.fillMaxSize().safeDrawingPadding().padding(16.dp),
            horizontalAlignment = Alignment.CenterHorizontally,
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            o.clockWarning?.let {
                Surface(color = Color.Black, contentColor = Color.White) { Text(it.textIn(lang), Modifier.padding(8.dp), style = MaterialTheme.typography.titleMedium) }
            }
            card.note?.let { Text(it.textIn(lang), color = fg, style = MaterialTheme.typography.titleMedium) }
            Text(o.headline.textIn(lang), color = fg, style = MaterialTheme.typography.headlineMedium, textAlign = TextAlign.Center, fontWeight = FontWeight.Bold)
            card.photoNo?.takeIf { o.colour == Colour.GREEN }?.let { no ->
                Text(no, color = fg, fontSize = 112.sp, fontWeight = FontWeight.Black, textAlign = TextAlign.Center)
                card.batchLabel?.let { Text(it.textIn(lang), color = fg, fontSize = 48.sp, fontWeight = FontWeight.Bold) }
            }
            o.numberQr?.let { text ->
                val qr = remember(text) { runCatching { qrCode(text) }.getOrNull() }
                qr?.let { QrImage(it, stringResource(R.string.number_qr_description), Modifier.size(160.dp)) }
            }
            card.rightRoom?.let { Text(it.textIn(lang), color = fg, fontSize = 56.sp, fontWeight = FontWeight.Black, textAlign = TextAlign.Center) }
            card.who?.let { Text(it, color = fg, style = MaterialTheme.typography.titleLarge) }
            Text(o.detail.textIn(lang), color = fg, style = MaterialTheme.typography.bodyLarge, textAlign = TextAlign.Center)
            Box(Modifier.weight(1f))
            val buttons = ButtonDefaults.buttonColors(containerColor = Color.Black.copy(alpha = 0.75f), contentColor = Color.White)
            @Composable
            fun Action(label: Int, onClick: () -> Unit) = Button(onClick = onClick, Modifier.fillMaxWidth(), colors = buttons) { Text(stringResource(label)) }
            if (card.awaitingCode) Action(R.string.code_skip, onSkipCode)
            onStepAside?.let { Action(R.string.step_aside, it) }
            if (card.canOverride) Action(R.string.override_title, onOverride)
            if (card.canUndo) Action(R.string.undo, onUndo)
            Action(R.string.scan_next, onDismiss)
        }
    }
}

/** This phone's latest records in the core's words, each still undoable one with its own undo button. */
@Composable
private fun HistoryDialog(state: HistoryUiState, onUndo: (ULong) -> Unit, onDismiss: () -> Unit) {
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(stringResource(R.string.history_title)) },
        text = {
            when (state) {
                HistoryUiState.Loading -> CircularProgressIndicator()
                is HistoryUiState.Failed -> ErrorCard(state.error)
                is HistoryUiState.Ready -> LazyColumn(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    state.error?.let { item { ErrorCard(it) } }
                    items(state.entries, key = { it.recordSeq.toString() }) { e ->
                        Row(verticalAlignment = Alignment.CenterVertically) {
                            val struck = if (e.cancelled) TextDecoration.LineThrough else null
                            Text(e.text.textIn(state.lang), Modifier.weight(1f), textDecoration = struck)
                            if (e.canUndo) TextButton(onClick = { onUndo(e.recordSeq) }) { Text(stringResource(R.string.history_undo)) }
                        }
                    }
                }
            }
        },
        confirmButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.back)) } },
    )
}

@Composable
private fun TypedNumberDialog(onDismiss: () -> Unit, onCheckIn: (String, String?) -> Unit) {
    var number by remember { mutableStateOf("") }
    var note by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(stringResource(R.string.manual_title)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(stringResource(R.string.manual_explain))
                OutlinedTextField(
                    number, { number = it },
                    label = { Text(stringResource(R.string.manual_number)) },
                    singleLine = true,
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
                )
                OutlinedTextField(note, { note = it }, label = { Text(stringResource(R.string.manual_note)) }, singleLine = true)
            }
        },
        // The core reads the line (full-width digits too) and says if it is not a student number.
        confirmButton = { TextButton(onClick = { onCheckIn(number, note) }, enabled = number.isNotBlank()) { Text(stringResource(R.string.manual_check_in)) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.cancel)) } },
    )
}

/** Pick the student (when more than one), then why (the core's reasons and words): the core voids their number. */
@Composable
private fun StepAsideDialog(people: List<Pair<ULong, String>>, lang: Lang, onDismiss: () -> Unit, onStepAside: (ULong, AsideReason) -> Unit) {
    val reasons = remember { asideReasons() }
    var chosen by remember { mutableStateOf(people.singleOrNull()?.first) }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(stringResource(R.string.step_aside)) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState())) {
                val no = chosen
                if (no == null) {
                    people.forEach { (n, label) -> TextButton(onClick = { chosen = n }) { Text(label) } }
                } else {
                    reasons.forEach { r -> TextButton(onClick = { onStepAside(no, r.reason) }) { Text(r.text.textIn(lang)) } }
                }
            }
        },
        confirmButton = {},
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.cancel)) } },
    )
}

@Composable
private fun ReasonDialog(onDismiss: () -> Unit, onConfirm: (String) -> Unit) {
    var reason by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(stringResource(R.string.override_title)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(stringResource(R.string.override_explain))
                OutlinedTextField(reason, { reason = it }, label = { Text(stringResource(R.string.override_reason)) })
            }
        },
        confirmButton = { TextButton(onClick = { onConfirm(reason.trim()) }, enabled = reason.isNotBlank()) { Text(stringResource(R.string.override_admit)) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.cancel)) } },
    )
}
