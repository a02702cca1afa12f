import HeftCore
import Observation

/// Where the app opens.
public enum Start: Equatable, Sendable {
    /// A first run: onboarding.
    case onboarding
    /// Today's session.
    case today
}

/// The app around the screens: where it starts. Whether a first run needs
/// onboarding (nothing logged, no program ever started) is the core's.
@MainActor
@Observable
public final class AppModel {
    public private(set) var start: Loadable<Start> = .loading

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        read()
    }

    /// Reads the start again (after a problem's refresh, or a reopened store).
    public func read() {
        let core = self.core
        jobs.launch { [weak self] in
            let outcome = await core.call { c in try c.store.needsOnboarding() }
            guard let self else { return }
            switch outcome {
            case .value(let needs): self.start = .ready(needs ? .onboarding : .today)
            case .problem(let problem): self.start = .failed(problem)
            }
        }
    }

    /// Onboarding ended on the first planned session.
    public func onboarded() {
        start = .ready(.today)
    }
}
