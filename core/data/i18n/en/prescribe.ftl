# What the engine says about one exercise of a session: the band, the load,
# the reserve and the rest it plans, and why
# (core/src/progression/engine/prescribe.rs). Percentages, numbers and
# weights arrive formatted.

## Which exercise and which band

# $chosen, $replaced: exercise names; $reason: the id of the swap-* message
# that says why, whose own values come along.
load-swap = { $chosen } instead of { $replaced }: { $reason ->
    [swap-lighter-steps] { swap-lighter-steps }
    [swap-no-equipment] { swap-no-equipment }
    [swap-spinal-flexion] { swap-spinal-flexion }
    [swap-spinal-rotation] { swap-spinal-rotation }
    [swap-chosen] { swap-chosen }
   *[swap-impact] { swap-impact }
}.
load-band-none = No bands in your profile: use a band with which the last rep is hard. List your bands in the profile, light to heavy, and log the band with each set (e.g. 12r@band:red): the plan then names the next one.
load-band-first = The { $band } band, the lightest on your list, until a band is logged; log the band with each set (e.g. 12r@band:{ $band }).
load-lighter-band = Planned lighter week: the { $band } band, one lighter than the { $from }.

## The load

# $source: how the estimate was made, as the state keeps it.
load-estimate = Estimated 1RM { $estimate } { $source }.
load-low-bone-mass-cap = Low bone mass: at most { $percent }% of the estimated 1RM until familiarization is done (LIFTMOR, ESSA).
load-technique = Technique: the lightest load, every rep smooth and controlled.
load-band-floor = The estimate has grown past the load: the band's bottom ({ $percent }% of it) is about { $load }.
load-band-top = At the top of the band ({ $percent }% of the estimated 1RM): the load rises as the estimate does.
load-band-share = { $percent }% of the estimated 1RM (program: { $range ->
    [single] { $low }%
   *[range] { $low }-{ $high }%
}).
# A percentage slot's low end is past what the chart allows for its sets.
# $sets, $reps: the slot's sets and reps; $percent: its low end; $most: the
# most the chart allows; $first, $floor: the reserve of the first and the
# last set.
load-band-past-reserve = { load-scheme } at { $percent }% of 1RM would leave nothing in reserve by { load-last-set } on the chart{ load-rest-cost }; with low bone mass or new to lifting { load-last-set } stops a rep short: at most { $most }% (about { $first } reps in reserve on the first set, { $floor } on the last).
load-band-past-failure = { load-scheme } at { $percent }% of 1RM would take { load-last-set } past failure on the chart{ load-rest-cost }: at most { $most }%, { load-last-set } ending near failure.
load-scheme = { $sets ->
    [1] { $reps } reps
   *[other] { $sets } x { $reps }
}
load-last-set = { $sets ->
    [1] the set
   *[other] the last set
}
# $cost: none, or the share of a rep each set costs the next ($lost) with
# $rest seconds of rest.
load-rest-cost = { $cost ->
    [none] { "" }
   *[other] { " " }(with { $rest } s rests each set leaves about { load-rep-share } less for the next)
}
load-rep-share = { $cost ->
    [half] half a rep
    [quarter] a quarter of a rep
   *[other] { $lost } of a rep
}
load-reserve-floor = The estimate has outgrown the load: { $reps } reps with { $reserve } in reserve is about { $percent }% of it.
load-reserve-share = { $reps } reps with { $reserve } in reserve is about { $percent }% of the estimated 1RM (RPE chart, an approximation).
load-jump-limit = At most 10% heavier than last time ({ $last }), or one step of the equipment where that alone is more: the rest of the way over the next sessions.
load-find = No estimate yet: work up in small jumps to a weight you could lift { $reserve } more times at the end of the set, and log it with its RIR or RPE. No 1RM test: estimates from sets of 3-10 reps are safer.
load-lighter-week = Planned lighter week: { $cut }% under the last working load ({ $last }), easier than the weeks around it.
load-lighter-phase = Planned lighter week: the phase's easier target, 90% of its load.
load-probe = The last sets were logged with more in reserve than the chart reads reliably, so the estimate is a lower bound: { $load } tests it. Stop each set at RIR { $reserve } even if that comes before { $reps } reps; the estimate follows what you log.
# $alternative: exercise (the slot's alternative $exercise, on $equipment)
# or none.
load-cap-lightest = The lightest load your equipment makes ({ $load }) is { $percent }% of the estimated 1RM, over the 70% cap: { $alternative ->
    [exercise] { $exercise } ({ $equipment })
   *[none] lighter equipment
} allows lighter loads.

## Pain, age and rest

load-pain = Pain { $pain }/10 last time: the load is not raised until it settles.
load-older = Steps are smaller from 60: older muscle responds less to each session, so slower progress is normal.
load-rest = Rest about { $minutes } min between sets.
