// The notice, offline, as the core lays it out (StudentApp.notice): its title and source, then one
// card per section (fee, 补拍, the 学信网 check, whom to call, every instruction), each line as text,
// a contact's name as a sub-heading, a line with a number as a button that dials it (ACTION_DIAL
// opens the dialler with the number, no permission needed).
package cn.photoday.app.student

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.ui.student.NoticeUiState

@Composable
fun NoticeRoute(graph: AppGraph, onBack: () -> Unit) {
    val vm: NoticeViewModel = viewModel { NoticeViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }
    val context = LocalContext.current

    ScreenScaffold(stringResource(R.string.notice_title), onBack) { padding ->
        Column(
            Modifier.padding(padding).padding(16.dp).verticalScroll(rememberScrollState()),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            when (val s = state) {
                NoticeUiState.Loading -> CircularProgressIndicator()
                is NoticeUiState.NoPack -> s.hint?.let { Text(it.textIn(s.lang), style = MaterialTheme.typography.bodyLarge) }
                is NoticeUiState.Failed -> ErrorCard(s.error)
                is NoticeUiState.Ready -> {
                    val lang = s.lang
                    Text(s.notice.title.textIn(lang), style = MaterialTheme.typography.titleLarge)
                    Text(s.notice.source.textIn(lang), style = MaterialTheme.typography.bodyMedium)
                    s.notice.sections.forEach { section ->
                        Section(section.title.textIn(lang)) {
                            section.lines.forEach { line ->
                                val text = line.text.textIn(lang)
                                val dial = line.dial
                                when {
                                    dial != null -> Dial(context, dial, text)
                                    line.heading -> Text(text, style = MaterialTheme.typography.titleSmall)
                                    else -> Text(text)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

@Composable
private fun Section(title: String, content: @Composable () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            content()
        }
    }
}

/** A line of the notice as a button that opens the dialler with [phone]. */
@Composable
private fun Dial(context: Context, phone: String, label: String) {
    TextButton(onClick = {
        try {
            context.startActivity(Intent(Intent.ACTION_DIAL, Uri.fromParts("tel", phone, null)))
        } catch (e: ActivityNotFoundException) {
            // A tablet without a dialler: the number is on screen to copy.
        }
    }) { Text(label) }
}
