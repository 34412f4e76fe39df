// Type-checking stub: signatures of androidx.activity 1.9's result API (androidx.activity.result,
// androidx.activity.result.contract), for type-checking only; never shipped.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.activity.result

import androidx.activity.result.contract.ActivityResultContracts.PickVisualMedia.ImageAndVideo
import androidx.activity.result.contract.ActivityResultContracts.PickVisualMedia.VisualMediaType

abstract class ActivityResultLauncher<I> {
    open fun launch(input: I): Unit = TODO()
}

class PickVisualMediaRequest internal constructor() {
    var mediaType: VisualMediaType = ImageAndVideo
        internal set
}

fun PickVisualMediaRequest(mediaType: VisualMediaType = ImageAndVideo): PickVisualMediaRequest = TODO()
