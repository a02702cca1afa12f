package app.heft.android.ui.program

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.ModalBottomSheet
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.ActionButton
import app.heft.android.ui.BannerView
import app.heft.android.ui.EmptyStateView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.NoteView
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.SectionTitle
import app.heft.android.ui.ToneIcon
import app.heft.android.ui.icon
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.Action
import app.heft.core.model.ActionKind
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProgramDetailScreen
import app.heft.core.model.ProgramRow
import app.heft.core.model.ProgramStatusScreen
import app.heft.core.model.SwapRow
import app.heft.presenter.Loadable
import app.heft.presenter.ProgramEvent
import app.heft.presenter.ProgramState

/**
 * Program: the programs to choose from; a program opened in full with its
 * start or stop; the running program's status with the training days and
 * the person's swaps.
 */
@Composable
fun ProgramScreen(
    state: ProgramState,
    onEvent: (ProgramEvent) -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = { onEvent(ProgramEvent.Refresh) },
) {
    LoadableContent(state.list, onProblemAction = onProblemAction, modifier = modifier) { list ->
        LazyColumn(
            modifier = modifier,
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { Heading(list.title) }
            items(list.rows, key = { it.programId }) { row ->
                ProgramRowView(
                    row,
                    // The running program opens on its status; any other in full.
                    onOpen = { onEvent(if (row.running) ProgramEvent.ShowStatus else ProgramEvent.Open(row.programId)) },
                )
            }
        }
    }
    state.detail?.let { detail -> DetailSheet(detail, state.busy, onEvent) }
    state.status?.let { status -> StatusSheet(status, state.busy, onEvent) }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(ProgramEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(ProgramEvent.DismissProblem) },
        )
    }
}

