# Heft's screens, in English. Every sentence a phone app shows comes from
# here; numbers, weights and dates arrive formatted (core/src/text).

## Dates and durations

weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date-short = { $weekday } { $day } { $month }
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-minutes-seconds = { $minutes }:{ $seconds } min

## Shared

note-rule-of-thumb = rule of thumb
state-done = done
state-next = next
state-to-do = to do

## Today

no-program-title = No program running
no-program-body = Choose a program and Heft says what to lift each session, and why.
action-choose-program = Choose a program
today-subtitle = Session { $session } · { $phase } · day { $day } · { $date }
phase-position = { $phase }, { $session } of { $sessions }
today-minutes = About { $minutes } min · { $week } min of lifting this week with it
dose-below = Below the 40–60 min a week where the benefit peaks
dose-in-band = Within the 40–60 min a week where the benefit peaks
dose-above = Above 60 min a week: more brings no more benefit
dose-far-above = Above 130 min a week: the benefit is gone and the risk rises
warning-dose-high = { $minutes } min of lifting this week with this session: above the 40–60 min where the benefit peaks.
warning-dose-too-high = { $minutes } min of lifting this week: above 130 min the benefit is gone and the risk rises.
warning-too-soon = The program asks for { $days ->
    [one] 1 day
   *[other] { $days } days
} from one session to the next; next session from { $next }.
warning-same-pattern = { $exercise } was trained hard on { $on }: 48 h between hard sessions for the same movement; next from { $next }.
warning-see-physio = After a vertebral fracture, see a physiotherapist before heavy loading.
warning-pain = Pain was reported on { $exercise } last time.
warning-layoff-ramp = { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} since the last session: technique and light loads again before heavy work.
warning-layoff-lighter = { $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} since the last session: loads at { $percent }% of before; the estimate is re-checked within a session or two.
today-ready-on = Rest day: the next session is best from { $date }
sets-done = { $done } of { $planned ->
    [one] { $planned } set
   *[other] { $planned } sets
} done
sets-logged = { $count ->
    [one] 1 set logged
   *[other] { $count } sets logged
}
card-rest = Rest { $rest } between sets
swap-note = Instead of { $from }: { $reason }
row-warmup = Warm-up { $number }
row-set = Set { $number }
row-extra = Extra set { $number }
row-spoken = { $label }: { $set }, { $state }
load-body-weight = Body weight
load-body-weight-plus = Body weight + { $weight }
load-body-weight-assisted = Body weight, { $weight } assistance
load-work-up-from = Work up from { $weight }
load-work-up = Work up to a load
set-load-reps = { $load } × { $reps }
set-load-hold = { $load }, { $hold }
reps-span = { $min }–{ $max }
reps-fixed = { $reps ->
    [one] 1 rep
   *[other] { $reps } reps
}
reps-range = { $min }–{ $max } reps
hold-seconds = { $seconds } s
set-with-band = { $set }, { $band } band
done-with-rir = { $set } · RIR { $rir }
effort-rir = { $rir } in reserve · RPE { $rpe }
percent-e1rm = { $percent }% of e1RM
effort-and-percent = { $effort } · { $percent }
last-time = Last time: { $set }
plates-per-side = Per side: { $plates }
plates-held = Plates: { $plates }
plates-bar-only = Empty bar
rest-timer = Rest { $rest }
action-log-next = Log { $exercise }: { $set }
action-enter-load = Enter the load for { $exercise }
action-undo = Undo
action-finish-workout = Finish the workout
today-unavailable-title = Today cannot be shown
today-unavailable-body = What you logged is saved. The program could not be read just now; open Program to see why.
action-finish = Finish and count the session
action-rest = Rest today

## Finish

finish-session-title = Session { $session } done
finish-workout-title = Workout finished
finish-summary = { $exercises ->
    [one] 1 exercise
   *[other] { $exercises } exercises
} · { $sets ->
    [one] 1 set
   *[other] { $sets } sets
}
finish-summary-with-length = { $summary } · { $minutes } min
finish-next = Next session from { $date }: { $phase }, day { $day }
badge-up = +{ $amount }
badge-down = −{ $amount }
badge-reps-up = { $reps ->
    [one] +1 rep
   *[other] +{ $reps } reps
}
badge-reps-down = { $reps ->
    [one] −1 rep
   *[other] −{ $reps } reps
}
badge-load-set = { $weight } next time
badge-band = Band: { $band }
badge-same = Same again
badge-not-next = Not in the next session
action-done = Done

