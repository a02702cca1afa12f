import HeftCore
import SwiftUI

// Shared pieces of the screens. Each draws a record of the core as it
// comes; dispatching on a core enum (Tone, RowState) picks a colour or an
// icon, never a word: the text beside it says the same.

extension Tone {
    var color: Color {
        switch self {
        case .good: return .green
        case .caution: return .orange
        case .alert: return .red
        case .neutral: return .secondary
        }
    }

    /// A shape as well as a colour, so colour is never the only cue.
    var symbol: String {
        switch self {
        case .good: return "checkmark.circle"
        case .caution: return "exclamationmark.triangle"
        case .alert: return "exclamationmark.octagon"
        case .neutral: return "info.circle"
        }
    }
}

extension RowState {
    var symbol: String {
        switch self {
        case .done: return "checkmark.circle.fill"
        case .next: return "arrow.right.circle.fill"
        case .toDo: return "circle"
        }
    }
}

/// A banner: its text with its tone's colour and icon.
@MainActor
struct BannerView: View {
    let banner: Banner

    var body: some View {
        Label {
            Text(verbatim: banner.text)
        } icon: {
            Image(systemName: banner.tone.symbol).foregroundStyle(banner.tone.color)
        }
        .accessibilityElement(children: .combine)
    }
}

/// A note, with its rule-of-thumb label beside it when it has one.
@MainActor
struct NoteView: View {
    let note: Note

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(verbatim: note.text)
            if let label = note.label {
                Text(verbatim: label).font(.caption).foregroundStyle(.secondary)
            }
        }
        .accessibilityElement(children: .combine)
    }
}

/// A screen's empty state, shown instead of its content.
@MainActor
struct EmptyStateView: View {
    let empty: EmptyState

    var body: some View {
        VStack(spacing: 8) {
            Text(verbatim: empty.title).font(.headline)
            Text(verbatim: empty.body).foregroundStyle(.secondary)
        }
        .multilineTextAlignment(.center)
        .frame(maxWidth: .infinity)
        .padding()
        .accessibilityElement(children: .combine)
    }
}

/// A button for one of the core's actions, with the core's label.
@MainActor
struct ActionButton: View {
    let action: Action
    var prominent = false
    var disabled = false
    let perform: (Action) -> Void

    var body: some View {
        let button = Button {
            perform(action)
        } label: {
            Text(verbatim: action.label).frame(maxWidth: .infinity)
        }
        .disabled(disabled)
        if prominent {
            button.buttonStyle(.borderedProminent)
        } else {
            button.buttonStyle(.bordered)
        }
    }
}

/// A problem the core described: in place of a screen, or over one.
@MainActor
struct ProblemView: View {
    let problem: ProblemScreen
    let onAction: (ProblemActionKind) -> Void
    var onDismiss: (() -> Void)?

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Label {
                Text(verbatim: problem.title).font(.headline)
            } icon: {
                Image(systemName: problem.tone.symbol).foregroundStyle(problem.tone.color)
            }
            Text(verbatim: problem.body)
            if !problem.detail.isEmpty {
                DisclosureGroup("problem.details") {
                    Text(verbatim: problem.detail).font(.footnote.monospaced()).textSelection(.enabled)
                }
            }
            HStack {
                if let action = problem.action {
                    Button {
                        onAction(action.kind)
                    } label: {
                        Text(verbatim: action.label)
                    }
                    .buttonStyle(.borderedProminent)
                }
                if let onDismiss {
                    Button(action: onDismiss) {
                        Text(verbatim: problem.dismiss)
                    }
                    .buttonStyle(.bordered)
                }
            }
        }
        .padding()
    }
}

/// Where `recover` and `reopen` go: they close and open the store, which
/// the app owns (StoreHolder); `refresh` and `retry` stay with the screen.
private struct StoreProblemActionKey: EnvironmentKey {
    static let defaultValue: @MainActor (ProblemActionKind) -> Void = { _ in }
}

extension EnvironmentValues {
    var storeProblemAction: @MainActor (ProblemActionKind) -> Void {
        get { self[StoreProblemActionKey.self] }
        set { self[StoreProblemActionKey.self] = newValue }
    }
}

/// A problem's action to the store (recover, reopen) or to the screen.
@MainActor
private func route(_ kind: ProblemActionKind, store: @MainActor (ProblemActionKind) -> Void,
                   screen: (ProblemActionKind) -> Void) {
    switch kind {
    case .recover, .reopen: store(kind)
    case .refresh, .retry: screen(kind)
    }
}

/// What a screen shows while its record is read, or when it could not be.
@MainActor
struct LoadableView<Value, Content: View>: View {
    let loadable: Loadable<Value>
    let onProblem: (ProblemActionKind) -> Void
    @ViewBuilder let content: (Value) -> Content
    @Environment(\.storeProblemAction) private var storeAction

    var body: some View {
        switch loadable {
        case .loading:
            ProgressView().frame(maxWidth: .infinity, maxHeight: .infinity)
        case .failed(let problem):
            ScrollView {
                ProblemView(problem: problem) { route($0, store: storeAction, screen: onProblem) }
            }
        case .ready(let value):
            content(value)
        }
    }
}

/// What the last action could not do, over the screen it left.
@MainActor
private struct ProblemSheet: ViewModifier {
    let problem: ProblemScreen?
    let onAction: (ProblemActionKind) -> Void
    let onDismiss: () -> Void
    @Environment(\.storeProblemAction) private var storeAction

    func body(content: Content) -> some View {
        content.sheet(isPresented: Binding(get: { problem != nil }, set: { if !$0 { onDismiss() } })) {
            if let problem {
                ProblemView(problem: problem, onAction: { kind in
                    onDismiss()
                    route(kind, store: storeAction, screen: onAction)
                }, onDismiss: onDismiss)
                .presentationDetents([.medium])
            }
        }
    }
}

extension View {
    /// Shows what the last action could not do over the screen it left.
    func problemSheet(
        _ problem: ProblemScreen?,
        onAction: @escaping (ProblemActionKind) -> Void,
        onDismiss: @escaping () -> Void
    ) -> some View {
        modifier(ProblemSheet(problem: problem, onAction: onAction, onDismiss: onDismiss))
    }
}
