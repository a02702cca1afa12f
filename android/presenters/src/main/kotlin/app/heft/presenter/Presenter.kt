// The presenters of Heft's screens: plain Kotlin over the generated
// bindings, with no Android import, so they compile and are tested on a
// JVM. Each takes events from a stateless view and exposes the state to
// draw; every rule, number and sentence in that state comes from the core.
package app.heft.presenter

import app.heft.core.model.HeftException
import app.heft.core.HeftStoreInterface
import app.heft.core.model.Language
import app.heft.core.model.ProblemScreen
import app.heft.core.describeProblem
import kotlin.coroutines.cancellation.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** A screen's presenter: the state a view draws and the events it sends. */
interface Presenter<S, E> {
    /** What to draw now. */
    val state: StateFlow<S>

    /** Something the person did. */
    fun onEvent(event: E)
}

/** A screen the core is reading, has read, or could not read. */
sealed interface Loadable<out T> {
    /** Not read yet: draw a placeholder. */
    data object Loading : Loadable<Nothing>

    /** The screen as the core computed it. */
    data class Ready<T>(val value: T) : Loadable<T>

    /** The core could not build it: draw the problem in its place. */
    data class Failed(val problem: ProblemScreen) : Loadable<Nothing>
}

/** The value when ready, else null. */
fun <T> Loadable<T>.valueOrNull(): T? = (this as? Loadable.Ready<T>)?.value

/**
 * What every presenter needs of the world: the store behind the generated
 * interface (a fake in tests), the dispatcher the core is called on (never
 * the main thread: a call may wait for a write), the person's day and
 * language, and the store's change notices.
 */
class CoreContext(
    val store: HeftStoreInterface,
    val io: CoroutineDispatcher,
    val clock: DayClock,
    val language: () -> Language,
    val changes: Changes,
)

/**
 * The base of every presenter: one state flow, updated only on the
 * scope's dispatcher (the main thread in the app), with the core called
 * on [CoreContext.io].
 */
abstract class CorePresenter<S, E>(
    protected val core: CoreContext,
    protected val scope: CoroutineScope,
    initial: S,
) : Presenter<S, E> {
    private val mutable = MutableStateFlow(initial)
    override val state: StateFlow<S> = mutable.asStateFlow()

    protected val store: HeftStoreInterface get() = core.store
    protected val language: Language get() = core.language()
    protected val today: String get() = core.clock.today()

    /** Replaces the state with what [change] makes of it. */
    protected fun update(change: (S) -> S) = mutable.update(change)

    /**
     * Calls the core off the main thread and hands the answer, or the
     * problem describing what it threw, back on the scope's thread.
     */
    protected fun <T> call(
        work: () -> T,
        onProblem: (ProblemScreen) -> Unit,
        onResult: (T) -> Unit,
    ): Job = scope.launch {
        val outcome = withContext(core.io) {
            try {
                Result.success(work())
            } catch (e: CancellationException) {
                throw e
            } catch (e: Throwable) {
                // Whatever failed (a HeftException, or a fault: a handle
                // already released, a panic caught by uniffi), the person
                // sees the core's words for it, never a crash.
                Result.failure(Described(describe(e)))
            }
        }
        outcome.fold(onResult) { e -> onProblem((e as Described).problem) }
    }

    /**
     * The core's words for [e], read off the main thread. The language is
     * the profile's; when the store cannot say which (closed), English.
     * When the store cannot describe it either (its handle released), the
     * library's own function does, which needs no store.
     */
    private fun describe(e: Throwable): ProblemScreen {
        val error = e as? HeftException ?: HeftException.Other(e.toString())
        val words = try {
            language
        } catch (_: Exception) {
            Language.EN
        }
        return try {
            store.problemScreen(error, words)
        } catch (_: Exception) {
            describeProblem(error, words)
        }
    }

    /** A failed call with the problem that describes it. */
    private class Described(val problem: ProblemScreen) : Exception()

    /** Refreshes when a change notice names one of [kinds]. */
    protected fun refreshOn(vararg kinds: app.heft.core.model.ScreenKind, refresh: () -> Unit) {
        scope.launch {
            core.changes.notices.collect { screens ->
                if (kinds.any { it in screens }) refresh()
            }
        }
    }
}

/**
 * A presenter whose events write: one write at a time (a second tap while
 * one runs is dropped), the screen left as it was and the problem shown
 * over it when a write fails, and the last write kept for a retry.
 */
abstract class WritingPresenter<S, E>(
    core: CoreContext,
    scope: CoroutineScope,
    initial: S,
) : CorePresenter<S, E>(core, scope, initial) {
    /** Whether a write runs in [this] state. */
    protected abstract val S.writing: Boolean

    /** [this] state with a write running or not, and what it could not do. */
    protected abstract fun S.withWrite(writing: Boolean, problem: ProblemScreen?): S

    /** The last write, to run again on `retry`. */
    private var last: (() -> Unit)? = null

    /**
     * Runs [work] unless a write runs already, and applies its answer to
     * the state with [apply].
     */
    protected fun <T> write(work: () -> T, apply: (S, T) -> S) {
        if (state.value.writing) return
        last = null
        update { it.withWrite(true, null) }
        call(
            work = work,
            onProblem = { p ->
                // Only a write that failed may be run again.
                last = { write(work, apply) }
                update { it.withWrite(false, p) }
            },
            onResult = { r -> update { apply(it.withWrite(false, null), r) } },
        )
    }

    /**
     * Runs the write whose problem is shown again; false when the problem
     * shown is not a write's (a read failed), or was dismissed.
     */
    protected fun retry(): Boolean {
        val again = last ?: return false
        last = null
        again()
        return true
    }

    /** The problem shown is closed: nothing is left to retry. */
    protected fun dismissed() {
        last = null
    }
}
