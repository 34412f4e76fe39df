// PhotoDay for Android. The Rust core lives one folder up (../core, ../bindings); Gradle builds
// it with cargo (see core-bridge and app), so open this folder in Android Studio and press Run.
pluginManagement {
    repositories {
        google {
            content {
                includeGroupByRegex("com\\.android.*")
                includeGroupByRegex("com\\.google.*")
                includeGroupByRegex("androidx.*")
            }
        }
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "PhotoDay"

// The generated uniffi Kotlin (plain JVM: JNA is supplied by whoever runs it).
include(":core-bridge")
// Every screen's state logic, plain Kotlin, unit-tested on a desktop JVM against the real core.
include(":ui-logic")
// The Android app: Compose screens, CameraX, notifications, and the Rust library per ABI.
include(":app")
