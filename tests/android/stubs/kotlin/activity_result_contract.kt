// Type-checking stub: signatures of androidx.activity 1.9's ActivityResultContracts, for
// type-checking only; never shipped.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.activity.result.contract

import android.net.Uri
import androidx.activity.result.PickVisualMediaRequest

abstract class ActivityResultContract<I, O>

class ActivityResultContracts private constructor() {
    class RequestPermission : ActivityResultContract<String, Boolean>()

    open class OpenDocument : ActivityResultContract<Array<String>, Uri?>()

    open class CreateDocument(private val mimeType: String) : ActivityResultContract<String, Uri?>()

    open class PickVisualMedia : ActivityResultContract<PickVisualMediaRequest, Uri?>() {
        sealed interface VisualMediaType
        object ImageOnly : VisualMediaType
        object VideoOnly : VisualMediaType
        object ImageAndVideo : VisualMediaType
    }
}
