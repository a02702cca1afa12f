package app.heft.presenter

import app.heft.core.model.ProblemScreen
import app.heft.core.model.ProgramDetailScreen
import app.heft.core.model.ProgramListScreen
import app.heft.core.model.ProgramStatusScreen
import app.heft.core.model.ScreenKind
import app.heft.core.model.Weekday
import kotlinx.coroutines.CoroutineScope

/** Program: the programs to choose from, one in full, and the one running. */
data class ProgramState(
    val list: Loadable<ProgramListScreen> = Loadable.Loading,
    /** A program opened from the list, until closed. */
    val detail: ProgramDetailScreen? = null,
    /** The running program's status, once asked for or after a start. */
    val status: ProgramStatusScreen? = null,
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
)

sealed interface ProgramEvent {
    data object Refresh : ProgramEvent
    data class Open(val programId: String) : ProgramEvent
    data object CloseDetail : ProgramEvent

    /** `start_program` on a program's detail. */
    data class Start(val programId: String) : ProgramEvent

    /** `stop_program`. */
    data object Stop : ProgramEvent
    data object ShowStatus : ProgramEvent
    data object CloseStatus : ProgramEvent

    /** An exercise swapped for good ([to] equal to [from] takes the swap back). */
    data class Swap(val from: String, val to: String) : ProgramEvent

    /** The weekdays the person trains (none: any day). */
    data class TrainingDays(val days: List<Weekday>) : ProgramEvent
    data object DismissProblem : ProgramEvent
}

class ProgramPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : WritingPresenter<ProgramState, ProgramEvent>(core, scope, ProgramState()) {
    override val ProgramState.writing: Boolean get() = busy

    override fun ProgramState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    init {
        load()
        refreshOn(ScreenKind.PROGRAM) { load() }
    }

    override fun onEvent(event: ProgramEvent) {
        when (event) {
            ProgramEvent.Refresh -> load()
            is ProgramEvent.Open -> read(
                { store.programScreen(event.programId, today, language) },
            ) { s, d -> s.copy(detail = d) }
            ProgramEvent.CloseDetail -> update { it.copy(detail = null) }
            is ProgramEvent.Start -> write(
                { store.programStartScreen(event.programId, today, language) },
            ) { s, status -> s.copy(detail = null, status = status) }
            ProgramEvent.Stop -> write(
                { store.programStopScreen(today, language) },
            ) { s, list -> s.copy(status = null, list = Loadable.Ready(list)) }
            ProgramEvent.ShowStatus -> read(
                { store.programStatusScreen(today, language) },
            ) { s, status -> s.copy(status = status) }
            ProgramEvent.CloseStatus -> update { it.copy(status = null) }
            is ProgramEvent.Swap -> write(
                { store.programSwapScreen(event.from, event.to, today, language) },
            ) { s, status -> s.copy(status = status) }
            is ProgramEvent.TrainingDays -> write(
                { store.programDaysScreen(event.days, today, language) },
            ) { s, status -> s.copy(status = status) }
            ProgramEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun load() {
        call(
            work = { store.programListScreen(today, language) },
            onProblem = { p -> update { it.copy(list = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(list = Loadable.Ready(s)) } },
        )
        // A status on screen follows the run too, unless it was closed (or
        // the program stopped) while this read ran.
        if (state.value.status != null) {
            read({ store.programStatusScreen(today, language) }) { s, status ->
                if (s.status != null) s.copy(status = status) else s
            }
        }
    }

    private fun <T> read(work: () -> T, apply: (ProgramState, T) -> ProgramState) {
        call(
            work = work,
            onProblem = { p -> update { it.copy(problem = p) } },
            onResult = { r -> update { apply(it, r) } },
        )
    }
}
