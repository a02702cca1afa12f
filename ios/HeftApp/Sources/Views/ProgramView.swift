import HeftCore
import HeftPresentation
import SwiftUI

/// Program: the programs to choose from, one in full, and the one running
/// with its swaps and training days.
@MainActor
struct ProgramView: View {
    let model: ProgramModel

    var body: some View {
        LoadableView(loadable: model.list, onProblem: { _ in model.send(.refresh) }) { list in
            List {
                ForEach(list.rows, id: \.programId) { row in
                    Button { model.send(.open(programId: row.programId)) } label: { RowView(row: row) }
                        .buttonStyle(.plain)
                }
                if list.rows.contains(where: \.running) {
                    Button("program.status") { model.send(.showStatus) }
                }
            }
        }
        .navigationTitle(model.list.value.map { Text(verbatim: $0.title) } ?? Text("more.program"))
        .refreshable { model.send(.refresh) }
        .sheet(isPresented: Binding(get: { model.detail != nil }, set: { if !$0 { model.send(.closeDetail) } })) {
            if let detail = model.detail {
                DetailView(detail: detail, busy: model.busy) { perform($0, programId: detail.programId) }
            }
        }
        .sheet(isPresented: Binding(get: { model.status != nil }, set: { if !$0 { model.send(.closeStatus) } })) {
            if let status = model.status {
                StatusView(status: status, busy: model.busy) { model.send($0) }
            }
        }
        .problemSheet(model.problem, onAction: { _ in model.send(.refresh) },
                      onDismiss: { model.send(.dismissProblem) })
    }

    private func perform(_ action: Action, programId: String) {
        switch action.kind {
        case .startProgram: model.send(.start(programId: programId))
        case .stopProgram: model.send(.stop)
        default: break
        }
    }
}

@MainActor
private struct RowView: View {
    let row: ProgramRow

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            HStack {
                Text(verbatim: row.name).font(.headline)
                if let badge = row.badge { Text(verbatim: badge).foregroundStyle(row.tone.color) }
            }
            Text(verbatim: row.summary)
            Text(verbatim: row.week).font(.caption).foregroundStyle(.secondary)
            ForEach(Array(row.notes.enumerated()), id: \.offset) { _, note in NoteView(note: note).font(.footnote) }
        }
        .accessibilityElement(children: .combine)
    }
}

@MainActor
private struct DetailView: View {
    let detail: ProgramDetailScreen
    let busy: Bool
    let perform: (Action) -> Void

    var body: some View {
        NavigationStack {
            List {
                Section {
                    Text(verbatim: detail.summary)
                    Text(verbatim: detail.week)
                    if let spacing = detail.spacing { Text(verbatim: spacing) }
                    Text(verbatim: detail.source).font(.caption).foregroundStyle(.secondary)
                    ForEach(Array(detail.notes.enumerated()), id: \.offset) { _, note in NoteView(note: note) }
                }
                ForEach(Array(detail.phases.enumerated()), id: \.offset) { _, phase in
                    Section {
                        Text(verbatim: phase.subtitle).font(.caption)
                        ForEach(Array(phase.days.enumerated()), id: \.offset) { _, day in
                            Text(verbatim: day.title).bold()
                            ForEach(Array(day.rows.enumerated()), id: \.offset) { _, slot in
                                VStack(alignment: .leading, spacing: 2) {
                                    Text(verbatim: slot.exercise)
                                    Text(verbatim: slot.sets).font(.callout)
                                    Text(verbatim: slot.effort).font(.caption)
                                    Text(verbatim: slot.rest).font(.caption)
                                    if let swap = slot.swap { Text(verbatim: swap).font(.caption).italic() }
                                }
                                .accessibilityElement(children: .combine)
                            }
                        }
                    } header: {
                        Text(verbatim: phase.title)
                    }
                }
                Section {
                    ForEach(Array(detail.actions.enumerated()), id: \.offset) { _, action in
                        ActionButton(action: action, prominent: true, disabled: busy, perform: perform)
                    }
                }
            }
            .navigationTitle(Text(verbatim: detail.title))
        }
    }
}

@MainActor
private struct StatusView: View {
    let status: ProgramStatusScreen
    let busy: Bool
    let send: (ProgramEvent) -> Void

    var body: some View {
        NavigationStack {
            List {
                if let empty = status.empty {
                    EmptyStateView(empty: empty)
                }
                Section {
                    if let subtitle = status.subtitle { Text(verbatim: subtitle) }
                    if let next = status.next { Text(verbatim: next) }
                    ForEach(Array(status.banners.enumerated()), id: \.offset) { _, banner in BannerView(banner: banner) }
                }
                Section {
                    ForEach(status.lifts, id: \.exerciseId) { lift in
                        VStack(alignment: .leading, spacing: 2) {
                            Text(verbatim: lift.title).bold()
                            if let estimate = lift.estimate { Text(verbatim: estimate) }
                            if let load = lift.load { Text(verbatim: load) }
                            if let change = lift.change { NoteView(note: change).font(.caption) }
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
                Section {
                    ForEach(status.days, id: \.day) { toggle in
                        Toggle(isOn: Binding(get: { toggle.chosen }, set: { chosen in
                            // The days chosen after this tap; the core says what they mean.
                            let days = status.days.filter { $0.day == toggle.day ? chosen : $0.chosen }.map(\.day)
                            send(.trainingDays(days))
                        })) {
                            Text(verbatim: toggle.label)
                        }
                        .disabled(busy)
                    }
                } header: {
                    if let summary = status.daysSummary { Text(verbatim: summary) }
                }
                Section {
                    ForEach(status.swaps, id: \.exerciseId) { swap in
                        Picker(selection: Binding(get: { swap.chosenId ?? swap.exerciseId },
                                                  set: { send(.swap(from: swap.exerciseId, to: $0)) })) {
                            ForEach(swap.choices, id: \.id) { choice in
                                Text(verbatim: choice.name).tag(choice.id)
                            }
                        } label: {
                            VStack(alignment: .leading) {
                                Text(verbatim: swap.title)
                                if let current = swap.current { Text(verbatim: current).font(.caption) }
                            }
                        }
                        .disabled(busy)
                    }
                }
                Section {
                    ForEach(Array(status.actions.enumerated()), id: \.offset) { _, action in
                        ActionButton(action: action, disabled: busy) { action in
                            if action.kind == .stopProgram { send(.stop) }
                        }
                    }
                }
            }
            .navigationTitle(Text(verbatim: status.title))
        }
    }
}
