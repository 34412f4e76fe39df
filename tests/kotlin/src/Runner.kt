// A tiny test runner for the bindings' JVM tests: no JUnit, no Gradle, just kotlinc and java.
// Each test is a named block; a failure is any Throwable. Prints one line per test and closes
// with exactly `N passed, M failed`; exits non-zero if anything failed (or nothing ran).
// Arguments: none (every test), a part of a test's name (those tests), or --bench.

import kotlin.system.exitProcess

class TestCase(val name: String, val body: () -> Unit)

fun test(name: String, body: () -> Unit) = TestCase(name, body)

fun main(args: Array<String>) {
    if (args.firstOrNull() == "--bench") {
        runBenchmarks()
        exitProcess(0)
    }
    val all = eventTests + studentTests + studentAppTests + scannerAppTests + safetyTests + trustTests + textsTests
    val only = args.firstOrNull()
    val chosen = if (only == null) all else all.filter { it.name.contains(only) }
    var passed = 0
    var failed = 0
    val started = System.nanoTime()
    for (t in chosen) {
        val t0 = System.nanoTime()
        try {
            t.body()
            passed++
            println("ok    ${t.name} (${(System.nanoTime() - t0) / 1_000_000} ms)")
        } catch (e: Throwable) {
            failed++
            println("FAIL  ${t.name}: ${e::class.qualifiedName}: ${e.message}")
            e.stackTrace.take(8).forEach { println("        at $it") }
        }
    }
    println("Kotlin tests of the bindings: ${(System.nanoTime() - started) / 1_000_000} ms")
    println("$passed passed, $failed failed")
    // JNA and the coroutine pool leave non-daemon threads; leave explicitly either way.
    exitProcess(if (failed == 0 && passed > 0) 0 else 1)
}
