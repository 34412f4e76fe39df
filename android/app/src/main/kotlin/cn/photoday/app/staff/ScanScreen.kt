// The door or the studio: the camera reads passes; each verdict fills the screen in the core's
// colour, sounds, and goes back to scanning by itself (ScanLoop decides when). The camera keeps
// running under the verdict so a pass still held up is not judged twice, and so the studio reads
// the 采集码 the student holds up next (or staff tap skip). A number shows huge with the small QR
// the student's app scans. Manual check-in, override, undo, step aside, "batch shot" and the
// torch are one tap away.
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
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.FlashlightOff
import androidx.compose.material.icons.filled.FlashlightOn
import androidx.compose.material.icons.filled.MoreVert
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
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
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.style.TextAlign
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
import cn.photoday.core.Colour
import cn.photoday.core.NumberStatus
import cn.photoday.core.qrCode
import cn.photoday.ui.staff.BatchCard
import cn.photoday.ui.staff.ScanNotice
import cn.photoday.ui.staff.StaffScanUiState
import cn.photoday.ui.staff.StaffStep
import cn.photoday.ui.staff.StationLabel
import cn.photoday.ui.staff.VerdictCard

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
    val shown = state as? StaffScanUiState.Showing
    LaunchedEffect(shown?.serial) { shown?.let { feedback.play(it.card.signal, view) } }

    var manual by remember { mutableStateOf(false) }
    var overriding by remember { mutableStateOf(false) }
    // Who may be stepped aside (student number to label); null when the dialog is closed.
    var aside by remember { mutableStateOf<List<Pair<String, String>>?>(null) }

    when (val s = state) {
        StaffScanUiState.Loading -> Box(Modifier.fillMaxSize())
        is StaffScanUiState.Failed -> Column(Modifier.safeDrawingPadding().padding(16.dp)) { ErrorCard(s.error) }
        is StaffScanUiState.NeedsSetup -> NeedsSetup(s.step, navigate, switchMode)
        is StaffScanUiState.Scanning, is StaffScanUiState.Showing -> Box(Modifier.fillMaxSize().background(Color.Black)) {
            QrCamera(onText = vm::onFrame, modifier = Modifier.fillMaxSize(), torchOn = torch)
            if (s is StaffScanUiState.Scanning) {
                val stepAside = { b: BatchCard -> aside = b.waiting.map { it.studentNo to "${it.photoNo}  ${it.name.orEmpty()} ${it.studentNo}" } }
                ScanningOverlay(s.station, s.batch, s.notice, torch, vm::toggleTorch, { manual = true }, vm::undoLast, stepAside, vm::closeBatch, navigate, switchMode)
            }
            if (s is StaffScanUiState.Showing) {
                val card = s.card
                VerdictOverlay(
                    card,
                    onDismiss = vm::dismiss,
                    onOverride = { overriding = true },
                    onUndo = vm::undo,
                    onSkipCode = vm::skipCodeCheck,
                    onStepAside = card.studentNo?.takeIf { s.station.numbers }?.let { no ->
                        { aside = listOf(no to listOfNotNull(card.photoNo, card.studentName, no).joinToString("  ")) }
                    },
                )
            }
        }
    }

    if (manual) {
        ManualCheckInDialog(onDismiss = { manual = false }, onCheckIn = { number, note -> manual = false; vm.checkIn(number, note) })
    }
    aside?.let { people ->
        StepAsideDialog(people, onDismiss = { aside = null }) { no, reason -> aside = null; vm.stepAside(no, reason) }
    }
    if (overriding) {
        ReasonDialog(onDismiss = { overriding = false }, onConfirm = { overriding = false; vm.override(it) })
    }
}

@Composable
private fun NeedsSetup(step: StaffStep, navigate: (String) -> Unit, switchMode: () -> Unit) {
    Column(
        Modifier.fillMaxSize().safeDrawingPadding().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
    ) {
        Text(
            stringResource(if (step == StaffStep.ImportBundle) R.string.staff_needs_bundle else R.string.staff_needs_station),
            style = MaterialTheme.typography.titleLarge,
        )
        Button(onClick = { navigate(Routes.STATION) }, Modifier.fillMaxWidth()) {
            Text(stringResource(if (step == StaffStep.ImportBundle) R.string.station_import_bundle else R.string.station_title))
        }
        OutlinedButton(onClick = { navigate(Routes.LOGS) }, Modifier.fillMaxWidth()) { Text(stringResource(R.string.logs_title)) }
        TextButton(onClick = switchMode) { Text(stringResource(R.string.switch_to_student)) }
    }
}

