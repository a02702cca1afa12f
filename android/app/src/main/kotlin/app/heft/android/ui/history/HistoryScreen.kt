package app.heft.android.ui.history

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.derivedStateOf
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.onClick
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.ActionButton
import app.heft.android.ui.EmptyStateView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.SectionTitle
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.HistorySet
import app.heft.core.model.HistoryWorkout
import app.heft.core.model.ProblemActionKind
import app.heft.presenter.HistoryEvent
import app.heft.presenter.HistoryState
import app.heft.presenter.Loadable

/**
 * History: the days trained, newest first, a page at a time; the next
 * page is read when the list nears its end. A set opens in the edit form.
 */
@Composable
fun HistoryScreen(
    state: HistoryState,
    onEvent: (HistoryEvent) -> Unit,
    onEditSet: (setId: String) -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = { onEvent(HistoryEvent.Refresh) },
) {
    LoadableContent(state.screen, onProblemAction = onProblemAction, modifier = modifier) { screen ->
        val list = rememberLazyListState()
        // Near the end of what is read: ask for the page before it.
        val nearEnd by remember {
            derivedStateOf {
                val last = list.layoutInfo.visibleItemsInfo.lastOrNull()?.index ?: 0
                last >= list.layoutInfo.totalItemsCount - 3
            }
        }
        // Again once a write in progress is done: the presenter reads one
        // thing at a time.
        LaunchedEffect(nearEnd, screen.older, state.busy) {
            if (nearEnd && screen.older != null && !state.busy) onEvent(HistoryEvent.LoadOlder)
        }
        LazyColumn(
            state = list,
            modifier = modifier,
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { Heading(screen.title) }
            screen.undo?.let { undo ->
                item { ActionButton(undo, onClick = { onEvent(HistoryEvent.Undo) }, enabled = !state.busy) }
            }
            screen.empty?.let { empty -> item { EmptyStateView(empty) } }
            screen.days.forEach { day ->
                item(key = "day-" + day.date) { SectionTitle(day.title) }
                items(day.workouts, key = { it.workoutId }) { workout -> WorkoutCard(workout, onEditSet) }
            }
        }
    }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(HistoryEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(HistoryEvent.DismissProblem) },
        )
    }
}

@Composable
private fun WorkoutCard(workout: HistoryWorkout, onEditSet: (String) -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(workout.title, style = MaterialTheme.typography.titleMedium)
            Text(workout.time + " · " + workout.state, style = MaterialTheme.typography.bodySmall)
            Text(workout.summary, style = MaterialTheme.typography.bodyMedium)
            workout.lines.forEach { line ->
                Text(line.exercise, style = MaterialTheme.typography.labelLarge, modifier = Modifier.padding(top = 8.dp))
                line.runs.forEach { run -> run.sets.forEach { set -> SetLine(set, onEditSet) } }
            }
        }
    }
}

/** A set, read by TalkBack as the core's sentence; a tap opens it for editing. */
@Composable
private fun SetLine(set: HistorySet, onEditSet: (String) -> Unit) {
    Column(
        Modifier
            .fillMaxWidth()
            .heightIn(min = TouchTarget)
            .clickable { onEditSet(set.setId) }
            .padding(vertical = 4.dp)
            .clearAndSetSemantics {
                contentDescription = set.spoken
                onClick { onEditSet(set.setId); true }
            },
    ) {
        Text(set.text, style = MaterialTheme.typography.bodyLarge)
        val extra = set.details + listOfNotNull(set.pain, set.note)
        if (extra.isNotEmpty()) Text(extra.joinToString(" · "), style = MaterialTheme.typography.bodySmall)
    }
}

@Preview(name = "History")
@Composable
private fun HistoryPreview() {
    HeftTheme(dynamicColor = false) { HistoryScreen(HistoryState(screen = Loadable.Ready(Samples.history)), {}, {}) }
}

@Preview(name = "History, dark, large text", fontScale = 1.6f)
@Composable
private fun HistoryDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { HistoryScreen(HistoryState(screen = Loadable.Ready(Samples.history)), {}, {}) }
}
