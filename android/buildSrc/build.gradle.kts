// The build's own task types (CargoTask, CopyGenerated), shared by
// :heft-bindings and :heft-kotlin. Written in Java so that buildSrc needs
// nothing but Gradle's API: no plugin from a plugin portal.
plugins {
    java
}

dependencies {
    implementation(gradleApi())
}