@Composable
private fun ScanningOverlay(
    station: StationLabel,
    batch: BatchCard?,
    notice: ScanNotice?,
    torch: Boolean,
    toggleTorch: () -> Unit,
    manual: () -> Unit,
    undoLast: () -> Unit,
    stepAside: (BatchCard) -> Unit,
    batchShot: () -> Unit,
    navigate: (String) -> Unit,
    switchMode: () -> Unit,
) {
    var menu by remember { mutableStateOf(false) }
    Column(Modifier.fillMaxSize().safeDrawingPadding()) {
        Surface(color = Color.Black.copy(alpha = 0.6f), contentColor = Color.White) {
            Row(Modifier.fillMaxWidth().padding(8.dp), verticalAlignment = Alignment.CenterVertically) {
                Column(Modifier.weight(1f)) {
                    Text(
                        station.lane?.let { stringResource(R.string.station_label_lane, station.room, it) } ?: station.room,
                        style = MaterialTheme.typography.titleLarge,
                    )
                    Text(listOfNotNull(station.college, station.windows).joinToString(" · "), style = MaterialTheme.typography.bodySmall)
                }
                IconButton(onClick = toggleTorch) {
                    Icon(
                        if (torch) Icons.Default.FlashlightOff else Icons.Default.FlashlightOn,
                        stringResource(if (torch) R.string.torch_off else R.string.torch_on),
                        tint = Color.White,
                    )
                }
                IconButton(onClick = { menu = true }) { Icon(Icons.Default.MoreVert, stringResource(R.string.menu), tint = Color.White) }
                DropdownMenu(expanded = menu, onDismissRequest = { menu = false }) {
                    DropdownMenuItem(text = { Text(stringResource(R.string.manual_title)) }, onClick = { menu = false; manual() })
                    DropdownMenuItem(text = { Text(stringResource(R.string.undo_last)) }, onClick = { menu = false; undoLast() })
                    DropdownMenuItem(text = { Text(stringResource(R.string.batch_title)) }, onClick = { menu = false; navigate(Routes.BATCH) })
                    DropdownMenuItem(text = { Text(stringResource(R.string.attendance_title)) }, onClick = { menu = false; navigate(Routes.ATTENDANCE) })
                    DropdownMenuItem(text = { Text(stringResource(R.string.logs_title)) }, onClick = { menu = false; navigate(Routes.LOGS) })
                    DropdownMenuItem(text = { Text(stringResource(R.string.station_title)) }, onClick = { menu = false; navigate(Routes.STATION) })
                    DropdownMenuItem(text = { Text(stringResource(R.string.switch_to_student)) }, onClick = { menu = false; switchMode() })
                }
            }
        }
        Box(Modifier.weight(1f))
        notice?.let { NoticeCard(it) }
        Surface(color = Color.Black.copy(alpha = 0.6f), contentColor = Color.White) {
            Column(Modifier.fillMaxWidth().padding(12.dp)) {
                if (batch == null) {
                    Text(stringResource(R.string.scan_hint), style = MaterialTheme.typography.titleMedium)
                } else {
                    Text(batch.label, style = MaterialTheme.typography.titleLarge)
                    Text(photoNumbers(batch), style = MaterialTheme.typography.bodyLarge)
                    Row(Modifier.padding(top = 8.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        OutlinedButton(onClick = { stepAside(batch) }, Modifier.weight(1f)) { Text(stringResource(R.string.step_aside), color = Color.White) }
                        Button(onClick = batchShot, Modifier.weight(1f)) { Text(stringResource(R.string.batch_shot)) }
                    }
                }
                Button(onClick = manual, Modifier.fillMaxWidth().padding(top = 8.dp)) { Text(stringResource(R.string.manual_title)) }
            }
        }
    }
}

/** The batch's numbers in order, voided ones struck out (never reused). */
private fun photoNumbers(batch: BatchCard): AnnotatedString = buildAnnotatedString {
    batch.members.forEachIndexed { i, m ->
        if (i > 0) append("  ")
        if (m.status == NumberStatus.VOIDED) withStyle(SpanStyle(textDecoration = TextDecoration.LineThrough)) { append(m.photoNo) } else append(m.photoNo)
    }
}

private val ASIDE_REASONS = listOf(
    AsideReason.NO_COLLECTION_CODE to R.string.aside_no_code,
    AsideReason.CLOTHES to R.string.aside_clothes,
    AsideReason.GLASSES to R.string.aside_glasses,
    AsideReason.NOT_PRESENT to R.string.aside_not_present,
    AsideReason.OTHER to R.string.aside_other,
)

/** Pick the student (when more than one), then why: the core voids their number. */
@Composable
private fun StepAsideDialog(people: List<Pair<String, String>>, onDismiss: () -> Unit, onStepAside: (String, AsideReason) -> Unit) {
    var who by remember { mutableStateOf(people.singleOrNull()?.first) }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(stringResource(R.string.step_aside)) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState())) {
                val chosen = who
                if (chosen == null) {
                    people.forEach { (no, label) -> TextButton(onClick = { who = no }) { Text(label) } }
                } else {
                    ASIDE_REASONS.forEach { (reason, label) -> TextButton(onClick = { onStepAside(chosen, reason) }) { Text(stringResource(label)) } }
                }
            }
        },
        confirmButton = {},
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.cancel)) } },
    )
}

