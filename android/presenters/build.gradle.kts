// presenters: the screens' presenters, plain Kotlin over the generated
// store interface (:heft-bindings) and coroutines, with no Android import,
// so they compile and are tested on any JVM.

import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("org.jetbrains.kotlin.jvm")
}

java {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}

dependencies {
    api(project(":heft-bindings"))
    api(libs.kotlinx.coroutines.core)

    testImplementation(libs.kotlinx.coroutines.test)
    testImplementation(libs.turbine)
    testImplementation(libs.junit)
    // The tests' fakes implement the generated interface; the bindings'
    // classes they load may refer to JNA's (never to the native library).
    testImplementation(libs.jna)
}
