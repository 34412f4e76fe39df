// The 采集码 screen: how to get the code from 学信网 (steps from the event), the saved image kept
// app-private by the core, shown full-screen at the door, and whether a scanner can read it. The
// app never creates or alters a 采集码: it hands the picked file to the core byte for byte.
package cn.photoday.ui.student

import cn.photoday.core.CollectionCodeRoute
import cn.photoday.core.Lang
import cn.photoday.core.Readability
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class CollectionCodeUiState(
    /** The event's ways to get the 采集码, each with its steps. */
    val routes: List<CollectionCodeRoute> = emptyList(),
    /** The saved image, exactly as saved (PNG). */
    val image: ByteArray? = null,
    /**
     * The core's check of the saved image (null: none saved): whether a scanner can read it, and
     * its one line to show under the image (`verdict`: readable, crop it, or why not).
     */
    val readability: Readability? = null,
    val loading: Boolean = true,
    /** The last save or check failed (e.g. a JPEG photo instead of the image itself). */
    val error: UiError? = null,
    val lang: Lang = Lang.ZH,
) {
    override fun equals(other: Any?): Boolean = other is CollectionCodeUiState &&
        routes == other.routes && (image contentEquals other.image) && readability == other.readability &&
        loading == other.loading && error == other.error && lang == other.lang

    override fun hashCode(): Int = listOf(routes, image?.contentHashCode(), readability, loading, error, lang).hashCode()
}

/** Holds the 采集码 screen; every call reads or writes the disk: call off the main thread. */
class CollectionCodeModel(private val open: () -> StudentAppInterface, private val lang: () -> Lang) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow(CollectionCodeUiState())
    val state: StateFlow<CollectionCodeUiState> = _state.asStateFlow()

    private fun routes(): List<CollectionCodeRoute> = app.event()?.collectionCodeRoutes.orEmpty()

    /** Loads the steps and the saved image, and checks the image again. */
    fun load() {
        _state.value = try {
            val image = app.collectionCode()
            CollectionCodeUiState(routes(), image, if (image != null) app.checkCollectionCode() else null, loading = false, lang = lang())
        } catch (e: Exception) {
            _state.value.copy(loading = false, error = e.toUiError())
        }
    }

    /** Saves the picked image through the core and reports whether it reads. */
    fun save(bytes: ByteArray) {
        _state.value = try {
            val checked = app.saveCollectionCode(bytes)
            CollectionCodeUiState(routes(), app.collectionCode(), checked, loading = false, lang = lang())
        } catch (e: Exception) {
            _state.value.copy(loading = false, error = e.toUiError())
        }
    }
}
