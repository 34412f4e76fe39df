// The student's dates, past to future, opened at the first one not yet past.
package cn.photoday.app.student

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
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
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.core.TimelineStatus
import cn.photoday.ui.student.TimelineUiState

@Composable
fun TimelineRoute(graph: AppGraph, onBack: () -> Unit) {
    val vm: TimelineViewModel = viewModel { TimelineViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }
    val list = rememberLazyListState()

    ScreenScaffold(stringResource(R.string.timeline_title), onBack) { padding ->
        when (val s = state) {
            TimelineUiState.Loading -> CircularProgressIndicator(Modifier.padding(padding).padding(24.dp))
            is TimelineUiState.Failed -> Column(Modifier.padding(padding).padding(16.dp)) { ErrorCard(s.error) }
            is TimelineUiState.Ready -> {
                LaunchedEffect(s.nextIndex) { s.nextIndex?.let { list.scrollToItem(it) } }
                LazyColumn(
                    Modifier.padding(padding),
                    state = list,
                    contentPadding = androidx.compose.foundation.layout.PaddingValues(16.dp),
                    verticalArrangement = Arrangement.spacedBy(8.dp),
                ) {
                    items(s.items, key = { it.id }) { row ->
                        val colors = when (row.status) {
                            TimelineStatus.DUE -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.tertiaryContainer)
                            TimelineStatus.PAST -> CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.surfaceVariant)
                            TimelineStatus.UPCOMING -> CardDefaults.cardColors()
                        }
                        Card(Modifier.fillMaxWidth(), colors = colors) {
                            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                                Text(row.whenLine.textIn(s.lang), style = MaterialTheme.typography.labelLarge)
                                Text(row.title.textIn(s.lang), style = MaterialTheme.typography.titleMedium)
                                Text(row.detail.textIn(s.lang), style = MaterialTheme.typography.bodyMedium)
                            }
                        }
                    }
                }
            }
        }
    }
}
