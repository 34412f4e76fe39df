// The one screen: whatever page the core describes, drawn block by block (DESIGN §2: the app only
// draws records and forwards taps). The top bar has the page's title, a back arrow while there is
// somewhere to go back to, and the page's menu; messages come as snackbars in their tone, files
// the core makes are offered for saving, and verdicts sound and vibrate.
package cn.photoday.app.ui

import android.content.Intent
import android.graphics.BitmapFactory
import android.net.Uri
import androidx.activity.compose.BackHandler
import androidx.compose.foundation.Image
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.itemsIndexed
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.MoreVert
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.Checkbox
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.ListItem
import androidx.compose.material3.ListItemDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Snackbar
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.asImageBitmap
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.platform.LocalView
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import androidx.lifecycle.compose.LifecycleStartEffect
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import cn.photoday.app.camera.QrCamera
import cn.photoday.app.staff.VerdictFeedback
import cn.photoday.app.student.ReminderPermission
import cn.photoday.app.ui.common.FullBrightnessWhileShown
import cn.photoday.app.ui.common.QrImage
import cn.photoday.app.ui.theme.PhotoDayTheme
import cn.photoday.app.ui.theme.fill
import cn.photoday.app.ui.theme.onFill
import cn.photoday.app.ui.theme.text
import cn.photoday.core.Action
import cn.photoday.core.ActionStyle
import cn.photoday.core.Block
import cn.photoday.core.Command
import cn.photoday.core.Input
import cn.photoday.core.Mode
import cn.photoday.core.Needs
import cn.photoday.core.Page
import cn.photoday.core.PageId
import cn.photoday.core.Tone
import cn.photoday.core.Words
import kotlinx.coroutines.launch

/** The app: the ViewModel's page, drawn, with the platform's side of every outcome. */
@Composable
fun PhotoDayScreen(vm: PageViewModel) {
    val page by vm.page.collectAsStateWithLifecycle()
    val canGoBack by vm.canGoBack.collectAsStateWithLifecycle()
    val words = remember(page) { vm.words }
    val snackbar = remember { SnackbarHostState() }
    var tone by remember { mutableStateOf(Tone.PLAIN) }
    val runner by rememberUpdatedState(rememberActionRunner(vm, words))
    val view = LocalView.current
    val feedback = remember { VerdictFeedback() }
    val scope = rememberCoroutineScope()
    DisposableEffect(feedback) { onDispose { feedback.release() } }
    LifecycleStartEffect(vm) {
        vm.onStart()
        onStopOrDispose { vm.onStop() }
    }
    LaunchedEffect(vm) {
        vm.outcomes.collect { o ->
            o.signal?.let { feedback.play(it, view) }
            o.file?.let(runner.save)
            o.message?.let {
                tone = o.tone
                snackbar.currentSnackbarData?.dismiss()
                scope.launch { snackbar.showSnackbar(it, withDismissAction = true) }
            }
        }
    }
    BackHandler(enabled = canGoBack) { vm.back() }
    PageScreen(
        page = page,
        words = words,
        canGoBack = canGoBack,
        onBack = vm::back,
        run = runner.run,
        perform = vm::perform,
        snackbar = { SnackbarHost(snackbar) { Snackbar(it, containerColor = tone.fill(), contentColor = tone.onFill()) } },
    )
}

