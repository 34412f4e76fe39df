// :ui-logic — what the app itself decides, as plain Kotlin: the back stack of the core's pages,
// what an Outcome does to it, when a page is asked for again (PageFlow), the reminders' request
// codes, a Clock. No android.* or androidx.* here (tests/android/run.sh checks), so it runs and
// is tested on a desktop JVM against the real core. The app's one ViewModel wraps PageFlow.
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

dependencies {
    api(project(":core-bridge"))
    compileOnly(libs.jna)
    testImplementation(kotlin("test"))
    testImplementation(libs.jna)
}

val rustRoot: File = rootProject.file(providers.gradleProperty("photoday.rustRoot").getOrElse(".."))
val cargo: String = providers.gradleProperty("photoday.cargo").orNull
    ?: File(System.getProperty("user.home"), ".cargo/bin/cargo").takeIf { it.canExecute() }?.path
    ?: "cargo"
val fixtures = layout.buildDirectory.dir("fixtures")

/** Signed bundles, passes and 采集码 images, made fresh by the bindings' fixture maker. */
val makeFixtures by tasks.registering(Exec::class) {
    group = "verification"
    workingDir = rustRoot
    commandLine(cargo, "run", "-q", "-p", "photoday-ffi", "--example", "kotlin_fixtures", "--", fixtures.get().asFile.path)
    outputs.upToDateWhen { false }
}

/**
 * The same tests tests/android/run.sh runs with kotlinc, through Gradle: a tiny runner (no
 * JUnit) against the host library that :core-bridge built.
 */
val logicTest by tasks.registering(JavaExec::class) {
    group = "verification"
    description = "Runs the ui-logic tests on this JVM against the host libphotoday_ffi"
    dependsOn(makeFixtures)
    classpath = sourceSets["test"].runtimeClasspath
    mainClass.set("cn.photoday.ui.tests.RunnerKt")
    systemProperty("jna.library.path", File(rustRoot, "target/debug").path)
    systemProperty("photoday.fixtures", fixtures.get().asFile.path)
    if (OperatingSystem.current().isLinux) environment("RUST_BACKTRACE", "0")
}

tasks.named("check") { dependsOn(logicTest) }
