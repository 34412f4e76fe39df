// What the platform does between a tap and the core: "are you sure?", a typed line, a file from
// the Storage Access Framework, a photo from the picker, the clipboard's text; and, after an
// outcome, saving the file the core made. None of these needs a storage permission. Which of
// them an action needs, and every word in them, is the core's.
package cn.photoday.app.ui

import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.PickVisualMediaRequest
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalClipboardManager
import androidx.compose.ui.platform.LocalContext
import cn.photoday.app.ui.common.readBytes
import cn.photoday.app.ui.common.writeBytes
import cn.photoday.core.Action
import cn.photoday.core.Command
import cn.photoday.core.FileOut
import cn.photoday.core.Input
import cn.photoday.core.Needs
import cn.photoday.core.Tone
import cn.photoday.core.Words
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Runs actions: call [run] with a tapped action; [save] offers an outcome's file. */
class ActionRunner(val run: (Action) -> Unit, val save: (FileOut) -> Unit)

/**
 * Gathers what each action needs and hands it to the ViewModel; a platform failure (an
 * unreadable file, an empty clipboard) is said like the core's refusals. The command waiting
 * for a file or photo is kept in the ViewModel, which outlives the activity while the picker is
 * open.
 */
@Composable
fun rememberActionRunner(vm: PageViewModel, words: Words): ActionRunner {
    val resolver = LocalContext.current.contentResolver
    val clipboard = LocalClipboardManager.current
    val scope = rememberCoroutineScope()
    var confirming by remember { mutableStateOf<Action?>(null) }
    var asking by remember { mutableStateOf<Action?>(null) }

    fun withBytes(uri: Uri?) {
        val command = vm.waiting.also { vm.waiting = null } ?: return
        uri ?: return // the user cancelled
        scope.launch {
            val bytes = withContext(Dispatchers.IO) { resolver.readBytes(uri) }
            if (bytes == null) vm.say(words.fileUnreadable) else vm.perform(command, Input.Bytes(bytes))
        }
    }
    val openFile = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument(), ::withBytes)
    val pickPhoto = rememberLauncherForActivityResult(ActivityResultContracts.PickVisualMedia(), ::withBytes)
    val saveFile = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument("application/vnd.photoday.log")) { uri ->
        val file = vm.saving.also { vm.saving = null } ?: return@rememberLauncherForActivityResult
        uri ?: return@rememberLauncherForActivityResult
        scope.launch {
            val ok = withContext(Dispatchers.IO) { resolver.writeBytes(uri, file.bytes) }
            if (!ok) return@launch vm.say(words.fileUnreadable)
            vm.say(words.fileSaved + file.name, Tone.GOOD)
            file.saved?.let { vm.perform(it) }
        }
    }

    fun gather(action: Action) {
        when (action.needs) {
            Needs.Nothing -> vm.perform(action.command)
            is Needs.Text -> asking = action
            Needs.File -> {
                vm.waiting = action.command
                openFile.launch(arrayOf("*/*"))
            }
            Needs.Photo -> {
                vm.waiting = action.command
                pickPhoto.launch(PickVisualMediaRequest(ActivityResultContracts.PickVisualMedia.ImageOnly))
            }
            Needs.Clipboard -> clipboard.getText()?.text?.takeIf { it.isNotBlank() }
                ?.let { vm.perform(action.command, Input.Text(it)) }
                ?: vm.say(words.clipboardEmpty)
        }
    }

    confirming?.let { action ->
        AlertDialog(
            onDismissRequest = { confirming = null },
            text = { Text(action.confirm.orEmpty()) },
            confirmButton = { TextButton(onClick = { confirming = null; gather(action) }) { Text(words.ok) } },
            dismissButton = { TextButton(onClick = { confirming = null }) { Text(words.cancel) } },
        )
    }
    asking?.let { action -> TextDialog(action, words, onDismiss = { asking = null }) { asking = null; vm.perform(action.command, Input.Text(it)) } }

    return ActionRunner(
        run = { action -> if (action.confirm != null) confirming = action else gather(action) },
        save = { file -> vm.saving = file; saveFile.launch(file.name) },
    )
}

/** A typed line (a reason, a note) for [action], asked with its label. */
@Composable
private fun TextDialog(action: Action, words: Words, onDismiss: () -> Unit, onDone: (String) -> Unit) {
    var text by rememberSaveable { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(action.label) },
        text = { OutlinedTextField(text, { text = it }, label = { Text((action.needs as? Needs.Text)?.label.orEmpty()) }) },
        confirmButton = { TextButton(onClick = { onDone(text.trim()) }, enabled = text.isNotBlank()) { Text(words.ok) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words.cancel) } },
    )
}
