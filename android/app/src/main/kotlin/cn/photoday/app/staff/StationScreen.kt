// Setting up a staff phone: import the scanner bundle from the 教务处, then choose the room it
// guards, its role (door, studio or both) and, when more than one studio phone numbers in that
// room, its photo-number letter from the core's choices (laneChoices). The core's warning
// (another studio phone, same prefix) is shown.
package cn.photoday.app.staff

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.foundation.selection.selectable
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
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
import cn.photoday.core.Lane
import cn.photoday.core.Lang
import cn.photoday.core.Role
import cn.photoday.core.laneChoices
import cn.photoday.core.roleChoices
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.UiError
import cn.photoday.ui.staff.StationSetupUiState
import kotlinx.coroutines.launch

@Composable
fun StationRoute(graph: AppGraph, onDone: () -> Unit, onBack: () -> Unit) {
    val app = LocalContext.current.applicationContext as android.app.Application
    val vm: StationViewModel = viewModel { StationViewModel(app, graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    val unreadable by vm.unreadableFile.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }
    val scope = rememberCoroutineScope()
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri -> uri?.let(vm::import) }

    ScreenScaffold(stringResource(R.string.station_title), onBack) { padding ->
        LazyColumn(Modifier.padding(padding), contentPadding = PaddingValues(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            item {
                OutlinedButton(onClick = { pick.launch(arrayOf("*/*")) }, Modifier.fillMaxWidth()) {
                    Text(stringResource(R.string.station_import_bundle))
                }
                if (unreadable) Text(stringResource(R.string.import_unreadable), color = MaterialTheme.colorScheme.error)
            }
            when (val s = state) {
                StationSetupUiState.Loading -> item { CircularProgressIndicator() }
                is StationSetupUiState.NoBundle -> item {
                    Text(stringResource(R.string.staff_needs_bundle), style = MaterialTheme.typography.bodyLarge)
                    s.error?.let { ErrorCard(it) }
                }
                is StationSetupUiState.Ready -> {
                    item {
                        Text(s.eventTitle, style = MaterialTheme.typography.titleLarge)
                        s.imported?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
                        s.error?.let { ErrorCard(it) }
                        s.warning?.let { ErrorCard(UiError(ErrorKind.InvalidInput, it)) }
                        s.chosen?.takeIf { it.role != Role.DOOR }?.let { st ->
                            Row(verticalAlignment = Alignment.CenterVertically) {
                                Text(stringResource(R.string.station_check_code), Modifier.weight(1f))
                                Switch(checked = st.checkCode, onCheckedChange = vm::setCheckCode)
                            }
                        }
                    }
                    stationChooser(s, graph.lang()) { room, role, lane ->
                        // Scan only once the station is stored, so the scan screen reads the new one;
                        // a warning (another studio phone, same prefix) keeps this screen up to be read.
                        scope.launch {
                            vm.choose(room, role, lane).join()
                            if ((vm.state.value as? StationSetupUiState.Ready)?.let { it.warning == null && it.error == null } == true) onDone()
                        }
                    }
                }
            }
        }
    }
}

private fun LazyListScope.stationChooser(s: StationSetupUiState.Ready, lang: Lang, start: (String, Role, Lane?) -> Unit) {
    item { Text(stringResource(R.string.station_choose), style = MaterialTheme.typography.titleMedium) }
    item {
        var room by rememberSaveable(s.chosen) { mutableStateOf(s.chosen?.room) }
        var role by rememberSaveable(s.chosen) { mutableStateOf(s.chosen?.role ?: Role.DOOR) }
        var lane by rememberSaveable(s.chosen) { mutableStateOf(s.chosen?.lane) }
        val roles = remember { roleChoices() }
        val lanes = remember { laneChoices() }
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            s.rooms.forEach { r -> Choice(r, room == r) { room = r } }
            HorizontalDivider()
            // Door, studio, both: each in the core's words.
            roles.forEach { c -> Choice(c.label.textIn(lang), role == c.role) { role = c.role } }
            if (role != Role.DOOR) {
                HorizontalDivider()
                Text(stringResource(R.string.station_lane), style = MaterialTheme.typography.titleSmall)
                // No letter first, then A–F, each in the core's words.
                lanes.forEach { c -> Choice(c.label.textIn(lang), lane == c.lane) { lane = c.lane } }
            }
            Button(
                onClick = { room?.let { start(it, role, lane.takeIf { role != Role.DOOR }) } },
                enabled = room != null,
                modifier = Modifier.fillMaxWidth(),
            ) { Text(stringResource(R.string.station_start)) }
        }
    }
}

@Composable
private fun Choice(label: String, selected: Boolean, onSelect: () -> Unit) {
    Row(
        Modifier.fillMaxWidth().selectable(selected = selected, onClick = onSelect).padding(vertical = 4.dp),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        RadioButton(selected = selected, onClick = onSelect)
        Text(label, style = MaterialTheme.typography.bodyLarge)
    }
}

