import HeftCore
import Observation

public enum MeasuresEvent: Equatable, Sendable {
    case refresh
    case openForm
    /// Any change in the form: kind, value, unit, site, date or note.
    case draftChanged(MeasureDraft)
    /// `save_measurement`.
    case save
    case closeForm
    /// `delete_measurement` on an entry.
    case delete(measurementId: String)
    /// The screen's `undo` action.
    case undo
    case dismissProblem
}

/// Measures: a card per series, and the form that adds a measurement.
@MainActor
@Observable
public final class MeasuresModel: CoreModel {
    public private(set) var screen: Loadable<MeasuresScreen> = .loading
    /// The form, while open, as the core reads the draft.
    public private(set) var form: MeasureForm?
    /// What the form holds now.
    public private(set) var draft = MeasureDraft()
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        load()
        core.changes.subscribe(self, to: [.measures]) { [weak self] in self?.load() }
    }

    public func send(_ event: MeasuresEvent) {
        switch event {
        case .refresh:
            load()
        case .openForm:
            readForm(MeasureDraft())
        case .draftChanged(let draft):
            readForm(draft)
        case .save:
            save()
        case .closeForm:
            form = nil
            draft = MeasureDraft()
        case .delete(let id):
            write({ c in try c.store.measuresDelete(id: id, language: c.language()) }, then: Self.show)
        case .undo:
            write({ c in try c.store.measuresUndo(language: c.language()) }, then: Self.show)
        case .dismissProblem:
            dismissProblem()
        }
    }

    private static func show(_ model: MeasuresModel, _ screen: MeasuresScreen) {
        model.screen = .ready(screen)
    }

    private func load() {
        read({ c in try c.store.measuresScreen(language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: Self.show)
    }

    private func readForm(_ draft: MeasureDraft) {
        self.draft = draft
        read({ c in try c.store.measureForm(draft: draft, language: c.language()) },
             failed: { model, problem in model.problem = problem },
             then: { model, form in
                 // A slower read of an older draft never replaces a newer one.
                 if model.draft == draft { model.form = form }
             })
    }

    private func save() {
        let draft = self.draft
        write({ c in try c.store.measureSubmit(draft: draft, language: c.language()) },
              then: { model, outcome in
                  if outcome.saved, let measures = outcome.measures {
                      model.form = nil
                      model.draft = MeasureDraft()
                      model.screen = .ready(measures)
                  } else {
                      model.form = outcome.form
                  }
              })
    }
}
