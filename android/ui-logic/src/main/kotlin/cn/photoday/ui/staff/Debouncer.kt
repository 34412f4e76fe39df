// A camera decodes the same pass many times a second while it is held up. The scan loop sends a
// text to the core only when it is new, or when the camera has not seen it for a moment; the
// core's own `repeat` flag then covers the same pass shown again a few seconds later.
package cn.photoday.ui.staff

/** Lets a text through when it differs from the last one or was not seen for [windowMs]. */
class Debouncer(private val windowMs: Long) {
    private var last: String? = null
    private var lastSeenMs = 0L

    /** Whether [text], seen at [nowMs], is a new sighting; remembers it either way. */
    fun admit(text: String, nowMs: Long): Boolean {
        val fresh = text != last || nowMs - lastSeenMs > windowMs
        last = text
        lastSeenMs = nowMs
        return fresh
    }

    /** Keeps [text] fresh without letting it through, if it is the last one seen. */
    fun touch(text: String, nowMs: Long) {
        if (text == last) lastSeenMs = nowMs
    }

    fun reset() {
        last = null
    }
}
