// app: Heft for Android. Jetpack Compose views drawing the screens the
// core computes (through :presenters), and the platform's parts: the rest
// timer's foreground service, the training-day reminder, files through the
// Storage Access Framework, Auto Backup rules.

plugins {
    alias(libs.plugins.android.application)
    // AGP 9 compiles Kotlin itself; Compose needs only the compiler plugin
    // (on the buildscript classpath, at the Kotlin version).
    id("org.jetbrains.kotlin.plugin.compose")
}

android {
    namespace = "app.heft.android"
    compileSdk = 36

    defaultConfig {
        applicationId = "app.heft.android"
        // The library's own minimum: libheft_ffi.so links against API 26.
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"

        // JNA's AAR carries more ABIs than libheft_ffi.so is built for;
        // without this the app would install where the core cannot load.
        ndk {
            abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64")
        }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            // heft-kotlin's consumer rules keep JNA and the bindings.
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"))
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures {
        compose = true
    }

    packaging {
        jniLibs {
            // Stored uncompressed and page-aligned in the APK, loaded in
            // place (the default from minSdk 23; said for the 16 KB pages).
            useLegacyPackaging = false
        }
    }
}

dependencies {
    implementation(project(":presenters"))
    implementation(project(":heft-kotlin"))

    implementation(platform(libs.androidx.compose.bom))
    implementation(libs.androidx.compose.ui)
    implementation(libs.androidx.compose.foundation)
    implementation(libs.androidx.compose.material3)
    implementation(libs.androidx.compose.material.icons.core)
    implementation(libs.androidx.compose.ui.tooling.preview)
    debugImplementation(libs.androidx.compose.ui.tooling)

    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.lifecycle.runtime.compose)
    implementation(libs.androidx.lifecycle.viewmodel.compose)
    implementation(libs.androidx.navigation.compose)
    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.work.runtime)
    implementation(libs.kotlinx.coroutines.android)
}
