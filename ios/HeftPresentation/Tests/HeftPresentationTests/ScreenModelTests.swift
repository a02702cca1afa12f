import Foundation
import HeftCore
@testable import HeftPresentation
import XCTest

private func day(_ date: IsoDate) -> HistoryDay {
    HistoryDay(date: date, title: "day \(date)", workouts: [])
}

private func fakeMeasures(_ cards: Int) -> MeasuresScreen {
    MeasuresScreen(language: .en, title: "measures \(cards)", cards: [], empty: nil, undo: nil)
}

private let emptyForm = MeasureForm(language: .en, kinds: [], errors: [], preview: nil, actions: [])

private func field(_ id: String, _ value: String) -> FormField {
    FormField(
        id: id, label: id, kind: .text, value: value, values: [], choices: [],
        unit: nil, hint: nil, required: false, error: nil
    )
}

private func onboardingStep(_ step: OnboardingStep, _ fields: [FormField], errors: [FieldError] = []) -> OnboardingScreen {
    OnboardingScreen(
        language: .en, step: step, progress: "", title: "step \(step)", body: "",
        fields: fields, errors: errors, banners: [], actions: []
    )
}

/// A core for History, Measures and Onboarding: pages of days, a list of
/// measurements and two onboarding steps, each recording what was asked.
private final class ScreensCore: UnimplementedHeftStore, @unchecked Sendable {
    private let lock = NSLock()
    private var _asked: [String] = []
    var asked: [String] { lock.lock(); defer { lock.unlock() }; return _asked }

    init() {
        super.init(isClosed: { false }, problemScreen: describe)
    }

    private func note(_ what: String) {
        lock.lock()
        _asked.append(what)
        lock.unlock()
    }

    override func historyScreen(before: IsoDate?, days: UInt32, language: Language) throws -> HistoryScreen {
        note("history \(before ?? "newest") \(days)")
        let newest = before == nil
        return HistoryScreen(
            language: .en, title: "History",
            days: newest ? [day("2026-12-07")] : [day("2026-11-30")],
            older: newest ? "2026-12-01" : nil, empty: nil, undo: nil
        )
    }

    override func measuresScreen(language: Language) throws -> MeasuresScreen { fakeMeasures(0) }

    override func measureForm(draft: MeasureDraft, language: Language) throws -> MeasureForm {
        note("form \(draft.value)")
        return emptyForm
    }

    override func measureSubmit(draft: MeasureDraft, language: Language) throws -> MeasureOutcome {
        note("save \(draft.value)")
        let saved = !draft.value.isEmpty
        return MeasureOutcome(
            saved: saved,
            form: MeasureForm(
                language: .en, kinds: [], errors: saved ? [] : [FieldError(field: "value", message: "empty")],
                preview: nil, actions: []
            ),
            measures: saved ? fakeMeasures(1) : nil
        )
    }

    override func onboardingScreen(step: OnboardingStep, language: Language) throws -> OnboardingScreen {
        onboardingStep(step, [field("unit", "kg")])
    }

    override func onboardingSubmit(step: OnboardingStep, values: [FieldValue], language: Language) throws -> OnboardingOutcome {
        note("submit \(step) \(values.map { "\($0.field)=\($0.value)" })")
        let value = values.first { $0.field == "unit" }?.value ?? ""
        if value.isEmpty {
            return OnboardingOutcome(
                saved: false,
                onboarding: onboardingStep(step, [field("unit", "")],
                                                       errors: [FieldError(field: "unit", message: "needed")]),
                today: nil
            )
        }
        return OnboardingOutcome(
            saved: true, onboarding: onboardingStep(.body, [field("height", "170")]), today: nil
        )
    }
}

@MainActor
final class ScreenModelTests: XCTestCase {
    func testHistoryAppendsAnOlderPageAndARefreshReadsEveryDayShown() async throws {
        let core = ScreensCore()
        let changes = Changes()
        let model = HistoryModel(core: context(core, changes: changes), pageDays: 7)
        await model.jobs.idle()
        model.send(.loadOlder)
        await model.jobs.idle()
        let shown = try XCTUnwrap(model.screen.value)
        XCTAssertEqual(shown.days.map(\.date), ["2026-12-07", "2026-11-30"])
        XCTAssertNil(shown.older, "the last page read says there is none older")
        model.send(.loadOlder)
        await model.jobs.idle()
        changes.deliver([.history])
        await model.jobs.idle()
        XCTAssertEqual(core.asked, ["history newest 7", "history 2026-12-01 7", "history newest 14"])
        XCTAssertEqual(core.unimplemented, [])
    }

    func testAMeasurementSavedClosesTheFormAndOneRefusedKeepsIt() async throws {
        let core = ScreensCore()
        let model = MeasuresModel(core: context(core))
        model.send(.openForm)
        await model.jobs.idle()
        XCTAssertNotNil(model.form)
        model.send(.save)
        await model.jobs.idle()
        XCTAssertEqual(model.form?.errors.map(\.field), ["value"], "refused: the form stays with its error")
        model.send(.draftChanged(MeasureDraft(kind: .grip, value: "31")))
        model.send(.save)
        await model.jobs.idle()
        XCTAssertNil(model.form)
        XCTAssertEqual(model.draft, MeasureDraft())
        XCTAssertEqual(model.screen.value?.title, "measures 1")
        XCTAssertEqual(core.asked, ["form ", "save ", "form 31", "save 31"])
    }

    func testOnboardingSendsTheDraftAndShowsTheNextStepWithItsOwnValues() async throws {
        let core = ScreensCore()
        let model = OnboardingModel(core: context(core))
        await model.jobs.idle()
        XCTAssertEqual(model.draft.value("unit"), "kg", "the step's own value to start with")
        model.send(.set(field: "unit", value: ""))
        model.send(.submit)
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.errors.map(\.field), ["unit"])
        XCTAssertEqual(model.draft.value("unit"), "", "what was typed stays beside the error")
        model.send(.set(field: "unit", value: "lb"))
        model.send(.submit)
        await model.jobs.idle()
        XCTAssertEqual(model.screen.value?.step, .body)
        XCTAssertEqual(model.draft.value("height"), "170")
        XCTAssertEqual(core.asked, ["submit units [\"unit=\"]", "submit units [\"unit=lb\"]"])
    }

    func testAFormDraftTogglesChoicesAndSendsOneValueEach() {
        let draft = FormDraft()
            .with("unit", "kg")
            .toggled("days", "mon")
            .toggled("days", "thu")
            .toggled("days", "mon")
        XCTAssertEqual(draft.values("days"), ["thu"])
        XCTAssertEqual(
            draft.fieldValues(),
            [FieldValue(field: "unit", value: "kg"), FieldValue(field: "days", value: "thu")]
        )
    }
}
