import HeftCore
import Observation

public enum OnboardingEvent: Equatable, Sendable {
    /// A typed value or a single choice.
    case set(field: String, value: String)
    /// A choice of a multiple choice ticked or unticked.
    case toggle(field: String, value: String)
    /// `next` or `start_training`: saves the step.
    case submit
    /// `back`: the action's step.
    case back(OnboardingStep)
    case dismissProblem
}

/// Onboarding: a first run, step by step, to the first planned session.
@MainActor
@Observable
public final class OnboardingModel: CoreModel {
    public private(set) var screen: Loadable<OnboardingScreen> = .loading
    /// What the person has chosen and typed on this step.
    public private(set) var draft = FormDraft()
    public internal(set) var busy = false
    public internal(set) var problem: ProblemScreen?
    /// Set once the last step is saved: the first planned session.
    public private(set) var done: TodayScreen?

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        openStep(.units)
    }

    public func send(_ event: OnboardingEvent) {
        switch event {
        case .set(let field, let value):
            draft = draft.with(field, value)
        case .toggle(let field, let value):
            draft = draft.toggled(field, value)
        case .submit:
            submit()
        case .back(let step):
            openStep(step)
        case .dismissProblem:
            dismissProblem()
        }
    }

    private static func show(_ model: OnboardingModel, _ screen: OnboardingScreen) {
        model.screen = .ready(screen)
        model.draft = FormDraft(fields: screen.fields)
    }

    private func openStep(_ step: OnboardingStep) {
        read({ c in try c.store.onboardingScreen(step: step, language: c.language()) },
             failed: { model, problem in model.screen = .failed(problem) },
             then: Self.show)
    }

    private func submit() {
        guard let step = screen.value?.step else { return }
        let values = draft.fieldValues()
        write({ c in try c.store.onboardingSubmit(step: step, values: values, language: c.language()) },
              then: { model, outcome in
                  model.done = outcome.today
                  guard let next = outcome.onboarding else { return }
                  if outcome.saved {
                      // Saved: the next step, with its own values.
                      Self.show(model, next)
                  } else {
                      // Not saved: the step again with its errors, beside what was typed.
                      model.screen = .ready(next)
                  }
              })
    }
}
