// Safety across the boundary: a Rust panic is an exception, never a dead process; every call is
// safe from any thread.

import cn.photoday.core.*
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.*

val safetyTests = listOf(
    test("a Rust panic reaches Kotlin as InternalException and the library keeps working") {
        val err = assertFailsWith<InternalException> { debugPanic("on purpose") }
        assertContains(err.message!!, "on purpose")
        // The process is alive and the library still answers.
        assertEquals("gzcc-2023", eventTemplate("gzcc-2023").id)
        assertFailsWith<InternalException> { debugPanic("twice") }
    },

    test("calls from many threads at once all get the same answers") {
        val now = beijing("2023-06-01T12:00")
        val expected = previewTimeline("gzcc-2023", "会计学院", now)
        val pool = Executors.newFixedThreadPool(8)
        try {
            val results = (1..64).map {
                pool.submit(Callable {
                    if (it % 16 == 0) runCatching { debugPanic("thread $it") }
                    previewTimeline("gzcc-2023", "会计学院", now)
                })
            }.map { it.get(60, TimeUnit.SECONDS) }
            assertTrue(results.all { it == expected })
        } finally {
            pool.shutdownNow()
        }
    },

    test("the core reports its version") {
        assertTrue(coreVersion().matches(Regex("""\d+\.\d+\.\d+.*""")), coreVersion())
    },
)
