// :app — the Android app: one Compose renderer of the core's pages over :ui-logic's back stack,
// CameraX (the core reads the frames), files, photos, local notifications, and the Rust core as libphotoday_ffi.so for each ABI, built here
// by cargo-ndk.
//
//   cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 --platform 24 -o build/rustJniLibs \
//       build --release -p photoday-ffi
//
// with `-C link-arg=-Wl,-z,max-page-size=16384` for every Android target, so the libraries load
// on Android 15 devices with 16 KB memory pages. The .so files land in jniLibs/<abi>/ where JNA
// finds them (System.loadLibrary("photoday_ffi")).
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

val rustRoot: File = rootProject.file(providers.gradleProperty("photoday.rustRoot").getOrElse(".."))
val rustProfile: String = providers.gradleProperty("photoday.rustProfile").getOrElse("release")
val abis: List<String> = providers.gradleProperty("photoday.abis")
    .getOrElse("arm64-v8a,armeabi-v7a,x86_64").split(',').map { it.trim() }.filter { it.isNotEmpty() }
val cargo: String = providers.gradleProperty("photoday.cargo").orNull
    ?: File(System.getProperty("user.home"), ".cargo/bin/cargo").takeIf { it.canExecute() }?.path
    ?: "cargo"
val rustJniLibs = layout.buildDirectory.dir("rustJniLibs")

android {
    namespace = "cn.photoday.app"
    compileSdk = libs.versions.compileSdk.get().toInt()
    ndkVersion = libs.versions.ndk.get()

    defaultConfig {
        applicationId = "cn.photoday.app"
        minSdk = libs.versions.minSdk.get().toInt()
        targetSdk = libs.versions.targetSdk.get().toInt()
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += abis }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures {
        compose = true
    }

    sourceSets["main"].jniLibs.srcDir(rustJniLibs)

    packaging {
        // Stored uncompressed and page-aligned in the APK (the default from minSdk 23), so the
        // 16 KB-aligned libraries are mapped straight from the APK.
        jniLibs.useLegacyPackaging = false
    }

    lint {
        // Missing translations are errors: every string exists in English and Chinese.
        error += "MissingTranslation"
    }
}

// Java 17 bytecode from whichever JDK runs Gradle (Android Studio's bundled JDK 21 is fine): no
// JVM toolchain to find or download on the first sync (see android/README.md, "Tool versions").
kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

/** The triple cargo uses for an Android ABI, to set its linker flags. */
fun tripleOf(abi: String) = when (abi) {
    "arm64-v8a" -> "aarch64-linux-android"
    "armeabi-v7a" -> "armv7-linux-androideabi"
    "x86_64" -> "x86_64-linux-android"
    "x86" -> "i686-linux-android"
    else -> error("unknown ABI $abi")
}

val cargoNdkBuild by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds libphotoday_ffi.so for ${abis.joinToString()} with cargo-ndk (16 KB pages)"
    workingDir = rustRoot
    val args = mutableListOf(cargo, "ndk")
    abis.forEach { args += listOf("-t", it) }
    args += listOf("--platform", libs.versions.minSdk.get(), "-o", rustJniLibs.get().asFile.path, "build", "-p", "photoday-ffi")
    if (rustProfile == "release") args += "--release"
    commandLine(args)
    abis.forEach { abi ->
        val var_ = "CARGO_TARGET_" + tripleOf(abi).uppercase().replace('-', '_') + "_RUSTFLAGS"
        environment(var_, "-C link-arg=-Wl,-z,max-page-size=16384")
    }
    // The NDK of `android.ndkVersion`, through the new DSL's provider: resolved only when the task
    // runs (syncing the project needs no NDK yet), and the action holds only this provider, not
    // the `android` extension, so the task is configuration-cache safe.
    val ndkDirectory = androidComponents.sdkComponents.ndkDirectory
    doFirst {
        (this as Exec).environment("ANDROID_NDK_HOME", ndkDirectory.get().asFile.absolutePath)
    }
    // cargo knows what is stale; the outputs let Gradle package them.
    outputs.dir(rustJniLibs)
    outputs.upToDateWhen { false }
}

tasks.named("preBuild") { dependsOn(cargoNdkBuild) }

dependencies {
    implementation(project(":ui-logic"))
    // JNA with its Android native part (libjnidispatch.so per ABI); uniffi's Kotlin calls through it.
    implementation(variantOf(libs.jna) { artifactType("aar") })

    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.lifecycle.runtime.compose)
    implementation(libs.androidx.lifecycle.viewmodel.compose)
    implementation(platform(libs.androidx.compose.bom))
    implementation(libs.androidx.compose.ui)
    implementation(libs.androidx.compose.ui.tooling.preview)
    implementation(libs.androidx.compose.material3)
    implementation(libs.androidx.compose.material.icons)
    implementation(libs.kotlinx.coroutines.android)

    implementation(libs.androidx.camera.core)
    implementation(libs.androidx.camera.camera2)
    implementation(libs.androidx.camera.lifecycle)
    implementation(libs.androidx.camera.view)

    debugImplementation(libs.androidx.compose.ui.tooling)
}
