// Who was photographed and who is still missing: the session the room is running first
// (the core's heading and counts, each class's line "软件1班 已拍 38/42", who arrived but was not
// photographed, the 补拍 list, each list under the core's heading with its count), then the other sessions this phone knows of, numbers held by two
// students and students numbered twice, each with the core's advice on what to void.
package cn.photoday.app.staff

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.core.Lang
import cn.photoday.core.RosterStudent
import cn.photoday.core.SessionAttendance
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.UiError
import cn.photoday.ui.staff.AttendanceUiState

@Composable
fun AttendanceRoute(graph: AppGraph, onBack: () -> Unit) {
    val vm: AttendanceViewModel = viewModel { AttendanceViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }

    ScreenScaffold(stringResource(R.string.attendance_title), onBack) { padding ->
        when (val s = state) {
            AttendanceUiState.Loading -> CircularProgressIndicator(Modifier.padding(padding).padding(24.dp))
            is AttendanceUiState.Failed -> Column(Modifier.padding(padding).padding(16.dp)) { ErrorCard(s.error) }
            is AttendanceUiState.Ready -> LazyColumn(
                Modifier.padding(padding),
                contentPadding = PaddingValues(16.dp),
                verticalArrangement = Arrangement.spacedBy(8.dp),
            ) {
                val lang = s.lang
                s.station?.let { mine ->
                    item { SessionSummary(mine, lang, highlight = true) }
                    if (mine.arrivedNotPhotographed.isNotEmpty()) {
                        item { Text(mine.arrivedNotPhotographedTitle.textIn(lang), style = MaterialTheme.typography.titleMedium) }
                        items(mine.arrivedNotPhotographed, key = { "chase-${it.studentNo}" }) { StudentLine(it) }
                    }
                    if (mine.absentees.isNotEmpty()) {
                        item { Text(mine.absenteesTitle.textIn(lang), style = MaterialTheme.typography.titleMedium) }
                        items(mine.absentees, key = { "absent-${it.studentNo}" }) { StudentLine(it) }
                    }
                }
                items(s.clashes) { ErrorCard(UiError(ErrorKind.InvalidInput, it.advice)) }
                if (s.duplicates.isNotEmpty()) {
                    item { Text(stringResource(R.string.attendance_duplicates), style = MaterialTheme.typography.titleMedium) }
                    items(s.duplicates, key = { "twice-${it.studentNo}" }) { d ->
                        Text(d.advice.textIn(lang), color = MaterialTheme.colorScheme.error)
                    }
                }
                if (s.others.isNotEmpty()) {
                    item { Text(stringResource(R.string.attendance_others), style = MaterialTheme.typography.titleMedium) }
                    items(s.others, key = { "session-${it.session}" }) { SessionSummary(it, lang, highlight = false) }
                }
            }
        }
    }
}

@Composable
private fun StudentLine(a: RosterStudent) = Text(a.line, style = MaterialTheme.typography.bodyLarge)

/** A session in the core's words (its counts large for the room's own), each class's line under it. */
@Composable
private fun SessionSummary(card: SessionAttendance, lang: Lang, highlight: Boolean) {
    val colors = if (highlight) CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer) else CardDefaults.cardColors()
    Card(Modifier.fillMaxWidth(), colors = colors) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(card.heading.textIn(lang), style = MaterialTheme.typography.titleMedium)
            Text(
                card.summary.textIn(lang),
                style = if (highlight) MaterialTheme.typography.headlineSmall else MaterialTheme.typography.bodyMedium,
                fontWeight = if (highlight) FontWeight.Bold else null,
            )
            if (highlight) {
                card.classes.forEach { c ->
                    Text(
                        c.line.textIn(lang),
                        style = MaterialTheme.typography.bodyLarge,
                        color = if (c.complete) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.onSurface,
                    )
                }
            }
        }
    }
}
