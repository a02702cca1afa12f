package app.heft.presenter

import app.heft.core.model.ProgressScreen
import app.heft.core.model.ScreenKind
import kotlinx.coroutines.CoroutineScope

/** Progress: whether the training is working. Read only. */
data class ProgressState(val screen: Loadable<ProgressScreen> = Loadable.Loading)

sealed interface ProgressEvent {
    data object Refresh : ProgressEvent
}

class ProgressPresenter(
    core: CoreContext,
    scope: CoroutineScope,
) : CorePresenter<ProgressState, ProgressEvent>(core, scope, ProgressState()) {
    init {
        load()
        refreshOn(ScreenKind.PROGRESS) { load() }
    }

    override fun onEvent(event: ProgressEvent) {
        when (event) {
            ProgressEvent.Refresh -> load()
        }
    }

    private fun load() {
        call(
            work = { store.progressScreen(today, language) },
            onProblem = { p -> update { it.copy(screen = Loadable.Failed(p)) } },
            onResult = { s -> update { it.copy(screen = Loadable.Ready(s)) } },
        )
    }
}
