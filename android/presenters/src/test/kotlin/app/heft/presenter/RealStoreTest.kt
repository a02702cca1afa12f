package app.heft.presenter

import app.cash.turbine.test
import app.heft.core.HeftStore
import app.heft.core.model.ActionKind
import app.heft.core.model.CsvImportOptions
import app.heft.core.model.WeightUnit
import app.heft.core.model.Language
import app.heft.core.model.LogTime
import app.heft.core.model.MeasureDraft
import app.heft.core.model.MeasureKind
import app.heft.core.model.OnboardingStep
import app.heft.core.model.ProblemActionKind
import app.heft.core.model.ProblemKind
import app.heft.core.model.RowState
import app.heft.core.model.SettingsSection
import app.heft.core.model.SetupActionKind
import java.io.File
import java.nio.file.Files
import java.time.LocalDate
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runTest
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test

/**
 * The presenters against the real library (JNA and libheft_ffi): the flows
 * a person goes through, with the core's own screens. The store's clock is
 * the system's, so the day is today.
 */
class RealStoreTest {
    private val day = LocalDate.now().toString()

    private fun newStore(dir: File = Files.createTempDirectory("heft-presenters").toFile()): HeftStore =
        HeftStore.open(File(dir, "heft.db").path)

    /** One listener per store, as in the app: the core keeps only the last one set. */
    private val changes = mutableMapOf<HeftStore, Changes>()

    private fun TestScope.context(
        store: HeftStore,
        notices: Changes = changes.getOrPut(store) { Changes.of(store) },
        language: Language = Language.EN,
    ) = coreContext(store, notices, day, language)

    /** Onboarding answered step by step, as a person taps through it. */
    private fun TestScope.onboard(store: HeftStore) {
        val onboarding = OnboardingPresenter(context(store), presenterScope())
        fun choose(field: String, value: String) = onboarding.onEvent(OnboardingEvent.Set(field, value))
        choose("unit", "kg")
        onboarding.onEvent(OnboardingEvent.Submit)
        choose("birth_year", "1958")
        choose("sex", "female")
        onboarding.onEvent(OnboardingEvent.Submit)
        choose("bone_status", "osteopenia")
        choose("fracture_history", "none")
        onboarding.onEvent(OnboardingEvent.Submit)
        onboarding.onEvent(OnboardingEvent.Toggle("equipment", "barbell"))
        onboarding.onEvent(OnboardingEvent.Submit)
        choose("program", "liftmor")
        onboarding.onEvent(OnboardingEvent.Submit)
        assertNotNull("the first planned session: ${onboarding.state.value}", onboarding.state.value.done)
    }

    @Test
    fun onboarding_goes_step_by_step_and_keeps_what_was_typed_beside_an_error() = runTest {
        newStore().use { store ->
            val app = AppPresenter(context(store), presenterScope())
            assertEquals(Loadable.Ready(Start.ONBOARDING), app.state.value.start)
            val p = OnboardingPresenter(context(store), presenterScope())
            assertEquals(OnboardingStep.UNITS, p.state.value.screen.valueOrNull()?.step)
            p.onEvent(OnboardingEvent.Set("unit", "kg"))
            p.onEvent(OnboardingEvent.Submit)
            assertEquals(OnboardingStep.BODY, p.state.value.screen.valueOrNull()?.step)
            p.onEvent(OnboardingEvent.Set("birth_year", "19x8"))
            p.onEvent(OnboardingEvent.Submit)
            val wrong = p.state.value
            assertEquals(OnboardingStep.BODY, wrong.screen.valueOrNull()?.step)
            assertEquals("birth_year", wrong.screen.valueOrNull()?.errors?.first()?.field)
            assertEquals("what was typed stays", "19x8", wrong.draft.value("birth_year"))
            p.onEvent(OnboardingEvent.Set("birth_year", "1958"))
            p.onEvent(OnboardingEvent.Set("sex", "female"))
            p.onEvent(OnboardingEvent.Submit)
            assertEquals(OnboardingStep.BONES, p.state.value.screen.valueOrNull()?.step)
            val back = p.state.value.screen.valueOrNull()!!.actions.first { it.kind == SetupActionKind.BACK }
            p.onEvent(OnboardingEvent.Back(back.step!!))
            assertEquals("back keeps the saved answer", "1958", p.state.value.draft.value("birth_year"))
        }
        newStore().use { store ->
            onboard(store)
            assertEquals(Loadable.Ready(Start.TODAY), AppPresenter(context(store), presenterScope()).state.value.start)
        }
    }

