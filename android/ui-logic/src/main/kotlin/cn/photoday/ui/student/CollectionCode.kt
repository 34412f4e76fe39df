// The 采集码 screen: how to get the code from 学信网 (steps from the event), the saved image kept
// app-private by the core, shown full-screen at the door, and whether a scanner can read it. The
// app never creates or alters a 采集码: it hands the picked file to the core byte for byte.
package cn.photoday.ui.student

import cn.photoday.core.Lang
import cn.photoday.core.Readability
import cn.photoday.core.StudentAppInterface
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** One way to get the 采集码, with its steps. */
data class RouteCard(val title: String, val steps: List<String>)

enum class CodeReadability {
    /** No image saved. */
    NoImage,

    /** A scanner can read it. */
    Readable,

    /** No code could be read in it: save the 采集码 again, uncropped and unzoomed. */
    Unreadable,
}

data class CollectionCodeUiState(
    val routes: List<RouteCard> = emptyList(),
    /** The saved image, exactly as saved (PNG). */
    val image: ByteArray? = null,
    val readability: CodeReadability = CodeReadability.NoImage,
    /** How many codes were read in the image (more than one: crop to the 采集码). */
    val codesFound: Int = 0,
    /** When nothing reads: the core's why and what to do (too small, cut off, blurred, no code). */
    val problem: String? = null,
    val loading: Boolean = true,
    /** The last save or check failed (e.g. a JPEG photo instead of the image itself). */
    val error: UiError? = null,
) {
    override fun equals(other: Any?): Boolean = other is CollectionCodeUiState &&
        routes == other.routes && (image contentEquals other.image) &&
        readability == other.readability && codesFound == other.codesFound && problem == other.problem &&
        loading == other.loading && error == other.error

    override fun hashCode(): Int = listOf(routes, image?.contentHashCode(), readability, codesFound, problem, loading, error).hashCode()
}

/** Holds the 采集码 screen; every call reads or writes the disk: call off the main thread. */
class CollectionCodeModel(private val open: () -> StudentAppInterface, private val lang: () -> Lang) {
    /** Opened on first use, inside the calls below, so a damaged database is a state, not a crash. */
    private val app: StudentAppInterface get() = open()

    private val _state = MutableStateFlow(CollectionCodeUiState())
    val state: StateFlow<CollectionCodeUiState> = _state.asStateFlow()

    private fun routes(): List<RouteCard> = app.event()?.collectionCodeRoutes.orEmpty().map { r ->
        RouteCard(r.title.textIn(lang()), r.steps.map { it.textIn(lang()) })
    }

    /** Loads the steps and the saved image, and checks the image again. */
    fun load() {
        _state.value = try {
            val image = app.collectionCode()
            val checked = if (image != null) app.checkCollectionCode() else null
            CollectionCodeUiState(routes(), image, checked.toReadability(), checked.codes(), checked.why(), loading = false)
        } catch (e: Exception) {
            _state.value.copy(loading = false, error = e.toUiError())
        }
    }

    /** Saves the picked image through the core and reports whether it reads. */
    fun save(bytes: ByteArray) {
        _state.value = try {
            val checked = app.saveCollectionCode(bytes)
            CollectionCodeUiState(routes(), app.collectionCode(), checked.toReadability(), checked.codes(), checked.why(), loading = false)
        } catch (e: Exception) {
            _state.value.copy(loading = false, error = e.toUiError())
        }
    }

    private fun Readability?.toReadability() = when {
        this == null -> CodeReadability.NoImage
        readable -> CodeReadability.Readable
        else -> CodeReadability.Unreadable
    }

    private fun Readability?.codes() = this?.codesFound?.toInt() ?: 0

    private fun Readability?.why() = this?.problem?.textIn(lang())
}
