// A tiny test runner for the app's page logic on the JVM: no JUnit, no Gradle, just kotlinc and
// java against the real core (tests/android/run.sh). Each test is a named block; a failure is any
// Throwable. Prints one line per test and closes with exactly `N passed, M failed`.
package cn.photoday.ui.tests

import kotlin.system.exitProcess

class TestCase(val name: String, val body: () -> Unit)

fun test(name: String, body: () -> Unit) = TestCase(name, body)

fun main(args: Array<String>) {
    val all = pageFlowTests
    val only = args.firstOrNull()
    val chosen = if (only == null) all else all.filter { it.name.contains(only) }
    var passed = 0
    var failed = 0
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
    println("$passed passed, $failed failed")
    // JNA leaves non-daemon threads; leave explicitly either way.
    exitProcess(if (failed == 0 && passed > 0) 0 else 1)
}
