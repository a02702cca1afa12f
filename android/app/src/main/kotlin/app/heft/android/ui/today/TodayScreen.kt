package app.heft.android.ui.today

import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.onClick
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
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.ToneIcon
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.Action
import app.heft.core.model.ActionKind
import app.heft.core.model.ExerciseCard
import app.heft.core.model.FinishScreen
import app.heft.core.model.RowState
import app.heft.core.model.SetRow
import app.heft.core.model.TodayScreen as TodayRecord
import app.heft.presenter.Loadable
import app.heft.presenter.TodayEvent
import app.heft.presenter.TodayState

/**
 * Today: the session set by set, the main action (log the next set as
 * prescribed) always at the bottom within reach of a thumb, the finish
 * summary once the workout is finished.
 */
@Composable
fun TodayScreen(
    state: TodayState,
    onEvent: (TodayEvent) -> Unit,
    onEnterLoad: (exercise: String) -> Unit,
    onEditSet: (setId: String) -> Unit,
    onChooseProgram: () -> Unit,
    onOpenWorkout: (workoutId: String) -> Unit,
    modifier: Modifier = Modifier,
) {
    LoadableContent(
        state.screen,
        onProblemAction = { onEvent(TodayEvent.ProblemAction(it)) },
        modifier = modifier,
    ) { screen ->
        val onAction: (Action) -> Unit = { action ->
            when (action.kind) {
                ActionKind.LOG_AS_PRESCRIBED -> onEvent(TodayEvent.LogAsPrescribed)
                // The Log form takes the exercise as typed: its card's name.
                ActionKind.ENTER_LOAD -> onEnterLoad(screen.cards.firstOrNull { it.exerciseId == action.exerciseId }?.title.orEmpty())
                ActionKind.FINISH -> onEvent(TodayEvent.Finish)
                ActionKind.CHOOSE_PROGRAM -> onChooseProgram()
                ActionKind.UNDO -> onEvent(TodayEvent.Undo)
                else -> Unit
            }
        }
        Column(modifier) {
            LazyColumn(
                modifier = Modifier.weight(1f),
                contentPadding = PaddingValues(16.dp),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                item { TodayHeader(screen) }
                screen.empty?.let { empty -> item { EmptyStateView(empty) } }
                items(screen.cards, key = { it.exerciseId }) { card ->
                    ExerciseCardView(card, onEditSet = onEditSet)
                }
                screen.undo?.let { undo ->
                    item { ActionButton(undo, onClick = { onAction(undo) }, enabled = !state.busy) }
                }
            }
            // The actions stay in reach below the list, the main one first.
            Surface(tonalElevation = 3.dp) {
                Column(
                    Modifier.fillMaxWidth().padding(16.dp),
                    verticalArrangement = Arrangement.spacedBy(8.dp),
                ) {
                    screen.rest?.let { rest ->
                        Text(rest.label, style = MaterialTheme.typography.titleMedium)
                    }
                    screen.actions.forEach { action ->
                        ActionButton(action, onClick = { onAction(action) }, enabled = !state.busy)
                    }
                }
            }
        }
    }
    state.finished?.let { finished ->
        FinishDialog(
            finished,
            onDone = { onEvent(TodayEvent.CloseFinished) },
            onOpenWorkout = { onOpenWorkout(finished.workoutId) },
        )
    }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = { onEvent(TodayEvent.ProblemAction(it)) },
            onDismiss = { onEvent(TodayEvent.DismissProblem) },
        )
    }
}

@Composable
private fun TodayHeader(screen: TodayRecord) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Heading(screen.title)
        screen.subtitle?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
        screen.minutes?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        screen.dose?.let { BannerView(it) }
        screen.banners.forEach { BannerView(it) }
        screen.notes.forEach { NoteView(it) }
    }
}

@Composable
private fun ExerciseCardView(card: ExerciseCard, onEditSet: (String) -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Heading(card.title, Modifier.weight(1f))
            }
            Text(card.progress, style = MaterialTheme.typography.bodyMedium)
            Text(card.rest, style = MaterialTheme.typography.bodySmall)
            card.swap?.let { Text(it, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.tertiary) }
            card.rows.forEach { row -> SetRowView(row, onEditSet) }
            card.notes.forEach { NoteView(it) }
        }
    }
}

