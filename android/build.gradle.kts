buildscript {
    repositories {
        mavenCentral()
    }
    dependencies {
        // AGP 9 compiles Kotlin itself ("built-in Kotlin") with the Kotlin
        // Gradle plugin it depends on; putting a newer one on the classpath
        // is AGP's documented way to choose the Kotlin version. The JVM
        // modules (:heft-bindings, :presenters) apply the same plugin, and
        // :app the Compose compiler's, at the same version.
        classpath(libs.kotlin.gradle.plugin)
        classpath(libs.kotlin.compose.gradle.plugin)
    }
}

plugins {
    alias(libs.plugins.android.library) apply false
    alias(libs.plugins.android.application) apply false
}
