package app.heft.presenter

import kotlinx.coroutines.CoroutineScope

/** Where the app opens. */
enum class Start {
    /** A first run: onboarding. */
    ONBOARDING,

    /** Today's session. */
    TODAY,
}

/** The app around the screens: where it starts. */
data class AppState(val start: Loadable<Start> = Loadable.Loading)

sealed interface AppEvent {
    /** Onboarding ended on the first planned session. */
    data object Onboarded : AppEvent
}

/**
 * Decides where the app opens: the core says whether a first run needs
 * onboarding (nothing logged, no program ever started).
 */
class AppPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : CorePresenter<AppState, AppEvent>(core, scope, AppState()) {
    init {
        call(
            work = { store.needsOnboarding() },
            onProblem = { p -> update { it.copy(start = Loadable.Failed(p)) } },
            onResult = { needs ->
                update { it.copy(start = Loadable.Ready(if (needs) Start.ONBOARDING else Start.TODAY)) }
            },
        )
    }

    override fun onEvent(event: AppEvent) {
        when (event) {
            AppEvent.Onboarded -> update { it.copy(start = Loadable.Ready(Start.TODAY)) }
        }
    }
}
