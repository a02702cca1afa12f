// JVM tests of the generated Kotlin bindings against the real library
// (libheft_ffi.so through JNA) on temporary database files. They check the
// binding surface: every exported method once, errors arriving as the
// right HeftException with their field, progress and cancellation, closing
// and sharing a store between threads. The rules themselves are tested in
// Rust (CONVENTIONS.md, "Tests").
package app.heft.tests

import app.heft.core.ChangeListener
import app.heft.core.HeftStore
import app.heft.core.ProgressListener
import app.heft.core.describeProblem
import app.heft.core.ffiEchoSet
import app.heft.core.ffiEchoText
import app.heft.core.ffiLogSetsInRust
import app.heft.core.ffiNoop
import app.heft.core.languageForTag
import app.heft.core.recoverDatabase
import app.heft.core.model.*
import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger

fun tempDir(): File = Files.createTempDirectory("heft-kt").toFile().also { it.deleteOnExit() }

fun newStore(dir: File = tempDir()): HeftStore = HeftStore.open(File(dir, "heft.db").path)

fun kg(value: Double): WeightValue = WeightValue(value, WeightUnit.KG)

fun squat(weight: Double = 100.0, reps: UInt = 5u, exercise: String = "back-squat") = SetInput(
    exerciseId = exercise,
    kind = SetKind.WORKING,
    load = Load.Weight(kg(weight)),
    reps = reps,
    effort = Effort.Rir(2.0),
    durationMs = null,
    distance = null,
    impact = null,
    pain = null,
    note = null,
)

/** The store's local date today (the store's clock with its offset). */
fun storeToday(store: HeftStore): String {
    val now = store.now()
    return Instant.ofEpochMilli(now.utcMs)
        .atOffset(ZoneOffset.ofTotalSeconds(now.offsetMin * 60))
        .toLocalDate()
        .toString()
}

fun daysAgo(store: HeftStore, days: Long): String =
    LocalDate.parse(storeToday(store)).minusDays(days).toString()

/** Records what a long operation reported; cancels when told to. */
class Recorder(private val cancelAfter: Int = Int.MAX_VALUE) : ProgressListener {
    val updates = AtomicInteger()
    var lastTotal: ULong = 0uL
    override fun update(done: ULong, total: ULong) {
        updates.incrementAndGet()
        lastTotal = total
    }
    override fun isCancelled(): Boolean = updates.get() >= cancelAfter
}

const val PROGRAM_TOML = """
format = 1
id = "kotlin-test"
name = "Kotlin test"
summary = "One day of squats, for the binding tests."
source = "Heft tests"
sessions_per_week = 2
min_days_between = 2
session_minutes = 30
heavy = false
repeat_from = "main"

[[phases]]
id = "main"
name = "Main"
kind = "training"
weeks = 4

[[phases.days]]
name = "A"

[[phases.days.slots]]
exercise = "back-squat"
sets = 3
reps = 5
rir = [2, 3]
rule = "linear"
"""

