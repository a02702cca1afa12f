// The view models of Heft's iOS screens: plain Swift over the generated
// `HeftStoreProtocol`, with no SwiftUI or UIKit import, so they build and
// are tested without a device. Each takes what the person did from a thin
// view and exposes the state to draw; every rule, number and sentence in
// that state comes from the core. They follow the Android presenters
// (android/presenters) call for call.

import Foundation
import HeftCore

/// The person's day, as the core takes it (`2026-12-07`).
public protocol DayClock: Sendable {
    func today() -> IsoDate
}

/// The day in the device's time zone.
public struct SystemDayClock: DayClock {
    public init() {}

    public func today() -> IsoDate {
        let formatter = ISO8601DateFormatter()
        // Year, month and day with dashes: the core's IsoDate.
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }
}

/// Where the core's calls run. A call blocks its thread (SQLite, a merge,
/// an import), so it runs neither on the main actor nor on Swift
/// concurrency's cooperative threads, which must never block.
public protocol CoreRunner: Sendable {
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T
}

/// The app's runner: a concurrent dispatch queue of its own. Reads run
/// side by side; the store orders its writes itself.
public struct QueueCoreRunner: CoreRunner {
    private let queue: DispatchQueue

    public init(queue: DispatchQueue = DispatchQueue(label: "app.heft.core", qos: .userInitiated, attributes: .concurrent)) {
        self.queue = queue
    }

    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}

/// A screen the core is reading, has read, or could not read.
public enum Loadable<Value> {
    /// Not read yet: draw a placeholder.
    case loading
    /// The screen as the core computed it.
    case ready(Value)
    /// The core could not build it: draw the problem in its place.
    case failed(ProblemScreen)

    /// The value when ready, else nil.
    public var value: Value? {
        if case .ready(let value) = self { return value }
        return nil
    }

    /// The problem drawn in place of the screen, else nil.
    public var problem: ProblemScreen? {
        if case .failed(let problem) = self { return problem }
        return nil
    }
}

extension Loadable: Equatable where Value: Equatable {}
extension Loadable: Sendable where Value: Sendable {}

/// What one call of the core can see: the store, the person's day and
/// language. Built off the main actor, for that call.
public struct CoreCall: Sendable {
    public let store: any HeftStoreProtocol
    public let today: IsoDate
    let languageSource: @Sendable () throws -> Language

    /// The language to answer in: the one chosen in Settings, else the phone's.
    public func language() throws -> Language { try languageSource() }
}

/// The answer of a call, or the core's description of what it threw.
public enum CoreOutcome<Value: Sendable>: Sendable {
    case value(Value)
    case problem(ProblemScreen)
}

/// What every view model needs of the world: the store behind the
/// generated protocol (a fake in tests), where calls run, the person's day
/// and language, and the store's change notices.
public struct CoreContext: Sendable {
    public let store: any HeftStoreProtocol
    public let runner: any CoreRunner
    public let clock: any DayClock
    /// Read off the main actor (it may ask the store).
    public let language: @Sendable () throws -> Language
    public let changes: Changes

    public init(
        store: any HeftStoreProtocol,
        runner: any CoreRunner,
        clock: any DayClock,
        language: @escaping @Sendable () throws -> Language,
        changes: Changes
    ) {
        self.store = store
        self.runner = runner
        self.clock = clock
        self.language = language
        self.changes = changes
    }

    /// Calls the core through the runner. A thrown error comes back as the
    /// core's ProblemScreen for it, read off the main actor too, in the
    /// profile's language, or in English when the store cannot say which
    /// (closed).
    public func call<T: Sendable>(_ work: @escaping @Sendable (CoreCall) throws -> T) async -> CoreOutcome<T> {
        let store = self.store
        let clock = self.clock
        let language = self.language
        return await runner.run {
            let scope = CoreCall(store: store, today: clock.today(), languageSource: language)
            do {
                return .value(try work(scope))
            } catch {
                // The generated calls throw HeftError only; anything else
                // (a fake's unanswered call) is still described, never lost.
                // problemScreen cannot fail: it works on a closed store, and
                // a Swift reference keeps the store's handle alive.
                let heftError = error as? HeftError ?? HeftError.Other(reason: String(describing: error))
                let words = (try? language()) ?? .en
                return .problem(store.problemScreen(error: heftError, language: words))
            }
        }
    }
}

