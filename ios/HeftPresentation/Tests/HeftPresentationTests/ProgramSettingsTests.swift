import Foundation
import HeftCore
@testable import HeftPresentation
import XCTest

private func makeStatus(_ title: String) -> ProgramStatusScreen {
    ProgramStatusScreen(
        language: .en, programId: "p1", title: title, subtitle: nil, next: nil, banners: [], lifts: [],
        daysSummary: nil, days: [], swaps: [], actions: [], empty: nil, undo: nil
    )
}

private func makeProgramList(_ title: String) -> ProgramListScreen {
    ProgramListScreen(language: .en, title: title, rows: [])
}

private func makeSettingsForm(error: String?) -> SettingsForm {
    SettingsForm(
        language: .en, section: .units, title: "Units",
        fields: [FormField(id: "unit", label: "Unit", kind: .choice, value: "kg", values: [], choices: [],
                           unit: nil, hint: nil, required: true, error: error)],
        errors: [], actions: []
    )
}

/// A core for Program, Settings, Sync's imports and the app's start: each
/// answer names what it was asked, and writes can be refused.
private final class SetupCore: UnimplementedHeftStore, @unchecked Sendable {
    private let lock = NSLock()
    private var _asked: [String] = []
    var asked: [String] { lock.lock(); defer { lock.unlock() }; return _asked }
    var refuse: HeftError?
    var firstRun = true

    init() {
        super.init(isClosed: { false }, problemScreen: describe)
    }

    private func note(_ what: String) {
        lock.lock()
        _asked.append(what)
        lock.unlock()
    }

    override func needsOnboarding() throws -> Bool { firstRun }

    override func programListScreen(date: IsoDate, language: Language) throws -> ProgramListScreen {
        note("list")
        return makeProgramList("programs")
    }

    override func programStartScreen(programId: String, date: IsoDate, language: Language) throws -> ProgramStatusScreen {
        note("start \(programId)")
        return makeStatus("running \(programId)")
    }

    override func programStatusScreen(date: IsoDate, language: Language) throws -> ProgramStatusScreen {
        note("status")
        return makeStatus("status again")
    }

    override func programSwapScreen(from: String, to: String, date: IsoDate, language: Language) throws -> ProgramStatusScreen {
        if let refuse { throw refuse }
        note("swap \(from)>\(to)")
        return makeStatus("swapped")
    }

    override func programStopScreen(date: IsoDate, language: Language) throws -> ProgramListScreen {
        note("stop")
        return makeProgramList("stopped")
    }

    override func settingsScreen(language: Language) throws -> SettingsScreen {
        note("settings \(language)")
        return SettingsScreen(language: language, title: "settings \(language)", rows: [])
    }

    override func settingsForm(section: SettingsSection, language: Language) throws -> SettingsForm {
        makeSettingsForm(error: nil)
    }

    override func settingsSubmit(section: SettingsSection, values: [FieldValue], language: Language) throws -> SettingsOutcome {
        note("save \(values.map(\.value))")
        let saved = values.first?.value != "stone"
        return SettingsOutcome(
            saved: saved,
            form: makeSettingsForm(error: saved ? nil : "not a unit"),
            screen: SettingsScreen(language: language, title: "settings \(language)", rows: [])
        )
    }

    override func syncScreen(language: Language) throws -> SyncScreen {
        SyncScreen(language: .en, title: "Sync", device: DeviceRow(id: "d1", name: "d1", detail: ""),
                   devices: [], empty: nil, last: nil, actions: [])
    }

    override func importCsvBytes(bytes: Data, name: String, options: CsvImportOptions, language: Language) throws -> SyncScreen {
        if let refuse { throw refuse }
        note("csv \(name) \(bytes.count)")
        return SyncScreen(language: .en, title: "imported \(name)", device: DeviceRow(id: "d1", name: "d1", detail: ""),
                          devices: [], empty: nil, last: nil, actions: [])
    }
}

@MainActor
final class ProgramSettingsTests: XCTestCase {
    func testTheStartIsTheCoresAnswer() async {
        let core = SetupCore()
        let first = AppModel(core: context(core))
        await first.jobs.idle()
        XCTAssertEqual(first.start, .ready(.onboarding))
        first.onboarded()
        XCTAssertEqual(first.start, .ready(.today))
        core.firstRun = false
        let later = AppModel(core: context(core))
        await later.jobs.idle()
        XCTAssertEqual(later.start, .ready(.today))
    }

