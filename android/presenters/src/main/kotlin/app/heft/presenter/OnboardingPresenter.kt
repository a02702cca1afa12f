package app.heft.presenter

import app.heft.core.model.OnboardingScreen
import app.heft.core.model.OnboardingStep
import app.heft.core.model.ProblemScreen
import app.heft.core.model.TodayScreen
import kotlinx.coroutines.CoroutineScope

/** Onboarding: a first run, step by step, to the first planned session. */
data class OnboardingState(
    val screen: Loadable<OnboardingScreen> = Loadable.Loading,
    /** What the person has chosen and typed on this step. */
    val draft: FormDraft = FormDraft(),
    val busy: Boolean = false,
    val problem: ProblemScreen? = null,
    /** Set once the last step is saved: the first planned session. */
    val done: TodayScreen? = null,
)

sealed interface OnboardingEvent {
    /** A typed value or a single choice. */
    data class Set(val field: String, val value: String) : OnboardingEvent

    /** A choice of a multiple choice ticked or unticked. */
    data class Toggle(val field: String, val value: String) : OnboardingEvent

    /** `next` or `start_training`: saves the step. */
    data object Submit : OnboardingEvent

    /** `back`: the action's step. */
    data class Back(val step: OnboardingStep) : OnboardingEvent
    data object DismissProblem : OnboardingEvent
}

class OnboardingPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : WritingPresenter<OnboardingState, OnboardingEvent>(core, scope, OnboardingState()) {
    override val OnboardingState.writing: Boolean get() = busy

    override fun OnboardingState.withWrite(writing: Boolean, problem: ProblemScreen?) = copy(busy = writing, problem = problem)

    init {
        openStep(OnboardingStep.UNITS)
    }

    override fun onEvent(event: OnboardingEvent) {
        when (event) {
            is OnboardingEvent.Set -> update { it.copy(draft = it.draft.with(event.field, event.value)) }
            is OnboardingEvent.Toggle -> update { it.copy(draft = it.draft.toggled(event.field, event.value)) }
            OnboardingEvent.Submit -> submit()
            is OnboardingEvent.Back -> openStep(event.step)
            OnboardingEvent.DismissProblem -> update { it.copy(problem = null) }
        }
    }

    private fun show(s: OnboardingScreen) =
        update { it.copy(screen = Loadable.Ready(s), draft = FormDraft.of(s.fields)) }

    private fun openStep(step: OnboardingStep) {
        call(
            work = { store.onboardingScreen(step, language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = ::show,
        )
    }

    private fun submit() {
        val now = state.value
        val step = now.screen.valueOrNull()?.step ?: return
        write(
            work = { store.onboardingSubmit(step, now.draft.fieldValues(), language) },
            apply = { state, outcome ->
                val next = outcome.onboarding
                val done = state.copy(done = outcome.today)
                when {
                    next == null -> done
                    // Saved: the next step, with its own values.
                    outcome.saved -> done.copy(screen = Loadable.Ready(next), draft = FormDraft.of(next.fields))
                    // Not saved: the step again with its errors, beside what was typed.
                    else -> done.copy(screen = Loadable.Ready(next))
                }
            },
        )
    }
}
