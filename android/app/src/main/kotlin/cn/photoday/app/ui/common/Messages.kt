// Error cards. Errors carry the core's own message (already in Chinese and/or English); the app
// adds only what to do next for a kind of error, from string resources.
package cn.photoday.app.ui.common

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import cn.photoday.app.R
import cn.photoday.ui.ErrorKind
import cn.photoday.ui.UiError

/** What to do next for a kind of error, under the core's message. */
@Composable
fun UiError.advice(): String? = when (kind) {
    ErrorKind.BadBundle -> stringResource(R.string.advice_bad_bundle)
    ErrorKind.BadLog -> stringResource(R.string.advice_bad_log)
    ErrorKind.Storage -> stringResource(R.string.advice_storage)
    ErrorKind.Internal -> stringResource(R.string.advice_internal)
    else -> null
}

/** An error card: the core's message, then advice. */
@Composable
fun ErrorCard(error: UiError, modifier: Modifier = Modifier) {
    Card(
        modifier.fillMaxWidth(),
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer),
    ) {
        Column(Modifier.padding(16.dp)) {
            Text(error.message, color = MaterialTheme.colorScheme.onErrorContainer, style = MaterialTheme.typography.bodyLarge)
            error.advice()?.let {
                Text(it, color = MaterialTheme.colorScheme.onErrorContainer, style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
}
