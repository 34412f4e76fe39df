// The notice's checklist, ticked by the student (the core keeps the ticks).
package cn.photoday.app.student

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Checkbox
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.ui.student.ChecklistUiState

@Composable
fun ChecklistRoute(graph: AppGraph, onBack: () -> Unit) {
    val vm: ChecklistViewModel = viewModel { ChecklistViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }

    ScreenScaffold(stringResource(R.string.checklist_title), onBack) { padding ->
        when (val s = state) {
            ChecklistUiState.Loading -> CircularProgressIndicator(Modifier.padding(padding).padding(24.dp))
            is ChecklistUiState.Failed -> Column(Modifier.padding(padding).padding(16.dp)) { ErrorCard(s.error) }
            is ChecklistUiState.Ready -> LazyColumn(Modifier.padding(padding)) {
                item {
                    Text(
                        if (s.items.isEmpty()) stringResource(R.string.checklist_empty) else s.progress.textIn(s.lang),
                        Modifier.padding(16.dp),
                        style = MaterialTheme.typography.titleMedium,
                    )
                }
                items(s.items, key = { it.id }) { row ->
                    Row(
                        Modifier.fillMaxWidth().clickable { vm.setTick(row.id, !row.ticked) }.padding(horizontal = 8.dp, vertical = 4.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        Checkbox(checked = row.ticked, onCheckedChange = { vm.setTick(row.id, it) })
                        Text(row.text.textIn(s.lang), style = MaterialTheme.typography.bodyLarge)
                    }
                }
            }
        }
    }
}
