package app.heft.android.ui.measures

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.FloatingActionButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.ModalBottomSheet
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Icon
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.R
import app.heft.android.ui.ActionButton
import app.heft.android.ui.EmptyStateView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.SectionTitle
import app.heft.android.ui.ToneIcon
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.color
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.ActionKind
import app.heft.core.model.MeasureCard
import app.heft.core.model.MeasureDraft
import app.heft.core.model.MeasureForm
import app.heft.core.model.ProblemActionKind
import app.heft.presenter.Loadable
import app.heft.presenter.MeasuresEvent
import app.heft.presenter.MeasuresState

/** The form's inputs, by the ids of the core's field errors. */
private const val VALUE_FIELD = "value"
private const val NOTE_FIELD = "note"

/**
 * Measures: a card per series with its latest value, change, trend and
 * band; entries below it; a button that opens the form to add one.
 */
@Composable
fun MeasuresScreen(
    state: MeasuresState,
    onEvent: (MeasuresEvent) -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = { onEvent(MeasuresEvent.Refresh) },
) {
    Scaffold(
        modifier = modifier,
        // The app's scaffold already keeps clear of the system bars.
        contentWindowInsets = WindowInsets(0),
        floatingActionButton = {
            // The form's own title is the core's; the button is a plus.
            FloatingActionButton(onClick = { onEvent(MeasuresEvent.OpenForm) }) {
                Icon(Icons.Filled.Add, contentDescription = stringResource(R.string.add_measurement))
            }
        },
    ) { padding ->
        LoadableContent(state.screen, onProblemAction = onProblemAction, modifier = Modifier.padding(padding)) { screen ->
            LazyColumn(
                modifier = Modifier.padding(padding),
                contentPadding = PaddingValues(16.dp),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                item { Heading(screen.title) }
                screen.undo?.let { undo ->
                    item { ActionButton(undo, onClick = { onEvent(MeasuresEvent.Undo) }, enabled = !state.busy) }
                }
                screen.empty?.let { empty -> item { EmptyStateView(empty) } }
                items(screen.cards, key = { it.kind.name + it.site?.name }) { card ->
                    MeasureCardView(card, onDelete = { onEvent(MeasuresEvent.Delete(it)) }, busy = state.busy)
                }
            }
        }
    }
    state.form?.let { form -> MeasureFormSheet(form, state.draft, state.busy, onEvent) }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(MeasuresEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(MeasuresEvent.DismissProblem) },
        )
    }
}

@Composable
private fun MeasureCardView(card: MeasureCard, onDelete: (String) -> Unit, busy: Boolean) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            SectionTitle(card.title)
            Row(verticalAlignment = Alignment.CenterVertically) {
                ToneIcon(card.tone)
                Spacer(Modifier.width(4.dp))
                Text(card.latest, style = MaterialTheme.typography.headlineSmall)
            }
            Text(card.date, style = MaterialTheme.typography.bodySmall)
            card.change?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            card.trend?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            card.precision?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            card.band?.let { band ->
                Column {
                    band.label?.let { Text(it, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.tertiary) }
                    Text(band.text, style = MaterialTheme.typography.bodyMedium, color = band.tone.color())
                    Text(band.source, style = MaterialTheme.typography.bodySmall)
                }
            }
            Text(card.count, style = MaterialTheme.typography.bodySmall)
            card.entries.forEach { entry ->
                Row(Modifier.fillMaxWidth().heightIn(min = TouchTarget), verticalAlignment = Alignment.CenterVertically) {
                    Column(Modifier.weight(1f).clearAndSetSemantics { contentDescription = entry.spoken }) {
                        Text(entry.date + " · " + entry.value, style = MaterialTheme.typography.bodyMedium)
                        entry.note?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
                    }
                    if (entry.delete.kind == ActionKind.DELETE_MEASUREMENT) {
                        ActionButton(entry.delete, onClick = { onDelete(entry.measurementId) }, enabled = !busy)
                    }
                }
            }
        }
    }
}