## Log

log-error-no-exercise = Choose an exercise
log-error-unknown-exercise = No exercise is called “{ $name }”
log-error-no-sets = Write a set such as 100x5 (load x reps)
log-error-not-a-set = “{ $token }” is not a set: { $detail }
log-error-too-many = At most { $max } sets at once
log-preview-set = Set { $number }: { $set }
log-error-one-set = An edit changes one set: write one, as in 100x5
action-save-set = Save the set
action-save-anyway = Save it anyway
action-delete-set = Delete the set
action-log-sets = { $count ->
    [one] Log 1 set
   *[other] Log { $count } sets
}
action-log-anyway = { $count ->
    [one] Log it anyway
   *[other] Log them anyway
}
slip-sets = { $count ->
    [one] set { $list }
   *[other] sets { $list }
}
slip-below-bar = { $exercise }, { $sets }: { $weight } is lighter than the empty bar; a barbell load includes the bar.
slip-looks-swapped = { $exercise }, { $sets }: { $weight } for { $reps ->
    [one] 1 rep
   *[other] { $reps } reps
} looks like load and reps the wrong way round; did you mean { $meant }?
slip-other-unit = { $exercise }, { $sets }: { $weight } fits your recent loads only in the other unit; did you mean { $meant }?
slip-other-unit-times = { $exercise }, { $sets }: { $weight } is { $ratio } times your recent working weight ({ $recent }); did you mean { $meant }?
slip-beyond-records = { $exercise }, { $sets }: { $weight } is more than anyone has lifted this way; check the number and its unit.
problem-not-finite = { $field }: not a number
problem-negative = { $field }: cannot be negative
limit-more-than = more than { $limit }
problem-too-large = { $field }: at most { $max }
problem-out-of-range = { $field }: from { $min } to { $max }
problem-not-a-step = { $field }: a multiple of { $step }
problem-missing = { $field }: missing
problem-empty = { $field }: empty
problem-too-long = { $field }: too long (at most { $max } characters)
problem-control-characters = { $field }: no control characters
problem-in-future = { $field }: in the future
problem-too-early = { $field }: too long ago
problem-before-start = { $field }: before the start
problem-conflicts = { $field }: not together with { $other }
problem-malformed = { $field }: not readable ({ $detail })
problem-wrong-for-exercise = { $field }: does not fit this exercise
problem-wrong-for-measure = { $field }: does not fit how this exercise is measured
log-needs-reps = Add the reps: { $exercise } is counted in reps, as in 100x5
log-needs-load = Add the load: { $exercise } is done with a weight, as in 100x5 (0 for an empty machine)
log-needs-time = Add the time: { $exercise } is timed, as in 30s
log-needs-distance = Add the distance: { $exercise } is measured by distance, as in 20x40m
log-needs-amount = Add reps, a time or a distance, as in 100x5
log-zero-reps = At least 1 rep; write a missed attempt as a failure set, as in f:100x0
field-exercise = Exercise
field-weight = Load
field-added-weight = Added load
field-reps = Reps
field-rir = Reps in reserve
field-rpe = RPE
field-duration = Time
field-distance = Distance
field-landings = Landings
field-drop-height = Drop height
field-pain = Pain
field-note = Note
field-band = Band
field-name = Name
field-alias = Alias
field-date = Date
field-finished-at = End
field-birth-year = Birth year
field-count = Number of sets
field-id = Id
field-loadout = Equipment
field-running-min-week = Running minutes a week
field-program = Program
field-measure = Measure
field-site = Site
field-unit = Unit
field-value = Value

## Equipment

equipment-barbell = barbell
equipment-dumbbell = dumbbell
equipment-kettlebell = kettlebell
equipment-machine = machine
equipment-cable = cable
equipment-band = band
equipment-bodyweight = body weight
equipment-trap_bar = trap bar
equipment-smith_machine = Smith machine
equipment-ez_bar = EZ bar
equipment-plate = plate
equipment-sled = sled
equipment-other = other

# The "session due today" reminder.
reminder-title = Session { $session } today
reminder-body = { $program }, about { $minutes } min: { $exercises }
