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
    // The generated model extends JNA types (RustBuffer is a Structure):
    // the compiler resolves them when it reads the bindings.
    compileOnly(libs.jna)

    testImplementation(libs.kotlinx.coroutines.test)
    testImplementation(libs.turbine)
    testImplementation(libs.junit)
    // The tests' fakes implement the generated interface; loading the
    // bindings' classes may touch JNA's, never the native library.
    testImplementation(libs.jna)
}