/**
 * One set: TalkBack reads the core's `spoken` sentence instead of the
 * pieces. A logged set opens in the edit form, whose actions include its
 * delete (with the core's label for it).
 */
@Composable
private fun SetRowView(row: SetRow, onEditSet: (String) -> Unit) {
    val highlight = if (row.state == RowState.NEXT) MaterialTheme.colorScheme.secondaryContainer else MaterialTheme.colorScheme.surface
    val setId = row.setId
    Row(
        Modifier
            .fillMaxWidth()
            .heightIn(min = TouchTarget)
            .background(highlight, MaterialTheme.shapes.small)
            .then(if (setId != null) Modifier.clickable { onEditSet(setId) } else Modifier)
            .padding(horizontal = 8.dp, vertical = 6.dp)
            .clearAndSetSemantics {
                contentDescription = row.spoken
                if (setId != null) onClick { onEditSet(setId); true }
            },
        verticalAlignment = Alignment.CenterVertically,
    ) {
        ToneIcon(row.tone)
        Spacer(Modifier.width(8.dp))
        Column(Modifier.weight(1f)) {
            Text(row.label, style = MaterialTheme.typography.labelLarge)
            Text(row.done ?: row.planned, style = MaterialTheme.typography.bodyLarge)
            row.effort?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            row.lastTime?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            row.plates?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        }
    }
}

@Composable
private fun FinishDialog(finished: FinishScreen, onDone: () -> Unit, onOpenWorkout: () -> Unit) {
    AlertDialog(
        onDismissRequest = onDone,
        title = { Text(finished.title) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(finished.summary, modifier = Modifier.clickable(onClick = onOpenWorkout))
                finished.rows.forEach { row ->
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        ToneIcon(row.tone)
                        Spacer(Modifier.width(8.dp))
                        Column {
                            Text(row.title, style = MaterialTheme.typography.labelLarge)
                            row.badge?.let { Text(it) }
                            row.reason?.let { NoteView(it) }
                        }
                    }
                }
                finished.next?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            }
        },
        confirmButton = {
            finished.actions.filter { it.kind == ActionKind.DONE }.forEach { done ->
                TextButton(onClick = onDone) { Text(done.label) }
            }
        },
    )
}

@Preview(name = "Today, a session under way", fontScale = 1f)
@Composable
private fun TodayPreview() {
    HeftTheme(dynamicColor = false) {
        TodayScreen(TodayState(screen = Loadable.Ready(Samples.today)), {}, {}, {}, {}, {})
    }
}

@Preview(name = "Today, dark, large text", fontScale = 1.6f)
@Composable
private fun TodayDarkLargePreview() {
    HeftTheme(dark = true, dynamicColor = false) {
        TodayScreen(TodayState(screen = Loadable.Ready(Samples.today)), {}, {}, {}, {}, {})
    }
}

@Preview(name = "Today, no program")
@Composable
private fun TodayEmptyPreview() {
    HeftTheme(dynamicColor = false) {
        TodayScreen(TodayState(screen = Loadable.Ready(Samples.todayEmpty)), {}, {}, {}, {}, {})
    }
}

@Preview(name = "Today, finished")
@Composable
private fun TodayFinishedPreview() {
    HeftTheme(dynamicColor = false) {
        TodayScreen(TodayState(screen = Loadable.Ready(Samples.today), finished = Samples.finish), {}, {}, {}, {}, {})
    }
}

@Preview(name = "Today, loading and failed")
@Composable
private fun TodayFailedPreview() {
    HeftTheme(dynamicColor = false) {
        Column {
            TodayScreen(TodayState(), {}, {}, {}, {}, {}, Modifier.heightIn(max = 120.dp))
            TodayScreen(TodayState(screen = Loadable.Failed(Samples.problem)), {}, {}, {}, {}, {})
        }
    }
}
