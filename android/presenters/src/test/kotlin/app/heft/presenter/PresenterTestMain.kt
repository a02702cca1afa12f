package app.heft.presenter

import kotlin.system.exitProcess
import org.junit.runner.Description
import org.junit.runner.JUnitCore
import org.junit.runner.notification.Failure
import org.junit.runner.notification.RunListener

/**
 * Runs the presenter tests without Gradle (scripts/kotlin-tests): each test
 * on a line, then `presenters: N passed, M failed`, the line the test
 * command counts. Gradle's `:presenters:test` runs the same classes.
 */
fun main(args: Array<String>) {
    val classes = listOf(FakeStoreTest::class.java, RealStoreTest::class.java)
    val core = JUnitCore()
    var failed = 0
    var passed = 0
    core.addListener(object : RunListener() {
        private var start = 0L
        private var failing = false

        override fun testStarted(description: Description) {
            start = System.nanoTime()
            failing = false
        }

        override fun testFailure(failure: Failure) {
            failing = true
            println("FAIL ${failure.description.displayName}: ${failure.message}")
            println(failure.trace)
        }

        override fun testFinished(description: Description) {
            if (failing) {
                failed++
            } else {
                passed++
                println("ok   ${description.displayName} (${(System.nanoTime() - start) / 1_000_000} ms)")
            }
        }
    })
    val only = args.toSet()
    val request = if (only.isEmpty()) {
        org.junit.runner.Request.classes(*classes.toTypedArray())
    } else {
        org.junit.runner.Request.classes(*classes.toTypedArray())
            .filterWith(object : org.junit.runner.manipulation.Filter() {
                override fun shouldRun(d: Description) = d.isSuite || d.methodName in only
                override fun describe() = "only $only"
            })
    }
    core.run(request)
    println("presenters: $passed passed, $failed failed")
    exitProcess(if (failed == 0 && passed > 0) 0 else 1)
}
