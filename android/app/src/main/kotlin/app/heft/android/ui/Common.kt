package app.heft.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.Action
import app.heft.core.model.ActionKind
import app.heft.core.model.Banner
import app.heft.core.model.EmptyState
import app.heft.core.model.Note
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemScreen
import app.heft.presenter.Loadable

/** The smallest touch target (Material: 48 dp); the main action is larger. */
val TouchTarget = 48.dp
val MainTouchTarget = 72.dp

/** A placeholder while the core reads a screen. */
@Composable
fun Loading(modifier: Modifier = Modifier) {
    Box(modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
        CircularProgressIndicator()
    }
}

/**
 * Draws a screen as it loads: the placeholder, the problem in its place,
 * or [content] with the record.
 */
@Composable
fun <T> LoadableContent(
    loadable: Loadable<T>,
    onProblemAction: (ProblemActionKind) -> Unit,
    modifier: Modifier = Modifier,
    content: @Composable (T) -> Unit,
) {
    when (loadable) {
        Loadable.Loading -> Loading(modifier)
        is Loadable.Failed -> Box(modifier.fillMaxSize().padding(16.dp), contentAlignment = Alignment.Center) {
            ProblemCard(loadable.problem, onAction = onProblemAction)
        }
        is Loadable.Ready -> content(loadable.value)
    }
}

/** A screen heading, marked as one for TalkBack's heading navigation. */
@Composable
fun Heading(text: String, modifier: Modifier = Modifier) {
    Text(
        text,
        style = MaterialTheme.typography.titleLarge,
        modifier = modifier.semantics { heading() },
    )
}

/** A section's title inside a screen. */
@Composable
fun SectionTitle(text: String, modifier: Modifier = Modifier) {
    Text(
        text,
        style = MaterialTheme.typography.titleMedium,
        modifier = modifier.padding(top = 8.dp).semantics { heading() },
    )
}

/**
 * A problem the core described, where the screen would be: its title, what
 * it means, its detail and the one action that helps.
 */
@Composable
fun ProblemCard(
    problem: ProblemScreen,
    onAction: (ProblemActionKind) -> Unit,
    modifier: Modifier = Modifier,
) {
    Card(
        modifier = modifier.fillMaxWidth().semantics { liveRegion = LiveRegionMode.Polite },
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.surfaceContainerHigh),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                ToneIcon(problem.tone)
                Spacer(Modifier.width(8.dp))
                Heading(problem.title)
            }
            Text(problem.body, style = MaterialTheme.typography.bodyLarge)
            Text(problem.detail, style = MaterialTheme.typography.bodySmall)
            problem.action?.let { action ->
                Button(
                    onClick = { onAction(action.kind) },
                    modifier = Modifier.heightIn(min = TouchTarget),
                ) { Text(action.label) }
            }
        }
    }
}

/** A problem over a screen that is still shown: what the last action could not do. */
@Composable
fun ProblemDialog(
    problem: ProblemScreen,
    onAction: (ProblemActionKind) -> Unit,
    onDismiss: () -> Unit,
) {
    AlertDialog(
        onDismissRequest = onDismiss,
        icon = { ToneIcon(problem.tone) },
        title = { Text(problem.title) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(problem.body)
                Text(problem.detail, style = MaterialTheme.typography.bodySmall)
            }
        },
        confirmButton = {
            problem.action?.let { action ->
                TextButton(onClick = { onAction(action.kind) }) { Text(action.label) }
            }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(problem.dismiss) } },
    )
}

/** A banner: its tone's icon and colour, and the words. */
@Composable
fun BannerView(banner: Banner, modifier: Modifier = Modifier) {
    Row(modifier.fillMaxWidth().padding(vertical = 4.dp), verticalAlignment = Alignment.Top) {
        ToneIcon(banner.tone, Modifier.size(20.dp))
        if (banner.tone.icon() != null) Spacer(Modifier.width(8.dp))
        Text(banner.text, style = MaterialTheme.typography.bodyMedium, color = banner.tone.color())
    }
}

/** A reason: the text, with "rule of thumb" beside it where the core says so. */
@Composable
fun NoteView(note: Note, modifier: Modifier = Modifier) {
    Column(modifier.padding(vertical = 2.dp)) {
        note.label?.let { Text(it, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.tertiary) }
        Text(note.text, style = MaterialTheme.typography.bodySmall)
    }
}

/** Shown instead of a screen's content when there is nothing yet. */
@Composable
fun EmptyStateView(empty: EmptyState, modifier: Modifier = Modifier) {
    Column(
        modifier.fillMaxWidth().padding(24.dp),
        horizontalAlignment = Alignment.CenterHorizontally,
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(empty.title, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center)
        Text(empty.body, style = MaterialTheme.typography.bodyMedium, textAlign = TextAlign.Center)
    }
}

/**
 * A core action as a button. Logging as prescribed is the main action:
 * the largest target; the others at least 48 dp high.
 */
@Composable
fun ActionButton(action: Action, onClick: () -> Unit, modifier: Modifier = Modifier, enabled: Boolean = true) {
    when (action.kind) {
        ActionKind.LOG_AS_PRESCRIBED, ActionKind.LOG_SETS, ActionKind.SAVE_SET, ActionKind.SAVE_MEASUREMENT,
        ActionKind.START_PROGRAM,
        -> Button(
            onClick = onClick,
            enabled = enabled,
            modifier = modifier.fillMaxWidth().heightIn(
                min = if (action.kind == ActionKind.LOG_AS_PRESCRIBED) MainTouchTarget else TouchTarget,
            ),
        ) {
            Text(
                action.label,
                style = if (action.kind == ActionKind.LOG_AS_PRESCRIBED) {
                    MaterialTheme.typography.titleMedium
                } else {
                    MaterialTheme.typography.labelLarge
                },
            )
        }
        ActionKind.FINISH, ActionKind.ENTER_LOAD, ActionKind.LOG_ANYWAY, ActionKind.SAVE_ANYWAY,
        ActionKind.CHOOSE_PROGRAM, ActionKind.DONE,
        -> FilledTonalButton(onClick = onClick, enabled = enabled, modifier = modifier.fillMaxWidth().heightIn(min = TouchTarget)) {
            Text(action.label)
        }
        // `rest` is informational: today is a rest day.
        ActionKind.REST -> Text(action.label, style = MaterialTheme.typography.bodyLarge, modifier = modifier.padding(vertical = 8.dp))
        ActionKind.UNDO, ActionKind.DELETE_SET, ActionKind.STOP_PROGRAM, ActionKind.DELETE_MEASUREMENT,
        -> OutlinedButton(onClick = onClick, enabled = enabled, modifier = modifier.heightIn(min = TouchTarget)) {
            Text(action.label)
        }
    }
}

@Preview(name = "Problem card")
@Composable
private fun ProblemCardPreview() {
    HeftTheme(dynamicColor = false) { ProblemCard(Samples.problem, onAction = {}) }
}

@Preview(name = "Problem card, dark")
@Composable
private fun ProblemCardDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { ProblemCard(Samples.problem, onAction = {}) }
}
