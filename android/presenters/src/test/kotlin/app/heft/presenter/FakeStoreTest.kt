package app.heft.presenter

import app.heft.core.HeftStoreInterface
import app.heft.core.model.Action
import app.heft.core.model.ActionKind
import app.heft.core.model.Banner
import app.heft.core.model.DeviceRow
import app.heft.core.model.ExportFile
import app.heft.core.model.ExportSummary
import app.heft.core.model.FieldError
import app.heft.core.model.HeftException
import app.heft.core.model.IsoDate
import app.heft.core.model.Language
import app.heft.core.model.LogScreen
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemKind
import app.heft.core.model.ProblemScreen
import app.heft.core.model.ScreenKind
import app.heft.core.model.SyncDocument
import app.heft.core.model.FolderSync
import app.heft.core.model.SyncScreen
import app.heft.core.model.TodayScreen
import app.heft.core.model.Tone
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/** Today as a fake core writes it: `title` says how many sets are logged. */
private fun today(sets: Int) = TodayScreen(
    language = Language.EN,
    title = "logged $sets",
    subtitle = null,
    minutes = null,
    dose = Banner("dose", Tone.GOOD),
    banners = emptyList(),
    notes = emptyList(),
    cards = emptyList(),
    rest = null,
    actions = listOf(Action(ActionKind.LOG_AS_PRESCRIBED, "log", null)),
    empty = null,
    workoutId = if (sets > 0) "w1" else null,
    undo = null,
)

/**
 * A core in memory: counts what the presenters ask, fails the next write
 * when told to, and describes failures with [fakeProblem]. What it does
 * not implement throws.
 */
private class FakeCore(base: HeftStoreInterface = unimplementedStore()) : HeftStoreInterface by base {
    var sets = 0
    var reads = 0
    var failNextWrite: Throwable? = null
    var failNextRead: Throwable? = null
    val asked = mutableListOf<String>()

    override fun problemScreen(error: HeftException, language: Language): ProblemScreen = fakeProblem(
        when (error) {
            is HeftException.Io -> ProblemKind.IO
            is HeftException.InvalidInput -> ProblemKind.INVALID_INPUT
            else -> ProblemKind.OTHER
        },
        error.message ?: "",
    )

    override fun todayScreen(date: IsoDate, language: Language): TodayScreen {
        failNextRead?.let { failNextRead = null; throw it }
        reads++
        asked += "today $date"
        return today(sets)
    }

    override fun logNextScreen(date: IsoDate, language: Language): TodayScreen {
        failNextWrite?.let { failNextWrite = null; throw it }
        sets++
        return today(sets)
    }

    override fun logScreen(exercise: String, sets: String, date: IsoDate, language: Language): LogScreen {
        asked += "log $exercise|$sets"
        val wrong = !Regex("""\d+x\d+""").matches(sets)
        return LogScreen(
            language = language,
            exercise = null,
            suggestions = emptyList(),
            preview = if (wrong) emptyList() else listOf("Set 1: $sets"),
            errors = if (wrong) listOf(FieldError("sets", "not a set: $sets")) else emptyList(),
            warnings = emptyList(),
            actions = if (wrong) emptyList() else listOf(Action(ActionKind.LOG_SETS, "Log 1 set", null)),
        )
    }

    val device = DeviceRow("d1", "This device", "…d1")
    fun sync(devices: Int) = SyncScreen(Language.EN, "Sync", device, List(devices) { device }, null, null, emptyList())

    override fun syncScreen(language: Language): SyncScreen = sync(0)

    override fun exportBytes(passphrase: String?): ExportFile =
        ExportFile("heft-d1.heft", byteArrayOf(1, 2, 3), ExportSummary(null, emptyList(), "hash", passphrase != null))

    override fun syncDocuments(documents: List<SyncDocument>, passphrase: String?, language: Language): FolderSync {
        asked += "folder ${documents.map { it.name }}"
        return FolderSync(sync(documents.size), SyncDocument("d1.heft", byteArrayOf(9)))
    }
}

class FakeStoreTest {
    @Test
    fun today_loads_and_one_tap_logs_the_next_set() = runTest {
        val core = FakeCore()
        val p = TodayPresenter(coreContext(core), presenterScope())
        assertEquals("logged 0", p.state.value.screen.valueOrNull()?.title)
        assertEquals(listOf("today 2026-12-07"), core.asked)
        p.onEvent(TodayEvent.LogAsPrescribed)
        assertEquals("logged 1", p.state.value.screen.valueOrNull()?.title)
        assertFalse(p.state.value.busy)
    }

