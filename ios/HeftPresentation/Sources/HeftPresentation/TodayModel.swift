import HeftCore
import Observation

/// What the person did on Today.
public enum TodayEvent: Equatable, Sendable {
    /// Read the screen again.
    case refresh
    /// `log_as_prescribed`: the next set exactly as the plan says.
    case logAsPrescribed
    /// The screen's `undo` action.
    case undo
    /// A logged set's delete (from its row).
    case deleteSet(setId: String)
    /// `finish`: ends the workout on screen.
    case finish
    /// Closes the finish summary.
    case closeFinished
    /// The problem's action (refresh or retry; recover and reopen are the app's).
    case problemAction(ProblemActionKind)
    /// Closes the problem.
    case dismissProblem
}

/// Today: the session to do, set by set, and the workout's finish.
@MainActor
@Observable
public final class TodayModel: CoreModel {
    public private(set) var screen: Loadable<TodayScreen> = .loading
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?
    /// The workout just finished: what changed, until closed.
    public private(set) var finished: FinishScreen?

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        load()
        core.changes.subscribe(self, to: [.today]) { [weak self] in self?.load() }
    }

    public func send(_ event: TodayEvent) {
        switch event {
        case .refresh:
            load()
        case .logAsPrescribed:
            write({ c in try c.store.logNextScreen(date: c.today, language: c.language()) }, then: Self.show)
        case .undo:
            write({ c in try c.store.undoScreen(date: c.today, language: c.language()) }, then: Self.show)
        case .deleteSet(let setId):
            write({ c in try c.store.deleteSetScreen(setId: setId, date: c.today, language: c.language()) },
                  then: Self.show)
        case .finish:
            finish()
        case .closeFinished:
            finished = nil
        case .problemAction(let kind):
            switch kind {
            case .refresh: load()
            case .retry:
                // A failed read is read again; a failed write runs again.
                if screen.problem != nil || !retry() { load() }
            // Recovering and reopening the store are the app's.
            case .recover, .reopen: break
            }
        case .dismissProblem:
            dismissProblem()
        }
    }

    private static func show(_ model: TodayModel, _ screen: TodayScreen) {
        model.screen = .ready(screen)
    }

    private func load() {
        read({ c in try c.store.todayScreen(date: c.today, language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: Self.show)
    }

    private func finish() {
        guard !busy else { return }
        // The workout on screen, so another open one is never finished by
        // mistake; the core decides the time and the length. Today after it
        // is read apart: a finish saved is never reported as failed (and
        // retried) because the next screen could not be read.
        let workout = screen.value?.workoutId
        write({ c in try c.store.finishScreen(finish: FinishWorkout(workoutId: workout), language: c.language()) },
              then: { model, finished in model.finished = finished })
        load()
    }
}
