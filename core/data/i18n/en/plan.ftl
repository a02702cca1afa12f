# What the engine says about a whole session and why it replaced an
# exercise (core/src/progression/engine.rs, safety.rs, prescribe.rs).

## Why an exercise was replaced

swap-lighter-steps = even the lightest { $from } load was near your limit; { $to } allows lighter steps
swap-no-equipment = { $exercise } needs { $equipment } equipment you do not have
swap-spinal-flexion = loaded or repeated spinal flexion is avoided with low bone mass
swap-spinal-rotation = forceful twisting is avoided with low bone mass
swap-impact = high-impact landings are replaced by lower impact with osteoporosis or a vertebral fracture
swap-chosen = your own choice, from now on

## Starting a program

start-above-band-on-purpose = This program plans about { $minutes } min of lifting a week, above the 40-{ $band } min band where the benefit peaks{ $gone ->
        [yes] {" "}(above { $limit } min the cohorts saw it gone)
       *[no] {""}
    }: { $reason }
start-above-limit = This program plans about { $minutes } min of lifting a week, above the 40-{ $band } min band: above { $limit } min the benefit seen in cohorts is gone. Consider fewer sessions or a shorter program.
start-above-band = This program plans about { $minutes } min of lifting a week, above the 40-{ $band } min band where the benefit peaks.
start-program-familiarization = The program starts by learning the lifts at light loads.
start-ramp-low-bone-mass = With low bone mass, technique comes before heavy loads (LIFTMOR, ESSA 2017): { $weeks } weeks of familiarization first.
start-ramp-new-lifter = No lifting logged yet: { $weeks } weeks of technique and light loads first.
start-ramp-layoff = Months since the last heavy lifting: technique and light loads first.

## The session's reasons

plan-layoff-ramp = { $weeks } weeks since the last session: technique and light loads again before heavy work.
plan-layoff-lighter = { $weeks } weeks since the last session: loads at { $percent }% of before; the estimate is re-checked within a session or two.
plan-ramp-session = Familiarization { $session } of { $sessions }: { $why ->
        [low-bone-mass] technique before heavy loads, as in LIFTMOR.
       *[practice] technique first, loads ramp up.
    }
plan-running-trim = { $running } min of running a week (over { $limit }): one set fewer per exercise.

## The estimated 1RM: how it was made

estimate-from-set = from { $load } x { $reps }{ $effort ->
        [rir] {" "}at RIR { $rir }
       *[none] {""}
    } on { $date } ({ $formula }){ $layoff ->
        [yes] , less { $percent }% for { $weeks } weeks since
       *[no] {""}
    }
estimate-from-set-why = Estimated 1RM { $estimate } { estimate-from-set }.
estimate-raised = raised: { $load } x { $reps } at RIR { $rir } was far easier than planned
estimate-raised-why = Estimated 1RM { $estimate } { estimate-raised }.
