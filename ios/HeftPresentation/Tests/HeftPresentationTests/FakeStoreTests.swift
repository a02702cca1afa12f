import Foundation
import HeftCore
@testable import HeftPresentation
import XCTest

/// Today as a fake core writes it: `title` says how many sets are logged.
private func fakeToday(_ sets: Int) -> TodayScreen {
    TodayScreen(
        language: .en,
        title: "logged \(sets)",
        subtitle: nil,
        minutes: nil,
        dose: Banner(text: "dose", tone: .good),
        banners: [],
        notes: [],
        cards: [],
        rest: nil,
        actions: [Action(kind: .logAsPrescribed, label: "log", exerciseId: nil)],
        empty: nil,
        workoutId: sets > 0 ? "w1" : nil,
        undo: nil
    )
}

/// A core in memory: counts what the view models ask, fails the next write
/// when told to, and describes failures with `describe`. What it does not
/// override throws `UnimplementedCall`.
private class FakeCore: UnimplementedHeftStore, @unchecked Sendable {
    private let lock = NSLock()
    private var _sets = 0
    private var _reads = 0
    private var _asked: [String] = []
    var failNextWrite: Error?
    var failNextRead: Error?

    init() {
        super.init(isClosed: { false }, problemScreen: describe)
    }

    var sets: Int {
        get { lock.lock(); defer { lock.unlock() }; return _sets }
        set { lock.lock(); _sets = newValue; lock.unlock() }
    }
    var reads: Int { lock.lock(); defer { lock.unlock() }; return _reads }
    var asked: [String] { lock.lock(); defer { lock.unlock() }; return _asked }

    private func note(_ what: String) {
        lock.lock()
        _asked.append(what)
        lock.unlock()
    }

    override func todayScreen(date: IsoDate, language: Language) throws -> TodayScreen {
        if let failure = failNextRead {
            failNextRead = nil
            throw failure
        }
        lock.lock()
        _reads += 1
        lock.unlock()
        note("today \(date)")
        return fakeToday(sets)
    }

    override func logNextScreen(date: IsoDate, language: Language) throws -> TodayScreen {
        if let failure = failNextWrite {
            failNextWrite = nil
            throw failure
        }
        sets += 1
        return fakeToday(sets)
    }

    override func logScreen(exercise: String, sets: String, date: IsoDate, language: Language) throws -> LogScreen {
        note("log \(exercise)|\(sets)")
        let wrong = sets.range(of: #"^\d+x\d+$"#, options: .regularExpression) == nil
        return LogScreen(
            language: language,
            exercise: nil,
            suggestions: [],
            preview: wrong ? [] : ["Set 1: \(sets)"],
            errors: wrong ? [FieldError(field: "sets", message: "not a set: \(sets)")] : [],
            warnings: [],
            actions: wrong ? [] : [Action(kind: .logSets, label: "Log 1 set", exerciseId: nil)]
        )
    }

    let device = DeviceRow(id: "d1", name: "This device", detail: "…d1")

    func sync(_ devices: Int) -> SyncScreen {
        SyncScreen(
            language: .en, title: "Sync", device: device,
            devices: Array(repeating: device, count: devices),
            empty: nil, last: nil, actions: []
        )
    }

    override func syncScreen(language: Language) throws -> SyncScreen { sync(0) }

    override func exportBytes(passphrase: String?) throws -> ExportFile {
        ExportFile(
            name: "heft-d1.heft",
            bytes: Data([1, 2, 3]),
            summary: ExportSummary(path: nil, rows: [], contentHash: "hash", encrypted: passphrase != nil)
        )
    }

    override func syncDocuments(documents: [SyncDocument], passphrase: String?, language: Language) throws -> FolderSync {
        note("folder \(documents.map(\.name))")
        return FolderSync(screen: sync(documents.count), write: SyncDocument(name: "d1.heft", bytes: Data([9])))
    }
}

/// FakeCore that also finishes workouts, naming each one it finished.
private final class FinishingCore: FakeCore, @unchecked Sendable {
    private(set) var finishes: [String] = []

