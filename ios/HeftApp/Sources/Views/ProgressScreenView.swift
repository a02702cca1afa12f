import Charts
import HeftCore
import HeftPresentation
import SwiftUI

/// Progress: whether the training is working. Every figure, label and
/// axis step is the record's; the charts only place them.
@MainActor
struct ProgressScreenView: View {
    let model: ProgressModel

    var body: some View {
        LoadableView(loadable: model.screen, onProblem: { _ in model.refresh() }) { screen in
            if let empty = screen.empty {
                EmptyStateView(empty: empty)
            } else {
                content(screen)
            }
        }
        .navigationTitle(model.screen.value.map { Text(verbatim: $0.title) } ?? Text("tab.progress"))
        .refreshable { model.refresh() }
    }

    private func content(_ screen: ProgressScreen) -> some View {
        List {
            Section {
                Text(verbatim: screen.week.minutes)
                Text(verbatim: screen.week.sessions)
                BannerView(banner: screen.week.band)
            } header: {
                Text(verbatim: screen.week.title)
            }
            Section {
                Chart(Array(screen.minutes.bars.enumerated()), id: \.offset) { _, bar in
                    BarMark(x: .value(bar.label, bar.label), y: .value(bar.value, Int(bar.minutes)))
                        .foregroundStyle(bar.tone.color)
                        .accessibilityLabel(Text(verbatim: bar.label))
                        .accessibilityValue(Text(verbatim: bar.value))
                }
                .chartYScale(domain: 0...Int(screen.minutes.axisMax))
                .frame(height: 160)
            } header: {
                Text(verbatim: screen.minutes.title)
            }
            FiguresSection(title: screen.bone.title, rows: screen.bone.rows, notes: screen.bone.notes)
            ForEach(screen.lifts, id: \.exerciseId) { lift in
                Section {
                    HStack {
                        Text(verbatim: lift.current)
                        if let change = lift.change { Text(verbatim: change).foregroundStyle(lift.tone.color) }
                    }
                    if let empty = lift.chart.empty {
                        Text(verbatim: empty).foregroundStyle(.secondary)
                    } else {
                        Chart(Array(lift.chart.points.enumerated()), id: \.offset) { _, point in
                            LineMark(x: .value(point.date, point.date), y: .value(point.label, point.value))
                                .accessibilityLabel(Text(verbatim: point.label))
                        }
                        .chartYScale(domain: lift.chart.yMin...lift.chart.yMax)
                        .chartYAxis {
                            AxisMarks(values: axisValues(lift.chart)) { value in
                                AxisGridLine()
                                AxisValueLabel {
                                    Text(verbatim: lift.chart.yLabels.indices.contains(value.index)
                                        ? lift.chart.yLabels[value.index] : "")
                                }
                            }
                        }
                        .chartXAxis(.hidden)
                        .frame(height: 140)
                    }
                    ForEach(Array(lift.records.enumerated()), id: \.offset) { _, record in RecordView(record: record) }
                } header: {
                    Text(verbatim: lift.title)
                }
            }
            FiguresSection(title: screen.adherence.title, rows: screen.adherence.rows, notes: screen.adherence.notes)
            Section {
                ForEach(Array(screen.records.enumerated()), id: \.offset) { _, record in RecordView(record: record) }
            } header: {
                Text(verbatim: screen.recordsTitle)
            }
        }
    }
}

/// The y axis's steps as the record gives them (none for a chart without a step).
private func axisValues(_ chart: SeriesChart) -> [Double] {
    guard chart.yStep > 0, chart.yMax >= chart.yMin else { return [] }
    return Array(stride(from: chart.yMin, through: chart.yMax, by: chart.yStep))
}

@MainActor
private struct FiguresSection: View {
    let title: String
    let rows: [FigureRow]
    let notes: [Note]

    var body: some View {
        Section {
            ForEach(Array(rows.enumerated()), id: \.offset) { _, row in
                HStack {
                    Text(verbatim: row.label)
                    Spacer()
                    Text(verbatim: row.value).foregroundStyle(row.tone.color)
                }
                .accessibilityElement(children: .combine)
            }
            ForEach(Array(notes.enumerated()), id: \.offset) { _, note in NoteView(note: note).font(.footnote) }
        } header: {
            Text(verbatim: title)
        }
    }
}

@MainActor
private struct RecordView: View {
    let record: RecordLine

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            HStack {
                Text(verbatim: record.label)
                Spacer()
                Text(verbatim: record.value).bold()
                if let badge = record.badge { Text(verbatim: badge).foregroundStyle(record.tone.color) }
            }
            Text(verbatim: record.detail).font(.caption).foregroundStyle(.secondary)
        }
        .accessibilityElement(children: .combine)
    }
}
