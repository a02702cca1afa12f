# The Program screen (core/src/screens/program.rs): the list of programs,
# one program's phases, days and exercises, the running program's status,
# and the person's own adjustments to it.

undo-swapped-exercise = swapped { $from } for { $to }
undo-unswapped-exercise = took back the swap of { $exercise }
undo-chose-days = { $days ->
        [0] chose to train on any day
       *[other] chose the training days
    }

programs-title = Programs
program-running = Running
program-week = { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    } a week · about { $minutes } min each · { $total } min a week
program-spacing = At least { $days ->
        [one] 1 day
       *[other] { $days } days
    } between sessions
program-replaced = { $exercise } is replaced: { $reason }.
program-swapped = { $exercise } in its place ({ $reason })
phase-kind-familiarization = Familiarization
phase-kind-training = Training
phase-kind-deload = Lighter weeks
phase-length = { $kind } · { $weeks ->
        [one] 1 week
       *[other] { $weeks } weeks
    } · { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }
day-title = Day { $day }
slot-sets = { $sets } × { $reps }
slot-technique = Technique: empty bar or lightest load
slot-no-rest = No rest: straight on to the next exercise
action-start-program = Start this program
action-switch-program = Switch to this program
action-stop-program = Stop the program
status-subtitle = Session { $session } · { $phase }
status-next-today = Next: day { $day }, today
status-next = Next: day { $day }, from { $date }
lift-estimate = e1RM { $estimate }
lift-load = Working load { $load }
days-any = You train on any day: the next session comes when rest allows
days-chosen = You train on { $days }
days-fewer-than-sessions = { $days ->
        [one] 1 day
       *[other] { $days } days
    } chosen for { $sessions } sessions a week: the program takes longer than its weeks.
days-too-close = Two of your days are less than { $days ->
        [one] 1 day
       *[other] { $days } days
    } apart, the program's rest between sessions: after the first, the next session waits.

## The built-in programs' summaries (a test keeps the English equal to
## the programs' own).

program-foundation-summary = Technique first, then load: two weeks of movement practice (hip hinge, goblet squat, bridge, push-up from a bench, band row, dead bug, bird dog), then three stages over ten weeks that move from light sets of 8-12 with plenty in reserve to barbell or dumbbell basics in sets of 5-8 with 2-3 reps in reserve. Two sessions of about 30 minutes a week. For beginners, for people returning after a long break, and for anyone whose back complains.
program-liftmor-summary = Deadlift, back squat and overhead press, 5 x 5 at 80-85% of estimated 1RM, plus jumping chin-ups with drop landings, twice a week for about 30 minutes, after about a month of technique and light loads. The program of the LIFTMOR trial, in which postmenopausal women with low bone mass gained lumbar spine and femoral neck bone density and function. With a prior vertebral fracture, see a physiotherapist before heavy loading.
program-linear-5x5-summary = The classic novice barbell program: two alternating workouts, A (squat, bench press, barbell row) and B (squat, overhead press, deadlift), 5 sets of 5 (deadlift 1 set of 5), three times a week on non-consecutive days. The weight goes up every session in which all reps were done. For healthy beginners with a barbell who want to get strong quickly; it stalls after some months, and then another program fits better.
program-lisa-heavy-summary = Nine machine exercises for the whole body, 3 sets each, three times a week: 8 weeks of acclimatisation at 15 reps, then repeating 9-week blocks that go from 3 x 12 at about 70% of estimated 1RM to 3 x 6 at about 85%, with a light week at the end of each block. The heavy arm of the LISA trial in adults aged 62-70, the only arm that kept leg strength above baseline four years later. Every machine has free-weight and home stand-ins.
program-lisa-moderate-summary = A home circuit of nine body-weight and elastic-band exercises, three rounds of 10-18 reps with no rest between exercises, three times a week. Reps climb to 18, then the exercise gets harder (a steeper push-up, a split squat, a stronger band). The moderate arm of the LISA trial in adults aged 62-70. In that trial only the heavy machine program kept leg strength above baseline four years later; choose this one when machines or heavy loads are not an option.
program-minimum-dose-summary = Two 20-minute sessions a week on non-consecutive days, about 40 minutes in all: the weekly amount at which the cohort studies found the largest drop in mortality. Each session is three heavy compound lifts, sets of 5 with 1-3 reps in reserve; day A squats, presses and rows, day B deadlifts, presses overhead and pulls down. For people who want the health benefit with the least time.
program-runner-strength-summary = Two sessions a week of about 30 minutes, lower body first: squat or trap-bar deadlift, Romanian deadlift, Bulgarian split squat, step-ups and calf raises, plus one push and one pull. Heavy sets of 5-8 reps stopped 1-2 reps short of failure, which builds strength with little volume, so it fits next to running. In weeks with more than 150 minutes of running, one working set per exercise is dropped.
