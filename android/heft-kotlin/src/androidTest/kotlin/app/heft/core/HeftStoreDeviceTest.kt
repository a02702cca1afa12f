package app.heft.core

import app.heft.core.model.HeftException
import java.io.File
import kotlin.io.path.createTempDirectory
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test

/**
 * The packaged library on a device or emulator: JNA loads libheft_ffi.so
 * for the device's ABI, a database opens in the app's own storage, and
 * errors arrive as typed [HeftException]s. The binding surface as a whole
 * is tested on the JVM (bindings/kotlin-tests); this checks only what
 * differs on Android.
 */
class HeftStoreDeviceTest {
    @Test
    fun inMemoryStoreHasTheExerciseCatalog() {
        HeftStore.openInMemory().use { store ->
            assertNull(store.path())
            assertTrue("catalog too small", store.exercises().size > 100)
        }
    }

    @Test
    fun fileStoreOpensInAppStorage() {
        // java.io.tmpdir is the app's cache directory on Android.
        val dir = createTempDirectory("heft").toFile()
        try {
            HeftStore.open(File(dir, "heft.db").path).use { store ->
                store.integrityCheck()
                assertEquals(32, store.deviceId().length)
                store.closeStore()
            }
        } finally {
            dir.deleteRecursively()
        }
    }

    @Test
    fun unknownIdIsNotFound() {
        HeftStore.openInMemory().use { store ->
            try {
                store.exercise("no-such-exercise")
                fail("no exception for an unknown exercise")
            } catch (e: HeftException.NotFound) {
                assertEquals("exercise", e.entity)
            }
        }
    }
}
