// The Android side of Heft:
//   :heft-bindings  the generated Kotlin bindings, a JVM library
//   :heft-kotlin    the bindings with libheft_ffi.so and JNA, an Android library
//   :presenters     the screens' presenters, plain Kotlin on the JVM
//   :app            the Android app: Compose views, services, files
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
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "heft-android"

include(":heft-bindings")
include(":heft-kotlin")
include(":presenters")
include(":app")
