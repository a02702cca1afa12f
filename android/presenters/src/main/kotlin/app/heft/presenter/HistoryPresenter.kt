package app.heft.presenter

import app.heft.core.model.HistoryScreen
import app.heft.core.model.ProblemScreen
import app.heft.core.model.ScreenKind
import kotlinx.coroutines.CoroutineScope

/** History: the days trained, newest first, a page at a time. */
data class HistoryState(
    /** Every page read so far as one screen (its `older`: the next page's cursor). */
    val screen: Loadable<HistoryScreen> = Loadable.Loading,
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
)

sealed interface HistoryEvent {
    data object Refresh : HistoryEvent

    /** The list reached its end: read the page before `older`. */
    data object LoadOlder : HistoryEvent
    data class DeleteSet(val setId: String) : HistoryEvent

    /** The screen's `undo` action. */
    data object Undo : HistoryEvent
    data object DismissProblem : HistoryEvent
}

class HistoryPresenter(
    core: CoreContext,
    scope: CoroutineScope,
    /** Days trained per page. */
    private val pageDays: UInt = 14u,
) : WritingPresenter<HistoryState, HistoryEvent>(core, scope, HistoryState()) {
    override val HistoryState.writing: Boolean get() = busy

    override fun HistoryState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    /** How many days the pages read so far hold: a refresh reads them all again. */
    private var days: UInt = pageDays

    init {
        load()
        refreshOn(ScreenKind.HISTORY) { load() }
    }

    override fun onEvent(event: HistoryEvent) {
        when (event) {
            HistoryEvent.Refresh -> load()
            HistoryEvent.LoadOlder -> older()
            is HistoryEvent.DeleteSet -> write({ store.historyDeleteSet(event.setId, null, days, language) }, ::shown)
            HistoryEvent.Undo -> write({ store.historyUndo(null, days, language) }, ::shown)
            HistoryEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun load() {
        val days = days
        call(
            work = { store.historyScreen(null, days, language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }

    private fun older() {
        val before = state.value.screen.valueOrNull()?.older ?: return
        write(
            work = { store.historyScreen(before, pageDays, language) },
            apply = { state, page ->
                days += pageDays
                val now = state.screen.valueOrNull() ?: page
                state.copy(screen = Loadable.Ready(now.copy(days = now.days + page.days, older = page.older)))
            },
        )
    }

    /** The screen a write answered with. */
    private fun shown(state: HistoryState, screen: HistoryScreen) = state.copy(screen = Loadable.Ready(screen))
}
