import HeftCore
import Observation

/// What the person did on the Log form.
public enum LogEvent: Equatable, Sendable {
    case exerciseChanged(String)
    case setsChanged(String)
    /// An exercise chosen from the suggestions.
    case exerciseChosen(String)
    /// `log_sets` / `save_set` (confirmed false) or `log_anyway` / `save_anyway` (true).
    case submit(confirmed: Bool)
    /// `delete_set` on an edited set.
    case delete
    case dismissProblem
}

/// The Log form: an exercise and sets typed in the set notation (new sets,
/// or a logged set opened for editing).
@MainActor
@Observable
public final class LogModel: CoreModel {
    /// The exercise field as typed.
    public private(set) var exercise: String
    /// The sets field as typed (`3x100x5@2`).
    public private(set) var sets = ""
    /// The logged set being edited, or nil for new sets.
    public let editing: String?
    /// The form as the core reads what is typed: preview, errors, slips, actions.
    public private(set) var screen: Loadable<LogScreen> = .loading
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?
    /// Saved: the view closes the form.
    public private(set) var saved = false
    /// Today after the save, when it could be built.
    public private(set) var today: TodayScreen?

    let core: CoreContext
    public let jobs = Jobs()
    /// The read of the form for the text before this one, dropped when more is typed.
    @ObservationIgnored private var reading: Task<Void, Never>?

    /// New sets (`exercise`: the one to start with, e.g. from `enter_load`)
    /// or, with `setId`, a logged set opened for editing.
    public init(core: CoreContext, exercise: String = "", setId: String? = nil) {
        self.core = core
        self.exercise = exercise
        self.editing = setId
        if let setId {
            openEdit(setId)
        } else {
            readForm()
        }
    }

    public func send(_ event: LogEvent) {
        switch event {
        case .exerciseChanged(let text), .exerciseChosen(let text):
            exercise = text
            readForm()
        case .setsChanged(let text):
            sets = text
            readForm()
        case .submit(let confirmed):
            submit(confirmed: confirmed)
        case .delete:
            delete()
        case .dismissProblem:
            dismissProblem()
        }
    }

    private func openEdit(_ setId: String) {
        read({ c in try c.store.editForm(setId: setId, language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: { model, form in
                 model.exercise = form.exercise
                 model.sets = form.sets
                 model.screen = .ready(form.log)
             })
    }

    /// The form for what is typed now; nothing is saved.
    private func readForm() {
        let exercise = self.exercise
        let sets = self.sets
        let editing = self.editing
        reading?.cancel()
        reading = read({ c in
            // An edit keeps its own buttons (save, delete) as the person types.
            if let editing {
                return try c.store.editScreen(setId: editing, exercise: exercise, sets: sets, language: c.language())
            }
            return try c.store.logScreen(exercise: exercise, sets: sets, date: c.today, language: c.language())
        }, failed: { model, problem in
            model.problem = problem
        }, then: { model, screen in
            // A slower read of older text never replaces a newer one.
            if model.exercise == exercise && model.sets == sets {
                model.screen = .ready(screen)
            }
        })
    }

    private func submit(confirmed: Bool) {
        // Saved already: the form is closing; a late tap saves nothing twice.
        guard !saved else { return }
        reading?.cancel()
        let exercise = self.exercise
        let sets = self.sets
        let editing = self.editing
        write({ c in
            if let editing {
                return try c.store.editSubmit(
                    setId: editing, exercise: exercise, sets: sets, confirmed: confirmed, language: c.language())
            }
            return try c.store.logSubmit(
                exercise: exercise, sets: sets, at: .now, confirmed: confirmed, language: c.language())
        }, then: { model, outcome in
            model.screen = .ready(outcome.log)
            model.saved = outcome.saved
            model.today = outcome.today
        })
    }

    private func delete() {
        guard let setId = editing, !saved else { return }
        reading?.cancel()
        write({ c in try c.store.deleteSetScreen(setId: setId, date: c.today, language: c.language()) },
              then: { model, today in
                  model.saved = true
                  model.today = today
              })
    }
}
