import HeftCore
import HeftPresentation
import SwiftUI

/// History: the days trained, newest first; the next page is read when the
/// list reaches its end.
@MainActor
struct HistoryView: View {
    let model: HistoryModel
    let onEdit: (String) -> Void

    var body: some View {
        LoadableView(loadable: model.screen, onProblem: { _ in model.send(.refresh) }) { screen in
            if let empty = screen.empty {
                EmptyStateView(empty: empty)
            } else {
                list(screen)
            }
        }
        .navigationTitle(model.screen.value.map { Text(verbatim: $0.title) } ?? Text("tab.history"))
        .refreshable { model.send(.refresh) }
        .problemSheet(model.problem, onAction: { _ in model.send(.refresh) },
                      onDismiss: { model.send(.dismissProblem) })
    }

    private func list(_ screen: HistoryScreen) -> some View {
        List {
            if let undo = screen.undo {
                ActionButton(action: undo, disabled: model.busy) { _ in model.send(.undo) }
            }
            ForEach(screen.days, id: \.date) { day in
                Section {
                    ForEach(day.workouts, id: \.workoutId) { workout in
                        VStack(alignment: .leading, spacing: 4) {
                            HStack {
                                Text(verbatim: workout.title).bold()
                                Spacer()
                                Text(verbatim: workout.time).foregroundStyle(.secondary)
                            }
                            Text(verbatim: workout.state).font(.caption)
                            Text(verbatim: workout.summary).font(.callout)
                        }
                        .accessibilityElement(children: .combine)
                        ForEach(Array(workout.lines.enumerated()), id: \.offset) { _, line in
                            LineView(line: line, busy: model.busy, onDelete: { model.send(.deleteSet(setId: $0)) },
                                     onEdit: onEdit)
                        }
                    }
                } header: {
                    Text(verbatim: day.title)
                }
            }
            if screen.older != nil {
                ProgressView()
                    .frame(maxWidth: .infinity)
                    .onAppear { model.send(.loadOlder) }
            }
        }
    }
}

/// One exercise of a workout: its runs of equal sets, each set read aloud
/// as the core's `spoken` sentence.
@MainActor
private struct LineView: View {
    let line: HistoryLine
    let busy: Bool
    let onDelete: (String) -> Void
    let onEdit: (String) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(verbatim: line.exercise).font(.subheadline.bold())
            Text(verbatim: line.text)
        }
        ForEach(Array(line.runs.enumerated()), id: \.offset) { _, run in
            ForEach(run.sets, id: \.setId) { set in
                VStack(alignment: .leading, spacing: 2) {
                    Text(verbatim: set.text)
                    ForEach(Array(set.details.enumerated()), id: \.offset) { _, detail in
                        Text(verbatim: detail).font(.caption).foregroundStyle(.secondary)
                    }
                    if let pain = set.pain { Text(verbatim: pain).font(.caption) }
                    if let note = set.note { Text(verbatim: note).font(.caption).italic() }
                }
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(Text(verbatim: set.spoken))
                .swipeActions {
                    Button(role: .destructive) { onDelete(set.setId) } label: { Label("action.delete", systemImage: "trash") }
                        .disabled(busy)
                    Button { onEdit(set.setId) } label: { Label("action.edit", systemImage: "pencil") }
                }
            }
        }
    }
}
