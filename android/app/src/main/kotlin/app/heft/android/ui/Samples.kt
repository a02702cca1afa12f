package app.heft.android.ui

import app.heft.core.model.Action
import app.heft.core.model.ActionKind
import app.heft.core.model.AdherenceSummary
import app.heft.core.model.Banner
import app.heft.core.model.BoneSummary
import app.heft.core.model.ChangeRow
import app.heft.core.model.ChartPoint
import app.heft.core.model.Choice
import app.heft.core.model.DayToggle
import app.heft.core.model.DeviceRow
import app.heft.core.model.EmptyState
import app.heft.core.model.ExerciseCard
import app.heft.core.model.ExerciseChoice
import app.heft.core.model.FieldKind
import app.heft.core.model.FigureRow
import app.heft.core.model.FinishScreen
import app.heft.core.model.FormField
import app.heft.core.model.HistoryDay
import app.heft.core.model.HistoryLine
import app.heft.core.model.HistoryScreen
import app.heft.core.model.HistorySet
import app.heft.core.model.HistoryWorkout
import app.heft.core.model.Language
import app.heft.core.model.LiftProgress
import app.heft.core.model.LiftRow
import app.heft.core.model.LogScreen
import app.heft.core.model.MeasureCard
import app.heft.core.model.MeasureEntry
import app.heft.core.model.MeasureKind
import app.heft.core.model.MeasuresScreen
import app.heft.core.model.MinutesBar
import app.heft.core.model.MinutesChart
import app.heft.core.model.Moment
import app.heft.core.model.Note
import app.heft.core.model.OnboardingScreen
import app.heft.core.model.OnboardingStep
import app.heft.core.model.ProblemAction
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemKind
import app.heft.core.model.ProblemScreen
import app.heft.core.model.ProgramListScreen
import app.heft.core.model.ProgramRow
import app.heft.core.model.ProgramStatusScreen
import app.heft.core.model.ProgressScreen
import app.heft.core.model.RecordLine
import app.heft.core.model.RestTimer
import app.heft.core.model.RowState
import app.heft.core.model.RunKind
import app.heft.core.model.SeriesChart
import app.heft.core.model.SetRow
import app.heft.core.model.SetRun
import app.heft.core.model.SettingsRow
import app.heft.core.model.SettingsScreen
import app.heft.core.model.SettingsSection
import app.heft.core.model.SetupAction
import app.heft.core.model.SetupActionKind
import app.heft.core.model.SwapRow
import app.heft.core.model.SyncFileRow
import app.heft.core.model.SyncResult
import app.heft.core.model.SyncScreen
import app.heft.core.model.TodayScreen
import app.heft.core.model.Tone
import app.heft.core.model.WeekSummary
import app.heft.core.model.Weekday

/**
 * Sample records for the previews only, written as the core would send
 * them and plainly samples ("Sample lift"). The app never shows them:
 * scripts/check-android.py fails when anything but a @Preview uses them.
 */
object Samples {
    private val sampleRows = listOf(
        SetRow(
            label = "Sample warm-up", planned = "20 kg × 5", effort = null, done = "20 kg × 5",
            lastTime = null, plates = "Empty bar", state = RowState.DONE, tone = Tone.GOOD,
            spoken = "Sample warm-up, done as planned", setId = "sample-set-1",
        ),
        SetRow(
            label = "Sample set 1", planned = "60 kg × 5", effort = "Sample effort", done = "60 kg × 4",
            lastTime = "Sample last time", plates = null, state = RowState.DONE, tone = Tone.CAUTION,
            spoken = "Sample set 1, one rep short", setId = "sample-set-2",
        ),
        SetRow(
            label = "Sample set 2", planned = "60 kg × 5", effort = "Sample effort", done = null,
            lastTime = "Sample last time", plates = "Sample plates", state = RowState.NEXT,
            tone = Tone.NEUTRAL, spoken = "Sample set 2, next", setId = null,
        ),
    )

