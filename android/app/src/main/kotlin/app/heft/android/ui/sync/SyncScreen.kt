package app.heft.android.ui.sync

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
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilledTonalButton
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.EmptyStateView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.ProblemDialog
import app.heft.android.ui.Samples
import app.heft.android.ui.SectionTitle
import app.heft.android.ui.ToneIcon
import app.heft.android.ui.TouchTarget
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.DeviceRow
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.SetupActionKind
import app.heft.presenter.Loadable
import app.heft.presenter.SyncEvent
import app.heft.presenter.SyncState

/**
 * Sync: this device, the others seen, the last result file by file, and
 * the three actions. The files themselves are the route's (the Storage
 * Access Framework, platform/Documents.kt): this view only asks for them.
 */
@Composable
fun SyncScreen(
    state: SyncState,
    onEvent: (SyncEvent) -> Unit,
    onSyncFolder: () -> Unit,
    onImport: () -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = { onEvent(SyncEvent.Refresh) },
) {
    LoadableContent(state.screen, onProblemAction = onProblemAction, modifier = modifier) { screen ->
        LazyColumn(
            modifier = modifier,
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { Heading(screen.title) }
            if (state.busy) item { LinearProgressIndicator(Modifier.fillMaxWidth()) }
            item {
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    screen.actions.forEachIndexed { i, action ->
                        val onClick = when (action.kind) {
                            SetupActionKind.SYNC_FOLDER -> onSyncFolder
                            SetupActionKind.IMPORT -> onImport
                            SetupActionKind.EXPORT -> { { onEvent(SyncEvent.Export()) } }
                            else -> null
                        }
                        if (onClick != null) {
                            val buttonModifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget)
                            // The first action is the main one.
                            if (i == 0) {
                                Button(onClick = onClick, enabled = !state.busy, modifier = buttonModifier) { Text(action.label) }
                            } else {
                                FilledTonalButton(onClick = onClick, enabled = !state.busy, modifier = buttonModifier) { Text(action.label) }
                            }
                        }
                    }
                }
            }
            screen.last?.let { last ->
                item {
                    Card(Modifier.fillMaxWidth()) {
                        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                            Row(verticalAlignment = Alignment.CenterVertically) {
                                ToneIcon(last.tone)
                                Spacer(Modifier.width(4.dp))
                                SectionTitle(last.title)
                            }
                            Text(last.summary, style = MaterialTheme.typography.bodyMedium)
                            last.files.forEach { file ->
                                Row(verticalAlignment = Alignment.CenterVertically) {
                                    ToneIcon(file.tone)
                                    Spacer(Modifier.width(4.dp))
                                    Column {
                                        Text(file.name, style = MaterialTheme.typography.labelLarge)
                                        Text(file.text, style = MaterialTheme.typography.bodySmall)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            item { DeviceView(screen.device) }
            screen.empty?.let { empty -> item { EmptyStateView(empty) } }
            items(screen.devices, key = { it.id }) { device -> DeviceView(device) }
        }
    }
    state.problem?.let { problem ->
        ProblemDialog(
            problem,
            onAction = {
                onEvent(SyncEvent.DismissProblem)
                onProblemAction(it)
            },
            onDismiss = { onEvent(SyncEvent.DismissProblem) },
        )
    }
}

@Composable
private fun DeviceView(device: DeviceRow) {
    Column(Modifier.fillMaxWidth().padding(vertical = 4.dp)) {
        Text(device.name, style = MaterialTheme.typography.titleMedium)
        Text(device.detail, style = MaterialTheme.typography.bodySmall)
    }
}

@Preview(name = "Sync")
@Composable
private fun SyncPreview() {
    HeftTheme(dynamicColor = false) { SyncScreen(SyncState(screen = Loadable.Ready(Samples.sync)), {}, {}, {}) }
}

@Preview(name = "Sync, dark, large text", fontScale = 1.6f)
@Composable
private fun SyncDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { SyncScreen(SyncState(screen = Loadable.Ready(Samples.sync)), {}, {}, {}) }
}
