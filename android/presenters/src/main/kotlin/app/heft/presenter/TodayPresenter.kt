package app.heft.presenter

import app.heft.core.model.FinishScreen
import app.heft.core.model.FinishWorkout
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemScreen
import app.heft.core.model.ScreenKind
import app.heft.core.model.TodayScreen
import kotlinx.coroutines.CoroutineScope

/** Today: the session to do, set by set, and the workout's finish. */
data class TodayState(
    val screen: Loadable<TodayScreen> = Loadable.Loading,
    /** A call is running: the buttons that write wait for it. */
    val busy: Boolean = false,
    /** What the last action could not do, over the screen it left. */
    val problem: ProblemScreen? = null,
    /** The workout just finished: what changed, until closed. */
    val finished: FinishScreen? = null,
)

sealed interface TodayEvent {
    /** Read the screen again. */
    data object Refresh : TodayEvent

    /** `log_as_prescribed`: the next set exactly as the plan says. */
    data object LogAsPrescribed : TodayEvent

    /** The screen's `undo` action. */
    data object Undo : TodayEvent

    /** A logged set's delete (from its row). */
    data class DeleteSet(val setId: String) : TodayEvent

    /** `finish`: ends the workout on screen. */
    data object Finish : TodayEvent

    /** Closes the finish summary. */
    data object CloseFinished : TodayEvent

    /** The problem's action (refresh or retry; others belong to the app). */
    data class ProblemAction(val kind: ProblemActionKind) : TodayEvent

    /** Closes the problem. */
    data object DismissProblem : TodayEvent
}

class TodayPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : WritingPresenter<TodayState, TodayEvent>(core, scope, TodayState()) {
    override val TodayState.writing: Boolean get() = busy

    override fun TodayState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    init {
        load()
        refreshOn(ScreenKind.TODAY) { load() }
    }

    override fun onEvent(event: TodayEvent) {
        when (event) {
            TodayEvent.Refresh -> load()
            TodayEvent.LogAsPrescribed -> write({ store.logNextScreen(today, language) }, ::shown)
            TodayEvent.Undo -> write({ store.undoScreen(today, language) }, ::shown)
            is TodayEvent.DeleteSet -> write({ store.deleteSetScreen(event.setId, today, language) }, ::shown)
            TodayEvent.Finish -> finish()
            TodayEvent.CloseFinished -> update { it.copy(finished = null) }
            is TodayEvent.ProblemAction -> when (event.kind) {
                ProblemActionKind.REFRESH -> load()
                ProblemActionKind.RETRY -> if (state.value.screen is Loadable.Failed || !retry()) load()
                // Recovering and reopening the store are the app's.
                ProblemActionKind.RECOVER, ProblemActionKind.REOPEN -> Unit
            }
            TodayEvent.DismissProblem -> {
                dismissed()
                update { it.copy(problem = null) }
            }
        }
    }

    private fun load() {
        call(
            work = { store.todayScreen(today, language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }

    /** The screen a write answered with. */
    private fun shown(state: TodayState, screen: TodayScreen) = state.copy(screen = Loadable.Ready(screen))

    private fun finish() {
        val workout = state.value.screen.valueOrNull()?.workoutId
        write(
            // The workout on screen, so another open one is never finished
            // by mistake; the core decides the time and the length. Today
            // after it is read apart: a finish saved is never reported as
            // failed (and retried) because the next screen could not be read.
            work = { store.finishScreen(FinishWorkout(workoutId = workout), language) },
            apply = { state, finished -> state.copy(finished = finished) },
        )
        load()
    }
}
