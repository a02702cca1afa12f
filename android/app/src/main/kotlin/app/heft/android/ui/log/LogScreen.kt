package app.heft.android.ui.log

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AssistChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardCapitalization
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.R
import app.heft.android.ui.ActionButton
import app.heft.android.ui.BannerView
import app.heft.android.ui.Loading
import app.heft.android.ui.ProblemCard
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.ActionKind
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.LogScreen as LogRecord
import app.heft.presenter.Loadable
import app.heft.presenter.LogEvent
import app.heft.presenter.LogState

/** The two inputs of the Log form, by the ids the core's field errors use. */
private const val EXERCISE_FIELD = "exercise"
private const val SETS_FIELD = "sets"

/**
 * The Log form: an exercise and sets in the set notation, read by the core
 * as they are typed (preview, field errors, slips to confirm), and the
 * buttons it offers. New sets, or one logged set opened for editing.
 */
@Composable
fun LogScreen(
    state: LogState,
    onEvent: (LogEvent) -> Unit,
    onClose: () -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = {},
) {
    // Saved: the form closes; Today follows through the change notice.
    LaunchedEffect(state.saved) { if (state.saved) onClose() }
    val record = (state.screen as? Loadable.Ready)?.value
    Column(
        modifier
            .fillMaxWidth()
            .verticalScroll(rememberScrollState())
            .imePadding()
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        LogField(
            value = state.exercise,
            label = stringResource(R.string.field_exercise),
            error = record?.errors?.filter { it.field == EXERCISE_FIELD }?.joinToString("\n") { it.message },
            onChange = { onEvent(LogEvent.ExerciseChanged(it)) },
            capitalization = KeyboardCapitalization.Words,
        )
        record?.let { Suggestions(it, onEvent) }
        LogField(
            value = state.sets,
            label = stringResource(R.string.field_sets),
            error = record?.errors?.filter { it.field == SETS_FIELD }?.joinToString("\n") { it.message },
            onChange = { onEvent(LogEvent.SetsChanged(it)) },
            capitalization = KeyboardCapitalization.None,
        )
        when (val screen = state.screen) {
            Loadable.Loading -> Loading(Modifier.heightIn(max = 96.dp))
            is Loadable.Failed -> ProblemCard(screen.problem, onAction = onProblemAction)
            is Loadable.Ready -> LogBody(screen.value, editing = state.editing != null, busy = state.busy, onEvent = onEvent)
        }
    }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(LogEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(LogEvent.DismissProblem) },
        )
    }
}

@Composable
private fun LogField(
    value: String,
    label: String,
    error: String?,
    onChange: (String) -> Unit,
    capitalization: KeyboardCapitalization,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        isError = !error.isNullOrEmpty(),
        supportingText = error?.takeIf { it.isNotEmpty() }?.let { { Text(it) } },
        singleLine = true,
        keyboardOptions = KeyboardOptions(capitalization = capitalization, imeAction = ImeAction.Next),
        modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget),
    )
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun Suggestions(record: LogRecord, onEvent: (LogEvent) -> Unit) {
    if (record.suggestions.isEmpty()) return
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        record.suggestions.forEach { choice ->
            AssistChip(
                onClick = { onEvent(LogEvent.ExerciseChosen(choice.name)) },
                label = { Text(choice.name) },
                modifier = Modifier.heightIn(min = TouchTarget),
            )
        }
    }
}

@Composable
private fun LogBody(record: LogRecord, editing: Boolean, busy: Boolean, onEvent: (LogEvent) -> Unit) {
    record.exercise?.let { Text(it.name, style = MaterialTheme.typography.titleMedium) }
    record.preview.forEach { Text(it, style = MaterialTheme.typography.bodyLarge) }
    record.warnings.forEach { BannerView(it) }
    record.actions.forEach { action ->
        val event = when (action.kind) {
            // While an edit is typed the core offers the new-sets buttons;
            // the presenter sends them as the edit's save (editSubmit).
            ActionKind.LOG_SETS, ActionKind.SAVE_SET -> LogEvent.Submit(confirmed = false)
            ActionKind.LOG_ANYWAY, ActionKind.SAVE_ANYWAY -> LogEvent.Submit(confirmed = true)
            ActionKind.DELETE_SET -> if (editing) LogEvent.Delete else null
            else -> null
        }
        if (event != null) ActionButton(action, onClick = { onEvent(event) }, enabled = !busy)
    }
}

@Preview(name = "Log, a slip to confirm")
@Composable
private fun LogPreview() {
    HeftTheme(dynamicColor = false) {
        LogScreen(LogState(exercise = "Sample lift", sets = "3x60x5", screen = Loadable.Ready(Samples.log)), {}, {})
    }
}

@Preview(name = "Log, dark, large text", fontScale = 1.6f)
@Composable
private fun LogDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) {
        LogScreen(LogState(exercise = "Sample lift", sets = "3x60x5", screen = Loadable.Ready(Samples.log)), {}, {})
    }
}
