// heft-kotlin: Heft's Kotlin bindings (:heft-bindings, packages
// app.heft.core and app.heft.core.model) with libheft_ffi.so for each
// Android ABI and JNA's AAR, as an Android library. The native library is a
// build output made from the Cargo workspace at the repository root by
// cargo-ndk. Nothing in this module is edited by hand but this file, the
// keep rules and the device test.

plugins {
    alias(libs.plugins.android.library)
}

/** The ABIs the library is built for, by their Android names. */
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

/** The lowest Android API level; cargo-ndk links against the same one. */
val heftMinSdk = 26

android {
    namespace = "app.heft.core"
    compileSdk = 36
    ndkVersion = libs.versions.ndk.get()

    defaultConfig {
        minSdk = heftMinSdk
        testInstrumentationRunner = "androidx.test.runner.AndroidJUnitRunner"
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

dependencies {
    // The generated Kotlin, a JVM library that compiles against JNA's jar.
    api(project(":heft-bindings"))
    // The AAR, not the jar: it carries libjnidispatch.so for each ABI.
    // `api`, because the generated classes show JNA types to the app.
    api(variantOf(libs.jna) { artifactType("aar") })

    androidTestImplementation(libs.androidx.test.runner)
    androidTestImplementation(libs.junit)
}

/** libheft_ffi.so for every ABI, in the jniLibs layout (`<abi>/libheft_ffi.so`). */
val cargoNdk = tasks.register<CargoTask>("cargoNdk") {
    group = "heft"
    description = "Builds libheft_ffi.so for ${abis.joinToString()} with cargo-ndk (profile release-ffi)."
    RustWorkspace.configure(this, project)
    outputDirectory.set(layout.buildDirectory.dir("rust/jniLibs"))
    // The NDK that AGP uses (android.ndkVersion), not whichever cargo-ndk finds.
    ndkPath.set(androidComponents.sdkComponents.ndkDirectory.map { it.asFile.absolutePath })
    executable(RustWorkspace.cargo(project))
    args("ndk")
    abis.forEach { args("--target", it) }
    args("--platform", heftMinSdk.toString(), "--output-dir", outputDirectory.get().asFile.absolutePath)
    // `--package`, not `-p`: cargo-ndk reads its own flags anywhere on the line.
    args("build", "--locked", "--package", "heft-ffi", "--lib", "--profile", "release-ffi")
}

// Each variant gets the native libraries as generated sources: AGP then
// runs cargoNdk before anything that reads them (merging native libraries,
// lint), without dependsOn wiring. The Kotlin comes from :heft-bindings.
androidComponents {
    onVariants { variant ->
        val name = variant.name.replaceFirstChar { it.uppercase() }
        val jniLibs = tasks.register<CopyGenerated>("copy${name}HeftJniLibs") {
            sourceDirectory.set(cargoNdk.flatMap { it.outputDirectory })
        }
        variant.sources.jniLibs?.addGeneratedSourceDirectory(jniLibs, CopyGenerated::getOutputDirectory)
    }
}
