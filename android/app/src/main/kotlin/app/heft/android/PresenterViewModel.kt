package app.heft.android

import androidx.compose.runtime.Composable
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.heft.presenter.CoreContext
import app.heft.presenter.Presenter
import kotlinx.coroutines.CoroutineScope

/**
 * Holds one destination's presenter for as long as the destination lives
 * (rotation included). The presenter's scope is [viewModelScope]: its
 * calls end when the destination is gone, and its state updates run on
 * the main thread.
 */
class PresenterViewModel<S, E>(
    core: CoreContext,
    make: (CoreContext, CoroutineScope) -> Presenter<S, E>,
) : ViewModel() {
    val presenter: Presenter<S, E> = make(core, viewModelScope)
}

/**
 * The presenter of the destination being composed, made once per
 * destination (the navigation back stack entry owns the view model).
 * [key] tells apart presenters of one destination made with other
 * arguments, and of a store reopened since.
 */
@Composable
fun <S, E> rememberPresenter(
    core: CoreContext,
    key: String,
    make: (CoreContext, CoroutineScope) -> Presenter<S, E>,
): Presenter<S, E> {
    val held = viewModel<PresenterViewModel<*, *>>(key = key) { PresenterViewModel(core, make) }
    // The key names the destination, so the view model found is the one
    // this call made, with these types.
    @Suppress("UNCHECKED_CAST")
    return held.presenter as Presenter<S, E>
}
