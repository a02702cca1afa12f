import HeftCore
import HeftPresentation
import SwiftUI

/// Onboarding: a first run, step by step, to the first planned session.
@MainActor
struct OnboardingView: View {
    let model: OnboardingModel
    /// The last step was saved: the app opens Today.
    let onDone: () -> Void

    var body: some View {
        NavigationStack {
            LoadableView(loadable: model.screen, onProblem: { _ in model.send(.back(.units)) }) { screen in
                Form {
                    Section {
                        Text(verbatim: screen.progress).font(.caption).foregroundStyle(.secondary)
                        Text(verbatim: screen.body)
                        ForEach(Array(screen.banners.enumerated()), id: \.offset) { _, banner in BannerView(banner: banner) }
                        FieldErrorsView(errors: screen.errors)
                    }
                    ForEach(screen.fields, id: \.id) { field in
                        Section {
                            FormFieldView(field: field, draft: model.draft,
                                          onSet: { model.send(.set(field: field.id, value: $0)) },
                                          onToggle: { model.send(.toggle(field: field.id, value: $0)) })
                        }
                    }
                    Section {
                        ForEach(Array(screen.actions.enumerated()), id: \.offset) { _, action in
                            Button {
                                perform(action)
                            } label: {
                                Text(verbatim: action.label).frame(maxWidth: .infinity)
                            }
                            .buttonStyle(.borderedProminent)
                            .disabled(model.busy)
                        }
                    }
                }
                .navigationTitle(Text(verbatim: screen.title))
            }
        }
        .problemSheet(model.problem, onAction: { _ in model.send(.dismissProblem) },
                      onDismiss: { model.send(.dismissProblem) })
        .onChange(of: model.done != nil) { _, done in
            if done { onDone() }
        }
    }

    private func perform(_ action: SetupAction) {
        switch action.kind {
        case .next, .startTraining: model.send(.submit)
        case .back:
            if let step = action.step { model.send(.back(step)) }
        default: break
        }
    }
}
