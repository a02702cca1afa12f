package app.heft.android.ui.settings

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.ModalBottomSheet
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.FormFieldView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.SettingsForm
import app.heft.core.model.SetupActionKind
import app.heft.presenter.FormDraft
import app.heft.presenter.Loadable
import app.heft.presenter.SettingsEvent
import app.heft.presenter.SettingsState

/** Settings: a row per section with its values in a line; a row opens its form. */
@Composable
fun SettingsScreen(
    state: SettingsState,
    onEvent: (SettingsEvent) -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = { onEvent(SettingsEvent.Refresh) },
) {
    LoadableContent(state.screen, onProblemAction = onProblemAction, modifier = modifier) { screen ->
        LazyColumn(modifier = modifier, contentPadding = PaddingValues(16.dp)) {
            item { Heading(screen.title, Modifier.padding(bottom = 8.dp)) }
            items(screen.rows, key = { it.section.name }) { row ->
                Column {
                    Column(
                        Modifier
                            .fillMaxWidth()
                            .heightIn(min = TouchTarget)
                            .clickable(role = Role.Button) { onEvent(SettingsEvent.Open(row.section)) }
                            .padding(vertical = 12.dp),
                    ) {
                        Text(row.label, style = MaterialTheme.typography.titleMedium)
                        Text(row.value, style = MaterialTheme.typography.bodyMedium)
                    }
                    HorizontalDivider()
                }
            }
        }
    }
    state.form?.let { form -> SettingsFormSheet(form, state.draft, state.busy, onEvent) }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(SettingsEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(SettingsEvent.DismissProblem) },
        )
    }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun SettingsFormSheet(form: SettingsForm, draft: FormDraft, busy: Boolean, onEvent: (SettingsEvent) -> Unit) {
    ModalBottomSheet(onDismissRequest = { onEvent(SettingsEvent.Close) }) {
        Column(
            Modifier.verticalScroll(rememberScrollState()).imePadding().padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Heading(form.title)
            form.fields.forEach { field ->
                FormFieldView(
                    field,
                    draft,
                    onSet = { id, value -> onEvent(SettingsEvent.Set(id, value)) },
                    onToggle = { id, value -> onEvent(SettingsEvent.Toggle(id, value)) },
                )
            }
            val shown = form.fields.map { it.id }.toSet()
            form.errors.filter { it.field !in shown }.forEach { Text(it.message, color = MaterialTheme.colorScheme.error) }
            Row(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                form.actions.forEach { action ->
                    when (action.kind) {
                        SetupActionKind.SAVE -> Button(
                            onClick = { onEvent(SettingsEvent.Save) },
                            enabled = !busy,
                            modifier = Modifier.weight(1f).heightIn(min = TouchTarget),
                        ) { Text(action.label) }
                        SetupActionKind.CANCEL -> OutlinedButton(
                            onClick = { onEvent(SettingsEvent.Close) },
                            modifier = Modifier.heightIn(min = TouchTarget),
                        ) { Text(action.label) }
                        else -> Unit
                    }
                }
            }
        }
    }
}

@Preview(name = "Settings")
@Composable
private fun SettingsPreview() {
    HeftTheme(dynamicColor = false) { SettingsScreen(SettingsState(screen = Loadable.Ready(Samples.settings)), {}) }
}

@Preview(name = "Settings, dark, large text", fontScale = 1.6f)
@Composable
private fun SettingsDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { SettingsScreen(SettingsState(screen = Loadable.Ready(Samples.settings)), {}) }
}