    @Test
    fun following_todays_plan_to_the_finish() = runTest {
        newStore().use { store ->
            onboard(store)
            val today = TodayPresenter(context(store), presenterScope())
            var screen = today.state.value.screen.valueOrNull()!!
            assertEquals(ActionKind.LOG_AS_PRESCRIBED, screen.actions.first().kind)
            var logged = 0
            // One tap per set, as long as the plan offers the next set as prescribed.
            while (screen.actions.firstOrNull()?.kind == ActionKind.LOG_AS_PRESCRIBED && logged < 60) {
                today.onEvent(TodayEvent.LogAsPrescribed)
                assertNull(today.state.value.problem)
                screen = today.state.value.screen.valueOrNull()!!
                logged++
            }
            assertTrue("logged the session: $logged sets", logged >= 5)
            assertTrue("every row done", screen.cards.all { c -> c.rows.all { it.state == RowState.DONE } })
            assertNotNull("a rest runs after the last set or the session is over", screen.workoutId)
            today.onEvent(TodayEvent.Finish)
            val finished = today.state.value.finished
            assertNotNull(finished)
            assertTrue("what changed is listed", finished!!.rows.isNotEmpty())
            today.onEvent(TodayEvent.CloseFinished)
            assertNull(today.state.value.finished)
            // Progress after the session counts it.
            val progress = ProgressPresenter(context(store), presenterScope())
            val week = progress.state.value.screen.valueOrNull()!!.week
            assertTrue("this week's minutes: ${week.minutes}", !week.minutes.startsWith("0"))
        }
    }

    @Test
    fun a_free_set_with_a_field_error_corrected_then_edited_deleted_and_undone() = runTest {
        newStore().use { store ->
            val log = LogPresenter(context(store), presenterScope(), exercise = "deadlift")
            log.onEvent(LogEvent.SetsChanged("20x"))
            val wrong = log.state.value.screen.valueOrNull()!!
            assertEquals("sets", wrong.errors.first().field)
            assertTrue("no action while there are errors", wrong.actions.isEmpty())
            log.onEvent(LogEvent.SetsChanged("60x5"))
            val right = log.state.value.screen.valueOrNull()!!
            assertTrue(right.errors.isEmpty())
            assertEquals(ActionKind.LOG_SETS, right.actions.first().kind)
            log.onEvent(LogEvent.Submit(confirmed = false))
            assertTrue("saved: ${log.state.value}", log.state.value.saved)

            val history = HistoryPresenter(context(store), presenterScope())
            val set = history.state.value.screen.valueOrNull()!!.days.first().workouts.first().lines.first().runs.first().sets.first()
            val edit = LogPresenter(context(store), presenterScope(), setId = set.setId)
            assertEquals("the set's own text", "Deadlift", edit.state.value.exercise)
            edit.onEvent(LogEvent.SetsChanged("62.5x5"))
            assertEquals(
                "an edit keeps save and delete as the person types",
                listOf(ActionKind.SAVE_SET, ActionKind.DELETE_SET),
                edit.state.value.screen.valueOrNull()!!.actions.map { it.kind },
            )
            edit.onEvent(LogEvent.Submit(confirmed = false))
            assertTrue(edit.state.value.saved)
            history.state.test {
                // The change listener refreshed History with the edit.
                val line = expectMostRecentItem().screen.valueOrNull()!!.days.first().workouts.first().lines.first()
                assertTrue("edited: ${line.text}", line.text.contains("62.5"))
                history.onEvent(HistoryEvent.DeleteSet(set.setId))
                val deleted = expectMostRecentItem().screen.valueOrNull()!!
                assertTrue("nothing left", deleted.days.isEmpty())
                assertNotNull("undo offered", deleted.undo)
                history.onEvent(HistoryEvent.Undo)
                val back = expectMostRecentItem().screen.valueOrNull()!!
                assertEquals(1, back.days.size)
                cancelAndIgnoreRemainingEvents()
            }
        }
    }

