// Where "now" comes from. The core takes time as a parameter on every call (now_ms), so a door
// phone with a wrong clock is noticed and tests can set the day of the shoot; PageFlow reads it
// here rather than calling System.currentTimeMillis() itself.
package cn.photoday.ui

/** The current moment as Unix milliseconds. */
fun interface Clock {
    fun nowMs(): Long
}

/** The device's wall clock. */
object WallClock : Clock {
    override fun nowMs(): Long = System.currentTimeMillis()
}
