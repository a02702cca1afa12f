import HeftCore
import HeftPresentation
import SwiftUI

/// Measures: a card per series, and the form that adds a measurement.
@MainActor
struct MeasuresView: View {
    let model: MeasuresModel

    var body: some View {
        LoadableView(loadable: model.screen, onProblem: { _ in model.send(.refresh) }) { screen in
            List {
                if let undo = screen.undo {
                    ActionButton(action: undo, disabled: model.busy) { _ in model.send(.undo) }
                }
                if let empty = screen.empty {
                    EmptyStateView(empty: empty)
                }
                ForEach(Array(screen.cards.enumerated()), id: \.offset) { _, card in
                    CardView(card: card, busy: model.busy) { model.send(.delete(measurementId: $0)) }
                }
            }
        }
        .navigationTitle(model.screen.value.map { Text(verbatim: $0.title) } ?? Text("tab.measures"))
        .toolbar {
            Button { model.send(.openForm) } label: { Label("measures.add", systemImage: "plus") }
        }
        .refreshable { model.send(.refresh) }
        .sheet(isPresented: Binding(get: { model.form != nil }, set: { if !$0 { model.send(.closeForm) } })) {
            if let form = model.form {
                MeasureFormView(form: form, draft: model.draft, busy: model.busy,
                                onChange: { model.send(.draftChanged($0)) },
                                onSave: { model.send(.save) },
                                onClose: { model.send(.closeForm) })
            }
        }
        .problemSheet(model.problem, onAction: { _ in model.send(.refresh) },
                      onDismiss: { model.send(.dismissProblem) })
    }
}

@MainActor
private struct CardView: View {
    let card: MeasureCard
    let busy: Bool
    let onDelete: (String) -> Void

    var body: some View {
        Section {
            VStack(alignment: .leading, spacing: 4) {
                HStack {
                    Text(verbatim: card.latest).font(.title3.bold())
                    Spacer()
                    Text(verbatim: card.date).foregroundStyle(.secondary)
                }
                if let change = card.change { Text(verbatim: change) }
                if let trend = card.trend { Text(verbatim: trend).foregroundStyle(card.tone.color) }
                if let precision = card.precision { Text(verbatim: precision).font(.caption) }
                if let band = card.band {
                    BannerView(banner: Banner(text: band.text, tone: band.tone))
                    if let label = band.label { Text(verbatim: label).font(.caption).foregroundStyle(.secondary) }
                    Text(verbatim: band.source).font(.caption2).foregroundStyle(.secondary)
                }
                Text(verbatim: card.count).font(.caption)
            }
            .accessibilityElement(children: .combine)
            ForEach(card.entries, id: \.measurementId) { entry in
                HStack {
                    Text(verbatim: entry.date)
                    Spacer()
                    Text(verbatim: entry.value)
                }
                .accessibilityElement(children: .ignore)
                .accessibilityLabel(Text(verbatim: entry.spoken))
                .swipeActions {
                    Button(role: .destructive) { onDelete(entry.measurementId) } label: { Text(verbatim: entry.delete.label) }
                        .disabled(busy)
                }
            }
        } header: {
            Text(verbatim: card.title)
        }
    }
}

/// The form for a new measurement: the kinds, units and sites the core
/// offers, the draft's errors or preview, and its save action.
@MainActor
private struct MeasureFormView: View {
    let form: MeasureForm
    let draft: MeasureDraft
    let busy: Bool
    let onChange: (MeasureDraft) -> Void
    let onSave: () -> Void
    let onClose: () -> Void

    private var kind: KindChoice? { form.kinds.first { $0.kind == draft.kind } }

    var body: some View {
        NavigationStack {
            Form {
                Picker(selection: Binding(get: { draft.kind }, set: { change(kind: $0) })) {
                    ForEach(form.kinds, id: \.kind) { choice in
                        Text(verbatim: choice.name).tag(Optional(choice.kind))
                    }
                } label: {
                    Text("measures.kind")
                }
                if let kind {
                    HStack {
                        TextField(text: Binding(get: { draft.value }, set: { change(value: $0) })) {
                            Text(verbatim: kind.range)
                        }
                        .keyboardType(.decimalPad)
                        if kind.units.count > 1 {
                            Picker(selection: Binding(get: { draft.unit ?? kind.unit }, set: { change(unit: $0) })) {
                                ForEach(kind.units, id: \.unit) { unit in
                                    Text(verbatim: unit.label).tag(Optional(unit.unit))
                                }
                            } label: {
                                Text("measures.unit")
                            }
                        } else if let unit = kind.units.first {
                            Text(verbatim: unit.label)
                        }
                    }
                    if !kind.sites.isEmpty {
                        Picker(selection: Binding(get: { draft.site }, set: { change(site: $0) })) {
                            ForEach(kind.sites, id: \.site) { site in
                                Text(verbatim: site.name).tag(Optional(site.site))
                            }
                        } label: {
                            Text("measures.site")
                        }
                    }
                    TextField("measures.note", text: Binding(get: { draft.note ?? "" }, set: { change(note: $0) }))
                }
                if let preview = form.preview { Text(verbatim: preview) }
                FieldErrorsView(errors: form.errors)
                ForEach(Array(form.actions.enumerated()), id: \.offset) { _, action in
                    // `save_measurement` is the form's one action.
                    ActionButton(action: action, prominent: true, disabled: busy) { _ in onSave() }
                }
            }
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("action.cancel", action: onClose)
                }
            }
        }
    }

    private func change(kind: MeasureKind?) {
        onChange(MeasureDraft(kind: kind, value: draft.value, unit: nil, site: nil, on: draft.on, note: draft.note))
    }

    private func change(value: String) {
        onChange(MeasureDraft(kind: draft.kind, value: value, unit: draft.unit, site: draft.site, on: draft.on, note: draft.note))
    }

    private func change(unit: MeasureUnit?) {
        onChange(MeasureDraft(kind: draft.kind, value: draft.value, unit: unit, site: draft.site, on: draft.on, note: draft.note))
    }

    private func change(site: Site?) {
        onChange(MeasureDraft(kind: draft.kind, value: draft.value, unit: draft.unit, site: site, on: draft.on, note: draft.note))
    }

    private func change(note: String) {
        onChange(MeasureDraft(kind: draft.kind, value: draft.value, unit: draft.unit, site: draft.site, on: draft.on,
                              note: note.isEmpty ? nil : note))
    }
}
