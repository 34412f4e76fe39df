// The app's frame: first-run choice of student or staff, then that mode's screens. Results of
// imports (from any screen, or from another app) appear as a snackbar.
package cn.photoday.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawingPadding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.key
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.rememberNavController
import cn.photoday.app.AppGraph
import cn.photoday.app.AppMode
import cn.photoday.app.R
import cn.photoday.app.importing.ImportScreen
import cn.photoday.app.importing.ImportUiState
import cn.photoday.app.importing.ImportViewModel
import cn.photoday.app.staff.AttendanceRoute
import cn.photoday.app.staff.BatchRoute
import cn.photoday.app.staff.LogTransferRoute
import cn.photoday.app.staff.ScanRoute
import cn.photoday.app.staff.StationRoute
import cn.photoday.app.student.ChecklistRoute
import cn.photoday.app.student.CollectionCodeFullRoute
import cn.photoday.app.student.CollectionCodeRoute
import cn.photoday.app.student.HomeRoute
import cn.photoday.app.student.NoticeRoute
import cn.photoday.app.student.PassRoute
import cn.photoday.app.student.TimelineRoute
import cn.photoday.ui.ImportResult
import cn.photoday.ui.message

@Composable
fun PhotoDayApp(graph: AppGraph, importer: ImportViewModel) {
    val mode by graph.mode.mode.collectAsStateWithLifecycle()
    val snackbar = remember { SnackbarHostState() }
    val imported by importer.state.collectAsStateWithLifecycle()

    val text = when (val s = imported) {
        // The core's line: what was imported (a replaced pass, a number held by two students said loudly).
        is ImportUiState.Done -> s.result.message
        is ImportUiState.Unreadable -> stringResource(R.string.import_unreadable)
        else -> null
    }
    LaunchedEffect(imported) { text?.let { snackbar.showSnackbar(it) } }

    Surface(Modifier.fillMaxSize()) {
        Box(Modifier.fillMaxSize()) {
            when (val m = mode) {
                null -> FirstRun { chosen ->
                    graph.mode.set(chosen)
                    importer.modeChosen()
                }
                // A new graph of screens per mode: switching mode starts at that mode's first screen.
                else -> key(m) { ModeScreens(graph, m, importer, imported) }
            }
            SnackbarHost(snackbar, Modifier.align(Alignment.BottomCenter).safeDrawingPadding())
        }
    }
}

@Composable
private fun ModeScreens(graph: AppGraph, mode: AppMode, importer: ImportViewModel, imported: ImportUiState) {
    val nav = rememberNavController()
    val back: () -> Unit = { nav.popBackStack() }
    val go: (String) -> Unit = { nav.navigate(it) { launchSingleTop = true } }
    val switchMode: () -> Unit = { graph.mode.set(if (mode == AppMode.Student) AppMode.Staff else AppMode.Student) }

    // After a successful import on the import screen, go back to where the user came from.
    LaunchedEffect(imported) {
        val done = imported as? ImportUiState.Done ?: return@LaunchedEffect
        if (done.result !is ImportResult.Failed && nav.currentDestination?.route == Routes.IMPORT) nav.popBackStack()
    }

    NavHost(nav, startDestination = if (mode == AppMode.Student) Routes.HOME else Routes.SCAN) {
        composable(Routes.IMPORT) { ImportScreen(mode, importer, back) }
        composable(Routes.HOME) { HomeRoute(graph, go, switchMode) }
        composable(Routes.PASS) { PassRoute(graph, go, back) }
        composable(Routes.CODE) { CollectionCodeRoute(graph, { go(Routes.CODE_FULL) }, back) }
        composable(Routes.CODE_FULL) { CollectionCodeFullRoute(graph, back) }
        composable(Routes.CHECKLIST) { ChecklistRoute(graph, back) }
        composable(Routes.TIMELINE) { TimelineRoute(graph, back) }
        composable(Routes.NOTICE) { NoticeRoute(graph, back) }
        composable(Routes.SCAN) { ScanRoute(graph, go, switchMode) }
        composable(Routes.STATION) { StationRoute(graph, onDone = back, onBack = back) }
        composable(Routes.BATCH) { BatchRoute(graph, back) }
        composable(Routes.ATTENDANCE) { AttendanceRoute(graph, back) }
        composable(Routes.LOGS) { LogTransferRoute(graph, back) }
    }
}

/** First run: student or door staff. Changeable later from either mode's menu. */
@Composable
private fun FirstRun(choose: (AppMode) -> Unit) {
    Column(
        Modifier.fillMaxSize().safeDrawingPadding().padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
    ) {
        Text(stringResource(R.string.app_name), style = MaterialTheme.typography.displaySmall)
        Text(stringResource(R.string.first_run_explain), style = MaterialTheme.typography.bodyLarge)
        Button(onClick = { choose(AppMode.Student) }, Modifier.fillMaxWidth().heightIn(min = 72.dp)) {
            Column(horizontalAlignment = Alignment.CenterHorizontally) {
                Text(stringResource(R.string.first_run_student), style = MaterialTheme.typography.titleLarge)
                Text(stringResource(R.string.first_run_student_detail), style = MaterialTheme.typography.bodySmall)
            }
        }
        OutlinedButton(onClick = { choose(AppMode.Staff) }, Modifier.fillMaxWidth().heightIn(min = 72.dp)) {
            Column(horizontalAlignment = Alignment.CenterHorizontally) {
                Text(stringResource(R.string.first_run_staff), style = MaterialTheme.typography.titleLarge)
                Text(stringResource(R.string.first_run_staff_detail), style = MaterialTheme.typography.bodySmall)
            }
        }
    }
}
