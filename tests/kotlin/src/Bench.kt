// Kotlin→Rust call costs, measured through the generated bindings (run with --bench, against
// the release library: `bindings/generate.sh release && tests/kotlin/run.sh release --bench`).
// Not a test: it prints medians for BENCHMARKS.md.

import cn.photoday.core.*

private fun median(samples: LongArray): Double = samples.sorted().let { s ->
    if (s.size % 2 == 1) s[s.size / 2].toDouble() else (s[s.size / 2 - 1] + s[s.size / 2]) / 2.0
}

private fun micros(nanos: Double) = "%.1f µs".format(nanos / 1000.0)

private inline fun timeEach(n: Int, body: (Int) -> Unit): LongArray = LongArray(n) { i ->
    val t0 = System.nanoTime()
    body(i)
    System.nanoTime() - t0
}

fun runBenchmarks() {
    val morning = beijing("2023-06-03T09:35")
    // Warm up the JIT and JNA's method lookup.
    repeat(20_000) { coreVersion() }

    val trivial = median(timeEach(20_000) { coreVersion() })
    println("bench  a trivial call (coreVersion, returns a short string):     ${micros(trivial)} median")

    // A repeat scan (same text within 5 s) is answered from memory: the boundary cost of a scan
    // with its whole ScanOutcome record lifted into Kotlin, without the durable write.
    val door = ScannerApp(Fixtures.db("bench"))
    door.importBundle(Fixtures.bytes("scanner.bundle"))
    door.setStation("一教104", Role.DOOR, null)
    val pass = Fixtures.pass("it")
    door.scan(pass, morning)
    repeat(5_000) { door.scan(pass, morning + 1) }
    val repeat = median(timeEach(20_000) { door.scan(pass, morning + 1) })
    println("bench  scan, repeat answered from memory (boundary + record):   ${micros(repeat)} median")

    // A full scan: verify the signature, decide, commit durably (synchronous=FULL), lift the
    // outcome. Each sample is a fresh student (a check-in) or a refusal (already checked in).
    val holders = Fixtures.session1
    var t = morning + 10_000
    val full = median(timeEach(2_000) { i ->
        t += 6_000 // past the repeat window, so every scan is judged and recorded
        door.scan(holders[i % holders.size].pass, t)
    })
    println("bench  scan, judged and durably recorded (Kotlin → Rust → disk): ${micros(full)} median")
    val forged = Fixtures.pass("forged")
    val refused = median(timeEach(2_000) { t += 6_000; door.scan(forged, t) })
    println("bench  scan of a forged pass, refusal recorded:                 ${micros(refused)} median")
}
