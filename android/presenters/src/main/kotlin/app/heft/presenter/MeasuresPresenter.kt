package app.heft.presenter

import app.heft.core.model.MeasureDraft
import app.heft.core.model.MeasureForm
import app.heft.core.model.MeasuresScreen
import app.heft.core.model.ProblemScreen
import app.heft.core.model.ScreenKind
import kotlinx.coroutines.CoroutineScope

/** Measures: a card per series, and the form that adds a measurement. */
data class MeasuresState(
    val screen: Loadable<MeasuresScreen> = Loadable.Loading,
    /** The form, while open, as the core reads the draft. */
    val form: MeasureForm? = null,
    /** What the form holds now. */
    val draft: MeasureDraft = MeasureDraft(),
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
)

sealed interface MeasuresEvent {
    data object Refresh : MeasuresEvent
    data object OpenForm : MeasuresEvent

    /** Any change in the form: kind, value, unit, site, date or note. */
    data class DraftChanged(val draft: MeasureDraft) : MeasuresEvent

    /** `save_measurement`. */
    data object Save : MeasuresEvent
    data object CloseForm : MeasuresEvent

    /** `delete_measurement` on an entry. */
    data class Delete(val measurementId: String) : MeasuresEvent

    /** The screen's `undo` action. */
    data object Undo : MeasuresEvent
    data object DismissProblem : MeasuresEvent
}

class MeasuresPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : WritingPresenter<MeasuresState, MeasuresEvent>(core, scope, MeasuresState()) {
    override val MeasuresState.writing: Boolean get() = busy

    override fun MeasuresState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    init {
        load()
        refreshOn(ScreenKind.MEASURES) { load() }
    }

    override fun onEvent(event: MeasuresEvent) {
        when (event) {
            MeasuresEvent.Refresh -> load()
            MeasuresEvent.OpenForm -> readForm(MeasureDraft())
            is MeasuresEvent.DraftChanged -> readForm(event.draft)
            MeasuresEvent.Save -> save()
            MeasuresEvent.CloseForm -> update { it.copy(form = null, draft = MeasureDraft()) }
            is MeasuresEvent.Delete -> write({ store.measuresDelete(event.measurementId, language) }, ::shown)
            MeasuresEvent.Undo -> write({ store.measuresUndo(language) }, ::shown)
            MeasuresEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun load() {
        call(
            work = { store.measuresScreen(language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }

    private fun readForm(draft: MeasureDraft) {
        update { it.copy(draft = draft) }
        call(
            work = { store.measureForm(draft, language) },
            onProblem = { p -> update { it.copy(problem = p) } },
            onResult = { form -> update { if (it.draft == draft) it.copy(form = form) else it } },
        )
    }

    private fun save() {
        val draft = state.value.draft
        write(
            work = { store.measureSubmit(draft, language) },
            apply = { state, outcome ->
                val measures = outcome.measures
                if (outcome.saved && measures != null) {
                    state.copy(form = null, draft = MeasureDraft(), screen = Loadable.Ready(measures))
                } else {
                    state.copy(form = outcome.form)
                }
            },
        )
    }

    /** The screen a write answered with. */
    private fun shown(state: MeasuresState, screen: MeasuresScreen) = state.copy(screen = Loadable.Ready(screen))
}