/// The tasks a view model launched, so a test can wait until all answers
/// are in (the app never waits: the state changes when they land), and the
/// write whose problem is shown, for a retry.
@MainActor
public final class Jobs {
    private var running: [Int: Task<Void, Never>] = [:]
    private var next = 0
    /// The write that failed last, while its problem is shown: only a write
    /// that failed may run again (never one that succeeded, never after a read).
    var failedWrite: (@MainActor () -> Void)?

    public init() {}

    @discardableResult
    public func launch(_ body: @escaping @MainActor () async -> Void) -> Task<Void, Never> {
        let id = next
        next += 1
        // The task cannot start before this returns (both on the main
        // actor), so it is registered before it can end.
        let task = Task { @MainActor [weak self] in
            await body()
            self?.running[id] = nil
        }
        running[id] = task
        return task
    }

    /// Returns once nothing launched is running, including what the
    /// answers themselves launched.
    public func idle() async {
        while let task = running.values.first {
            await task.value
        }
    }
}

/// What the screens' view models share: the state of a write, and the one
/// way to call the core.
@MainActor
protocol CoreModel: AnyObject {
    var core: CoreContext { get }
    var jobs: Jobs { get }
    /// A write is running: the buttons that write wait for it.
    var busy: Bool { get set }
    /// What the last action could not do, drawn over the screen it left.
    var problem: ProblemScreen? { get set }
}

extension CoreModel {
    /// Reads from the core; a failure goes to `failed` (for a screen's own
    /// read, it replaces the screen).
    @discardableResult
    func read<T: Sendable>(
        _ work: @escaping @Sendable (CoreCall) throws -> T,
        failed: @escaping @MainActor (Self, ProblemScreen) -> Void,
        then apply: @escaping @MainActor (Self, T) -> Void
    ) -> Task<Void, Never> {
        let core = self.core
        return jobs.launch { [weak self] in
            let outcome = await core.call(work)
            // A read dropped while it ran (newer text typed, the form
            // closing) changes nothing.
            guard let self, !Task.isCancelled else { return }
            switch outcome {
            case .value(let value): apply(self, value)
            case .problem(let problem): failed(self, problem)
            }
        }
    }

    /// Runs a write, one at a time: a second tap while one runs is dropped.
    /// A failure leaves the screen, shows the problem over it and keeps the
    /// write for `retry`.
    func write<T: Sendable>(
        _ work: @escaping @Sendable (CoreCall) throws -> T,
        then apply: @escaping @MainActor (Self, T) -> Void
    ) {
        guard !busy else { return }
        busy = true
        problem = nil
        jobs.failedWrite = nil
        let core = self.core
        jobs.launch { [weak self] in
            let outcome = await core.call(work)
            guard let self else { return }
            self.busy = false
            switch outcome {
            case .value(let value):
                apply(self, value)
            case .problem(let problem):
                self.jobs.failedWrite = { [weak self] in self?.write(work, then: apply) }
                self.problem = problem
            }
        }
    }

    /// Runs the write whose problem is shown again; false when the problem
    /// shown is not a write's (a read failed) or was dismissed.
    func retry() -> Bool {
        guard let again = jobs.failedWrite else { return false }
        jobs.failedWrite = nil
        again()
        return true
    }

    /// The problem shown is closed: nothing is left to retry.
    func dismissProblem() {
        jobs.failedWrite = nil
        problem = nil
    }
}
