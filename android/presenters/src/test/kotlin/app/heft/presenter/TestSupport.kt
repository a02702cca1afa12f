package app.heft.presenter

import app.heft.core.HeftStoreInterface
import app.heft.core.model.Language
import app.heft.core.model.ProblemAction
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemKind
import app.heft.core.model.ProblemScreen
import app.heft.core.model.Tone
import java.lang.reflect.InvocationHandler
import java.lang.reflect.Proxy
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.UnconfinedTestDispatcher

/**
 * A store that answers nothing: every method throws. A fake overrides what
 * its test needs and delegates the rest here, so a presenter that calls
 * something unexpected fails loudly.
 */
fun unimplementedStore(): HeftStoreInterface = Proxy.newProxyInstance(
    HeftStoreInterface::class.java.classLoader,
    arrayOf(HeftStoreInterface::class.java),
    InvocationHandler { _, method, _ -> throw UnsupportedOperationException("fake store: ${method.name}") },
) as HeftStoreInterface

/** A problem as a fake core would describe it. */
fun fakeProblem(kind: ProblemKind, detail: String = ""): ProblemScreen = ProblemScreen(
    language = Language.EN,
    kind = kind,
    title = "problem: $kind",
    body = "body: $detail",
    detail = detail,
    tone = Tone.CAUTION,
    action = when (kind) {
        ProblemKind.IO, ProblemKind.OTHER -> ProblemAction(ProblemActionKind.RETRY, "retry")
        ProblemKind.NOT_FOUND -> ProblemAction(ProblemActionKind.REFRESH, "refresh")
        else -> null
    },
    dismiss = "close",
)

/**
 * The presenters' world in a test: calls run at once on the test's
 * scheduler (or on [io] when given), the day is [day].
 */
fun TestScope.coreContext(
    store: HeftStoreInterface,
    changes: Changes = Changes.detached(),
    day: String = "2026-12-07",
    io: CoroutineDispatcher = UnconfinedTestDispatcher(testScheduler),
    language: () -> Language,
): CoreContext = CoreContext(store, io, { day }, language, changes)

/** [coreContext] in one fixed [language]. */
fun TestScope.coreContext(
    store: HeftStoreInterface,
    changes: Changes = Changes.detached(),
    day: String = "2026-12-07",
    language: Language = Language.EN,
    io: CoroutineDispatcher = UnconfinedTestDispatcher(testScheduler),
): CoreContext = coreContext(store, changes, day, io) { language }

/**
 * The scope presenters run in during a test: cancelled with the test, and
 * running what they launch at once, as the main thread would between frames.
 */
fun TestScope.presenterScope(): CoroutineScope =
    CoroutineScope(backgroundScope.coroutineContext + UnconfinedTestDispatcher(testScheduler))