/** A page as the core describes it; [run] takes every tap, [perform] the camera's and field's. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun PageScreen(
    page: Page?,
    words: Words,
    canGoBack: Boolean,
    onBack: () -> Unit,
    run: (Action) -> Unit,
    perform: (Command, Input) -> Unit,
    snackbar: @Composable () -> Unit,
) {
    if (page?.bright == true) FullBrightnessWhileShown()
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(page?.title.orEmpty()) },
                navigationIcon = {
                    if (canGoBack) {
                        IconButton(onClick = onBack) { Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = words.back) }
                    }
                },
                actions = { if (page != null && page.menu.isNotEmpty()) Menu(page.menu, words, run) },
            )
        },
        snackbarHost = snackbar,
    ) { padding ->
        if (page == null) {
            Box(Modifier.fillMaxSize().padding(padding), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
        } else {
            Blocks(page, words, run, perform, Modifier.fillMaxSize().padding(padding))
        }
    }
}

@Composable
private fun Blocks(page: Page, words: Words, run: (Action) -> Unit, perform: (Command, Input) -> Unit, modifier: Modifier) {
    // A camera keeps its key when a card appears above it, so it is not restarted.
    val keys = remember(page.blocks) {
        var cameras = 0
        page.blocks.mapIndexed { i, b -> if (b is Block.Camera) "camera${cameras++}" else "$i" }
    }
    val list = rememberLazyListState()
    val header = if (page.id == PageId.HOME) 1 else 0
    // A page opens where the core says (the timeline at its next date).
    LaunchedEffect(page.id) { page.focus?.let { list.scrollToItem(it.toInt() + header) } }
    LazyColumn(modifier, state = list, contentPadding = PaddingValues(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        if (header == 1) item { ReminderPermission(words) }
        itemsIndexed(page.blocks, key = { i, _ -> keys[i] }) { _, block -> BlockView(block, words, run, perform) }
    }
}

@Composable
private fun Menu(menu: List<Action>, words: Words, run: (Action) -> Unit) {
    var open by remember { mutableStateOf(false) }
    Box {
        IconButton(onClick = { open = true }) { Icon(Icons.Default.MoreVert, contentDescription = words.menu) }
        DropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            menu.forEach { action ->
                val danger = action.style == ActionStyle.DANGER
                DropdownMenuItem(
                    text = { Text(action.label, color = if (danger) MaterialTheme.colorScheme.error else Color.Unspecified) },
                    onClick = { open = false; run(action) },
                )
            }
        }
    }
}

@Composable
private fun BlockView(block: Block, words: Words, run: (Action) -> Unit, perform: (Command, Input) -> Unit) {
    when (block) {
        is Block.Heading -> Text(block.text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(top = 8.dp))
        is Block.Line -> Text(block.text, color = block.tone.text(), style = MaterialTheme.typography.bodyLarge)
        is Block.Card -> Card(
            Modifier.fillMaxWidth(),
            colors = CardDefaults.cardColors(containerColor = block.tone.fill(), contentColor = block.tone.onFill()),
        ) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                block.title?.let { Text(it, style = MaterialTheme.typography.titleMedium) }
                block.big?.let { Text(it, fontSize = 56.sp, lineHeight = 60.sp, fontWeight = FontWeight.Bold) }
                block.lines.forEach { Text(it, style = MaterialTheme.typography.bodyLarge) }
                block.actions.forEach { ActionButton(it, run) }
            }
        }
        is Block.Row -> RowView(block, run)
        is Block.Toggle -> Row(
            Modifier.fillMaxWidth().toggleable(value = block.on, role = Role.Checkbox, onValueChange = { run(block.action) }),
            verticalAlignment = Alignment.CenterVertically,
        ) {
            Checkbox(checked = block.on, onCheckedChange = null)
            Text(block.text, Modifier.padding(start = 12.dp), style = MaterialTheme.typography.bodyLarge)
        }
        is Block.Button -> ActionButton(block.action, run)
        is Block.Qr -> Column(Modifier.fillMaxWidth(), horizontalAlignment = Alignment.CenterHorizontally) {
            QrImage(block.code, block.caption.orEmpty(), Modifier.fillMaxWidth())
            block.caption?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        }
        is Block.Image -> Column(Modifier.fillMaxWidth(), horizontalAlignment = Alignment.CenterHorizontally) {
            val bitmap = remember(block.bytes) { BitmapFactory.decodeByteArray(block.bytes, 0, block.bytes.size)?.asImageBitmap() }
            if (bitmap != null) Image(bitmap, block.caption, Modifier.fillMaxWidth(), contentScale = ContentScale.Fit)
            Text(block.caption, style = MaterialTheme.typography.bodyMedium)
        }
        is Block.Camera -> Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            val scan = block.scan
            QrCamera({ perform(Command.Scanned(scan), Input.Text(it)) }, words, Modifier.fillMaxWidth().height(320.dp))
            Text(block.hint, style = MaterialTheme.typography.bodyMedium)
        }
        is Block.Field -> Field(block, run = { text -> perform(block.submit.command, Input.Text(text)) })
        is Block.Progress -> Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            LinearProgressIndicator(progress = { block.fraction }, modifier = Modifier.fillMaxWidth())
            Text(block.text, style = MaterialTheme.typography.bodyMedium)
        }
        is Block.Call -> {
            val context = LocalContext.current
            // ACTION_DIAL only opens the dialler with the number (no permission); a tablet
            // without one keeps the number on screen to dial by hand.
            val dial = { runCatching { context.startActivity(Intent(Intent.ACTION_DIAL, Uri.fromParts("tel", block.number, null))) } }
            OutlinedButton(onClick = { dial() }, Modifier.fillMaxWidth()) { Text(block.text) }
        }
    }
}

@Composable
private fun RowView(row: Block.Row, run: (Action) -> Unit) {
    val detail = row.detail
    val action = row.action
    ListItem(
        headlineContent = { Text(row.text, color = row.tone.text()) },
        supportingContent = if (detail != null) { { Text(detail) } } else null,
        colors = ListItemDefaults.colors(containerColor = Color.Transparent),
        modifier = if (action != null) Modifier.clickable { run(action) } else Modifier,
    )
}

/** A text field with its submit button; the typed line goes to the core as is. */
@Composable
private fun Field(block: Block.Field, run: (String) -> Unit) {
    // What was typed stays after a submit (a refused 学号 is corrected, not retyped); a new value
    // from the core replaces it, as on iOS.
    var text by rememberSaveable(block.value) { mutableStateOf(block.value) }
    val submit = { if (text.isNotBlank()) run(text.trim()) }
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedTextField(
            value = text,
            onValueChange = { text = it },
            label = { Text(block.label) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(
                keyboardType = if (block.numeric) KeyboardType.Number else KeyboardType.Text,
                imeAction = ImeAction.Done,
            ),
            keyboardActions = KeyboardActions(onDone = { submit() }),
            modifier = Modifier.fillMaxWidth(),
        )
        Button(onClick = submit, enabled = text.isNotBlank(), modifier = Modifier.fillMaxWidth()) { Text(block.submit.label) }
    }
}

