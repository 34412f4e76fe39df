// Moments of the 广州商学院 2023 day, as Unix milliseconds (Beijing time, +08:00).

import java.time.OffsetDateTime

/** Unix milliseconds of a Beijing-time moment written `2023-06-03T09:10`. */
fun beijing(local: String): Long = OffsetDateTime.parse("$local:00+08:00").toInstant().toEpochMilli()