    val today = TodayScreen(
        language = Language.EN,
        title = "Sample program",
        subtitle = "Sample session · day A",
        minutes = "Sample minutes",
        dose = Banner("Sample dose inside the band", Tone.GOOD),
        banners = listOf(Banner("Sample alert", Tone.ALERT), Banner("Sample caution", Tone.CAUTION)),
        notes = listOf(Note("Sample reason for the session", "sample label")),
        cards = listOf(
            ExerciseCard(
                exerciseId = "sample-lift", title = "Sample lift", rest = "Sample rest",
                progress = "Sample progress", state = RowState.NEXT, swap = null,
                rows = sampleRows, notes = listOf(Note("Sample note", null)),
            ),
        ),
        rest = RestTimer(Moment(utcMs = 0, offsetMin = 0), 180u, "Sample rest"),
        actions = listOf(
            Action(ActionKind.LOG_AS_PRESCRIBED, "Sample: log the next set", "sample-lift"),
            Action(ActionKind.FINISH, "Sample finish", null),
        ),
        empty = null,
        workoutId = "sample-workout",
        undo = Action(ActionKind.UNDO, "Sample undo", null),
    )

    val todayEmpty = today.copy(
        title = "Sample: no program", subtitle = null, minutes = null, dose = null, banners = emptyList(),
        notes = emptyList(), cards = emptyList(), rest = null, workoutId = null, undo = null,
        actions = listOf(Action(ActionKind.CHOOSE_PROGRAM, "Sample: choose a program", null)),
        empty = EmptyState("Sample empty title", "Sample empty body"),
    )

    val finish = FinishScreen(
        language = Language.EN,
        title = "Sample session done",
        summary = "Sample summary",
        rows = listOf(ChangeRow("sample-lift", "Sample lift", "Sample badge", Tone.GOOD, Note("Sample reason", null))),
        next = "Sample next session",
        actions = listOf(Action(ActionKind.DONE, "Sample done", null)),
        workoutId = "sample-workout",
    )

    val log = LogScreen(
        language = Language.EN,
        exercise = ExerciseChoice("sample-lift", "Sample lift"),
        suggestions = emptyList(),
        preview = listOf("Sample preview 1", "Sample preview 2"),
        errors = emptyList(),
        warnings = listOf(Banner("Sample slip", Tone.CAUTION)),
        actions = listOf(Action(ActionKind.LOG_ANYWAY, "Sample: log anyway", null)),
    )

    private val sampleSet = HistorySet(
        setId = "sample-set", position = 1u, text = "Sample set text", notation = "sample",
        details = listOf("Sample detail"), pain = null, note = null, spoken = "Sample set, spoken",
    )

