// The pass at the door: the QR code drawn from the core's modules at whole pixels per module, on
// white, at full brightness with the screen kept on; the student number and slot in large type.
package cn.photoday.app.student

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import cn.photoday.app.AppGraph
import cn.photoday.app.R
import cn.photoday.app.ui.Routes
import cn.photoday.app.ui.common.ErrorCard
import cn.photoday.app.ui.common.FullBrightnessWhileShown
import cn.photoday.app.ui.common.QrImage
import cn.photoday.app.ui.common.ScreenScaffold
import cn.photoday.ui.student.PassUiState

@Composable
fun PassRoute(graph: AppGraph, navigate: (String) -> Unit, onBack: () -> Unit) {
    val vm: PassViewModel = viewModel { PassViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    LaunchedEffect(vm) { vm.load() }

    ScreenScaffold(stringResource(R.string.pass_title), onBack) { padding ->
        when (val s = state) {
            PassUiState.Loading -> CircularProgressIndicator(Modifier.padding(padding).padding(24.dp))
            is PassUiState.Failed -> Column(Modifier.padding(padding).padding(16.dp)) { ErrorCard(s.error) }
            is PassUiState.Missing -> Column(Modifier.padding(padding).padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
                s.hint?.let { Text(it.textIn(s.lang), style = MaterialTheme.typography.bodyLarge) }
                Button(onClick = { navigate(Routes.IMPORT) }) { Text(stringResource(R.string.import_title)) }
            }
            is PassUiState.Ready -> {
                FullBrightnessWhileShown()
                Column(
                    Modifier
                        .padding(padding)
                        .fillMaxSize()
                        .background(Color.White)
                        .verticalScroll(rememberScrollState())
                        .padding(16.dp),
                    horizontalAlignment = Alignment.CenterHorizontally,
                    verticalArrangement = Arrangement.spacedBy(8.dp),
                ) {
                    QrImage(s.qr, stringResource(R.string.pass_qr_description), Modifier.fillMaxWidth().aspectRatio(1f))
                    Text(s.pass.studentNo.toString(), color = Color.Black, style = MaterialTheme.typography.displayMedium, fontWeight = FontWeight.Bold)
                    s.slot?.let { slot ->
                        Text(slot.room.textIn(s.lang), color = Color.Black, style = MaterialTheme.typography.headlineMedium, fontWeight = FontWeight.Bold)
                        Text(slot.college.textIn(s.lang), color = Color.Black, style = MaterialTheme.typography.titleMedium)
                        Text(slot.whenLabel, color = Color.Black, style = MaterialTheme.typography.titleMedium)
                        Text(slot.arriveByLine.textIn(s.lang), color = Color.Black, style = MaterialTheme.typography.titleLarge)
                    }
                }
            }
        }
    }
}
