import HeftCore
import HeftPresentation
import SwiftUI

/// One field of a core form (Onboarding, Settings) as its kind says: a
/// choice, several choices, a number or a text. Labels, hints, units and
/// errors are the field's own.
@MainActor
struct FormFieldView: View {
    let field: FormField
    let draft: FormDraft
    let onSet: (String) -> Void
    let onToggle: (String) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(verbatim: field.label).font(.headline)
            switch field.kind {
            case .choice:
                ForEach(field.choices, id: \.value) { choice in
                    choiceRow(choice, chosen: draft.value(field.id) == choice.value) { onSet(choice.value) }
                }
            case .multiChoice:
                ForEach(field.choices, id: \.value) { choice in
                    choiceRow(choice, chosen: draft.values(field.id).contains(choice.value)) { onToggle(choice.value) }
                }
            case .number, .text:
                HStack {
                    TextField(text: Binding(get: { draft.value(field.id) }, set: onSet)) {
                        Text(verbatim: field.hint ?? field.label)
                    }
                    .keyboardType(field.kind == .number ? .decimalPad : .default)
                    .textFieldStyle(.roundedBorder)
                    if let unit = field.unit {
                        Text(verbatim: unit).foregroundStyle(.secondary)
                    }
                }
            }
            if let error = field.error {
                Text(verbatim: error).foregroundStyle(.red).font(.callout)
            }
        }
    }

    private func choiceRow(_ choice: Choice, chosen: Bool, pick: @escaping () -> Void) -> some View {
        Button(action: pick) {
            HStack(alignment: .top) {
                Image(systemName: chosen ? "checkmark.circle.fill" : "circle")
                VStack(alignment: .leading, spacing: 2) {
                    Text(verbatim: choice.label)
                    if let detail = choice.detail {
                        Text(verbatim: detail).font(.caption).foregroundStyle(.secondary)
                    }
                    if let about = choice.about {
                        Text(verbatim: about).font(.caption)
                    }
                    ForEach(Array(choice.notes.enumerated()), id: \.offset) { _, note in
                        BannerView(banner: note).font(.caption)
                    }
                }
            }
        }
        .buttonStyle(.plain)
        .accessibilityAddTraits(chosen ? .isSelected : [])
    }
}

/// Field errors a form lists apart from its fields.
@MainActor
struct FieldErrorsView: View {
    let errors: [FieldError]

    var body: some View {
        ForEach(Array(errors.enumerated()), id: \.offset) { _, error in
            Text(verbatim: error.message).foregroundStyle(.red)
        }
    }
}