    val history = HistoryScreen(
        language = Language.EN,
        title = "Sample history",
        days = listOf(
            HistoryDay(
                date = "2000-01-01", title = "Sample day",
                workouts = listOf(
                    HistoryWorkout(
                        workoutId = "sample-workout", title = "Sample workout", time = "Sample time",
                        state = "Sample state", summary = "Sample summary",
                        lines = listOf(
                            HistoryLine(
                                "sample-lift", "Sample lift", "Sample runs",
                                listOf(SetRun(RunKind.WORKING, "Sample run", "sample", listOf(sampleSet))),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        older = null,
        empty = null,
        undo = Action(ActionKind.UNDO, "Sample undo", null),
    )

    val progress = ProgressScreen(
        language = Language.EN,
        title = "Sample progress",
        week = WeekSummary("Sample week", "Sample minutes", "Sample sessions", Banner("Sample band", Tone.GOOD)),
        minutes = MinutesChart(
            title = "Sample minutes chart",
            bars = listOf(
                MinutesBar("Sample week 1", 30u, "Sample 30", Tone.CAUTION, false),
                MinutesBar("Sample week 2", 50u, "Sample 50", Tone.GOOD, true),
            ),
            bandFrom = 40u, bandTo = 60u, farAbove = 130u, axisMax = 140u,
        ),
        bone = BoneSummary("Sample bone", listOf(FigureRow("Sample figure", "Sample value", Tone.NEUTRAL)), emptyList()),
        lifts = listOf(
            LiftProgress(
                exerciseId = "sample-lift", title = "Sample lift", current = "Sample estimate",
                change = "Sample change", tone = Tone.GOOD,
                chart = SeriesChart(
                    points = listOf(
                        ChartPoint("2000-01-01", 100.0, "Sample point 1"),
                        ChartPoint("2000-02-01", 105.0, "Sample point 2"),
                    ),
                    xFrom = "2000-01-01", xTo = "2000-12-31", yMin = 95.0, yMax = 110.0, yStep = 5.0,
                    yLabels = listOf("Sample 95", "Sample 100", "Sample 105", "Sample 110"), empty = null,
                ),
                records = emptyList(),
            ),
        ),
        adherence = AdherenceSummary("Sample adherence", listOf(FigureRow("Sample figure", "Sample value", Tone.GOOD)), emptyList()),
        recordsTitle = "Sample records",
        records = listOf(RecordLine("Sample lift", "Sample record", "Sample value", "Sample detail", "Sample badge", Tone.GOOD)),
        empty = null,
    )

    val measures = MeasuresScreen(
        language = Language.EN,
        title = "Sample measures",
        cards = listOf(
            MeasureCard(
                kind = MeasureKind.GRIP, site = null, title = "Sample measure", latest = "Sample latest",
                date = "Sample date", change = "Sample change", trend = null, precision = null, band = null,
                tone = Tone.NEUTRAL, count = "Sample count",
                entries = listOf(
                    MeasureEntry(
                        "sample-measurement", "Sample date", "Sample value", null,
                        Action(ActionKind.DELETE_MEASUREMENT, "Sample delete", null), "Sample entry, spoken",
                    ),
                ),
            ),
        ),
        empty = null,
        undo = null,
    )

    val programs = ProgramListScreen(
        language = Language.EN,
        title = "Sample programs",
        rows = listOf(
            ProgramRow("sample-program", "Sample program", "Sample summary", "Sample week", "Sample badge", true, emptyList(), Tone.NEUTRAL),
            ProgramRow("sample-other", "Sample other program", "Sample summary", "Sample week", null, false, listOf(Note("Sample note", null)), Tone.CAUTION),
        ),
    )

    val status = ProgramStatusScreen(
        language = Language.EN,
        programId = "sample-program",
        title = "Sample program",
        subtitle = "Sample subtitle",
        next = "Sample next",
        banners = emptyList(),
        lifts = listOf(LiftRow("sample-lift", "Sample lift", "Sample estimate", "Sample load", null)),
        daysSummary = "Sample days",
        days = Weekday.entries.map { DayToggle(it, "S" + it.ordinal, it == Weekday.MON) },
        swaps = listOf(SwapRow("sample-lift", "Sample lift", null, null, listOf(ExerciseChoice("sample-other", "Sample other lift")))),
        actions = listOf(Action(ActionKind.STOP_PROGRAM, "Sample stop", null)),
        empty = null,
        undo = null,
    )

    private val choiceField = FormField(
        id = "unit", label = "Sample choice", kind = FieldKind.CHOICE, value = "a", values = emptyList(),
        choices = listOf(
            Choice("a", "Sample A", "Sample detail", null, true, emptyList()),
            Choice("b", "Sample B", null, "Sample about", false, listOf(Banner("Sample note", Tone.CAUTION))),
        ),
        unit = null, hint = "Sample hint", required = true, error = null,
    )

    val onboarding = OnboardingScreen(
        language = Language.EN,
        step = OnboardingStep.UNITS,
        progress = "Sample step 1",
        title = "Sample onboarding",
        body = "Sample: why it is asked",
        fields = listOf(
            choiceField,
            FormField("bar", "Sample number", FieldKind.NUMBER, "20", emptyList(), emptyList(), "kg", null, false, "Sample error"),
        ),
        errors = emptyList(),
        banners = emptyList(),
        actions = listOf(SetupAction(SetupActionKind.NEXT, "Sample next", null)),
    )

    val settings = SettingsScreen(
        language = Language.EN,
        title = "Sample settings",
        rows = listOf(SettingsRow(SettingsSection.PROFILE, "Sample section", "Sample values")),
    )

    val sync = SyncScreen(
        language = Language.EN,
        title = "Sample sync",
        device = DeviceRow("sample-device", "Sample device", "Sample device id"),
        devices = emptyList(),
        empty = EmptyState("Sample: no other device", "Sample body"),
        last = SyncResult("Sample last sync", "Sample summary", Tone.CAUTION, listOf(SyncFileRow("sample.heft", "Sample: not merged", Tone.CAUTION))),
        actions = listOf(
            SetupAction(SetupActionKind.SYNC_FOLDER, "Sample sync folder", null),
            SetupAction(SetupActionKind.IMPORT, "Sample import", null),
            SetupAction(SetupActionKind.EXPORT, "Sample export", null),
        ),
    )

    val problem = ProblemScreen(
        language = Language.EN,
        kind = ProblemKind.IO,
        title = "Sample problem",
        body = "Sample: what it means",
        detail = "Sample detail",
        tone = Tone.CAUTION,
        action = ProblemAction(ProblemActionKind.RETRY, "Sample retry"),
        dismiss = "Sample dismiss",
    )
}
