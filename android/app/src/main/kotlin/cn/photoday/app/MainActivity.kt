// The one activity. It draws the Compose app and hands whatever it was opened with (a bundle or
// log file, a shared pass text) to the import ViewModel.
package cn.photoday.app

import android.content.Intent
import android.net.Uri
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.core.content.IntentCompat
import androidx.lifecycle.viewmodel.initializer
import androidx.lifecycle.viewmodel.viewModelFactory
import cn.photoday.app.importing.Incoming
import cn.photoday.app.importing.ImportViewModel
import cn.photoday.app.ui.PhotoDayApp
import cn.photoday.app.ui.theme.PhotoDayTheme

class MainActivity : ComponentActivity() {
    private val importer: ImportViewModel by viewModels {
        viewModelFactory { initializer { ImportViewModel(application, graph()) } }
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        if (savedInstanceState == null) accept(intent)
        setContent {
            PhotoDayTheme {
                PhotoDayApp(graph(), importer)
            }
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        accept(intent)
    }

    private fun accept(intent: Intent?) {
        incomingOf(intent ?: return)?.let(importer::accept)
    }

    private fun incomingOf(intent: Intent): Incoming? = when (intent.action) {
        Intent.ACTION_VIEW -> intent.data?.let { Incoming.File(it) }
        Intent.ACTION_SEND ->
            IntentCompat.getParcelableExtra(intent, Intent.EXTRA_STREAM, Uri::class.java)?.let { Incoming.File(it) }
                ?: intent.getStringExtra(Intent.EXTRA_TEXT)?.let { Incoming.Text(it) }
        else -> null
    }
}
