// The notice, offline: fee, 补拍 make-up, the 学信网 check, whom to call (tap a number to dial:
// ACTION_DIAL opens the dialler with the number, no permission needed), and every instruction.
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
import cn.photoday.ui.student.EventInfoUiState

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
                EventInfoUiState.Loading -> CircularProgressIndicator()
                EventInfoUiState.NoEvent -> Text(stringResource(R.string.pass_missing_bundle))
                is EventInfoUiState.Failed -> ErrorCard(s.error)
                is EventInfoUiState.Ready -> {
                    val e = s.event
                    val lang = s.lang
                    Text(e.title.textIn(lang), style = MaterialTheme.typography.titleLarge)
                    Text("${e.school.name.textIn(lang)} · ${e.noticeRef}", style = MaterialTheme.typography.bodyMedium)
                    // The fee as the core words it for a student: pay the liaison, never the colleges' account.
                    s.feeNote?.let { Section(stringResource(R.string.notice_fee)) { Text(it.textIn(lang)) } }
                    Section(stringResource(R.string.notice_makeup)) {
                        Text(stringResource(R.string.notice_makeup_line, e.makeup.deadlineLocal, e.makeup.feeYuan.toInt()))
                        Text(e.makeup.place.textIn(lang))
                        Text(stringResource(R.string.notice_school_code, e.makeup.schoolCode))
                        e.makeup.bring.forEach { Text("· ${it.textIn(lang)}") }
                        Dial(context, e.makeup.phone)
                    }
                    Section(stringResource(R.string.notice_verification)) {
                        Text(stringResource(R.string.notice_verification_line, e.verification.afterDays.toInt(), e.verification.site))
                        Text(e.verification.how.textIn(lang))
                    }
                    Section(stringResource(R.string.notice_contacts)) {
                        e.contacts.forEach { c ->
                            Text("${c.name.textIn(lang)} · ${c.role.textIn(lang)}", style = MaterialTheme.typography.titleSmall)
                            Text(c.place.textIn(lang), style = MaterialTheme.typography.bodySmall)
                            c.phones.forEach { Dial(context, it) }
                            c.extension?.let { Text(stringResource(R.string.notice_extension, it)) }
                        }
                    }
                    e.instructions.forEach { section ->
                        Section(section.title.textIn(lang)) { section.items.forEach { Text("· ${it.textIn(lang)}") } }
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

/** A phone number as a button that opens the dialler with it. */
@Composable
private fun Dial(context: Context, phone: String) {
    TextButton(onClick = {
        try {
            context.startActivity(Intent(Intent.ACTION_DIAL, Uri.fromParts("tel", phone, null)))
        } catch (e: ActivityNotFoundException) {
            // A tablet without a dialler: the number is on screen to copy.
        }
    }) { Text(stringResource(R.string.notice_dial, phone)) }
}