/**
 * The form as the core reads the draft: the kinds to choose from, then
 * the units and sites the chosen kind allows, the value and a note; each
 * field's error under it; the preview; save once nothing is wrong.
 */
@OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)
@Composable
private fun MeasureFormSheet(form: MeasureForm, draft: MeasureDraft, busy: Boolean, onEvent: (MeasuresEvent) -> Unit) {
    val change: (MeasureDraft) -> Unit = { onEvent(MeasuresEvent.DraftChanged(it)) }
    val kind = form.kinds.firstOrNull { it.kind == draft.kind }
    fun errorOf(field: String) = form.errors.filter { it.field == field }.joinToString("\n") { it.message }
    ModalBottomSheet(onDismissRequest = { onEvent(MeasuresEvent.CloseForm) }) {
        Column(
            Modifier.verticalScroll(rememberScrollState()).imePadding().padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                form.kinds.forEach { choice ->
                    FilterChip(
                        selected = choice.kind == draft.kind,
                        onClick = { change(draft.copy(kind = choice.kind, unit = choice.unit, site = null)) },
                        label = { Text(choice.name) },
                        modifier = Modifier.heightIn(min = TouchTarget),
                    )
                }
            }
            ErrorText(errorOf("measure"))
            if (kind != null) {
                OutlinedTextField(
                    value = draft.value,
                    onValueChange = { change(draft.copy(value = it)) },
                    label = { Text(stringResource(R.string.field_value)) },
                    supportingText = { Text(errorOf(VALUE_FIELD).ifEmpty { kind.range }) },
                    isError = errorOf(VALUE_FIELD).isNotEmpty(),
                    singleLine = true,
                    keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal),
                    modifier = Modifier.fillMaxWidth(),
                )
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    kind.units.forEach { unit ->
                        FilterChip(
                            selected = unit.unit == draft.unit,
                            onClick = { change(draft.copy(unit = unit.unit)) },
                            label = { Text(unit.label) },
                            modifier = Modifier.heightIn(min = TouchTarget),
                        )
                    }
                }
                ErrorText(errorOf("unit"))
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    kind.sites.forEach { site ->
                        FilterChip(
                            selected = site.site == draft.site,
                            onClick = { change(draft.copy(site = site.site)) },
                            label = { Text(site.name) },
                            modifier = Modifier.heightIn(min = TouchTarget),
                        )
                    }
                }
                ErrorText(errorOf("site"))
                ErrorText(errorOf("date"))
                OutlinedTextField(
                    value = draft.note.orEmpty(),
                    onValueChange = { change(draft.copy(note = it.ifEmpty { null })) },
                    label = { Text(stringResource(R.string.field_note)) },
                    supportingText = errorOf(NOTE_FIELD).takeIf { it.isNotEmpty() }?.let { { Text(it) } },
                    isError = errorOf(NOTE_FIELD).isNotEmpty(),
                    modifier = Modifier.fillMaxWidth(),
                )
            }
            form.preview?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
            form.actions.filter { it.kind == ActionKind.SAVE_MEASUREMENT }.forEach { save ->
                ActionButton(save, onClick = { onEvent(MeasuresEvent.Save) }, enabled = !busy)
            }
        }
    }
}

@Composable
private fun ErrorText(text: String) {
    if (text.isNotEmpty()) Text(text, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodySmall)
}

@Preview(name = "Measures")
@Composable
private fun MeasuresPreview() {
    HeftTheme(dynamicColor = false) { MeasuresScreen(MeasuresState(screen = Loadable.Ready(Samples.measures)), {}) }
}

@Preview(name = "Measures, dark, large text", fontScale = 1.6f)
@Composable
private fun MeasuresDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { MeasuresScreen(MeasuresState(screen = Loadable.Ready(Samples.measures)), {}) }
}
