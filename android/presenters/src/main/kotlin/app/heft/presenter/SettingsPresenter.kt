package app.heft.presenter

import app.heft.core.model.ProblemScreen
import app.heft.core.model.ScreenKind
import app.heft.core.model.SettingsForm
import app.heft.core.model.SettingsScreen
import app.heft.core.model.SettingsSection
import kotlinx.coroutines.CoroutineScope

/** Settings: a row per section, and a section's form while open. */
data class SettingsState(
    val screen: Loadable<SettingsScreen> = Loadable.Loading,
    val form: SettingsForm? = null,
    val draft: FormDraft = FormDraft(),
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
)

sealed interface SettingsEvent {
    data object Refresh : SettingsEvent
    data class Open(val section: SettingsSection) : SettingsEvent
    data class Set(val field: String, val value: String) : SettingsEvent
    data class Toggle(val field: String, val value: String) : SettingsEvent

    /** `save`. */
    data object Save : SettingsEvent

    /** `cancel`. */
    data object Close : SettingsEvent
    data object DismissProblem : SettingsEvent
}

class SettingsPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : WritingPresenter<SettingsState, SettingsEvent>(core, scope, SettingsState()) {
    override val SettingsState.writing: Boolean get() = busy

    override fun SettingsState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    init {
        load()
        refreshOn(ScreenKind.SETTINGS) { load() }
    }

    override fun onEvent(event: SettingsEvent) {
        when (event) {
            SettingsEvent.Refresh -> load()
            is SettingsEvent.Open -> call(
                work = { store.settingsForm(event.section, language) },
                onProblem = { p -> update { it.copy(problem = p) } },
                onResult = { f -> update { it.copy(form = f, draft = FormDraft.of(f.fields)) } },
            )
            is SettingsEvent.Set -> update { it.copy(draft = it.draft.with(event.field, event.value)) }
            is SettingsEvent.Toggle -> update { it.copy(draft = it.draft.toggled(event.field, event.value)) }
            SettingsEvent.Save -> save()
            SettingsEvent.Close -> update { it.copy(form = null, draft = FormDraft()) }
            SettingsEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun load() {
        call(
            work = { store.settingsScreen(language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }

    private fun save() {
        val now = state.value
        val section = now.form?.section ?: return
        write(
            // The language may be the one just chosen: the core answers in it.
            work = { store.settingsSubmit(section, now.draft.fieldValues(), language) },
            apply = { state, outcome ->
                if (outcome.saved) {
                    // The screen follows the change notice the save sent, read in
                    // the language now in force (a language cleared is the
                    // phone's, which only the app knows).
                    state.copy(form = null, draft = FormDraft())
                } else {
                    state.copy(form = outcome.form, screen = Loadable.Ready(outcome.screen))
                }
            },
        )
    }
}