    @Test
    fun an_error_from_the_core_is_state_and_retry_repeats_the_write() = runTest {
        val core = FakeCore()
        val p = TodayPresenter(coreContext(core), presenterScope())
        core.failNextWrite = HeftException.Io("writing /data/heft.db")
        p.onEvent(TodayEvent.LogAsPrescribed)
        val problem = p.state.value.problem
        assertEquals(ProblemKind.IO, problem?.kind)
        assertEquals("the screen before stays", "logged 0", p.state.value.screen.valueOrNull()?.title)
        assertFalse("not left busy", p.state.value.busy)
        p.onEvent(TodayEvent.ProblemAction(problem!!.action!!.kind))
        assertEquals(ProblemActionKind.RETRY, problem.action!!.kind)
        assertNull(p.state.value.problem)
        assertEquals("logged 1", p.state.value.screen.valueOrNull()?.title)
        assertEquals("logged once, not twice", 1, core.sets)
    }

    @Test
    fun a_change_notice_refreshes_only_the_screens_it_names() = runTest {
        val core = FakeCore()
        val changes = Changes.detached()
        val p = TodayPresenter(coreContext(core, changes), presenterScope())
        assertEquals(1, core.reads)
        changes.onChange(listOf(ScreenKind.MEASURES))
        assertEquals("Measures changed: Today not read", 1, core.reads)
        core.sets = 3
        changes.onChange(listOf(ScreenKind.HISTORY, ScreenKind.TODAY))
        assertEquals(2, core.reads)
        assertEquals("logged 3", p.state.value.screen.valueOrNull()?.title)
    }

    @Test
    fun the_log_form_follows_typing_and_a_field_error_corrected() = runTest {
        val core = FakeCore()
        val p = LogPresenter(coreContext(core), presenterScope(), exercise = "Deadlift")
        p.onEvent(LogEvent.SetsChanged("20x"))
        val wrong = p.state.value.screen.valueOrNull()!!
        assertEquals("sets", wrong.errors.single().field)
        assertTrue(wrong.actions.isEmpty())
        p.onEvent(LogEvent.SetsChanged("20x5"))
        val right = p.state.value.screen.valueOrNull()!!
        assertTrue(right.errors.isEmpty())
        assertEquals(listOf("Set 1: 20x5"), right.preview)
        assertEquals("each change read with what was typed", "log Deadlift|20x5", core.asked.last())
    }

    @Test
    fun an_export_waits_for_the_shell_and_a_folder_sync_hands_back_its_document() = runTest {
        val core = FakeCore()
        val p = SyncPresenter(coreContext(core), presenterScope())
        p.onEvent(SyncEvent.Export("secret"))
        val file = p.state.value.export!!
        assertEquals("heft-d1.heft", file.name)
        assertTrue("encrypted with the passphrase", file.summary.encrypted)
        p.onEvent(SyncEvent.ExportHandled)
        assertNull(p.state.value.export)
        val doc = SyncDocument("d2.heft", byteArrayOf(4))
        p.onEvent(SyncEvent.SyncFolder(listOf(doc)))
        assertEquals("folder [d2.heft]", core.asked.last())
        assertEquals(1, p.state.value.screen.valueOrNull()!!.devices.size)
        assertEquals("d1.heft", p.state.value.folderWrite?.name)
        p.onEvent(SyncEvent.FolderWriteHandled)
        assertNull(p.state.value.folderWrite)
    }

    @Test
    fun a_second_tap_while_a_write_runs_is_not_sent() = runTest {
        val core = FakeCore()
        // The core answers only when the scheduler runs: the first write is
        // still out when the second tap comes.
        val p = TodayPresenter(coreContext(core, io = StandardTestDispatcher(testScheduler)), presenterScope())
        runCurrent()
        p.onEvent(TodayEvent.LogAsPrescribed)
        assertTrue(p.state.value.busy)
        p.onEvent(TodayEvent.LogAsPrescribed)
        runCurrent()
        assertEquals("one set for two taps", 1, core.sets)
        assertFalse(p.state.value.busy)
        assertEquals("logged 1", p.state.value.screen.valueOrNull()?.title)
    }

    @Test
    fun a_retry_never_repeats_a_write_that_succeeded() = runTest {
        val core = FakeCore()
        val p = TodayPresenter(coreContext(core), presenterScope())
        p.onEvent(TodayEvent.LogAsPrescribed)
        assertEquals(1, core.sets)
        core.failNextRead = HeftException.Io("reading the database")
        p.onEvent(TodayEvent.Refresh)
        val failed = p.state.value.screen as Loadable.Failed
        p.onEvent(TodayEvent.ProblemAction(failed.problem.action!!.kind))
        assertEquals("the read again, not the set again", 1, core.sets)
        assertEquals("logged 1", p.state.value.screen.valueOrNull()?.title)
    }

    @Test
    fun a_fault_that_is_no_heft_exception_is_a_problem_not_a_crash() = runTest {
        val core = FakeCore()
        val p = TodayPresenter(coreContext(core), presenterScope())
        core.failNextWrite = IllegalStateException("a released handle")
        p.onEvent(TodayEvent.LogAsPrescribed)
        assertEquals(ProblemKind.OTHER, p.state.value.problem?.kind)
        assertTrue(p.state.value.problem!!.detail.contains("a released handle"))
        assertFalse("not left busy", p.state.value.busy)
    }
}
