import HeftCore
import Observation

public enum HistoryEvent: Equatable, Sendable {
    case refresh
    /// The list reached its end: read the page before `older`.
    case loadOlder
    case deleteSet(setId: String)
    /// The screen's `undo` action.
    case undo
    case dismissProblem
}

/// History: the days trained, newest first, a page at a time.
@MainActor
@Observable
public final class HistoryModel: CoreModel {
    /// Every page read so far as one screen (its `older`: the next page's cursor).
    public private(set) var screen: Loadable<HistoryScreen> = .loading
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?

    let core: CoreContext
    public let jobs = Jobs()
    /// Days trained per page.
    private let pageDays: UInt32
    /// How many days the pages read so far hold: a refresh reads them all again.
    @ObservationIgnored private var days: UInt32

    public init(core: CoreContext, pageDays: UInt32 = 14) {
        self.core = core
        self.pageDays = pageDays
        self.days = pageDays
        load()
        core.changes.subscribe(self, to: [.history]) { [weak self] in self?.load() }
    }

    public func send(_ event: HistoryEvent) {
        let days = self.days
        switch event {
        case .refresh:
            load()
        case .loadOlder:
            older()
        case .deleteSet(let setId):
            write({ c in try c.store.historyDeleteSet(setId: setId, before: nil, days: days, language: c.language()) },
                  then: Self.show)
        case .undo:
            write({ c in try c.store.historyUndo(before: nil, days: days, language: c.language()) }, then: Self.show)
        case .dismissProblem:
            dismissProblem()
        }
    }

    private static func show(_ model: HistoryModel, _ screen: HistoryScreen) {
        model.screen = .ready(screen)
    }

    private func load() {
        let days = self.days
        read({ c in try c.store.historyScreen(before: nil, days: days, language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: Self.show)
    }

    private func older() {
        guard let before = screen.value?.older else { return }
        let pageDays = self.pageDays
        // A write's rules: one at a time, and a failure shown over the list.
        write({ c in try c.store.historyScreen(before: before, days: pageDays, language: c.language()) },
              then: { model, page in
                  model.days += pageDays
                  let now = model.screen.value ?? page
                  model.screen = .ready(HistoryScreen(
                      language: now.language,
                      title: now.title,
                      days: now.days + page.days,
                      older: page.older,
                      empty: now.empty,
                      undo: now.undo
                  ))
              })
    }
}
