package app.heft.android.ui.onboarding

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.Modifier
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.BannerView
import app.heft.android.ui.FormFieldView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.MainTouchTarget
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.SetupActionKind
import app.heft.presenter.Loadable
import app.heft.presenter.OnboardingEvent
import app.heft.presenter.OnboardingState

/**
 * A first run, a step at a time: why Heft asks, the step's fields, the
 * banners to read, and next (start training on the last step) and back.
 */
@Composable
fun OnboardingScreen(
    state: OnboardingState,
    onEvent: (OnboardingEvent) -> Unit,
    onDone: () -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = {},
) {
    LaunchedEffect(state.done) { if (state.done != null) onDone() }
    LoadableContent(state.screen, onProblemAction = onProblemAction, modifier = modifier) { screen ->
        Column(
            modifier
                .fillMaxWidth()
                .verticalScroll(rememberScrollState())
                .imePadding()
                .padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Text(screen.progress, style = MaterialTheme.typography.labelLarge)
            Heading(screen.title)
            Text(screen.body, style = MaterialTheme.typography.bodyLarge)
            screen.banners.forEach { BannerView(it) }
            screen.fields.forEach { field ->
                FormFieldView(
                    field,
                    state.draft,
                    onSet = { id, value -> onEvent(OnboardingEvent.Set(id, value)) },
                    onToggle = { id, value -> onEvent(OnboardingEvent.Toggle(id, value)) },
                )
            }
            // Errors not tied to a field on screen.
            val shown = screen.fields.map { it.id }.toSet()
            screen.errors.filter { it.field !in shown }.forEach {
                Text(it.message, color = MaterialTheme.colorScheme.error)
            }
            Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                screen.actions.forEach { action ->
                    when (action.kind) {
                        SetupActionKind.NEXT, SetupActionKind.START_TRAINING -> Button(
                            onClick = { onEvent(OnboardingEvent.Submit) },
                            enabled = !state.busy,
                            modifier = Modifier.weight(1f).heightIn(min = MainTouchTarget),
                        ) { Text(action.label) }
                        SetupActionKind.BACK -> action.step?.let { step ->
                            OutlinedButton(
                                onClick = { onEvent(OnboardingEvent.Back(step)) },
                                enabled = !state.busy,
                                modifier = Modifier.heightIn(min = TouchTarget),
                            ) { Text(action.label) }
                        }
                        else -> Unit
                    }
                }
            }
        }
    }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(OnboardingEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(OnboardingEvent.DismissProblem) },
        )
    }
}

@Preview(name = "Onboarding")
@Composable
private fun OnboardingPreview() {
    HeftTheme(dynamicColor = false) { OnboardingScreen(OnboardingState(screen = Loadable.Ready(Samples.onboarding)), {}, {}) }
}

@Preview(name = "Onboarding, dark, large text", fontScale = 1.6f)
@Composable
private fun OnboardingDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) {
        OnboardingScreen(OnboardingState(screen = Loadable.Ready(Samples.onboarding)), {}, {})
    }
}
