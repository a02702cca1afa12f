import Foundation
import HeftCore
@testable import HeftPresentation
import XCTest

/// A problem as a fake core would describe it.
func fakeProblem(_ kind: ProblemKind, _ detail: String = "", language: Language = .en) -> ProblemScreen {
    let action: ProblemAction?
    switch kind {
    case .io, .other: action = ProblemAction(kind: .retry, label: "retry")
    case .notFound: action = ProblemAction(kind: .refresh, label: "refresh")
    default: action = nil
    }
    return ProblemScreen(
        language: language,
        kind: kind,
        title: "problem: \(kind)",
        body: "body: \(detail)",
        detail: detail,
        tone: .caution,
        action: action,
        dismiss: "close"
    )
}

/// How a fake core describes what it threw: by the error's case, with the
/// error itself as the detail, in the language asked for.
func describe(_ error: HeftError, _ language: Language) -> ProblemScreen {
    switch error {
    case .Io(let reason): return fakeProblem(.io, reason, language: language)
    case .InvalidInput(_, let reason): return fakeProblem(.invalidInput, reason, language: language)
    case .NotFound(_, let id): return fakeProblem(.notFound, id, language: language)
    default: return fakeProblem(.other, String(describing: error), language: language)
    }
}

/// Runs each call at once, in the calling task: the answers land as soon
/// as the model's task runs.
struct InlineRunner: CoreRunner {
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        work()
    }
}

/// Holds each call until the test releases it: a write still out when a
/// second tap comes.
final class GatedRunner: CoreRunner, @unchecked Sendable {
    private let lock = NSLock()
    private var held: [() -> Void] = []

    var waiting: Int {
        lock.lock()
        defer { lock.unlock() }
        return held.count
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            lock.lock()
            held.append { continuation.resume(returning: work()) }
            lock.unlock()
        }
    }

    /// Waits (yielding to the model's tasks) until `count` calls are held.
    func waitFor(_ count: Int, file: StaticString = #filePath, line: UInt = #line) async {
        for _ in 0..<10_000 where waiting < count {
            await Task.yield()
        }
        XCTAssertEqual(waiting, count, "calls held", file: file, line: line)
    }

    /// Answers every call held now, in the order they came or newest first.
    func releaseAll(newestFirst: Bool = false) {
        lock.lock()
        let calls = newestFirst ? held.reversed() : held
        held = []
        lock.unlock()
        calls.forEach { $0() }
    }
}

/// The view models' world in a test: calls run at once (or on `runner`),
/// the day is `day`, the language `language`.
func context(
    _ store: any HeftStoreProtocol,
    changes: Changes = Changes(),
    day: IsoDate = "2026-12-07",
    language: Language = .en,
    runner: any CoreRunner = InlineRunner()
) -> CoreContext {
    CoreContext(store: store, runner: runner, clock: FixedDay(day: day), language: { language }, changes: changes)
}

struct FixedDay: DayClock {
    let day: IsoDate
    func today() -> IsoDate { day }
}
