package app.heft.android.ui.progress

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import app.heft.android.ui.BannerView
import app.heft.android.ui.EmptyStateView
import app.heft.android.ui.Heading
import app.heft.android.ui.LoadableContent
import app.heft.android.ui.NoteView
import app.heft.android.ui.Samples
import app.heft.android.ui.SectionTitle
import app.heft.android.ui.ToneIcon
import app.heft.android.ui.color
import app.heft.android.ui.theme.HeftTheme
import app.heft.core.model.FigureRow
import app.heft.core.model.LiftProgress
import app.heft.core.model.MinutesChart
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.RecordLine
import app.heft.core.model.SeriesChart
import app.heft.presenter.Loadable
import app.heft.presenter.ProgressEvent
import app.heft.presenter.ProgressState

/**
 * Progress: the week against the band, the minutes of the last weeks as
 * bars, bone loading, each main lift's estimate over the year, keeping at
 * it, and the new records. Charts are drawn from the core's numbers and
 * scale; TalkBack reads each bar's and point's own label.
 */
@Composable
fun ProgressScreen(
    state: ProgressState,
    onEvent: (ProgressEvent) -> Unit,
    modifier: Modifier = Modifier,
    onProblemAction: (ProblemActionKind) -> Unit = { onEvent(ProgressEvent.Refresh) },
) {
    LoadableContent(state.screen, onProblemAction = onProblemAction, modifier = modifier) { screen ->
        LazyColumn(
            modifier = modifier,
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { Heading(screen.title) }
            val empty = screen.empty
            if (empty != null) {
                item { EmptyStateView(empty) }
                return@LazyColumn
            }
            item {
                Card(Modifier.fillMaxWidth()) {
                    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                        SectionTitle(screen.week.title)
                        Text(screen.week.minutes, style = MaterialTheme.typography.bodyLarge)
                        Text(screen.week.sessions, style = MaterialTheme.typography.bodyMedium)
                        BannerView(screen.week.band)
                    }
                }
            }
            item { MinutesCard(screen.minutes) }
            item { FiguresCard(screen.bone.title, screen.bone.rows) { screen.bone.notes.forEach { NoteView(it) } } }
            items(screen.lifts, key = { it.exerciseId }) { lift -> LiftCard(lift) }
            item { FiguresCard(screen.adherence.title, screen.adherence.rows) { screen.adherence.notes.forEach { NoteView(it) } } }
            item { SectionTitle(screen.recordsTitle) }
            items(screen.records) { record -> RecordView(record) }
        }
    }
}

@Composable
private fun FiguresCard(title: String, rows: List<FigureRow>, notes: @Composable () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            SectionTitle(title)
            rows.forEach { row ->
                Row(verticalAlignment = Alignment.CenterVertically) {
                    ToneIcon(row.tone)
                    Spacer(Modifier.width(4.dp))
                    Text(row.label, Modifier.weight(1f), style = MaterialTheme.typography.bodyMedium)
                    Text(row.value, style = MaterialTheme.typography.bodyMedium, color = row.tone.color())
                }
            }
            notes()
        }
    }
}

/**
 * The weekly minutes as bars over the shaded band, with a line where the
 * benefit is gone: every height from the core's minutes and axis.
 */
