import HeftCore
import HeftPresentation
import SwiftUI

/// Today: the session set by set, one tap to log the next set as
/// prescribed, the rest alarm, and the finish.
@MainActor
struct TodayView: View {
    let model: TodayModel
    /// Opens the Log form: on an exercise (`enter_load`), or on a logged set.
    let onLog: (LogTarget) -> Void
    /// `choose_program`: the program list.
    let onChooseProgram: () -> Void

    var body: some View {
        LoadableView(loadable: model.screen, onProblem: { model.send(.problemAction($0)) }) { screen in
            content(screen)
                .task(id: screen.rest) { await RestAlarm.follow(screen.rest) }
        }
        .navigationTitle(model.screen.value.map { Text(verbatim: $0.title) } ?? Text("tab.today"))
        .refreshable { model.send(.refresh) }
        .problemSheet(model.problem, onAction: { model.send(.problemAction($0)) },
                      onDismiss: { model.send(.dismissProblem) })
        .sheet(item: Binding(get: { model.finished.map(FinishItem.init) },
                             set: { if $0 == nil { model.send(.closeFinished) } })) { item in
            FinishView(screen: item.screen) { model.send(.closeFinished) }
        }
    }

    private func content(_ screen: TodayScreen) -> some View {
        List {
            Section {
                if let subtitle = screen.subtitle { Text(verbatim: subtitle) }
                if let minutes = screen.minutes { Text(verbatim: minutes).foregroundStyle(.secondary) }
                if let dose = screen.dose { BannerView(banner: dose) }
                ForEach(Array(screen.banners.enumerated()), id: \.offset) { _, banner in BannerView(banner: banner) }
                ForEach(Array(screen.notes.enumerated()), id: \.offset) { _, note in NoteView(note: note) }
                if let rest = screen.rest { RestView(rest: rest) }
            }
            if let empty = screen.empty {
                EmptyStateView(empty: empty)
            } else {
                ForEach(screen.cards, id: \.exerciseId) { card in
                    CardSection(card: card, busy: model.busy, onDelete: { model.send(.deleteSet(setId: $0)) },
                                onEdit: { onLog(.edit(setId: $0)) })
                }
            }
            Section {
                ForEach(Array(screen.actions.enumerated()), id: \.offset) { index, action in
                    ActionButton(action: action, prominent: index == 0, disabled: model.busy) { perform($0, screen) }
                }
                if let undo = screen.undo {
                    ActionButton(action: undo, disabled: model.busy) { perform($0, screen) }
                }
            }
        }
    }

    private func perform(_ action: Action, _ screen: TodayScreen) {
        switch action.kind {
        case .logAsPrescribed: model.send(.logAsPrescribed)
        case .enterLoad:
            // The Log form matches the exercise by its name as the card shows it.
            onLog(.exercise(screen.cards.first { $0.exerciseId == action.exerciseId }?.title ?? ""))
        case .finish: model.send(.finish)
        case .chooseProgram: onChooseProgram()
        case .undo: model.send(.undo)
        default: break
        }
    }
}

/// Where the Log form opens.
enum LogTarget: Hashable {
    case exercise(String)
    case edit(setId: String)
}

private struct FinishItem: Identifiable {
    let screen: FinishScreen
    var id: String { screen.workoutId }
}

/// One exercise of the session: its sets, each row read aloud as the
/// core's `spoken` sentence.
@MainActor
private struct CardSection: View {
    let card: ExerciseCard
    let busy: Bool
    let onDelete: (String) -> Void
    let onEdit: (String) -> Void

    var body: some View {
        Section {
            ForEach(Array(card.rows.enumerated()), id: \.offset) { _, row in
                SetRowView(row: row)
                    .swipeActions {
                        if let setId = row.setId {
                            Button(role: .destructive) { onDelete(setId) } label: { Label("action.delete", systemImage: "trash") }
                                .disabled(busy)
                            Button { onEdit(setId) } label: { Label("action.edit", systemImage: "pencil") }
                        }
                    }
            }
            ForEach(Array(card.notes.enumerated()), id: \.offset) { _, note in NoteView(note: note).font(.footnote) }
        } header: {
            VStack(alignment: .leading, spacing: 2) {
                Label {
                    Text(verbatim: card.title)
                } icon: {
                    Image(systemName: card.state.symbol)
                }
                .font(.headline)
                Text(verbatim: card.progress)
                Text(verbatim: card.rest)
                if let swap = card.swap { Text(verbatim: swap).italic() }
            }
            .textCase(nil)
        }
    }
}

@MainActor
private struct SetRowView: View {
    let row: SetRow

    var body: some View {
        HStack(alignment: .top) {
            Image(systemName: row.state.symbol).foregroundStyle(row.tone.color)
            VStack(alignment: .leading, spacing: 2) {
                HStack {
                    Text(verbatim: row.label).bold()
                    Text(verbatim: row.planned)
                }
                if let effort = row.effort { Text(verbatim: effort).font(.callout) }
                if let done = row.done { Text(verbatim: done).foregroundStyle(row.tone.color) }
                if let last = row.lastTime { Text(verbatim: last).font(.caption).foregroundStyle(.secondary) }
                if let plates = row.plates { Text(verbatim: plates).font(.caption) }
            }
        }
        .padding(.vertical, 2)
        .background(row.state == .next ? Color.accentColor.opacity(0.08) : .clear)
        .accessibilityElement(children: .ignore)
        .accessibilityLabel(Text(verbatim: row.spoken))
    }
}

/// The rest running now, counted down to the instant the core's record gives.
@MainActor
private struct RestView: View {
    let rest: RestTimer

    var body: some View {
        HStack {
            Image(systemName: "timer")
            Text(verbatim: rest.label)
            Spacer()
            Text(timerInterval: Date.now...max(rest.endsAt, Date.now), countsDown: true)
                .monospacedDigit()
        }
        .accessibilityElement(children: .combine)
    }
}