    @Test
    fun a_measure_added_and_undone() = runTest {
        newStore().use { store ->
            val p = MeasuresPresenter(context(store), presenterScope())
            assertNotNull("the empty state", p.state.value.screen.valueOrNull()?.empty)
            p.onEvent(MeasuresEvent.OpenForm)
            p.onEvent(MeasuresEvent.DraftChanged(MeasureDraft(kind = MeasureKind.BODY_WEIGHT, value = "7x")))
            p.onEvent(MeasuresEvent.Save)
            assertTrue("the error shown in the form", p.state.value.form!!.errors.isNotEmpty())
            p.onEvent(MeasuresEvent.DraftChanged(p.state.value.draft.copy(value = "71.5")))
            p.onEvent(MeasuresEvent.Save)
            val s = p.state.value
            assertNull("the form closes", s.form)
            assertEquals(1, s.screen.valueOrNull()!!.cards.size)
            p.onEvent(MeasuresEvent.Undo)
            assertNotNull(p.state.value.screen.valueOrNull()!!.empty)
        }
    }

    @Test
    fun export_and_import_and_a_folder_sync_that_brings_new_sets() = runTest {
        newStore().use { a ->
            newStore().use { b ->
                a.logSubmit("deadlift", "60x5", LogTime.Now, false, Language.EN)
                val syncA = SyncPresenter(context(a), presenterScope())
                syncA.onEvent(SyncEvent.Export())
                val file = syncA.state.value.export!!
                syncA.onEvent(SyncEvent.ExportHandled)
                assertNull(syncA.state.value.export)

                val todayB = TodayPresenter(context(b), presenterScope())
                val historyB = HistoryPresenter(context(b), presenterScope())
                assertNotNull(historyB.state.value.screen.valueOrNull()!!.empty)
                val syncB = SyncPresenter(context(b), presenterScope())
                syncB.onEvent(SyncEvent.Import(file.name, file.bytes))
                assertEquals(1, syncB.state.value.screen.valueOrNull()!!.devices.size)
                // The listener refreshed History on B without a pull.
                assertEquals(1, historyB.state.value.screen.valueOrNull()!!.days.size)

                // A folder: B writes its document, A reads it and gets B's new set.
                b.logSubmit("back squat", "80x5", LogTime.Now, false, Language.EN)
                syncB.onEvent(SyncEvent.SyncFolder(emptyList()))
                val bDoc = syncB.state.value.folderWrite!!
                syncB.onEvent(SyncEvent.FolderWriteHandled)
                val historyA = HistoryPresenter(context(a), presenterScope())
                val before = historyA.state.value.screen.valueOrNull()!!.days.first().workouts.sumOf { it.lines.size }
                syncA.onEvent(SyncEvent.SyncFolder(listOf(bDoc)))
                val after = historyA.state.value.screen.valueOrNull()!!.days.first().workouts.sumOf { it.lines.size }
                assertTrue("B's squat arrived on A's History: $before -> $after", after > before)
                assertNotNull(todayB.state.value.screen.valueOrNull())

                // A Strong export picked by the person: its sets arrive, and History follows.
                val csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n" +
                    "2026-11-02 18:00:00,Evening,45m,Deadlift (Barbell),1,120,5,0,0,,,\n"
                val daysBefore = historyB.state.value.screen.valueOrNull()!!.days.size
                syncB.onEvent(SyncEvent.ImportCsv("strong.csv", csv.toByteArray(), CsvImportOptions(unit = WeightUnit.KG)))
                assertEquals("strong.csv", syncB.state.value.screen.valueOrNull()!!.last?.files?.first()?.name)
                assertEquals(daysBefore + 1, historyB.state.value.screen.valueOrNull()!!.days.size)

                // A file that is no export is a problem on screen, not a crash.
                syncB.onEvent(SyncEvent.Import("junk.heft", "not an export".toByteArray()))
                assertEquals(ProblemKind.CORRUPT, syncB.state.value.problem?.kind)
            }
        }
    }

