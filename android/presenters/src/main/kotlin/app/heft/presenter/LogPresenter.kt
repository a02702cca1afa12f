package app.heft.presenter

import app.heft.core.model.LogScreen
import app.heft.core.model.LogTime
import app.heft.core.model.ProblemScreen
import app.heft.core.model.TodayScreen
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job

/** The Log form: an exercise and sets typed in the set notation. */
data class LogState(
    /** The exercise field as typed. */
    val exercise: String = "",
    /** The sets field as typed (`3x100x5@2`). */
    val sets: String = "",
    /** The logged set being edited, or null for new sets. */
    val editing: String? = null,
    /** The form as the core reads what is typed: preview, errors, slips, actions. */
    val screen: Loadable<LogScreen> = Loadable.Loading,
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
    /** Saved: Today after it (when it could be built); the view closes the form. */
    val saved: Boolean = false,
    val today: TodayScreen? = null,
)

sealed interface LogEvent {
    data class ExerciseChanged(val text: String) : LogEvent
    data class SetsChanged(val text: String) : LogEvent

    /** An exercise chosen from the suggestions. */
    data class ExerciseChosen(val name: String) : LogEvent

    /** `log_sets` / `save_set` (confirmed false) or `log_anyway` / `save_anyway` (true). */
    data class Submit(val confirmed: Boolean) : LogEvent

    /** `delete_set` on an edited set. */
    data object Delete : LogEvent
    data object DismissProblem : LogEvent
}

/**
 * New sets ([exercise]: the exercise to start with, e.g. from `enter_load`)
 * or, with [setId], a logged set opened for editing.
 */
class LogPresenter(
    core: CoreContext,
    scope: CoroutineScope,
    exercise: String = "",
    setId: String? = null,
) : WritingPresenter<LogState, LogEvent>(core, scope, LogState(exercise = exercise, editing = setId)) {
    override val LogState.writing: Boolean get() = busy

    override fun LogState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    /** The read of the form for the text before this one, dropped when more is typed. */
    private var reading: Job? = null

    init {
        if (setId == null) read() else openEdit(setId)
    }

    override fun onEvent(event: LogEvent) {
        when (event) {
            is LogEvent.ExerciseChanged -> {
                update { it.copy(exercise = event.text) }
                read()
            }
            is LogEvent.ExerciseChosen -> {
                update { it.copy(exercise = event.name) }
                read()
            }
            is LogEvent.SetsChanged -> {
                update { it.copy(sets = event.text) }
                read()
            }
            is LogEvent.Submit -> submit(event.confirmed)
            LogEvent.Delete -> delete()
            LogEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun openEdit(setId: String) {
        call(
            work = { store.editForm(setId, language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { form ->
                update {
                    it.copy(exercise = form.exercise, sets = form.sets, screen = Loadable.Ready(form.log))
                }
            },
        )
    }

    /** The form for what is typed now; nothing is saved. */
    private fun read() {
        val (exercise, sets) = state.value.let { it.exercise to it.sets }
        val editing = state.value.editing
        reading?.cancel()
        reading = call(
            // An edit keeps its own buttons (save, delete) as the person types.
            work = {
                if (editing == null) {
                    store.logScreen(exercise, sets, today, language)
                } else {
                    store.editScreen(editing, exercise, sets, language)
                }
            },
            onProblem = { p -> update { it.copy(problem = p) } },
            onResult = { s ->
                // A slower read of older text never replaces a newer one.
                update { if (it.exercise == exercise && it.sets == sets) it.copy(screen = Loadable.Ready(s)) else it }
            },
        )
    }

    private fun submit(confirmed: Boolean) {
        val now = state.value
        // Saved already: the form is closing; a late tap saves nothing twice.
        if (now.saved) return
        reading?.cancel()
        write(
            work = {
                when (val id = now.editing) {
                    null -> store.logSubmit(now.exercise, now.sets, LogTime.Now, confirmed, language)
                    else -> store.editSubmit(id, now.exercise, now.sets, confirmed, language)
                }
            },
            apply = { state, outcome ->
                state.copy(screen = Loadable.Ready(outcome.log), saved = outcome.saved, today = outcome.today)
            },
        )
    }

    private fun delete() {
        val id = state.value.editing ?: return
        if (state.value.saved) return
        reading?.cancel()
        write({ store.deleteSetScreen(id, today, language) }) { state, screen ->
            state.copy(saved = true, today = screen)
        }
    }
}
