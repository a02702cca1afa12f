import HeftCore
import HeftPresentation
import SwiftUI

/// The Log form: an exercise and sets in the set notation (`3x100x5@2`),
/// read by the core as they are typed, or a logged set being edited.
@MainActor
struct LogView: View {
    @Bindable var model: LogModel
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField("log.exercise", text: Binding(get: { model.exercise },
                                                            set: { model.send(.exerciseChanged($0)) }))
                        .textInputAutocapitalization(.words)
                    TextField("log.sets", text: Binding(get: { model.sets }, set: { model.send(.setsChanged($0)) }))
                        .keyboardType(.asciiCapable)
                        .autocorrectionDisabled()
                        .textInputAutocapitalization(.never)
                        .font(.body.monospaced())
                }
                LoadableView(loadable: model.screen, onProblem: { _ in model.send(.setsChanged(model.sets)) }) { screen in
                    form(screen)
                }
            }
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("action.cancel") { dismiss() }
                }
            }
            .problemSheet(model.problem, onAction: { _ in
                model.send(.dismissProblem)
                model.send(.setsChanged(model.sets))
            },
                          onDismiss: { model.send(.dismissProblem) })
            .onChange(of: model.saved) { _, saved in
                if saved { dismiss() }
            }
        }
    }

    @ViewBuilder
    private func form(_ screen: LogScreen) -> some View {
        if let exercise = screen.exercise {
            Section { Text(verbatim: exercise.name).bold() }
        } else if !screen.suggestions.isEmpty {
            Section {
                ForEach(screen.suggestions, id: \.id) { choice in
                    Button { model.send(.exerciseChosen(choice.name)) } label: { Text(verbatim: choice.name) }
                }
            }
        }
        if !screen.preview.isEmpty {
            Section {
                ForEach(Array(screen.preview.enumerated()), id: \.offset) { _, line in Text(verbatim: line) }
            }
        }
        if !screen.errors.isEmpty || !screen.warnings.isEmpty {
            Section {
                FieldErrorsView(errors: screen.errors)
                ForEach(Array(screen.warnings.enumerated()), id: \.offset) { _, warning in BannerView(banner: warning) }
            }
        }
        Section {
            ForEach(Array(screen.actions.enumerated()), id: \.offset) { index, action in
                ActionButton(action: action, prominent: index == 0, disabled: model.busy) { perform($0) }
            }
        }
    }

    private func perform(_ action: Action) {
        switch action.kind {
        case .logSets, .saveSet: model.send(.submit(confirmed: false))
        case .logAnyway, .saveAnyway: model.send(.submit(confirmed: true))
        case .deleteSet: model.send(.delete)
        default: break
        }
    }
}