    override func finishScreen(finish: FinishWorkout, language: Language) throws -> FinishScreen {
        finishes.append(finish.workoutId ?? "none")
        return FinishScreen(
            language: language, title: "done", summary: "", rows: [], next: nil, actions: [],
            workoutId: finish.workoutId ?? "none"
        )
    }
}

@MainActor
final class FakeStoreTests: XCTestCase {
    func testTodayLoadsAndOneTapLogsTheNextSet() async {
        let core = FakeCore()
        let model = TodayModel(core: context(core))
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.title, "logged 0")
        XCTAssertEqual(core.asked, ["today 2026-12-07"])
        model.send(.logAsPrescribed)
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.title, "logged 1")
        XCTAssertFalse(model.busy)
        XCTAssertEqual(core.unimplemented, [])
    }

    func testAnErrorFromTheCoreIsStateAndRetryRepeatsTheWrite() async throws {
        let core = FakeCore()
        let model = TodayModel(core: context(core))
        await model.jobs.idle()
        core.failNextWrite = .Io(reason: "writing heft.sqlite")
        model.send(.logAsPrescribed)
        await model.jobs.idle()
        let problem = try XCTUnwrap(model.problem)
        XCTAssertEqual(problem.kind, .io)
        XCTAssertEqual(problem.detail, "writing heft.sqlite")
        XCTAssertEqual(model.screen.value?.title, "logged 0", "the screen before stays")
        XCTAssertFalse(model.busy, "not left busy")
        let action = try XCTUnwrap(problem.action)
        XCTAssertEqual(action.kind, .retry)
        model.send(.problemAction(action.kind))
        await model.jobs.idle()
        XCTAssertNil(model.problem)
        XCTAssertEqual(model.screen.value?.title, "logged 1")
        XCTAssertEqual(core.sets, 1, "logged once, not twice")
    }

    func testARetryNeverRepeatsAWriteThatSucceeded() async throws {
        let core = FakeCore()
        let model = TodayModel(core: context(core))
        model.send(.logAsPrescribed)
        await model.jobs.idle()
        XCTAssertEqual(core.sets, 1)
        core.failNextRead = HeftError.Io(reason: "reading the database")
        model.send(.refresh)
        await model.jobs.idle()
        let failed = try XCTUnwrap(model.screen.problem)
        model.send(.problemAction(try XCTUnwrap(failed.action).kind))
        await model.jobs.idle()
        XCTAssertEqual(core.sets, 1, "the read again, not the set again")
        XCTAssertEqual(model.screen.value?.title, "logged 1")
    }

    func testAFailureThatIsNoHeftErrorIsAProblemNotACrash() async throws {
        struct Fault: Error {}
        let core = FakeCore()
        let model = TodayModel(core: context(core))
        core.failNextWrite = Fault()
        model.send(.logAsPrescribed)
        await model.jobs.idle()
        let problem = try XCTUnwrap(model.problem)
        XCTAssertEqual(problem.kind, .other)
        XCTAssertTrue(problem.detail.contains("Fault"), problem.detail)
        XCTAssertFalse(model.busy, "not left busy")
    }

    func testAFinishSavedIsNotReportedAsFailedWhenTodayCannotBeReadAfterIt() async throws {
        let core = FinishingCore()
        let model = TodayModel(core: context(core))
        model.send(.logAsPrescribed)
        await model.jobs.idle()
        core.failNextRead = HeftError.Io(reason: "reading the database")
        model.send(.finish)
        await model.jobs.idle()
        XCTAssertEqual(model.finished?.workoutId, "w1")
        XCTAssertNil(model.problem, "the finish itself succeeded")
        XCTAssertNotNil(model.screen.problem, "Today's read failed, in its own place")
        XCTAssertEqual(core.finishes, ["w1"])
    }

    func testAFailedReadReplacesTheScreen() async {
        // The fake answers no Progress screen: the read fails, and the
        // problem stands where the screen would.
        let core = FakeCore()
        let model = ProgressModel(core: context(core))
        await model.jobs.idle()
        guard case .failed(let problem) = model.screen else {
            return XCTFail("expected the problem in place of the screen, got \(model.screen)")
        }
        XCTAssertEqual(problem.kind, .other)
        XCTAssertEqual(core.unimplemented, ["progressScreen"])
    }

    func testAChangeNoticeRefreshesOnlyTheScreensItNames() async {
        let core = FakeCore()
        let changes = Changes()
        let model = TodayModel(core: context(core, changes: changes))
        await model.jobs.idle()
        XCTAssertEqual(core.reads, 1)
        changes.deliver([.measures])
        await model.jobs.idle()
        XCTAssertEqual(core.reads, 1, "Measures changed: Today not read")
        core.sets = 3
        changes.deliver([.history, .today])
        await model.jobs.idle()
        XCTAssertEqual(core.reads, 2)
        XCTAssertEqual(model.screen.value?.title, "logged 3")
    }

    func testANoticeFromTheWritingThreadReachesTheMainActor() async throws {
        let core = FakeCore()
        let changes = Changes()
        let model = TodayModel(core: context(core, changes: changes))
        await model.jobs.idle()
        // The core calls the listener on the thread that wrote.
        let sent = expectation(description: "notice sent")
        DispatchQueue.global().async {
            try? changes.onChange(screens: [.today])
            sent.fulfill()
        }
        await fulfillment(of: [sent], timeout: 5)
        for _ in 0..<10_000 where core.reads < 2 {
            await Task.yield()
        }
        await model.jobs.idle()
        XCTAssertEqual(core.reads, 2)
    }

    func testTheLogFormFollowsTypingAndAFieldErrorCorrected() async throws {
        let core = FakeCore()
        let model = LogModel(core: context(core), exercise: "Deadlift")
        model.send(.setsChanged("20x"))
        await model.jobs.idle()
        let wrong = try XCTUnwrap(model.screen.value)
        XCTAssertEqual(wrong.errors.map(\.field), ["sets"])
        XCTAssertTrue(wrong.actions.isEmpty)
        model.send(.setsChanged("20x5"))
        await model.jobs.idle()
        let right = try XCTUnwrap(model.screen.value)
        XCTAssertTrue(right.errors.isEmpty)
        XCTAssertEqual(right.preview, ["Set 1: 20x5"])
        XCTAssertEqual(core.asked.last, "log Deadlift|20x5", "each change read with what was typed")
    }

    func testASlowerReadOfOlderTextNeverReplacesANewerOne() async throws {
        let core = FakeCore()
        let runner = GatedRunner()
        let model = LogModel(core: context(core, runner: runner), exercise: "Deadlift")
        await runner.waitFor(1)
        runner.releaseAll()
        await model.jobs.idle()
        model.send(.setsChanged("20x"))
        model.send(.setsChanged("20x5"))
        await runner.waitFor(2)
        // The newer text's answer lands first; the older one after it.
        runner.releaseAll(newestFirst: true)
        await model.jobs.idle()
        XCTAssertEqual(model.sets, "20x5")
        XCTAssertEqual(model.screen.value?.preview, ["Set 1: 20x5"])
    }

    func testAnExportWaitsForTheAppAndAFolderSyncHandsBackItsDocument() async throws {
        let core = FakeCore()
        let model = SyncModel(core: context(core))
        model.send(.export(passphrase: "secret"))
        await model.jobs.idle()
        let file = try XCTUnwrap(model.export)
        XCTAssertEqual(file.name, "heft-d1.heft")
        XCTAssertTrue(file.summary.encrypted, "encrypted with the passphrase")
        model.send(.exportHandled)
        XCTAssertNil(model.export)
        model.send(.syncFolder(documents: [SyncDocument(name: "d2.heft", bytes: Data([4]))], passphrase: nil))
        await model.jobs.idle()
        XCTAssertEqual(core.asked.last, "folder [\"d2.heft\"]")
        XCTAssertEqual(model.screen.value?.devices.count, 1)
        XCTAssertEqual(model.folderWrite?.name, "d1.heft")
        model.send(.folderWriteHandled)
        XCTAssertNil(model.folderWrite)
    }

    func testASecondTapWhileAWriteRunsIsNotSent() async {
        let core = FakeCore()
        // The core answers only when the test releases it: the first write
        // is still out when the second tap comes.
        let runner = GatedRunner()
        let model = TodayModel(core: context(core, runner: runner))
        await runner.waitFor(1)
        runner.releaseAll()
        await model.jobs.idle()
        model.send(.logAsPrescribed)
        XCTAssertTrue(model.busy)
        model.send(.logAsPrescribed)
        await runner.waitFor(1)
        runner.releaseAll()
        await model.jobs.idle()
        XCTAssertEqual(core.sets, 1, "one set for two taps")
        XCTAssertFalse(model.busy)
        XCTAssertEqual(model.screen.value?.title, "logged 1")
    }

    func testAProblemIsInThePersonsLanguage() async {
        let model = ProgressModel(core: context(FakeCore(), language: .de))
        await model.jobs.idle()
        XCTAssertEqual(model.screen.problem?.language, .de)
    }

    func testAClosedStoreIsStillDescribedInEnglish() async {
        // The language cannot be read (a closed store): the problem is
        // described anyway, in English.
        let core = FakeCore()
        let ctx = CoreContext(
            store: core, runner: InlineRunner(), clock: FixedDay(day: "2026-12-07"),
            language: { throw HeftError.Closed }, changes: Changes()
        )
        let model = TodayModel(core: ctx)
        await model.jobs.idle()
        guard case .failed(let problem) = model.screen else {
            return XCTFail("expected a problem, got \(model.screen)")
        }
        XCTAssertEqual(problem.language, .en)
    }
}
