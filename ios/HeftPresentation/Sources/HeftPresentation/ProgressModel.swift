import HeftCore
import Observation

/// Progress: whether the training is working. Read only.
@MainActor
@Observable
public final class ProgressModel {
    public private(set) var screen: Loadable<ProgressScreen> = .loading

    let core: CoreContext
    public let jobs = Jobs()

    public init(core: CoreContext) {
        self.core = core
        refresh()
        core.changes.subscribe(self, to: [.progress]) { [weak self] in self?.refresh() }
    }

    /// Reads the screen again (pull to refresh, a problem's refresh).
    public func refresh() {
        let core = self.core
        jobs.launch { [weak self] in
            let outcome = await core.call { c in try c.store.progressScreen(date: c.today, language: c.language()) }
            guard let self else { return }
            switch outcome {
            case .value(let screen): self.screen = .ready(screen)
            case .problem(let problem): self.screen = .failed(problem)
            }
        }
    }
}
