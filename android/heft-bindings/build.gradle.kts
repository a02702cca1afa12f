// heft-bindings: the Kotlin bindings of the core (packages app.heft.core
// and app.heft.core.model) as a plain JVM Kotlin library. The sources are
// a build output of scripts/bindings, made from the Cargo workspace at the
// repository root; nothing here is edited by hand but this file.
//
// A JVM module rather than Android: the presenters (:presenters) compile
// and run their tests against it on any JVM, and :heft-kotlin wraps it for
// Android with the native libraries and JNA's AAR.

import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("org.jetbrains.kotlin.jvm")
}

dependencies {
    // The jar, for compiling only: at run time JNA comes from where the
    // code runs (the AAR, with libjnidispatch.so for each ABI, on Android;
    // the jar in the JVM tests of :presenters).
    compileOnly(libs.jna)
}

/** The generated Kotlin (and Swift, unused here) from scripts/bindings. */
val heftBindings = tasks.register<CargoTask>("heftBindings") {
    group = "heft"
    description = "Generates the Kotlin bindings with scripts/bindings."
    RustWorkspace.configure(this, project)
    val script = RustWorkspace.root(project).resolve("scripts/bindings")
    rustSources.from(script)
    outputDirectory.set(layout.buildDirectory.dir("rust/bindings"))
    executable(script.absolutePath)
    // A host build in the dev profile is enough: the generated code depends
    // on neither the profile nor the target, and dev shares its build with
    // `cargo test`.
    args("--profile", "dev", "--out", outputDirectory.get().asFile.absolutePath)
}

// Bytecode for Java 17, the level of the Android modules, whatever JDK
// runs Gradle (17 or newer): no toolchain to download.
java {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
    // A provider of the task's output: Gradle runs heftBindings before
    // anything that reads the sources (compiling, the IDE's sync), without
    // dependsOn.
    sourceSets.named("main") {
        kotlin.srcDir(heftBindings.flatMap { it.outputDirectory.dir("kotlin") })
    }
}
