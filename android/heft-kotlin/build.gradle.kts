// heft-kotlin: Heft's Kotlin bindings (packages app.heft.core and
// app.heft.core.model) with libheft_ffi.so for each Android ABI, as an
// Android library. Both are build outputs made from the Cargo workspace at
// the repository root: the Kotlin by scripts/bindings, the native library
// by cargo-ndk. Nothing in this module is edited by hand but this file, the
// keep rules and the device test.

import javax.inject.Inject

plugins {
    alias(libs.plugins.android.library)
}

/** The Cargo workspace: the repository root, one level above android/. */
val workspace: File = rootDir.parentFile

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
    // The AAR, not the jar: it carries libjnidispatch.so for each ABI.
    // `api`, because the generated classes show JNA types to the app.
    api(variantOf(libs.jna) { artifactType("aar") })

    androidTestImplementation(libs.androidx.test.runner)
    androidTestImplementation(libs.junit)
}

/** Everything the library and its bindings are built from. */
val rustInputs = files(
    workspace.resolve("Cargo.toml"),
    workspace.resolve("Cargo.lock"),
    // LIBSQLITE3_FLAGS: the SQLite every workspace build compiles.
    workspace.resolve(".cargo/config.toml"),
    fileTree(workspace.resolve("core")) { exclude("benches/**", "examples/**") },
    fileTree(workspace.resolve("bindings")) { exclude("kotlin-tests/**", "tests/**", "*.md") },
)

/**
 * Cargo's bin directory: Android Studio started from the desktop does not
 * get the PATH of a login shell, where rustup puts cargo.
 */
val cargoBin: String? = providers.environmentVariable("CARGO_HOME").orNull?.let { "$it/bin" }
    ?: providers.systemProperty("user.home").orNull?.let { "$it/.cargo/bin" }

/** PATH with Cargo's bin directory first, for the commands the tasks run. */
val cargoPath: String = listOfNotNull(cargoBin, providers.environmentVariable("PATH").orNull)
    .joinToString(File.pathSeparator)

/**
 * The cargo command by its full path where rustup put it: Gradle looks up
 * an Exec task's executable on its own PATH, not on the task's environment.
 */
val cargo: String = cargoBin?.let { File(it, "cargo") }?.takeIf { it.canExecute() }?.absolutePath
    ?: "cargo"

/** libheft_ffi.so for every ABI, in the jniLibs layout (`<abi>/libheft_ffi.so`). */
val cargoNdk = tasks.register<CargoTask>("cargoNdk") {
    group = "heft"
    description = "Builds libheft_ffi.so for ${abis.joinToString()} with cargo-ndk (profile release-ffi)."
    rustSources.from(rustInputs)
    outputDirectory.set(layout.buildDirectory.dir("rust/jniLibs"))
    // The NDK that AGP uses (android.ndkVersion), not whichever cargo-ndk finds.
    ndkPath.set(androidComponents.sdkComponents.ndkDirectory.map { it.asFile.absolutePath })
    workingDir(workspace)
    environment("PATH", cargoPath)
    executable(cargo)
    args("ndk")
    abis.forEach { args("--target", it) }
    args("--platform", heftMinSdk.toString(), "--output-dir", outputDirectory.get().asFile.absolutePath)
    // `--package`, not `-p`: cargo-ndk reads its own flags anywhere on the line.
    args("build", "--locked", "--package", "heft-ffi", "--lib", "--profile", "release-ffi")
}

/** The generated Kotlin (and Swift, unused here) from scripts/bindings. */
val heftBindings = tasks.register<CargoTask>("heftBindings") {
    group = "heft"
    description = "Generates the Kotlin bindings with scripts/bindings."
    rustSources.from(rustInputs, workspace.resolve("scripts/bindings"))
    outputDirectory.set(layout.buildDirectory.dir("rust/bindings"))
    workingDir(workspace)
    environment("PATH", cargoPath)
    executable(workspace.resolve("scripts/bindings").absolutePath)
    // A host build in the dev profile is enough: the generated code depends
    // on neither the profile nor the target, and dev shares its build with
    // `cargo test`.
    args("--profile", "dev", "--out", outputDirectory.get().asFile.absolutePath)
}

// Each variant gets the generated Kotlin and the native libraries as
// generated sources: AGP then runs the tasks that make them before anything
// that reads them (compiling, merging native libraries, lint).
androidComponents {
    onVariants { variant ->
        val name = variant.name.replaceFirstChar { it.uppercase() }
        val kotlinSources = tasks.register<CopyGenerated>("copy${name}HeftKotlin") {
            sourceDirectory.set(heftBindings.flatMap { it.outputDirectory.dir("kotlin") })
        }
        variant.sources.kotlin?.addGeneratedSourceDirectory(kotlinSources, CopyGenerated::outputDirectory)
        val jniLibs = tasks.register<CopyGenerated>("copy${name}HeftJniLibs") {
            sourceDirectory.set(cargoNdk.flatMap { it.outputDirectory })
        }
        variant.sources.jniLibs?.addGeneratedSourceDirectory(jniLibs, CopyGenerated::outputDirectory)
    }
}

/**
 * A Cargo command run from the workspace root, with the Rust sources as its
 * inputs and one directory as its output: Gradle skips it while neither
 * changes, and Cargo is incremental on its own when it does run.
 */
abstract class CargoTask : Exec() {
    /** What the command builds from. */
    @get:InputFiles
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val rustSources: ConfigurableFileCollection

    /** Filled by the command; emptied first, so nothing stale survives. */
    @get:OutputDirectory
    abstract val outputDirectory: DirectoryProperty

    /**
     * The NDK for cargo-ndk, passed as ANDROID_NDK_HOME when set. Internal:
     * an absolute path would make the build-cache key machine-specific; the
     * NDK version is part of the build script already.
     */
    @get:Internal
    abstract val ndkPath: Property<String>

    override fun exec() {
        outputDirectory.get().asFile.run {
            deleteRecursively()
            mkdirs()
        }
        if (ndkPath.isPresent) environment("ANDROID_NDK_HOME", ndkPath.get())
        super.exec()
    }
}

/**
 * Copies what a Cargo task made into the directory that AGP chose for one
 * variant's generated sources. The Cargo tasks run once for all variants;
 * this copy is what lets AGP know which task produces which sources.
 */
abstract class CopyGenerated : DefaultTask() {
    @get:InputDirectory
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val sourceDirectory: DirectoryProperty

    @get:OutputDirectory
    abstract val outputDirectory: DirectoryProperty

    @get:Inject
    abstract val fs: FileSystemOperations

    @TaskAction
    fun copy() {
        val source = sourceDirectory.get().asFile
        val target = outputDirectory.get().asFile
        fs.sync {
            from(source)
            into(target)
        }
    }
}
