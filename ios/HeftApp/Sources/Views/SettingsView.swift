import HeftCore
import HeftPresentation
import SwiftUI

/// Settings: a row per section, and a section's form while open.
@MainActor
struct SettingsView: View {
    let model: SettingsModel

    var body: some View {
        LoadableView(loadable: model.screen, onProblem: { _ in model.send(.refresh) }) { screen in
            List {
                ForEach(screen.rows, id: \.section) { row in
                    Button { model.send(.open(row.section)) } label: {
                        HStack {
                            Text(verbatim: row.label)
                            Spacer()
                            Text(verbatim: row.value).foregroundStyle(.secondary)
                        }
                        .accessibilityElement(children: .combine)
                    }
                    .buttonStyle(.plain)
                }
            }
        }
        .navigationTitle(model.screen.value.map { Text(verbatim: $0.title) } ?? Text("more.settings"))
        .sheet(isPresented: Binding(get: { model.form != nil }, set: { if !$0 { model.send(.close) } })) {
            if let form = model.form {
                SectionForm(form: form, model: model)
            }
        }
        .problemSheet(model.problem, onAction: { _ in model.send(.refresh) },
                      onDismiss: { model.send(.dismissProblem) })
    }
}

@MainActor
private struct SectionForm: View {
    let form: SettingsForm
    let model: SettingsModel

    var body: some View {
        NavigationStack {
            Form {
                FieldErrorsView(errors: form.errors)
                ForEach(form.fields, id: \.id) { field in
                    FormFieldView(field: field, draft: model.draft,
                                  onSet: { model.send(.set(field: field.id, value: $0)) },
                                  onToggle: { model.send(.toggle(field: field.id, value: $0)) })
                }
                ForEach(Array(form.actions.enumerated()), id: \.offset) { _, action in
                    Button {
                        switch action.kind {
                        case .save: model.send(.save)
                        case .cancel: model.send(.close)
                        default: break
                        }
                    } label: {
                        Text(verbatim: action.label).frame(maxWidth: .infinity)
                    }
                    .buttonStyle(.bordered)
                    .disabled(model.busy)
                }
            }
            .navigationTitle(Text(verbatim: form.title))
        }
    }
}
