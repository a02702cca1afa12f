import HeftCore
import Observation

public enum ProgramEvent: Equatable, Sendable {
    case refresh
    case open(programId: String)
    case closeDetail
    /// `start_program` on a program's detail.
    case start(programId: String)
    /// `stop_program`.
    case stop
    case showStatus
    case closeStatus
    /// An exercise swapped for good (`to` equal to `from` takes the swap back).
    case swap(from: String, to: String)
    /// The weekdays the person trains (none: any day).
    case trainingDays([Weekday])
    case dismissProblem
}

/// Program: the programs to choose from, one in full, and the one running.
@MainActor
@Observable
public final class ProgramModel: CoreModel {
    public private(set) var list: Loadable<ProgramListScreen> = .loading
    /// A program opened from the list, until closed.
    public private(set) var detail: ProgramDetailScreen?
    /// The running program's status, once asked for or after a start.
    public private(set) var status: ProgramStatusScreen?
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        load()
        core.changes.subscribe(self, to: [.program]) { [weak self] in self?.load() }
    }

    public func send(_ event: ProgramEvent) {
        switch event {
        case .refresh:
            load()
        case .open(let programId):
            read({ c in try c.store.programScreen(programId: programId, date: c.today, language: c.language()) },
                 failed: Self.showProblem,
                 then: { model, detail in model.detail = detail })
        case .closeDetail:
            detail = nil
        case .start(let programId):
            write({ c in try c.store.programStartScreen(programId: programId, date: c.today, language: c.language()) },
                  then: { model, status in
                      model.detail = nil
                      model.status = status
                  })
        case .stop:
            write({ c in try c.store.programStopScreen(date: c.today, language: c.language()) },
                  then: { model, list in
                      model.status = nil
                      model.list = .ready(list)
                  })
        case .showStatus:
            read({ c in try c.store.programStatusScreen(date: c.today, language: c.language()) },
                 failed: Self.showProblem,
                 then: { model, status in model.status = status })
        case .closeStatus:
            status = nil
        case .swap(let from, let to):
            write({ c in try c.store.programSwapScreen(from: from, to: to, date: c.today, language: c.language()) },
                  then: { model, status in model.status = status })
        case .trainingDays(let days):
            write({ c in try c.store.programDaysScreen(days: days, date: c.today, language: c.language()) },
                  then: { model, status in model.status = status })
        case .dismissProblem:
            dismissProblem()
        }
    }

    private static func showProblem(_ model: ProgramModel, _ problem: ProblemScreen) {
        model.problem = problem
    }

    private func load() {
        read({ c in try c.store.programListScreen(date: c.today, language: c.language()) },
             failed: { model, problem in model.list = .failed(problem) },
             then: { model, list in model.list = .ready(list) })
        // A status on screen follows the run too, unless it was closed (or
        // the program stopped) while this read ran.
        if status != nil {
            read({ c in try c.store.programStatusScreen(date: c.today, language: c.language()) },
                 failed: Self.showProblem,
                 then: { model, status in
                     if model.status != nil { model.status = status }
                 })
        }
    }
}
