// A tiny test runner: JUnit is not available here (no Maven Central), and
// these tests need little more than "run each, report each failure, count".
package app.heft.tests

import kotlin.system.exitProcess

/** A failed expectation. */
class AssertionFailed(message: String) : Exception(message)

/** Fails the running test with [message] unless [condition] holds. */
fun check(condition: Boolean, message: () -> String) {
    if (!condition) throw AssertionFailed(message())
}

/** Fails unless [actual] equals [expected]. */
fun <T> checkEq(expected: T, actual: T, what: String) {
    if (expected != actual) throw AssertionFailed("$what: expected <$expected>, got <$actual>")
}

/** Runs [block], expecting it to throw a [T]; returns what it threw. */
inline fun <reified T : Throwable> expectThrows(what: String, block: () -> Unit): T {
    try {
        block()
    } catch (e: Throwable) {
        if (e is T) return e
        throw AssertionFailed("$what: expected ${T::class.simpleName}, got ${e::class.qualifiedName}: ${e.message}")
    }
    throw AssertionFailed("$what: expected ${T::class.simpleName}, nothing was thrown")
}

/** A named test. */
class Test(val name: String, val body: () -> Unit)

/**
 * Runs [tests] in order (or only those named in [only]), prints each
 * failure with its stack, then `N passed, M failed`; exits non-zero when
 * any failed.
 */
fun runTests(tests: List<Test>, only: Set<String>) {
    var passed = 0
    var failed = 0
    for (t in tests) {
        if (only.isNotEmpty() && t.name !in only) continue
        val start = System.nanoTime()
        try {
            t.body()
            passed++
            println("ok   ${t.name} (${(System.nanoTime() - start) / 1_000_000} ms)")
        } catch (e: Throwable) {
            failed++
            println("FAIL ${t.name}: ${e::class.qualifiedName}: ${e.message}")
            e.printStackTrace(System.out)
        }
    }
    println("kotlin: $passed passed, $failed failed")
    exitProcess(if (failed == 0 && passed > 0) 0 else 1)
}
