// The FFI benchmark (docs/PERFORMANCE.md, "FFI"): what a call from Kotlin
// into the Rust library costs, against the cheapest possible JNA call.
//
//   bare   heft_ffi_bare_noop(): a plain C function of the same library,
//          called through JNA direct mapping (as uniffi's code calls), no
//          uniffi machinery at all;
//   status heft_ffi_bare_status(Status()): the bare call plus a fresh JNA
//          structure shaped like uniffi's call status, as uniffi's own
//          Kotlin passes one with every call;
//   noop   ffiNoop(): an exported uniffi function that does nothing (call
//          status, error check, the generated wrapper), through the
//          generated Kotlin as scripts/bindings rewrites it (one call
//          status per thread, bindings/src/bin/uniffi-bindgen/call_status.rs);
//   text   ffiEchoText(id): a string lifted and lowered back, as the many
//          methods taking an id or a path pass one;
//   echo   ffiEchoSet(set, LogTime.Now): the arguments of logSet lifted and
//          a SetInput lowered back, without a database: the traffic of one
//          logSet call;
//   logSet store.logSet(...) on a real database, against the same calls
//          made in a loop inside Rust (ffiLogSetsInRust).
//
// Kinds run interleaved, round after round, so a slow moment of the machine
// hits all of them; medians of the rounds are reported.
package app.heft.bench

import app.heft.core.HeftStore
import app.heft.core.ffiEchoSet
import app.heft.core.ffiEchoText
import app.heft.core.ffiLogSetsInRust
import app.heft.core.ffiNoop
import app.heft.core.model.LogTime
import app.heft.tests.squat
import com.sun.jna.Native
import com.sun.jna.Pointer
import com.sun.jna.Structure
import java.io.File

/** A buffer shaped like uniffi's `RustBuffer`. */
@Structure.FieldOrder("capacity", "len", "data")
open class Buf : Structure() {
    @JvmField var capacity: Long = 0
    @JvmField var len: Long = 0
    @JvmField var data: Pointer? = null

    class ByValue : Buf(), Structure.ByValue
}

/** A structure shaped like uniffi's call status, made anew for every call as uniffi's own Kotlin does. */
@Structure.FieldOrder("code", "error_buf")
class Status : Structure() {
    @JvmField var code: Byte = 0
    @JvmField var error_buf: Buf.ByValue = Buf.ByValue()
}

/** The bare baselines, bound the way uniffi binds its own functions. */
object Bare {
    init {
        Native.register(Bare::class.java, "heft_ffi")
    }

    @JvmStatic
    external fun heft_ffi_bare_noop()

    @JvmStatic
    external fun heft_ffi_bare_status(status: Status)
}

fun median(xs: List<Double>): Double = xs.sorted()[xs.size / 2]

/** Nanoseconds per call of [n] calls of [call]. */
inline fun perCall(n: Int, call: () -> Unit): Double {
    val start = System.nanoTime()
    repeat(n) { call() }
    return (System.nanoTime() - start).toDouble() / n
}

fun main(args: Array<String>) {
    val n = args.getOrNull(0)?.toInt() ?: 10_000
    val rounds = args.getOrNull(1)?.toInt() ?: 9
    val set = squat(102.5)
    ffiNoop()
    Bare.heft_ffi_bare_noop()

    val kinds = linkedMapOf<String, () -> Unit>(
        "bare" to { Bare.heft_ffi_bare_noop() },
        "status" to { Bare.heft_ffi_bare_status(Status()) },
        "noop" to { ffiNoop() },
        "text" to { ffiEchoText("back-squat") },
        "echo" to { ffiEchoSet(set, LogTime.Now) },
    )
    // Warm-up: let the JIT compile every path before anything is timed.
    repeat(3) { kinds.values.forEach { f -> perCall(n) { f() } } }
    val times = kinds.keys.associateWith { mutableListOf<Double>() }
    repeat(rounds) { r ->
        val order = kinds.keys.toList().let { k -> k.drop(r % k.size) + k.take(r % k.size) }
        for (k in order) times.getValue(k).add(perCall(n) { kinds.getValue(k)() })
    }
    val bare = median(times.getValue("bare"))
    println("calls per round: $n, rounds: $rounds (medians, ns per call)")
    for ((k, xs) in times) {
        val m = median(xs)
        println("%-6s %9.1f ns  x%.2f of bare   (rounds: %s)".format(k, m, m / bare, xs.joinToString(" ") { "%.0f".format(it) }))
    }

    // logSet on a real database: Kotlin through the FFI against Rust's own loop.
    val dir = File(args.getOrNull(2) ?: "build/kotlin-tests/bench").apply { mkdirs() }
    File(dir, "bench.db").delete()
    val store = HeftStore.open(File(dir, "bench.db").path)
    val chunk = maxOf(n / 10, 1)
    val kt = mutableListOf<Double>()
    val rs = mutableListOf<Double>()
    store.logSet(set, LogTime.Now)
    repeat(10) { r ->
        val viaFfi = { perCall(chunk) { store.logSet(set, LogTime.Now) } }
        val inRust = { ffiLogSetsInRust(store, set, chunk.toUInt()) * 1e9 / chunk }
        if (r % 2 == 0) { kt.add(viaFfi()); rs.add(inRust()) } else { rs.add(inRust()); kt.add(viaFfi()) }
    }
    store.closeStore()
    store.close()
    val k = median(kt)
    val rust = median(rs)
    println("logSet via Kotlin %.1f us, in Rust %.1f us: x%.3f, FFI adds %.1f us per call (%d calls each)"
        .format(k / 1000, rust / 1000, k / rust, (k - rust) / 1000, chunk * 10))
}
