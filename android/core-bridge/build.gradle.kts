// :core-bridge — the Kotlin the uniffi bindgen writes for photoday-ffi (package cn.photoday.core),
// generated at build time from the Rust library itself, so it can never drift from the core.
//
//   cargo build -p photoday-ffi -p uniffi-bindgen           (host library + the workspace's bindgen)
//   uniffi-bindgen generate --language kotlin <host lib>     (library mode, reads bindings/uniffi.toml)
//     → build/generated/source/uniffi/kotlin/cn/photoday/core/photoday_ffi.kt
//
// A plain JVM module: JNA is compileOnly here. The app packs JNA's Android archive and the
// cargo-ndk libraries; the desktop tests put JNA's jar and the host library on the path.
import org.gradle.internal.os.OperatingSystem
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    alias(libs.plugins.kotlin.jvm)
}

// Bytecode for Java 17, compiled by whichever JDK (17 or newer) runs Gradle: Android Studio's
// bundled JDK 21 works, and no toolchain has to be found or downloaded (see android/README.md).
java {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

val rustRoot: File = rootProject.file(providers.gradleProperty("photoday.rustRoot").getOrElse(".."))
val cargo: String = providers.gradleProperty("photoday.cargo").orNull
    ?: File(System.getProperty("user.home"), ".cargo/bin/cargo").takeIf { it.canExecute() }?.path
    ?: "cargo"
val hostLibName: String = when {
    OperatingSystem.current().isMacOsX -> "libphotoday_ffi.dylib"
    OperatingSystem.current().isWindows -> "photoday_ffi.dll"
    else -> "libphotoday_ffi.so"
}
val generatedKotlin = layout.buildDirectory.dir("generated/source/uniffi/kotlin")

/** The host library and the bindgen; cargo decides what is stale, so this always runs. */
val cargoBuildHost by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds libphotoday_ffi for this computer and the workspace's uniffi-bindgen"
    workingDir = rustRoot
    commandLine(cargo, "build", "-p", "photoday-ffi", "-p", "uniffi-bindgen")
    outputs.upToDateWhen { false }
}

val generateUniffiBindings by tasks.registering(Exec::class) {
    group = "rust"
    description = "Generates the Kotlin bindings of photoday-ffi into build/generated/source/uniffi"
    dependsOn(cargoBuildHost)
    val lib = File(rustRoot, "target/debug/$hostLibName")
    val bindgen = File(rustRoot, "target/debug/uniffi-bindgen" + if (OperatingSystem.current().isWindows) ".exe" else "")
    inputs.file(lib)
    inputs.file(File(rustRoot, "bindings/uniffi.toml"))
    outputs.dir(generatedKotlin)
    workingDir = rustRoot
    // A local provider, not the script's property: the action then holds nothing of the build
    // script, as the configuration cache requires.
    val outDir = generatedKotlin
    doFirst { outDir.get().asFile.deleteRecursively() }
    commandLine(
        bindgen.path, "generate", "--no-format", "--language", "kotlin",
        "--out-dir", generatedKotlin.get().asFile.path, lib.path,
    )
}

kotlin {
    sourceSets.named("main") {
        kotlin.srcDir(generateUniffiBindings.map { generatedKotlin.get() })
    }
}

tasks.named("compileKotlin") { dependsOn(generateUniffiBindings) }

dependencies {
    compileOnly(libs.jna)
}