    func testStartingAProgramShowsItsStatusAndARefusedSwapIsAProblemOverIt() async throws {
        let core = SetupCore()
        let model = ProgramModel(core: context(core))
        model.send(.start(programId: "p1"))
        await model.jobs.idle()
        XCTAssertEqual(model.status?.title, "running p1")
        core.refuse = .InvalidInput(field: "to", reason: "not an exercise")
        model.send(.swap(from: "squat", to: "nothing"))
        await model.jobs.idle()
        XCTAssertEqual(model.problem?.kind, .invalidInput)
        XCTAssertEqual(model.status?.title, "running p1", "the status stays under the problem")
        XCTAssertEqual(model.list.value?.title, "programs")
        core.refuse = nil
        model.send(.stop)
        await model.jobs.idle()
        XCTAssertNil(model.status)
        XCTAssertEqual(model.list.value?.title, "stopped")
    }

    func testAProgramNoticeRefreshesAnOpenStatusButNotAClosedOne() async {
        let core = SetupCore()
        let changes = Changes()
        let model = ProgramModel(core: context(core, changes: changes))
        model.send(.start(programId: "p1"))
        await model.jobs.idle()
        changes.deliver([.program])
        await model.jobs.idle()
        XCTAssertEqual(model.status?.title, "status again")
        model.send(.closeStatus)
        changes.deliver([.program])
        await model.jobs.idle()
        XCTAssertNil(model.status)
        XCTAssertEqual(core.asked.filter { $0 == "status" }.count, 1, "a closed status is not read again")
    }

    func testASettingsFieldErrorKeepsTheFormAndASaveClosesIt() async {
        let core = SetupCore()
        let model = SettingsModel(core: context(core))
        model.send(.open(.units))
        await model.jobs.idle()
        XCTAssertEqual(model.draft.value("unit"), "kg")
        model.send(.set(field: "unit", value: "stone"))
        model.send(.save)
        await model.jobs.idle()
        XCTAssertEqual(model.form?.fields.first?.error, "not a unit")
        model.send(.set(field: "unit", value: "lb"))
        model.send(.save)
        await model.jobs.idle()
        XCTAssertNil(model.form)
        XCTAssertEqual(core.asked.filter { $0.hasPrefix("save") }, ["save [\"stone\"]", "save [\"lb\"]"])
    }

    func testASettingsNoticeReadsTheScreenInTheLanguageNow() async {
        let core = SetupCore()
        let changes = Changes()
        let language = LanguageBox(.en)
        let ctx = CoreContext(store: core, runner: InlineRunner(), clock: FixedDay(day: "2026-12-07"),
                              language: { language.value }, changes: changes)
        let model = SettingsModel(core: ctx)
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.title, "settings en")
        language.value = .de
        changes.deliver([.settings])
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.title, "settings de")
    }

    func testACsvPickedIsImportedAsBytesAndARefusedOneIsAProblem() async {
        let core = SetupCore()
        let model = SyncModel(core: context(core))
        model.send(.importCsv(name: "strong.csv", bytes: Data("a,b\n".utf8), options: CsvImportOptions()))
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.title, "imported strong.csv")
        XCTAssertEqual(core.asked, ["csv strong.csv 4"])
        core.refuse = .Corrupt(reason: "notes.txt: not a CSV export")
        model.send(.importCsv(name: "notes.txt", bytes: Data(), options: CsvImportOptions()))
        await model.jobs.idle()
        XCTAssertEqual(model.problem?.kind, .other)
        XCTAssertEqual(model.screen.value?.title, "imported strong.csv", "the screen stays")
        model.send(.fileFailed(reason: "The folder is not reachable"))
        await model.jobs.idle()
        XCTAssertEqual(model.problem?.kind, .io, "a file the app could not read is the core's I/O problem")
        XCTAssertEqual(model.problem?.detail, "The folder is not reachable")
    }
}

/// A language a test changes while the models run.
private final class LanguageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Language

    init(_ language: Language) {
        current = language
    }

    var value: Language {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }
}