@Composable
private fun ActionButton(action: Action, run: (Action) -> Unit) {
    val modifier = Modifier.fillMaxWidth()
    when (action.style) {
        ActionStyle.PRIMARY -> Button(onClick = { run(action) }, modifier) { Text(action.label) }
        ActionStyle.NORMAL -> OutlinedButton(onClick = { run(action) }, modifier) { Text(action.label) }
        ActionStyle.DANGER -> Button(
            onClick = { run(action) },
            modifier,
            colors = ButtonDefaults.buttonColors(
                containerColor = MaterialTheme.colorScheme.error,
                contentColor = MaterialTheme.colorScheme.onError,
            ),
        ) { Text(action.label) }
    }
}

@Preview
@Composable
private fun PageScreenPreview() {
    val choose = { label: String, mode: Mode, style: ActionStyle -> Action(label, Command.ChooseMode(mode), style, Needs.Nothing, null) }
    val page = Page(
        PageId.MODE_CHOICE, "PhotoDay",
        listOf(
            Block.Line("The photo day for the degree-certificate register, offline. Who is using this phone?", Tone.PLAIN),
            Block.Button(choose("I am a graduating student", Mode.STUDENT, ActionStyle.PRIMARY)),
            Block.Card(Tone.GOOD, "Admitted", "B012", listOf("202001001001 张三 软件1班"), emptyList()),
            Block.Button(choose("I am door or studio staff", Mode.STAFF, ActionStyle.NORMAL)),
        ),
        menu = emptyList(), refreshMs = null, bright = false, canGoBack = false, focus = null,
    )
    val words = Words(
        ok = "OK", cancel = "Cancel", back = "Back", menu = "More",
        cameraWhy = "", cameraDenied = "", cameraAllow = "", reminderChannel = "", reminderChannelDescription = "",
        fileUnreadable = "", clipboardEmpty = "", fileSaved = "", torchOn = "", torchOff = "", remindersWhy = "", remindersAllow = "",
    )
    PhotoDayTheme { PageScreen(page, words, canGoBack = false, onBack = {}, run = {}, perform = { _, _ -> }, snackbar = {}) }
}