const val STRONG_CSV = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2024-02-10 16:46:13,"Wednesday",1h 5m,"Bench Press (Barbell)",1,75.0,8,0,0,"","",8
2024-02-10 16:46:13,"Wednesday",1h 5m,"Bench Press (Barbell)",2,75.0,8,0,0,,,8.5
2024-02-10 16:46:13,"Wednesday",1h 5m,"Squat (Barbell)",1,100.0,5,0,0,,,
"""

val tests = listOf(
    Test("open, device and path, integrity, now") {
        val dir = tempDir()
        newStore(dir).use { store ->
            checkEq(32, store.deviceId().length, "device id length")
            checkEq(null, store.writesUnavailable(), "a writable database")
            checkEq(File(dir, "heft.db").path, store.path(), "path")
            store.integrityCheck()
            check(store.now().utcMs > 1_700_000_000_000) { "now is in the past: ${store.now()}" }
        }
        HeftStore.openInMemory().use { mem ->
            checkEq(null, mem.path(), "in-memory path")
        }
    },

    Test("profile read and update; invalid birth year names its field") {
        newStore().use { store ->
            checkEq(WeightUnit.KG, store.profile().unit, "default unit")
            val update = ProfileUpdate(
                unit = WeightUnit.LB, birthYear = 1958, sex = Sex.FEMALE,
                boneStatus = BoneStatus.OSTEOPENIA, fractureHistory = null, loadout = null,
                microPlates = true, equipment = null, runningMinWeek = null, formula = Formula.EPLEY,
            )
            val p = store.updateProfile(update)
            checkEq(WeightUnit.LB, p.unit, "unit after update")
            checkEq(1958, store.profile().birthYear, "birth year read back")
            val e = expectThrows<HeftException.InvalidInput>("birth year 1800") {
                store.updateProfile(update.copy(birthYear = 1800))
            }
            checkEq("birth_year", e.field, "field")
        }
    },

    Test("exercises: list, get, find, search, add; empty name and unknown id") {
        newStore().use { store ->
            check(store.exercises().size > 100) { "catalog too small" }
            checkEq("back-squat", store.exercise("back-squat").id, "exercise by id")
            checkEq("back-squat", store.findExercise("back squat").id, "find by name")
            checkEq("back-squat", store.searchExercises("squat").first().exercise.id, "search")
            val added = store.addExercise(NewExercise(
                name = "Sandbag Carry", aliases = listOf("bag carry"), pattern = Pattern.CARRY,
                equipment = Equipment.OTHER, measure = Measure.WEIGHT_DISTANCE, muscles = listOf(Muscle.TRAPS),
                unilateral = false, axial = true, spinalFlexion = false, spinalRotation = false, impact = false,
            ))
            checkEq(false, added.builtin, "custom exercise")
            val empty = expectThrows<HeftException.InvalidInput>("empty name") {
                store.addExercise(NewExercise("  ", listOf(), Pattern.CARRY, Equipment.OTHER,
                    Measure.REPS, listOf(), false, false, false, false, false))
            }
            checkEq("name", empty.field, "field of an empty name")
            val unknown = expectThrows<HeftException.NotFound>("unknown id") { store.exercise("no-such-exercise") }
            checkEq("exercise", unknown.entity, "entity")
            expectThrows<HeftException.NotFound>("unknown name") { store.findExercise("zzzzqqqq") }
        }
    },

    Test("logbook: start, log, log several, edit, delete, undo, history, finish") {
        newStore().use { store ->
            val w = store.startWorkout("Evening", LogTime.Now)
            checkEq(w.id, store.openWorkout()?.id, "open workout")
            val set = store.logSet(squat(), LogTime.Now)
            checkEq(w.id, set.workoutId, "set joins the open workout")
            checkEq(100.0, (set.input.load as Load.Weight).weight.value, "weight round-trips")
            val more = store.logSets(listOf(squat(102.5), squat(105.0)), LogTime.Now)
            checkEq(2, more.sets.size, "sets logged")
            checkEq(102.5, (more.sets[0].input.load as Load.Weight).weight.value, "plate weight exact")
            val edited = store.editSet(set.id, squat(reps = 6u))
            checkEq(6u, edited.input.reps, "edited reps")
            checkEq(set.id, store.set(set.id).id, "set by id")
            checkEq(set.id, store.resolveSetId(set.id.takeLast(8)), "short id")
            store.deleteSet(more.sets[1].id)
            check(store.undo().undone.isNotEmpty()) { "undo says what it took back" }
            val log = store.workoutLog(w.id)
            checkEq(3, log.sets.size, "sets after delete and undo")
            val history = store.history(HistoryQuery(exerciseId = null, since = null, until = null, limit = 10u))
            checkEq(1, history.size, "workouts in history")
            val finished = store.finishWorkout(FinishWorkout(workoutId = null, at = null, durationS = 3600u, on = null))
            checkEq(3600u, finished.durationS, "duration")
            checkEq(null, store.openWorkout(), "no open workout after finishing")
        }
    },

    Test("backdated logging: a date string, and a malformed one names the date field") {
        newStore().use { store ->
            val day = daysAgo(store, 3)
            val set = store.logSet(squat(), LogTime.OnDate(day))
            val t = set.performedAt
            val date = Instant.ofEpochMilli(t.utcMs).atOffset(ZoneOffset.ofTotalSeconds(t.offsetMin * 60)).toLocalDate()
            checkEq(day, date.toString(), "backdated day")
            val bad = expectThrows<HeftException.InvalidInput>("2026-02-30") { store.logSet(squat(), LogTime.OnDate("2026-02-30")) }
            checkEq("date", bad.field, "field")
            val badMoment = expectThrows<HeftException.InvalidInput>("offset of a week") {
                store.logSet(squat(), LogTime.At(Moment(0, 7 * 24 * 60)))
            }
            checkEq("date", badMoment.field, "field")
        }
    },

    Test("input errors arrive typed with their field: NaN, infinite, negative, unknown exercise") {
        newStore().use { store ->
            val nan = expectThrows<HeftException.InvalidInput>("NaN weight") { store.logSet(squat(Double.NaN), LogTime.Now) }
            checkEq("weight", nan.field, "NaN weight field")
            val inf = expectThrows<HeftException.InvalidInput>("infinite weight") { store.logSet(squat(Double.POSITIVE_INFINITY), LogTime.Now) }
            checkEq("weight", inf.field, "infinite weight field")
            val neg = expectThrows<HeftException.InvalidInput>("negative weight") { store.logSet(squat(-5.0), LogTime.Now) }
            checkEq("weight", neg.field, "negative weight field")
            val rir = expectThrows<HeftException.InvalidInput>("NaN RIR") {
                store.logSet(squat().copy(effort = Effort.Rir(Double.NaN)), LogTime.Now)
            }
            checkEq("rir", rir.field, "NaN RIR field")
            val reps = expectThrows<HeftException.InvalidInput>("too many reps") { store.logSet(squat(reps = UInt.MAX_VALUE), LogTime.Now) }
            checkEq("reps", reps.field, "reps field")
            val ex = expectThrows<HeftException>("unknown exercise") { store.logSet(squat(exercise = "nope"), LogTime.Now) }
            check(ex is HeftException.NotFound || ex is HeftException.InvalidInput) { "unknown exercise gave $ex" }
            expectThrows<HeftException.NotFound>("unknown set id") { store.editSet("0000", squat()) }
            expectThrows<HeftException.NotFound>("nothing to undo") { store.undo() }
            checkEq(0, store.history(HistoryQuery(null, null, null, null)).size, "nothing was written")
        }
    },

    Test("extreme values are refused, typed, and never crash") {
        newStore().use { store ->
            val base = squat()
            val inputs = listOf(
                base.copy(reps = 0u), base.copy(reps = UInt.MAX_VALUE),
                base.copy(effort = Effort.Rpe(-1.0)), base.copy(effort = Effort.Rir(1e308)),
                base.copy(effort = Effort.Rpe(Double.NEGATIVE_INFINITY)),
                base.copy(durationMs = UInt.MAX_VALUE), base.copy(pain = UByte.MAX_VALUE),
                base.copy(load = Load.Weight(kg(1e300))), base.copy(load = Load.Weight(kg(-0.0))),
                base.copy(load = Load.Bodyweight(kg(-1e9))), base.copy(load = Load.None),
                base.copy(distance = DistanceValue(Double.NaN, DistanceUnit.KM)),
                base.copy(impact = Impact(UInt.MAX_VALUE, Double.NaN)),
                base.copy(note = "x".repeat(1_000_000)), base.copy(note = "\u0000\u0007"),
                base.copy(exerciseId = ""), base.copy(exerciseId = "\uD83D\uDE00"),
            )
            for (input in inputs) {
                try {
                    store.logSet(input, LogTime.Now)
                } catch (e: HeftException) {
                    check(e !is HeftException.Other) { "$input gave an untyped error: $e" }
                }
            }
            for (t in listOf(Moment(Long.MAX_VALUE, 0), Moment(Long.MIN_VALUE, 0), Moment(0, Int.MIN_VALUE))) {
                expectThrows<HeftException.InvalidInput>("time $t") { store.logSet(base, LogTime.At(t)) }
            }
            expectThrows<HeftException.InvalidInput>("200+ ids") { store.newRecords(List(10_000) { "x$it" }) }
            expectThrows<HeftException.InvalidInput>("too many sets") { ffiLogSetsInRust(store, base, UInt.MAX_VALUE) }
            store.history(HistoryQuery(limit = UInt.MAX_VALUE))
            store.integrityCheck()
        }
    },

    Test("screens: a LIFTMOR session through Today, undo and Finish, in German") {
        newStore().use { store ->
            val today = storeToday(store)
            val none = store.todayScreen(today, Language.EN)
            checkEq(ActionKind.CHOOSE_PROGRAM, none.actions.first().kind, "without a program: choose one")
            check(none.empty != null) { "an empty state" }
            val stale = java.util.concurrent.ConcurrentLinkedQueue<List<ScreenKind>>()
            store.onChange(object : ChangeListener {
                override fun onChange(screens: List<ScreenKind>) { stale.add(screens) }
            })
            store.startProgram("liftmor", today)
            check(stale.poll()?.contains(ScreenKind.PROGRAM) == true) { "starting a program makes Program stale" }
            var screen = store.todayScreen(today, Language.DE)
            val planned = screen.cards.sumOf { c -> c.rows.count { it.label.startsWith("Satz") } }
            check(planned > 0) { "planned working sets in German: ${screen.cards.first().rows.first().label}" }
            var logged = 0
            checkEq(ActionKind.UNDO, screen.undo?.kind, "starting the program can be taken back")
            check(screen.undo?.label?.startsWith("Rückgängig: LIFTMOR") == true) { "in German, saying what it takes back: ${screen.undo?.label}" }
            while (screen.actions.first().kind == ActionKind.LOG_AS_PRESCRIBED) {
                // The intent returns the next state: the shell replaces its screen.
                screen = store.logNextScreen(today, Language.DE)
                logged += 1
                checkEq(ActionKind.UNDO, screen.undo?.kind, "a logged set can be undone")
                val done = screen.cards.sumOf { c -> c.rows.count { it.state == RowState.DONE } }
                checkEq(logged, done, "each logged set shows as done")
                check(logged < 100) { "the session ends" }
            }
            checkEq(ActionKind.FINISH, screen.actions.first().kind, "everything logged: finish")
            checkEq(logged, stale.size, "one change per logged set")
            check(stale.all { it == listOf(ScreenKind.TODAY, ScreenKind.HISTORY, ScreenKind.PROGRESS) }) { "a set makes the training screens stale: $stale" }
            stale.clear()
            checkEq(null, screen.rest, "no rest counted down when nothing is left")
            screen = store.undoScreen(today, Language.DE)
            checkEq(ActionKind.LOG_AS_PRESCRIBED, screen.actions.first().kind, "undo brings the last set back to do")
            checkEq(logged - 1, screen.cards.sumOf { c -> c.rows.count { it.state == RowState.DONE } }, "one set fewer")
            check(screen.rest != null) { "the rest after the set before runs" }
            store.logNext(LogTime.Now)
            // An extra set typed by hand: a field error first, then corrected.
            val form = store.logScreen("Kreuzheben?", "", today, Language.DE)
            checkEq("exercise", form.errors.first().field, "an unknown name is a field error")
            val wrong = store.logSubmit("deadlift", "20x", LogTime.Now, false, Language.DE)
            check(!wrong.saved) { "nothing saved with a field error" }
            checkEq("sets", wrong.log.errors.first().field, "the sets field")
            checkEq(null, wrong.today, "no Today screen while the form is wrong")
            val right = store.logSubmit("deadlift", "20x5", LogTime.Now, false, Language.DE)
            check(right.saved) { "corrected, it saves: ${right.log.errors} ${right.log.warnings}" }
            val extra = right.today!!.cards.first { it.exerciseId == "deadlift" }.rows.last()
            check(extra.label.startsWith("Zusatzsatz")) { "the extra set shows: ${extra.label}" }
            // Edited from its row: the form starts with the set, one set is an edit.
            val edit = store.editForm(extra.setId!!, Language.DE)
            checkEq("20kgx5", edit.sets, "the set as notation")
            checkEq(listOf(ActionKind.SAVE_SET, ActionKind.DELETE_SET), edit.log.actions.map { it.kind }, "save or delete")
            val typing = store.editScreen(extra.setId!!, edit.exercise, "22.5x5", Language.DE)
            checkEq(listOf(ActionKind.SAVE_SET, ActionKind.DELETE_SET), typing.actions.map { it.kind }, "an edit's buttons as the person types")
            val two = store.editSubmit(extra.setId!!, edit.exercise, "2x20x5", false, Language.DE)
            check(!two.saved) { "two sets are not an edit of one" }
            checkEq("sets", two.log.errors.first().field, "said on the sets field")
            val edited = store.editSubmit(extra.setId!!, edit.exercise, "22.5x5", false, Language.DE)
            check(edited.saved) { "one set saves: ${edited.log.errors}" }
            val row = edited.today!!.cards.first { it.exerciseId == "deadlift" }.rows.last()
            checkEq("22,5 kg × 5", row.done, "the edited set, German decimals")
            // Deleted from its row, it is gone from the screen.
            val afterDelete = store.deleteSetScreen(extra.setId!!, today, Language.DE)
            check(afterDelete.cards.first { it.exerciseId == "deadlift" }.rows.none { it.label.startsWith("Zusatzsatz") }) { "the extra set is gone" }
            store.undoScreen(today, Language.DE)
            val finish = store.finishScreen(FinishWorkout(null, null, 1800u, null), Language.DE)
            checkEq("Einheit 1 erledigt", finish.title, "the session's title")
            checkEq(4, finish.rows.size, "the four LIFTMOR lifts")
            check(finish.rows.all { it.badge != null }) { "a badge per lift" }
            check(finish.summary.endsWith("30 min")) { "the length: ${finish.summary}" }
            check(finish.next?.startsWith("Nächste Einheit") == true) { "the next session: ${finish.next}" }
            checkEq(ActionKind.DONE, finish.actions.first().kind, "done")
        }
    },

    Test("screens: History pages back, and edits, deletes and undoes from a set of it") {
        newStore().use { store ->
            val empty = store.historyScreen(null, 14u, Language.EN)
            check(empty.days.isEmpty() && empty.empty != null) { "nothing logged: the empty state" }
            for (days in listOf(9L, 5L, 2L)) {
                store.logSubmit("deadlift", "w:20x5 5x47.5x5@3", LogTime.OnDate(daysAgo(store, days)), false, Language.EN)
            }
            val page = store.historyScreen(null, 2u, Language.DE)
            checkEq(2, page.days.size, "two days a page")
            val line = page.days.first().workouts.first().lines.first()
            checkEq("Aufwärmen 20 kg × 5, 5 × 47,5 kg × 5 · RIR 3", line.text, "the compact line, in German")
            val older = store.historyScreen(page.older, 2u, Language.DE)
            checkEq(1, older.days.size, "the oldest day on the next page")
            checkEq(null, older.older, "nothing older")
            // A set of the page opens in the edit form, saves, and History shows it.
            val set = line.runs[1].sets.last()
            val form = store.editForm(set.setId, Language.EN)
            checkEq("47.5kgx5@3", form.sets, "the set as notation")
            val saved = store.editSubmit(set.setId, form.exercise, "50x5@2", false, Language.EN)
            check(saved.saved) { "the edit saves: ${saved.log.errors}" }
            val edited = store.historyScreen(null, 2u, Language.EN).days.first().workouts.first().lines.first()
            checkEq("Warm-up 20 kg × 5, 4 × 47.5 kg × 5 · RIR 3, 50 kg × 5 · RIR 2", edited.text, "the edited set")
            // Deleted from History: the page after it, with undo named.
            val deleted = store.historyDeleteSet(set.setId, null, 2u, Language.EN)
            checkEq("Warm-up 20 kg × 5, 4 × 47.5 kg × 5 · RIR 3", deleted.days.first().workouts.first().lines.first().text, "the set is gone")
            checkEq("Undo: deleted a set of Deadlift", deleted.undo?.label, "undo says what it takes back")
            val undone = store.historyUndo(null, 2u, Language.EN)
            checkEq(edited.text, undone.days.first().workouts.first().lines.first().text, "undo brings it back")
        }
    },

    Test("screens: Measures, a measurement added from the form shows on its card") {
        newStore().use { store ->
            checkEq(true, store.measuresScreen(Language.EN).empty != null, "nothing measured: the empty state")
            val blank = store.measureForm(MeasureDraft(), Language.DE)
            checkEq("measure", blank.errors.first().field, "choose a kind first")
            val tScore = blank.kinds.first { it.kind == MeasureKind.T_SCORE }
            check(tScore.siteRequired && tScore.sites.size == 3) { "a T-score needs one of three sites" }
            val noSite = store.measureSubmit(MeasureDraft(MeasureKind.T_SCORE, "-1,8", null, null, null, null), Language.DE)
            check(!noSite.saved) { "nothing saved without a site" }
            checkEq("site", noSite.form.errors.first().field, "said on the site field")
            store.updateProfile(ProfileUpdate(birthYear = 1958, sex = Sex.FEMALE))
            val saved = store.measureSubmit(MeasureDraft(MeasureKind.T_SCORE, "-1,8", null, Site.LUMBAR_SPINE, daysAgo(store, 3), null), Language.DE)
            check(saved.saved) { "saved: ${saved.form.errors}" }
            val card = saved.measures!!.cards.single()
            checkEq("T-Wert, Lendenwirbelsäule", card.title, "the card, in German")
            checkEq("\u22121,8", card.latest, "its value, German decimals")
            checkEq(Tone.CAUTION, card.tone, "osteopenia reads as caution")
            check(card.band!!.text.startsWith("Osteopenie")) { "the band: ${card.band}" }
            val id = card.entries.single().measurementId
            val deleted = store.measuresDelete(id, Language.EN)
            check(deleted.cards.isEmpty()) { "deleted" }
            checkEq(ActionKind.UNDO, deleted.undo?.kind, "undo offered")
            checkEq(id, store.measuresUndo(Language.EN).cards.single().entries.single().measurementId, "undo brings it back")
        }
    },

    Test("programs: list, show, import, start, status, today, next set, log next, finish, stop") {
        newStore().use { store ->
            check(store.programs().any { it.id == "liftmor" }) { "built-in programs listed" }
            checkEq("linear-5x5", store.program("linear-5x5").id, "program by id")
            val imported = store.importProgram(PROGRAM_TOML)
            checkEq("kotlin-test", imported.id, "imported program")
            val bad = expectThrows<HeftException.InvalidInput>("invalid program") {
                store.importProgram(PROGRAM_TOML.replace("sets = 3", "sets = 0"))
            }
            check(bad.field.contains("sets")) { "program error names its field: ${bad.field}" }
            expectThrows<HeftException.NotFound>("no program running") { store.today(storeToday(store)) }
            // A few weeks of squats give the engine an estimate to plan loads from.
            for (d in listOf(21L, 14L, 7L)) store.logSets(listOf(squat(100.0), squat(100.0)), LogTime.OnDate(daysAgo(store, d)))
            store.finishWorkout(FinishWorkout(null, null, null, null))
            val today = storeToday(store)
            checkEq(null, store.runningProgram(), "no program running yet")
            checkEq(null, store.takeSetAsideNotice(), "no damaged database was set aside")
            // A backdated workout was left open: logging now closes it at its last set.
            val earlier = store.earlierOpenWorkout(LogTime.Now)
            checkEq(NextLog.CLOSES_IT, earlier?.nextLog, "an earlier open workout")
            checkEq(2u, earlier?.sets, "its sets")
            val started = store.startProgram("kotlin-test", today)
            checkEq("kotlin-test", started.program.id, "started")
            checkEq("kotlin-test", store.runningProgram()?.programId, "running program")
            checkEq("kotlin-test", store.programStatus(today).program.id, "status")
            val plan = store.today(today)
            checkEq("back-squat", plan.plan.exercises.first().exerciseId, "plan's first exercise")
            checkEq("back-squat", plan.next?.exerciseId, "today's next set carries its exercise")
            checkEq(1u, plan.next?.number, "and which set it is")
            checkEq(Language.DE, languageForTag("de-AT"), "a platform tag names its language")
            checkEq(Language.EN, languageForTag("fr-FR"), "English without a catalog")
            val screen = store.todayScreen(today, languageForTag("de-DE"))
            checkEq(Language.DE, screen.language, "the screen's language")
            checkEq(plan.plan.exercises.size, screen.cards.size, "a card per planned exercise")
            checkEq(ActionKind.LOG_AS_PRESCRIBED, screen.actions.first().kind, "the main action")
            checkEq(1, screen.cards.flatMap { it.rows }.count { it.state == RowState.NEXT }, "one row is next")
            check(screen.cards.first().progress.contains("von")) { "German text: ${screen.cards.first().progress}" }
            val next = store.nextPlannedSet(LogTime.Now)
            checkEq("back-squat", next.exerciseId, "next planned set")
            val logged = store.logNext(LogTime.Now)
            checkEq(1, logged.sets.size, "logged next")
            val done = store.finish(FinishWorkout(null, null, 1800u, null))
            check(done.workout.finishedAt != null) { "finished" }
            checkEq("kotlin-test", store.stopProgram(today).programId, "stopped")
            expectThrows<HeftException.NotFound>("unknown program") { store.startProgram("no-such-program", today) }
        }
    },

    Test("log checked: a slip comes back as a warning, nothing saved until confirmed") {
        newStore().use { store ->
            val swapped = squat(5.0, 100u)
            val first = store.logChecked(listOf(swapped), LogTime.Now, false)
            checkEq(null, first.logged, "nothing saved")
            checkEq(LogWarningCode.LOOKS_SWAPPED, first.warnings.single().code, "warning code")
            checkEq(5u, first.warnings.single().suggestion?.reps, "suggested reps")
            checkEq(0, store.history(HistoryQuery(null, null, null, null)).size, "history still empty")
            val confirmed = store.logChecked(listOf(swapped), LogTime.Now, true)
            checkEq(1, confirmed.logged?.sets?.size, "saved when confirmed")
            checkEq(EffortSource.LOGGED, confirmed.logged?.sets?.single()?.input?.effortSource, "typed effort is the person's")
        }
    },

    Test("stats, e1RM series, records, new records, weekly, retention, charts") {
        newStore().use { store ->
            val old = store.logSets(listOf(squat(100.0), squat(90.0, 8u)), LogTime.OnDate(daysAgo(store, 30)))
            val now = store.logSets(listOf(squat(110.0)), LogTime.Now)
            val today = storeToday(store)
            val stats = store.stats(today)
            checkEq(today, stats.today, "stats day")
            val series = store.e1rmSeries("back-squat")
            checkEq(2, series.points.size, "one point per session")
            check(store.records().any { it.exerciseId == "back-squat" }) { "records" }
            check(store.newRecords(now.sets.map { it.id }).isNotEmpty()) { "110 kg is a new record" }
            expectThrows<HeftException.NotFound>("new records of an unknown set") { store.newRecords(listOf("x")) }
            val from = daysAgo(store, 35)
            check(store.weekly(from, today).isNotEmpty()) { "weeks" }
            val retention = store.retention("back-squat", daysAgo(store, 30))
            check(retention.percent != null) { "retention percent: $retention" }
            checkEq(1, store.recordsOn(daysAgo(store, 20)).count { it.kind == RecordKind.HEAVIEST_WEIGHT }, "records then")
            val strength = store.strength("back-squat", daysAgo(store, 30), daysAgo(store, 1))
            checkEq(1, strength.series.points.size, "series up to yesterday")
            val late = expectThrows<HeftException.InvalidInput>("baseline after today") {
                store.strength("back-squat", today, daysAgo(store, 1))
            }
            checkEq("date", late.field, "field")
            val charts = store.charts(from, today)
            check(charts.weeks.isNotEmpty()) { "chart weeks" }
            check(Regex("""\d{4}-W\d\d""").matches(charts.weeks.first().week)) { "ISO week label" }
            val reversed = expectThrows<HeftException.InvalidInput>("period backwards") { store.charts(today, from) }
            check(reversed.field.isNotEmpty()) { "period error names a field" }
            checkEq(old.sets.size, 2, "history logged")
            val report = store.report(today)
            checkEq(today, report.generatedOn, "report day")
            checkEq(listOf("Back Squat"), report.e1rm.map { it.name }, "e1RM lines")
            checkEq(2, report.e1rm.single().points.size, "one point per session")
            checkEq(40.0 to 130.0, report.doseBand.low to report.doseBand.ceiling, "dose band")
            val html = store.reportHtml(today)
            check(html.startsWith("<!DOCTYPE html>") && html.contains("Back Squat")) { "report page" }
            expectThrows<HeftException.InvalidInput>("report on a malformed date") { store.report("2026-02-30") }
        }
    },

    Test("measurements: add, get, list, short id, trends, delete; NaN value") {
        newStore().use { store ->
            val m = store.addMeasurement(NewMeasurement(MeasureKind.BODY_WEIGHT, null, 70.5, MeasureUnit.KG, LogTime.OnDate(daysAgo(store, 10)), null))
            store.addMeasurement(NewMeasurement(MeasureKind.BODY_WEIGHT, null, 70.0, MeasureUnit.KG, LogTime.Now, "morning"))
            checkEq(70.5, store.measurement(m.id).value, "value")
            checkEq(2, store.measurements(MeasureKind.BODY_WEIGHT).size, "by kind")
            checkEq(m.id, store.resolveMeasurementId(m.id.takeLast(8)), "short id")
            val trends = store.measureTrends(storeToday(store), store.profile())
            checkEq(2u, trends.single().count, "trend count")
            store.deleteMeasurement(m.id)
            checkEq(1, store.measurements(null).size, "after delete")
            val nan = expectThrows<HeftException.InvalidInput>("NaN measurement") {
                store.addMeasurement(NewMeasurement(MeasureKind.GRIP, null, Double.NaN, null, LogTime.Now, null))
            }
            checkEq("value", nan.field, "field")
        }
    },

    Test("export and import a file, with progress; wrong passphrase; status and hash") {
        val a = newStore()
        val b = newStore()
        try {
            a.logSets(listOf(squat(), squat()), LogTime.Now)
            val file = File(tempDir(), "a.heft")
            val summary = a.exportFile(file.path, null)
            checkEq(file.path, summary.path, "export path")
            check(summary.rows.any { it.table == "set_entry" && it.rows == 2uL }) { "rows: ${summary.rows}" }
            val progress = Recorder()
            val report = b.importFile(file.path, null, progress)
            check(report.added > 0uL) { "merge added rows" }
            check(progress.updates.get() >= 2) { "progress was called (${progress.updates.get()})" }
            checkEq(a.contentHash(), b.contentHash(), "same data, same hash")
            check(b.syncStatus().devices.any { it.id == a.deviceId() }) { "b has seen a" }
            val locked = File(tempDir(), "locked.heft")
            a.exportFile(locked.path, "correct horse")
            val wrong = expectThrows<HeftException.InvalidInput>("wrong passphrase") { b.importFile(locked.path, "wrong", null) }
            checkEq("passphrase", wrong.field, "field")
            val none = expectThrows<HeftException.InvalidInput>("missing passphrase") { b.importFile(locked.path, null, null) }
            checkEq("passphrase", none.field, "field")
            expectThrows<HeftException.Io>("missing file") { b.importFile(File(tempDir(), "none.heft").path, null, null) }
            expectThrows<HeftException.Corrupt>("not an export") {
                val junk = File(tempDir(), "junk.heft").apply { writeText("hello") }
                b.importFile(junk.path, null, null)
            }
        } finally {
            a.close(); b.close()
        }
    },

    Test("sync folder between two devices") {
        val folder = tempDir()
        newStore().use { a ->
            newStore().use { b ->
                a.logSet(squat(), LogTime.Now)
                val first = a.syncFolder(folder.path, null, null)
                check(first.written != null) { "a wrote its file" }
                val second = b.syncFolder(folder.path, null, Recorder())
                checkEq(1, second.merged.size, "b merged a's file")
                a.syncFolder(folder.path, null, null)
                checkEq(a.contentHash(), b.contentHash(), "converged")
                expectThrows<HeftException.Io>("not a folder") { a.syncFolder(File(folder, "nope").path, null, null) }
            }
        }
    },

    Test("CSV import with progress, dry run, export in both layouts, re-import") {
        newStore().use { store ->
            val csv = File(tempDir(), "strong.csv").apply { writeText(STRONG_CSV.trimStart()) }
            val dry = store.importCsv(csv.path, CsvImportOptions(source = null, unit = null, dryRun = true), null)
            checkEq(3uL, dry.setsRead, "dry run reads")
            checkEq(0, store.history(HistoryQuery(null, null, null, null)).size, "dry run writes nothing")
            val progress = Recorder()
            val report = store.importCsv(csv.path, CsvImportOptions(Source.STRONG, WeightUnit.KG, false), progress)
            checkEq(3uL, report.added, "added")
            check(progress.updates.get() >= 2 && progress.lastTotal > 0uL) { "progress counts bytes" }
            val out = File(tempDir(), "out.csv")
            checkEq(3uL, store.exportCsv(out.path, CsvLayout.STRONG, null).sets, "Strong layout")
            checkEq(3uL, store.exportCsv(out.path, CsvLayout.HEFT, WeightUnit.KG).sets, "Heft layout")
            newStore().use { other ->
                checkEq(3uL, other.importCsv(out.path, CsvImportOptions(null, null, false), null).added, "re-import")
            }
            val bad = File(tempDir(), "bad.csv").apply { writeText("a,b,c\n1,2,3\n") }
            val e = expectThrows<HeftException.InvalidInput>("unknown CSV") { store.importCsv(bad.path, CsvImportOptions(null, null, false), null) }
            checkEq("file", e.field, "field")
        }
    },

    Test("cancelling from the progress callback rolls everything back") {
        newStore().use { store ->
            val csv = File(tempDir(), "strong.csv").apply { writeText(STRONG_CSV.trimStart()) }
            val cancel = Recorder(cancelAfter = 1)
            expectThrows<HeftException.Cancelled>("cancelled import") {
                store.importCsv(csv.path, CsvImportOptions(null, null, false), cancel)
            }
            check(cancel.updates.get() >= 1) { "callback ran" }
            checkEq(0, store.history(HistoryQuery(null, null, null, null)).size, "nothing imported")
            val source = newStore()
            source.logSet(squat(), LogTime.Now)
            val file = File(tempDir(), "s.heft")
            source.exportFile(file.path, null)
            source.close()
            expectThrows<HeftException.Cancelled>("cancelled merge") { store.importFile(file.path, null, Recorder(cancelAfter = 1)) }
            checkEq(0, store.history(HistoryQuery(null, null, null, null)).size, "nothing merged")
        }
    },

    Test("a throwing progress callback fails the call, typed, and changes nothing") {
        newStore().use { store ->
            val csv = File(tempDir(), "strong.csv").apply { writeText(STRONG_CSV.trimStart()) }
            val throwing = object : ProgressListener {
                override fun update(done: ULong, total: ULong) { throw IllegalStateException("UI is gone") }
                override fun isCancelled(): Boolean = false
            }
            val e = expectThrows<HeftException.Other>("throwing callback") {
                store.importCsv(csv.path, CsvImportOptions(null, null, false), throwing)
            }
            check(e.reason.contains("progress callback")) { "reason: ${e.reason}" }
            checkEq(0, store.history(HistoryQuery(null, null, null, null)).size, "nothing imported")
        }
    },

    Test("calls made inside a progress callback leave the outer call's status alone") {
        // Each thread reuses one call status; a call from inside a callback
        // of another call must not overwrite the one the outer call awaits.
        newStore().use { store ->
            newStore().use { other ->
                val csv = File(tempDir(), "strong.csv").apply { writeText(STRONG_CSV.trimStart()) }
                var innerErrors = 0
                var innerCancelled = 0
                fun callInside() {
                    checkEq(0, other.history(HistoryQuery(null, null, null, null)).size, "inner call succeeds")
                    expectThrows<HeftException.NotFound>("inner call fails") { other.exercise("no-such-exercise") }
                    innerErrors++
                }
                val failingInside = object : ProgressListener {
                    override fun update(done: ULong, total: ULong) = callInside()
                    override fun isCancelled(): Boolean = false
                }
                val report = store.importCsv(csv.path, CsvImportOptions(null, null, false), failingInside)
                checkEq(3uL, report.added, "the outer call succeeds after inner errors")
                check(innerErrors >= 1) { "inner calls ran" }

                val cancelAfterInside = object : ProgressListener {
                    override fun update(done: ULong, total: ULong) = callInside()
                    override fun isCancelled(): Boolean {
                        checkEq(0, other.history(HistoryQuery(null, null, null, null)).size, "inner call succeeds")
                        innerCancelled++
                        return true
                    }
                }
                newStore().use { fresh ->
                    expectThrows<HeftException.Cancelled>("the outer call fails after inner successes") {
                        fresh.importCsv(csv.path, CsvImportOptions(null, null, false), cancelAfterInside)
                    }
                }
                check(innerCancelled >= 1) { "cancel check ran" }
                // The thread's own status is free again afterwards.
                expectThrows<HeftException.NotFound>("later error") { store.exercise("no-such-exercise") }
                checkEq(3, store.history(HistoryQuery(null, null, null, null)).sumOf { it.sets.size }, "later success")
            }
        }
    },

    Test("errors and successes alternate on one thread and across threads") {
        newStore().use { store ->
            val workers = (1..4).map { n ->
                Thread {
                    repeat(60) { i ->
                        if ((i + n) % 3 == 0) {
                            expectThrows<HeftException.InvalidInput>("NaN weight") { store.logSet(squat(Double.NaN), LogTime.Now) }
                        } else {
                            store.logSet(squat(100.0 + n), LogTime.Now)
                        }
                    }
                }
            }
            val failures = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
            workers.forEach { t -> t.setUncaughtExceptionHandler { _, e -> failures.add(e) }; t.start() }
            workers.forEach { it.join() }
            check(failures.isEmpty()) { "worker failed: ${failures.firstOrNull()}" }
            val expected = (1..4).sumOf { n -> (0 until 60).count { i -> (i + n) % 3 != 0 } }
            checkEq(expected, store.history(HistoryQuery(null, null, null, null)).sumOf { it.sets.size }, "every good set logged")
        }
    },

    Test("closeStore: every later call fails with Closed; close twice is harmless") {
        val store = newStore()
        checkEq(false, store.isClosed(), "open")
        store.closeStore()
        store.closeStore()
        checkEq(true, store.isClosed(), "closed")
        expectThrows<HeftException.Closed>("profile") { store.profile() }
        expectThrows<HeftException.Closed>("logSet") { store.logSet(squat(), LogTime.Now) }
        expectThrows<HeftException.Closed>("history") { store.history(HistoryQuery(null, null, null, null)) }
        expectThrows<HeftException.Closed>("importCsv") { store.importCsv("x.csv", CsvImportOptions(null, null, false), Recorder()) }
        // What the app shows for it, from the core, on the closed store too.
        val closed = expectThrows<HeftException.Closed>("today") { store.todayScreen("2026-12-07", Language.DE) }
        val problem = store.problemScreen(closed, Language.DE)
        checkEq(ProblemKind.CLOSED, problem.kind, "the problem's kind")
        checkEq(ProblemActionKind.REOPEN, problem.action?.kind, "the action that helps")
        checkEq("Heft wurde geschlossen", problem.title, "in German")
        val io = store.problemScreen(HeftException.Io("reading /sdcard/x.heft"), Language.EN)
        checkEq(ProblemActionKind.RETRY, io.action?.kind, "a file problem is retried")
        checkEq("reading /sdcard/x.heft", io.detail, "the error's own words as the detail")
        checkEq(io, describeProblem(HeftException.Io("reading /sdcard/x.heft"), Language.EN), "the same with no store")
        store.close()
        expectThrows<IllegalStateException>("a destroyed handle") { store.profile() }
    },

    Test("the database file is released on close and reopens with its data") {
        val dir = tempDir()
        val a = newStore(dir)
        a.logSet(squat(), LogTime.Now)
        a.closeStore()
        a.close()
        newStore(dir).use { b -> checkEq(1, b.history(HistoryQuery(null, null, null, null)).size, "data survives") }
        val text = "this is not a database, just some text that is long enough"
        val notHeft = File(dir, "notes.db").apply { writeText(text) }
        val refused = expectThrows<HeftException.InvalidInput>("not a Heft database") { HeftStore.open(notHeft.path) }
        checkEq("file", refused.field, "the field of a file that is not a Heft database")
        checkEq(text, notHeft.readText(), "left untouched")
        // A Heft database damaged behind SQLite's header is moved aside.
        val bad = File(dir, "bad.db")
        HeftStore.open(bad.path).use { it.logSet(squat(), LogTime.Now); it.closeStore() }
        val bytes = bad.readBytes()
        for (i in 100 until 4096) bytes[i] = 0xA5.toByte()
        bad.writeBytes(bytes)
        expectThrows<HeftException.Corrupt>("damaged file") { HeftStore.open(bad.path) }
        check(dir.listFiles()!!.any { it.name.startsWith("bad.db.corrupt-") }) { "moved aside, not deleted" }
        HeftStore.open(bad.path).use { fresh ->
            check(fresh.takeSetAsideNotice()?.contains("bad.db.corrupt-") == true) { "the new database says where the damaged one is" }
            checkEq(null, fresh.takeSetAsideNotice(), "said once")
        }
    },

    Test("recoverDatabase merges a copy set aside into the new database; damageFound is null while sound") {
        val dir = tempDir()
        val db = File(dir, "heft.db")
        HeftStore.open(db.path).use { it.logSet(squat(), LogTime.Now); it.closeStore() }
        // As an open leaves it after meeting damage: the old file aside, a new one in its place.
        check(db.renameTo(File(dir, "heft.db.corrupt-5"))) { "renamed" }
        HeftStore.open(db.path).use { fresh ->
            checkEq(null, fresh.damageFound(), "no damage found in a new database")
            checkEq(0, fresh.history(HistoryQuery(null, null, null, null)).size, "empty before recovery")
            fresh.closeStore()
        }
        val report = recoverDatabase(db.path)
        check(report.merged) { "merged into the database in place" }
        check(report.damagedFile.endsWith("heft.db.corrupt-5")) { "the copy stays where it was: ${report.damagedFile}" }
        val sets = report.tables.first { it.table == "set_entry" }
        checkEq(1uL, sets.saved, "the set saved")
        checkEq(0uL, sets.lost, "nothing lost")
        HeftStore.open(db.path).use { checkEq(1, it.history(HistoryQuery(null, null, null, null)).sumOf { w -> w.sets.size }, "the set is back") }
        val sound = File(tempDir(), "sound.db")
        HeftStore.open(sound.path).use { it.closeStore() }
        expectThrows<HeftException.Conflict>("nothing to recover") { recoverDatabase(sound.path) }
    },

    Test("two threads share one store safely") {
        newStore().use { store ->
            val threads = 4
            val each = 25
            val start = CountDownLatch(1)
            val errors = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
            val workers = (1..threads).map { t ->
                Thread {
                    start.await()
                    try {
                        repeat(each) { i ->
                            store.logSet(squat(60.0 + t + i / 10.0), LogTime.Now)
                            if (i % 5 == 0) store.history(HistoryQuery(null, null, null, 5u))
                        }
                    } catch (e: Throwable) { errors.add(e) }
                }.apply { start() }
            }
            start.countDown()
            workers.forEach { it.join() }
            check(errors.isEmpty()) { "errors: ${errors.toList()}" }
            val sets = store.history(HistoryQuery(null, null, null, null)).sumOf { it.sets.size }
            checkEq(threads * each, sets, "every set logged once")
        }
    },

    Test("screens: Progress on first run, after sets in pounds, and after an undo") {
        newStore().use { store ->
            val today = storeToday(store)
            val first = store.progressScreen(today, Language.EN)
            check(first.empty != null) { "first run: the empty state" }
            checkEq(5, first.minutes.bars.size, "five weeks of minutes")
            check(first.minutes.bars.last().current) { "the last bar is this week" }
            store.updateProfile(ProfileUpdate(unit = WeightUnit.LB))
            for ((d, w) in listOf(21L to 100.0, 14L to 102.5, 7L to 105.0, 2L to 107.5)) {
                store.logSets(List(3) { squat(w) }, LogTime.OnDate(daysAgo(store, d)))
            }
            val screen = store.progressScreen(today, Language.EN)
            checkEq(null, screen.empty, "something logged")
            val lift = screen.lifts.single()
            checkEq("back-squat", lift.exerciseId, "the lift trained")
            checkEq(4, lift.chart.points.size, "a point per session")
            check(lift.current.endsWith(" lb")) { "in the person's unit: ${lift.current}" }
            check(lift.chart.yMin <= lift.chart.points.minOf { it.value }) { "the axis holds every point" }
            check(lift.chart.yMax >= lift.chart.points.maxOf { it.value }) { "the axis holds every point" }
            val best = lift.records.first { it.label == "Best e1RM" }
            checkEq("New", best.badge, "a record of the last 28 days beating an earlier one")
            store.undo()
            val after = store.progressScreen(today, Language.DE)
            checkEq(3, after.lifts.single().chart.points.size, "the undone session is gone from the chart")
            check(after.lifts.single().current.contains(",")) { "German decimals: ${after.lifts.single().current}" }
        }
    },

    Test("program screens: list, detail, start, a swap for good and training days that Today follows") {
        newStore().use { store ->
            val today = storeToday(store)
            val list = store.programListScreen(today, Language.EN)
            check(list.rows.size >= 7) { "the built-in programs: ${list.rows.size}" }
            check(list.rows.none { it.running }) { "none runs yet" }
            val liftmor = list.rows.first { it.programId == "liftmor" }
            check(liftmor.week.endsWith("60 min a week")) { "its week: ${liftmor.week}" }
            val detail = store.programScreen("liftmor", today, Language.DE)
            checkEq(ActionKind.START_PROGRAM, detail.actions.first().kind, "it can be started")
            check(detail.phases.first().days.first().rows.first().sets.contains("×")) { "sets × reps" }
            expectThrows<HeftException.NotFound>("unknown program") { store.programScreen("no-such-program", today, Language.EN) }
            checkEq(null, store.programStatusScreen(today, Language.EN).programId, "no program yet")
            var status = store.programStartScreen("liftmor", today, Language.EN)
            checkEq("liftmor", status.programId, "started")
            check(store.programListScreen(today, Language.EN).rows.single { it.running }.programId == "liftmor") { "the list says which runs" }
            val squat = status.swaps.first { it.exerciseId == "back-squat" }
            check(squat.choices.any { it.id == "goblet-squat" }) { "goblet squat may replace the back squat: ${squat.choices}" }
            status = store.programSwapScreen("back-squat", "goblet-squat", today, Language.EN)
            checkEq("goblet-squat", status.swaps.first { it.exerciseId == "back-squat" }.chosenId, "swapped for good")
            // Train two days from now only: today becomes a rest day.
            val later = java.time.LocalDate.parse(today).plusDays(2)
            val day = Weekday.values()[later.dayOfWeek.value - 1]
            status = store.programDaysScreen(listOf(day), today, Language.EN)
            checkEq(listOf(day), status.days.filter { it.chosen }.map { it.day }, "the chosen day")
            var screen = store.todayScreen(today, Language.EN)
            check(screen.cards.any { it.exerciseId == "goblet-squat" }) { "Today plans the goblet squat" }
            check(screen.cards.none { it.exerciseId == "back-squat" }) { "and not the back squat" }
            checkEq(ActionKind.REST, screen.actions.first().kind, "a rest day until the chosen day")
            check(screen.banners.any { it.text.startsWith("Rest day") }) { "it says so: ${screen.banners}" }
            checkEq(listOf(day), store.programAdjustments().days, "kept")
            check(store.setTrainingDays(listOf()).days.isEmpty()) { "any day again" }
            screen = store.todayScreen(today, Language.EN)
            check(screen.actions.first().kind != ActionKind.REST) { "today trains again" }
            check(store.swapExercise("back-squat", "back-squat").swaps.isEmpty()) { "the swap taken back" }
            store.undo()
            checkEq("goblet-squat", store.programAdjustments().swaps.single().toId, "undo brings the swap back")
            val stopped = store.programStopScreen(today, Language.EN)
            check(stopped.rows.none { it.running }) { "stopped" }
        }
    },

    Test("closing while another thread works: its calls end, typed, never crash") {
        val store = newStore()
        val stop = CountDownLatch(1)
        val outcome = java.util.concurrent.atomic.AtomicReference<Throwable?>(null)
        val worker = Thread {
            try {
                while (true) { store.logSet(squat(), LogTime.Now); stop.countDown() }
            } catch (e: Throwable) { outcome.set(e) }
        }.apply { start() }
        stop.await()
        store.closeStore()
        worker.join(10_000)
        check(outcome.get() is HeftException.Closed) { "worker ended with ${outcome.get()}" }
        store.close()
    },

    Test("benchmark probes: no-op, echoes and Rust-side logging") {
        ffiNoop()
        val echoed = ffiEchoSet(squat(102.5), LogTime.Now)
        checkEq(squat(102.5), echoed, "echo")
        checkEq("back-squat ✓", ffiEchoText("back-squat ✓"), "echo text")
        newStore().use { store ->
            check(ffiLogSetsInRust(store, squat(), 3u) >= 0.0) { "seconds" }
            checkEq(3, store.history(HistoryQuery(null, null, null, null)).sumOf { it.sets.size }, "sets")
        }
    },

    Test("onboarding: a first run, step by step, to the first planned session; then Settings") {
        newStore().use { store ->
            check(store.needsOnboarding()) { "a new store needs onboarding" }
            var screen = store.onboardingScreen(OnboardingStep.UNITS, Language.EN)
            checkEq(SetupActionKind.NEXT, screen.actions.first().kind, "the first step goes on")
            // A field error is screen state: nothing saved, the step again.
            val wrong = store.onboardingSubmit(OnboardingStep.BODY, listOf(FieldValue("birth_year", "19x8")), Language.EN)
            check(!wrong.saved) { "nothing saved with a field error" }
            checkEq("birth_year", wrong.onboarding?.errors?.first()?.field, "the field at fault")
            checkEq("19x8", wrong.onboarding?.fields?.first()?.value, "what was typed is kept")
            val answers = listOf(
                OnboardingStep.UNITS to listOf(FieldValue("unit", "kg")),
                OnboardingStep.BODY to listOf(FieldValue("birth_year", "1958"), FieldValue("sex", "female")),
                OnboardingStep.BONES to listOf(FieldValue("bone_status", "osteopenia"), FieldValue("fracture_history", "none")),
                OnboardingStep.EQUIPMENT to listOf(FieldValue("equipment", "barbell"), FieldValue("equipment", "dumbbell")),
            )
            for ((step, values) in answers) {
                val out = store.onboardingSubmit(step, values, Language.EN)
                check(out.saved) { "$step: ${out.onboarding?.errors}" }
                screen = out.onboarding ?: error("a next step after $step")
            }
            checkEq(OnboardingStep.PROGRAM, screen.step, "the last step chooses a program")
            checkEq(SetupActionKind.START_TRAINING, screen.actions.first().kind, "and starts training")
            val suggested = screen.fields.first().choices.filter { it.suggested }
            check(suggested.any { it.value == "liftmor" }) { "LIFTMOR suggested with low bone mass: $suggested" }
            check(suggested.all { it.detail != null && it.about != null }) { "time a week and what it is for" }
            val out = store.onboardingSubmit(OnboardingStep.PROGRAM, listOf(FieldValue("program", "liftmor")), Language.EN)
            check(out.saved && out.onboarding == null) { "onboarding done" }
            val today = out.today ?: error("the first planned session")
            checkEq(ActionKind.LOG_AS_PRESCRIBED, today.actions.first().kind, "the first set to log")
            check(!store.needsOnboarding()) { "no onboarding once done" }
            // The first session is due today: the daily reminder says so.
            val reminder = store.reminder(LocalDate.now().toString(), Language.EN) ?: error("a session due today")
            check(reminder.body.contains("Deadlift")) { reminder.body }
            checkEq(BoneStatus.OSTEOPENIA, store.profile().boneStatus, "saved in the profile")
            // Settings show what onboarding saved and save changes.
            val settings = store.settingsScreen(Language.EN)
            checkEq(SettingsSection.PROFILE, settings.rows.first().section, "the profile first")
            check(settings.rows.first().value.contains("1958")) { settings.rows.first().value }
            val units = store.settingsForm(SettingsSection.UNITS, Language.EN)
            checkEq(listOf("kg", "lb"), units.fields.first().choices.map { it.value }, "the allowed units")
            val bad = store.settingsSubmit(SettingsSection.BANDS, listOf(FieldValue("bands", "red red")), Language.EN)
            check(!bad.saved && bad.form.errors.first().field == "bands") { "a band twice is a field error" }
            checkEq(null, store.preferredLanguage(), "the phone's language until one is chosen")
            val saved = store.settingsSubmit(SettingsSection.LANGUAGE, listOf(FieldValue("language", "de")), Language.EN)
            check(saved.saved) { "${saved.form.errors}" }
            checkEq(Language.DE, store.preferredLanguage(), "this device's language")
        }
    },

    Test("sync: export and import a file as bytes between two stores") {
        val dir = tempDir()
        newStore().use { a ->
            newStore(dir).use { b ->
                a.logSet(squat(), LogTime.Now)
                val file = a.exportBytes(null)
                check(file.name.endsWith(".heft") && file.bytes.isNotEmpty()) { file.name }
                val screen = b.importBytes(file.bytes, file.name, null, Language.EN)
                checkEq(a.contentHash(), b.contentHash(), "the same data on both")
                checkEq(1, screen.devices.size, "the other device seen")
                check(screen.last?.summary?.contains("1 set") == true) { "${screen.last}" }
                val bad = expectThrows<HeftException.Corrupt>("bytes that are no export") {
                    b.importBytes("not an export".toByteArray(), "junk.heft", null, Language.EN)
                }
                check(bad.reason.startsWith("junk.heft")) { "names the file: ${bad.reason}" }
                checkEq(a.contentHash(), b.contentHash(), "a bad file changes nothing")
                val locked = a.exportBytes("correct horse")
                check(locked.summary.encrypted) { "encrypted" }
                expectThrows<HeftException.InvalidInput>("no passphrase") {
                    b.importBytes(locked.bytes, locked.name, null, Language.EN)
                }
            }
            // The last result after a restart.
            newStore(dir).use { b ->
                check(b.syncScreen(Language.DE).last?.files?.first()?.name?.startsWith("heft-") == true) { "kept" }
                // A CSV export of another app, read by the shell as bytes.
                val csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n" +
                    "2026-11-20 18:00:00,Evening,45m,Deadlift (Barbell),1,120,5,0,0,,,\n"
                val imported = b.importCsvBytes(csv.toByteArray(), "strong.csv", CsvImportOptions(null, WeightUnit.KG, false), Language.EN)
                checkEq("strong.csv", imported.last?.files?.first()?.name, "the file named")
                checkEq("Brought 1 set", imported.last?.files?.first()?.text, "what it brought")
            }
        }
    },

    Test("sync: a folder's documents bring new sets and fire the change listener") {
        newStore().use { a ->
            newStore().use { b ->
                a.logSet(squat(), LogTime.Now)
                val aDoc = a.syncDocuments(emptyList(), null, Language.EN).write ?: error("A's own document")
                val stale = java.util.concurrent.ConcurrentLinkedQueue<List<ScreenKind>>()
                b.onChange(object : ChangeListener {
                    override fun onChange(screens: List<ScreenKind>) { stale.add(screens) }
                })
                val out = b.syncDocuments(listOf(aDoc, SyncDocument("notes.txt", byteArrayOf(1, 2))), null, Language.EN)
                check(stale.any { ScreenKind.TODAY in it && ScreenKind.HISTORY in it }) { "new sets make Today and History stale: $stale" }
                check(stale.any { ScreenKind.SYNC in it }) { "a new device makes Sync stale: $stale" }
                checkEq(1, b.history(HistoryQuery(null, null, null, null)).sumOf { it.sets.size }, "A's set arrived")
                val bDoc = out.write ?: error("B's own document to write back")
                checkEq("${b.deviceId()}.heft", bDoc.name, "under this device's name")
                checkEq(SetupActionKind.SYNC_FOLDER, out.screen.actions.first().kind, "the actions")
                val again = b.syncDocuments(listOf(aDoc, bDoc), null, Language.EN)
                checkEq(null, again.write, "nothing new to write back")
                a.syncDocuments(listOf(aDoc, bDoc), null, Language.EN)
                checkEq(a.contentHash(), b.contentHash(), "both hold the same")
            }
        }
    },

    Test("every exported method is called by these tests") {
        // The generated interface lists the store's methods; top-level
        // functions are the ffi* probes. This file must call each one.
        val generated = File(System.getProperty("heft.generated")).readText()
        val iface = generated.substringAfter("public interface HeftStoreInterface {").substringBefore("\n}\n")
        val methods = Regex("""fun `(\w+)`\(""").findAll(iface).map { it.groupValues[1] }.toSet()
        check(methods.size > 40) { "found only ${methods.size} methods" }
        val source = File(System.getProperty("heft.tests.source")).readText()
        val missing = methods.filter { !source.contains(".$it(") } +
            listOf("open", "openInMemory").filter { !source.contains("HeftStore.$it(") }
        check(missing.isEmpty()) { "not called by any test: $missing" }
    },
)

fun main(args: Array<String>) = runTests(tests, args.toSet())
