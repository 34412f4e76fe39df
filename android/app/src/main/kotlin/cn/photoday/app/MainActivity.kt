// The one activity. It draws the core's pages and hands whatever it was opened with (a bundle or
// log file through "open with", a file or a pass text through the share sheet) to the core's
// import, which recognises it by content.
package cn.photoday.app

import android.content.Intent
import android.net.Uri
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.core.content.IntentCompat
import androidx.lifecycle.lifecycleScope
import cn.photoday.app.ui.PageViewModel
import cn.photoday.app.ui.PhotoDayScreen
import cn.photoday.app.ui.common.readBytes
import cn.photoday.app.ui.theme.PhotoDayTheme
import cn.photoday.core.Command
import cn.photoday.core.Input
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

class MainActivity : ComponentActivity() {
    private val vm: PageViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        if (savedInstanceState == null) intent?.let(::accept)
        setContent {
            PhotoDayTheme {
                PhotoDayScreen(vm)
            }
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        accept(intent)
    }

    private fun accept(intent: Intent) {
        val uri = when (intent.action) {
            Intent.ACTION_VIEW -> intent.data
            Intent.ACTION_SEND -> IntentCompat.getParcelableExtra(intent, Intent.EXTRA_STREAM, Uri::class.java)
            else -> return
        }
        if (uri == null) {
            intent.getStringExtra(Intent.EXTRA_TEXT)?.let { vm.perform(Command.Import, Input.Text(it)) }
            return
        }
        lifecycleScope.launch {
            val bytes = withContext(Dispatchers.IO) { contentResolver.readBytes(uri) }
            if (bytes == null) vm.say(vm.words.fileUnreadable) else vm.perform(Command.Import, Input.Bytes(bytes))
        }
    }
}