@Composable
private fun NoticeCard(notice: ScanNotice) {
    Card(Modifier.fillMaxWidth().padding(8.dp)) {
        Text(
            when (notice) {
                is ScanNotice.Undone -> stringResource(R.string.undo_done, notice.photoNo.orEmpty(), notice.studentNo)
                is ScanNotice.SteppedAside -> stringResource(R.string.stepped_aside_done, notice.studentNo, notice.photoNo ?: "—")
                is ScanNotice.BatchClosed -> stringResource(R.string.batch_closed_done, notice.label, notice.photographed)
                is ScanNotice.NotANumber -> stringResource(R.string.manual_not_a_number, notice.typed)
                is ScanNotice.Failed -> notice.error.message
            },
            Modifier.padding(12.dp),
            style = MaterialTheme.typography.bodyLarge,
        )
    }
}

/** The verdict, full screen in the core's colour. Tap the background to go back to scanning. */
@Composable
private fun VerdictOverlay(
    card: VerdictCard,
    onDismiss: () -> Unit,
    onOverride: () -> Unit,
    onUndo: () -> Unit,
    onSkipCode: () -> Unit,
    /** Null on a door phone. */
    onStepAside: (() -> Unit)?,
) {
    val fg = card.colour.onFill()
    Box(Modifier.fillMaxSize().background(card.colour.fill()).clickable(onClick = onDismiss)) {
        Column(
            Modifier.fillMaxSize().safeDrawingPadding().padding(16.dp),
            horizontalAlignment = Alignment.CenterHorizontally,
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            card.clockWarning?.let {
                Surface(color = Color.Black, contentColor = Color.White) { Text(it, Modifier.padding(8.dp), style = MaterialTheme.typography.titleMedium) }
            }
            Text(card.headline, color = fg, style = MaterialTheme.typography.headlineMedium, textAlign = TextAlign.Center, fontWeight = FontWeight.Bold)
            if (card.colour == Colour.GREEN && card.photoNo != null) {
                Text(card.photoNo!!, color = fg, fontSize = 112.sp, fontWeight = FontWeight.Black, textAlign = TextAlign.Center)
                card.batch?.let { Text(stringResource(R.string.verdict_batch, it), color = fg, fontSize = 48.sp, fontWeight = FontWeight.Bold) }
            }
            card.numberQr?.let { text ->
                val qr = remember(text) { runCatching { qrCode(text) }.getOrNull() }
                qr?.let { QrImage(it, stringResource(R.string.number_qr_description), Modifier.size(160.dp)) }
            }
            card.rightRoom?.let { Text(it, color = fg, fontSize = 56.sp, fontWeight = FontWeight.Black, textAlign = TextAlign.Center) }
            val who = listOfNotNull(card.studentName, card.studentNo).joinToString(" · ")
            if (who.isNotEmpty()) Text(who, color = fg, style = MaterialTheme.typography.titleLarge)
            Text(card.detail, color = fg, style = MaterialTheme.typography.bodyLarge, textAlign = TextAlign.Center)
            if (card.repeat) Text(stringResource(R.string.verdict_repeat), color = fg, style = MaterialTheme.typography.bodyMedium)
            Box(Modifier.weight(1f))
            val buttons = ButtonDefaults.buttonColors(containerColor = Color.Black.copy(alpha = 0.75f), contentColor = Color.White)
            if (card.awaitingCode) {
                Button(onClick = onSkipCode, Modifier.fillMaxWidth(), colors = buttons) { Text(stringResource(R.string.code_skip)) }
            }
            if (onStepAside != null && (card.awaitingCode || card.colour == Colour.GREEN)) {
                Button(onClick = onStepAside, Modifier.fillMaxWidth(), colors = buttons) { Text(stringResource(R.string.step_aside)) }
            }
            if (card.overridable) {
                Button(onClick = onOverride, Modifier.fillMaxWidth(), colors = buttons) { Text(stringResource(R.string.override_title)) }
            }
            if (card.recordSeq != null && card.colour == Colour.GREEN) {
                Button(onClick = onUndo, Modifier.fillMaxWidth(), colors = buttons) { Text(stringResource(R.string.undo)) }
            }
            Button(onClick = onDismiss, Modifier.fillMaxWidth(), colors = buttons) { Text(stringResource(R.string.scan_next)) }
        }
    }
}

@Composable
private fun ManualCheckInDialog(onDismiss: () -> Unit, onCheckIn: (String, String?) -> Unit) {
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
        confirmButton = { TextButton(onClick = { onCheckIn(number, note) }, enabled = number.isNotBlank()) { Text(stringResource(R.string.manual_check_in)) } },
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
