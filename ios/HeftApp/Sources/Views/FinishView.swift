import HeftCore
import SwiftUI

/// The workout's finish: what changes next time, and the next session.
@MainActor
struct FinishView: View {
    let screen: FinishScreen
    let onClose: () -> Void

    var body: some View {
        NavigationStack {
            List {
                Text(verbatim: screen.summary)
                ForEach(Array(screen.rows.enumerated()), id: \.offset) { _, row in
                    VStack(alignment: .leading, spacing: 2) {
                        HStack {
                            Image(systemName: row.tone.symbol).foregroundStyle(row.tone.color)
                            Text(verbatim: row.title).bold()
                            if let badge = row.badge { Text(verbatim: badge).foregroundStyle(row.tone.color) }
                        }
                        if let reason = row.reason { NoteView(note: reason).font(.callout) }
                    }
                    .accessibilityElement(children: .combine)
                }
                if let next = screen.next { Text(verbatim: next) }
                ForEach(Array(screen.actions.enumerated()), id: \.offset) { _, action in
                    // `done` closes the summary; it is the only action here.
                    ActionButton(action: action, prominent: true) { _ in onClose() }
                }
            }
            .navigationTitle(Text(verbatim: screen.title))
        }
    }
}