@Composable
private fun MinutesCard(chart: MinutesChart) {
    val band = MaterialTheme.colorScheme.primary.copy(alpha = 0.12f)
    val line = MaterialTheme.colorScheme.error
    val barColors = chart.bars.map { it.tone.color() }
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            SectionTitle(chart.title)
            Canvas(
                Modifier
                    .fillMaxWidth()
                    .height(160.dp)
                    .semantics { contentDescription = chart.bars.joinToString("; ") { it.label + ": " + it.value } },
            ) {
                val axis = chart.axisMax.toFloat().coerceAtLeast(1f)
                fun y(minutes: Float) = size.height * (1f - minutes / axis)
                drawRect(band, topLeft = Offset(0f, y(chart.bandTo.toFloat())), size = Size(size.width, y(chart.bandFrom.toFloat()) - y(chart.bandTo.toFloat())))
                drawLine(line, Offset(0f, y(chart.farAbove.toFloat())), Offset(size.width, y(chart.farAbove.toFloat())), strokeWidth = 2f)
                val slot = size.width / chart.bars.size.coerceAtLeast(1)
                chart.bars.forEachIndexed { i, bar ->
                    val top = y(bar.minutes.toFloat())
                    drawRect(
                        barColors[i].copy(alpha = if (bar.current) 1f else 0.7f),
                        topLeft = Offset(i * slot + slot * 0.2f, top),
                        size = Size(slot * 0.6f, size.height - top),
                    )
                }
            }
            // The bars' words: the colour of each bar is also its tone's icon here.
            chart.bars.forEach { bar ->
                Row(verticalAlignment = Alignment.CenterVertically) {
                    ToneIcon(bar.tone)
                    Spacer(Modifier.width(4.dp))
                    Text(bar.label, Modifier.weight(1f), style = MaterialTheme.typography.bodySmall)
                    Text(bar.value, style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    }
}

@Composable
private fun LiftCard(lift: LiftProgress) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            SectionTitle(lift.title)
            Row(verticalAlignment = Alignment.CenterVertically) {
                ToneIcon(lift.tone)
                Spacer(Modifier.width(4.dp))
                Text(lift.current, style = MaterialTheme.typography.bodyLarge)
            }
            lift.change?.let { Text(it, style = MaterialTheme.typography.bodyMedium, color = lift.tone.color()) }
            SeriesChartView(lift.chart, MaterialTheme.colorScheme.primary)
            lift.records.forEach { RecordView(it) }
        }
    }
}

/** The e1RM series: points placed on the core's scale, labels from the core. */
@Composable
private fun SeriesChartView(chart: SeriesChart, color: Color) {
    val empty = chart.empty
    if (empty != null || chart.points.isEmpty()) {
        Text(empty.orEmpty(), style = MaterialTheme.typography.bodySmall)
        return
    }
    val grid = MaterialTheme.colorScheme.outlineVariant
    Row {
        Column(Modifier.height(140.dp), verticalArrangement = Arrangement.SpaceBetween) {
            chart.yLabels.reversed().forEach { Text(it, style = MaterialTheme.typography.labelSmall) }
        }
        Canvas(
            Modifier
                .weight(1f)
                .height(140.dp)
                .padding(start = 8.dp)
                .semantics { contentDescription = chart.points.joinToString("; ") { it.label } },
        ) {
            val span = (chart.yMax - chart.yMin).takeIf { it > 0.0 } ?: 1.0
            fun y(value: Double) = (size.height * (1.0 - (value - chart.yMin) / span)).toFloat()
            chart.yLabels.indices.forEach { i ->
                val gy = size.height * (1f - i.toFloat() / (chart.yLabels.size - 1).coerceAtLeast(1))
                drawLine(grid, Offset(0f, gy), Offset(size.width, gy))
            }
            // Points spread evenly in the order the core gives them.
            val step = size.width / (chart.points.size - 1).coerceAtLeast(1)
            val path = Path()
            chart.points.forEachIndexed { i, point ->
                val at = Offset(i * step, y(point.value))
                if (i == 0) path.moveTo(at.x, at.y) else path.lineTo(at.x, at.y)
                drawCircle(color, radius = 4.dp.toPx(), center = at)
            }
            drawPath(path, color, style = Stroke(width = 2.dp.toPx()))
        }
    }
}

@Composable
private fun RecordView(record: RecordLine) {
    Row(Modifier.fillMaxWidth().padding(vertical = 4.dp), verticalAlignment = Alignment.CenterVertically) {
        ToneIcon(record.tone)
        Spacer(Modifier.width(8.dp))
        Column(Modifier.weight(1f)) {
            Text(record.exercise + " · " + record.label, style = MaterialTheme.typography.labelLarge)
            Text(record.value, style = MaterialTheme.typography.bodyLarge)
            Text(record.detail, style = MaterialTheme.typography.bodySmall)
        }
        record.badge?.let { Text(it, style = MaterialTheme.typography.labelMedium, color = record.tone.color()) }
    }
}

@Preview(name = "Progress")
@Composable
private fun ProgressPreview() {
    HeftTheme(dynamicColor = false) { ProgressScreen(ProgressState(Loadable.Ready(Samples.progress)), {}) }
}

@Preview(name = "Progress, dark, large text", fontScale = 1.6f)
@Composable
private fun ProgressDarkPreview() {
    HeftTheme(dark = true, dynamicColor = false) { ProgressScreen(ProgressState(Loadable.Ready(Samples.progress)), {}) }
}
