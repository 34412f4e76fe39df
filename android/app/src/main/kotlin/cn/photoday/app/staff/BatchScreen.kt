// The batch being called into the studio, in 摄影编号 order, as the core keeps it: read it out at
// the door; a voided number (stepped aside) stays on the list, struck out.
package cn.photoday.app.staff

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.core.NumberStatus
import cn.photoday.ui.staff.StaffScanUiState

@Composable
fun BatchRoute(graph: AppGraph, onBack: () -> Unit) {
    // The open batch is part of the core's door screen: read through the scan screen's holder.
    val vm: ScanViewModel = viewModel { ScanViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.start() }

    ScreenScaffold(stringResource(R.string.batch_title), onBack) { padding ->
        when (val s = state) {
            StaffScanUiState.Loading -> CircularProgressIndicator(Modifier.padding(padding).padding(24.dp))
            is StaffScanUiState.Failed -> Column(Modifier.padding(padding).padding(16.dp)) { ErrorCard(s.error) }
            is StaffScanUiState.Ready -> s.screen.batch?.let { batch ->
                LazyColumn(Modifier.padding(padding), contentPadding = PaddingValues(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    item { Text(batch.label.textIn(s.lang), style = MaterialTheme.typography.headlineMedium) }
                    items(batch.members, key = { it.photoNo }) { m ->
                        Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(16.dp)) {
                            val voided = if (m.status == NumberStatus.VOIDED) TextDecoration.LineThrough else null
                            Text(m.photoNo, style = MaterialTheme.typography.displaySmall, fontWeight = FontWeight.Bold, textDecoration = voided)
                            Column {
                                m.name?.let { Text(it, style = MaterialTheme.typography.titleLarge) }
                                Text(m.studentNo.toString(), style = MaterialTheme.typography.bodyMedium)
                            }
                        }
                    }
                }
            } ?: Text(stringResource(R.string.batch_empty), Modifier.padding(padding).padding(16.dp))
        }
    }
}