@Composable
private fun ProgramRowView(row: ProgramRow, onOpen: () -> Unit) {
    Card(Modifier.fillMaxWidth().clickable(onClick = onOpen, role = Role.Button)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                ToneIcon(row.tone)
                if (row.tone.icon() != null) Spacer(Modifier.width(4.dp))
                Text(row.name, style = MaterialTheme.typography.titleMedium, modifier = Modifier.weight(1f))
                row.badge?.let { Text(it, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.primary) }
            }
            Text(row.week, style = MaterialTheme.typography.bodyMedium)
            Text(row.summary, style = MaterialTheme.typography.bodySmall)
            row.notes.forEach { NoteView(it) }
        }
    }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun DetailSheet(detail: ProgramDetailScreen, busy: Boolean, onEvent: (ProgramEvent) -> Unit) {
    ModalBottomSheet(onDismissRequest = { onEvent(ProgramEvent.CloseDetail) }) {
        LazyColumn(contentPadding = PaddingValues(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            item {
                Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Heading(detail.title)
                    Text(detail.summary, style = MaterialTheme.typography.bodyMedium)
                    Text(detail.week, style = MaterialTheme.typography.bodyMedium)
                    detail.spacing?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
                    Text(detail.source, style = MaterialTheme.typography.bodySmall)
                    detail.notes.forEach { NoteView(it) }
                }
            }
            item { ProgramActions(detail.actions, busy) { action -> programEvent(action, detail.programId)?.let(onEvent) } }
            detail.phases.forEach { phase ->
                item {
                    Column {
                        SectionTitle(phase.title)
                        Text(phase.subtitle, style = MaterialTheme.typography.bodySmall)
                    }
                }
                phase.days.forEach { day ->
                    item {
                        Column {
                            Text(day.title, style = MaterialTheme.typography.labelLarge, modifier = Modifier.padding(top = 8.dp))
                            day.rows.forEach { slot ->
                                Column(Modifier.padding(vertical = 4.dp)) {
                                    Text(slot.exercise, style = MaterialTheme.typography.bodyLarge)
                                    Text(slot.sets + " · " + slot.effort, style = MaterialTheme.typography.bodyMedium)
                                    Text(slot.rest, style = MaterialTheme.typography.bodySmall)
                                    slot.swap?.let { Text(it, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.tertiary) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/** The event a program action sends; null for one this screen does not offer. */
private fun programEvent(action: Action, programId: String?): ProgramEvent? = when (action.kind) {
    ActionKind.START_PROGRAM -> programId?.let { ProgramEvent.Start(it) }
    ActionKind.STOP_PROGRAM -> ProgramEvent.Stop
    // The status without a program: back to the list to choose one.
    ActionKind.CHOOSE_PROGRAM -> ProgramEvent.CloseStatus
    else -> null
}

@Composable
private fun ProgramActions(actions: List<Action>, busy: Boolean, onAction: (Action) -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        actions.forEach { action -> ActionButton(action, onClick = { onAction(action) }, enabled = !busy) }
    }
}

@OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)
@Composable
private fun StatusSheet(status: ProgramStatusScreen, busy: Boolean, onEvent: (ProgramEvent) -> Unit) {
    ModalBottomSheet(onDismissRequest = { onEvent(ProgramEvent.CloseStatus) }) {
        LazyColumn(contentPadding = PaddingValues(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            item {
                Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Heading(status.title)
                    status.subtitle?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
                    status.next?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
                    status.banners.forEach { BannerView(it) }
                    status.empty?.let { EmptyStateView(it) }
                }
            }
            items(status.lifts, key = { it.exerciseId }) { lift ->
                Column {
                    Text(lift.title, style = MaterialTheme.typography.labelLarge)
                    listOfNotNull(lift.estimate, lift.load).forEach { Text(it, style = MaterialTheme.typography.bodyMedium) }
                    lift.change?.let { NoteView(it) }
                }
            }
            item {
                Column {
                    status.daysSummary?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
                    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        status.days.forEach { toggle ->
                            FilterChip(
                                selected = toggle.chosen,
                                enabled = !busy,
                                onClick = {
                                    val chosen = status.days.filter { it.chosen }.map { it.day }
                                    val next = if (toggle.chosen) chosen - toggle.day else chosen + toggle.day
                                    onEvent(ProgramEvent.TrainingDays(next))
                                },
                                label = { Text(toggle.label) },
                                modifier = Modifier.heightIn(min = TouchTarget),
                            )
                        }
                    }
                }
            }
            items(status.swaps, key = { "swap-" + it.exerciseId }) { swap -> SwapView(swap, busy, onEvent) }
            item {
                // The status's `undo` is not drawn: the presenter has no
                // event for it yet.
                ProgramActions(status.actions, busy) { action ->
                    programEvent(action, status.programId)?.let(onEvent)
                }
            }
        }
    }
}

/** An exercise of the program and the alternatives the core allows. */
@Composable
private fun SwapView(swap: SwapRow, busy: Boolean, onEvent: (ProgramEvent) -> Unit) {
    var expanded by remember { mutableStateOf(false) }
    Column {
        OutlinedButton(
            onClick = { expanded = true },
            enabled = !busy && swap.choices.isNotEmpty(),
            modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget),
        ) {
            Column(Modifier.fillMaxWidth()) {
                Text(swap.title)
                swap.current?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            }
        }
        DropdownMenu(expanded = expanded, onDismissRequest = { expanded = false }) {
            swap.choices.forEach { choice ->
                DropdownMenuItem(
                    text = { Text(choice.name) },
                    onClick = {
                        expanded = false
                        onEvent(ProgramEvent.Swap(swap.exerciseId, choice.id))
                    },
                )
            }
        }
    }
}

@Preview(name = "Programs")
@Composable
private fun ProgramPreview() {
    HeftTheme(dynamicColor = false) { ProgramScreen(ProgramState(list = Loadable.Ready(Samples.programs)), {}) }
}

@Preview(name = "Programs, dark, large text", fontScale = 1.6f)
@Composable
private fun ProgramDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { ProgramScreen(ProgramState(list = Loadable.Ready(Samples.programs)), {}) }
}

@Preview(name = "Program status")
@Composable
private fun ProgramStatusPreview() {
    HeftTheme(dynamicColor = false) {
        ProgramScreen(ProgramState(list = Loadable.Ready(Samples.programs), status = Samples.status), {})
    }
}
