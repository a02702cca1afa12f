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
) : CorePresenter<TodayState, TodayEvent>(core, scope, TodayState()) {
    /** The last event that wrote, for a retry. */
    private var lastWrite: TodayEvent? = null

    init {
        load()
        refreshOn(ScreenKind.TODAY) { load() }
    }

    override fun onEvent(event: TodayEvent) {
        when (event) {
            TodayEvent.Refresh -> load()
            TodayEvent.LogAsPrescribed -> write(event) { store.logNextScreen(today, language) }
            TodayEvent.Undo -> write(event) { store.undoScreen(today, language) }
            is TodayEvent.DeleteSet -> write(event) { store.deleteSetScreen(event.setId, today, language) }
            TodayEvent.Finish -> finish()
            TodayEvent.CloseFinished -> update { it.copy(finished = null) }
            is TodayEvent.ProblemAction -> when (event.kind) {
                ProblemActionKind.REFRESH -> load()
                ProblemActionKind.RETRY -> lastWrite?.let(::onEvent) ?: load()
                // Recovering and reopening the store are the app's.
                ProblemActionKind.RECOVER, ProblemActionKind.REOPEN -> Unit
            }
            TodayEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun load() {
        call(
            work = { store.todayScreen(today, language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }

    /** Runs a write that answers with the screen after it; one at a time. */
    private fun write(event: TodayEvent, work: () -> TodayScreen) {
        if (state.value.busy) return
        lastWrite = event
        update { it.copy(busy = true, problem = null) }
        call(
            work = work,
            onProblem = { p -> update { it.copy(busy = false, problem = p) } },
            onResult = { s -> update { it.copy(busy = false, screen = Loadable.Ready(s)) } },
        )
    }

    private fun finish() {
        if (state.value.busy) return
        val workout = state.value.screen.valueOrNull()?.workoutId
        lastWrite = TodayEvent.Finish
        update { it.copy(busy = true, problem = null) }
        call(
            // The workout on screen, so another open one is never finished
            // by mistake; the core decides the time and the length.
            work = {
                val finished = store.finishScreen(FinishWorkout(workoutId = workout), language)
                finished to store.todayScreen(today, language)
            },
            onProblem = { p -> update { it.copy(busy = false, problem = p) } },
            onResult = { (finished, screen) ->
                update { it.copy(busy = false, finished = finished, screen = Loadable.Ready(screen)) }
            },
        )
    }
}
