import HeftCore
import Observation

public enum SettingsEvent: Equatable, Sendable {
    case refresh
    case open(SettingsSection)
    case set(field: String, value: String)
    case toggle(field: String, value: String)
    /// `save`.
    case save
    /// `cancel`.
    case close
    case dismissProblem
}

/// Settings: a row per section, and a section's form while open.
@MainActor
@Observable
public final class SettingsModel: CoreModel {
    public private(set) var screen: Loadable<SettingsScreen> = .loading
    public private(set) var form: SettingsForm?
    public private(set) var draft = FormDraft()
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        load()
        core.changes.subscribe(self, to: [.settings]) { [weak self] in self?.load() }
    }

    public func send(_ event: SettingsEvent) {
        switch event {
        case .refresh:
            load()
        case .open(let section):
            read({ c in try c.store.settingsForm(section: section, language: c.language()) },
                 failed: { model, problem in model.problem = problem },
                 then: { model, form in
                     model.form = form
                     model.draft = FormDraft(fields: form.fields)
                 })
        case .set(let field, let value):
            draft = draft.with(field, value)
        case .toggle(let field, let value):
            draft = draft.toggled(field, value)
        case .save:
            save()
        case .close:
            form = nil
            draft = FormDraft()
        case .dismissProblem:
            dismissProblem()
        }
    }

    private func load() {
        read({ c in try c.store.settingsScreen(language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: { model, screen in model.screen = .ready(screen) })
    }

    private func save() {
        guard let section = form?.section else { return }
        let values = draft.fieldValues()
        write({ c in
            // The language may be the one just chosen: the core answers in it.
            try c.store.settingsSubmit(section: section, values: values, language: c.language())
        }, then: { model, outcome in
            if outcome.saved {
                // The screen follows the change notice the save sent, read in
                // the language now in force (a language cleared is the
                // phone's, which only the app knows).
                model.form = nil
                model.draft = FormDraft()
            } else {
                model.form = outcome.form
                model.screen = .ready(outcome.screen)
            }
        })
    }
}