    @Test
    fun a_program_chosen_started_adjusted_and_stopped_with_today_following() = runTest {
        newStore().use { store ->
            val program = ProgramPresenter(context(store), presenterScope())
            val today = TodayPresenter(context(store), presenterScope())
            assertTrue("no program runs yet", program.state.value.list.valueOrNull()!!.rows.none { it.running })
            program.onEvent(ProgramEvent.Open("liftmor"))
            assertEquals("liftmor", program.state.value.detail?.programId)
            program.onEvent(ProgramEvent.Start("liftmor"))
            val status = program.state.value.status!!
            assertNull("the detail closes", program.state.value.detail)
            assertEquals("liftmor", status.programId)
            // The list and Today follow through the change listener.
            assertTrue(program.state.value.list.valueOrNull()!!.rows.single { it.running }.programId == "liftmor")
            assertEquals(ActionKind.LOG_AS_PRESCRIBED, today.state.value.screen.valueOrNull()!!.actions.first().kind)
            program.onEvent(ProgramEvent.Swap("back-squat", "goblet-squat"))
            assertEquals("goblet-squat", program.state.value.status!!.swaps.first { it.exerciseId == "back-squat" }.chosenId)
            assertTrue(
                "Today plans the goblet squat",
                today.state.value.screen.valueOrNull()!!.cards.any { it.exerciseId == "goblet-squat" },
            )
            // Asking for an exercise the person may not swap to is a problem, not a crash.
            program.onEvent(ProgramEvent.Swap("back-squat", "no-such-exercise"))
            assertNotNull(program.state.value.problem)
            program.onEvent(ProgramEvent.DismissProblem)
            program.onEvent(ProgramEvent.Stop)
            assertNull(program.state.value.status)
            assertTrue(program.state.value.list.valueOrNull()!!.rows.none { it.running })
        }
    }

    @Test
    fun settings_show_a_field_error_then_save_the_language_every_screen_then_speaks() = runTest {
        newStore().use { store ->
            onboard(store)
            // The language as the app gives it: the profile's, else the phone's.
            val context = coreContext(store, changes.getOrPut(store) { Changes.of(store) }, day) {
                store.preferredLanguage() ?: Language.EN
            }
            val settings = SettingsPresenter(context, presenterScope())
            assertTrue(settings.state.value.screen.valueOrNull()!!.rows.isNotEmpty())
            settings.onEvent(SettingsEvent.Open(SettingsSection.BANDS))
            settings.onEvent(SettingsEvent.Set("bands", "red red"))
            settings.onEvent(SettingsEvent.Save)
            assertEquals("bands", settings.state.value.form?.errors?.first()?.field)
            assertEquals("what was typed stays", "red red", settings.state.value.draft.value("bands"))
            settings.onEvent(SettingsEvent.Close)
            settings.onEvent(SettingsEvent.Open(SettingsSection.LANGUAGE))
            settings.onEvent(SettingsEvent.Set("language", "de"))
            settings.onEvent(SettingsEvent.Save)
            assertNull("saved and closed", settings.state.value.form)
            assertEquals(Language.DE, settings.state.value.screen.valueOrNull()!!.language)
            assertEquals(Language.DE, TodayPresenter(context, presenterScope()).state.value.screen.valueOrNull()!!.language)
        }
    }

    @Test
    fun a_closed_store_is_a_problem_with_the_action_that_helps() = runTest {
        val store = newStore()
        store.closeStore()
        val today = TodayPresenter(context(store, Changes.detached(), Language.DE), presenterScope())
        val failed = today.state.value.screen as Loadable.Failed
        assertEquals(ProblemKind.CLOSED, failed.problem.kind)
        assertEquals(ProblemActionKind.REOPEN, failed.problem.action?.kind)
        assertEquals("in the person's language", Language.DE, failed.problem.language)
        store.close()
    }
}
