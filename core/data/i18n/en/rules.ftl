# What a finished session did to a lift's load and reps, and why
# (core/src/progression/engine/rules.rs). Several reasons begin with what
# the session showed: a variant of a -cause message, whose values the
# reason carries with its own.

## Shared pieces

# " with the red band", when a band is known.
rule-with-band = { $banded ->
    [yes] { " " }with the { $band } band
   *[no] { "" }
}
# The sets planned: "3x5 at 60 kg".
rule-summary = { $sets }x{ $reps }{ $loaded ->
    [yes] { " " }at { $target }
   *[no] { "" }
}
# The change of load: "+2.5 kg", "-5 kg".
rule-step = { $up ->
    [yes] +{ $step }
   *[no] { $step }
} { $weight-unit ->
    [lb] lb
   *[kg] kg
}

## Reps or seconds that climb (body weight, bands, holds)

# What each round did: "8, 8, 7 reps with the red band".
rule-shown = { $amounts } { $unit ->
    [s] s
   *[reps] reps
}{ rule-with-band }
rule-climb-short = Last time { rule-shown }, under the { $unit ->
    [s] { $planned } s
   *[reps] { $planned } reps
} planned: { $unit ->
    [s] { $next } s
   *[reps] { $next } reps
} next time, what every round reached, building back up.
rule-climb-same = Last time { rule-shown }: not every round reached { $unit ->
    [s] { $planned } s
   *[reps] { $planned } reps
}, same again next time.
rule-climb-again = Last time { rule-shown }, the last round at RIR { $rir }: { $unit ->
    [s] { $planned } s
   *[reps] { $planned } reps
} again next time.
rule-climb-up = Last time { rule-shown }{ $effort ->
    [spare] { " " }at RIR { $rir } (target { $most } or less)
   *[none] { "" }
}: { $unit ->
    [s] { $next } s
   *[reps] { $next } reps
} next time (top of the range { $top }).
# The top of the range reached, which the next reasons begin with.
rule-climb-top = { $effort ->
    [spare] Last time { rule-shown } at RIR { $rir } (target { $most } or less), the top of the range ({ $top }) within reach
   *[none] Last time { rule-shown }, the top of the range: { $unit ->
        [s] { $top } s
       *[reps] { $top } reps
    } on every round
}
rule-climb-variation = { rule-climb-top }: next time { $variation }, back to { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } reps
} (LISA: reps climb, then a harder variation).
rule-climb-band = { rule-climb-top }: next time the { $next-band } band, back to { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } reps
} (LISA: 10 to 18 reps, then a stronger band).
rule-climb-band-unlisted = { rule-climb-top }: next time a stronger band, back to { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } reps
}. With your bands in the profile, light to heavy, the plan names it.
rule-climb-band-heaviest = { rule-climb-top }: the { $band } band is the heaviest on your list, so keep { $unit ->
    [s] { $top } s
   *[reps] { $top } reps
} and make it harder with a slower lowering (3-4 s); a stronger band added to the list would be named here.
rule-climb-band-stronger = { rule-climb-top }: next time a band stronger than { $band }, back to { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } reps
}.
rule-climb-band-unknown = { rule-climb-top }: next time a stronger band, back to { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } reps
}.
rule-climb-harder = { rule-climb-top }: keep { $unit ->
    [s] { $top } s
   *[reps] { $top } reps
} and make it harder with { $how ->
    [position] a harder position (longer lever, one support less)
    [load] a little more load
   *[tempo] a slower lowering (3-4 s), a pause, or a harder variation
}.

## Far easier than planned in a practice phase

rule-practice-easy = Last time { $sets }x{ $reps }{ rule-with-band } at RIR { $rir } where { $planned } was planned, far easier
rule-practice-heavier = { rule-practice-easy } at { $load }: next time one step heavier, about { $to }.
rule-practice-variation = { rule-practice-easy }: next time { $variation }.
rule-practice-band = { rule-practice-easy }: next time the { $next-band } band.

## Pain

rule-pain-deload = Pain { $pain }/10 on { $exercise }: load down { $cut }% ({ rule-step }); if it persists, swap for { $swap ->
    [named] { $instead }
   *[easier] an easier variation
}.
rule-pain-easier = Pain { $pain }/10 on { $exercise }: easier variation or fewer reps next time.
rule-pain-hold = Pain { $pain }/10 on { $exercise }: same load next time.

## Short of the target

rule-stall-cause = { $cause ->
    [lighter] Last time { rule-summary }: all reps but at a lighter load, which does not count at the heavier target
    [missed] Last time { rule-summary }: not every rep was done
   *[ground-out] Last time { rule-summary }: all reps, but the last set was ground out (RIR { $rir })
}
rule-stall-lightest = { rule-stall-cause }; { $sessions } sessions without progress, already at the lightest load: fewer sets or an easier variation until it moves.
rule-stall-deload = { rule-stall-cause }; { $sessions } sessions without progress: deload { $cut }% ({ rule-step }) and build back up.
rule-stall-again = { rule-stall-cause }: same again next time ({ $stalls } of { $sessions } before a deload).

## The same load in a percentage slot, the estimate moving the band

rule-hold-cause = { $cause ->
    [short-at-failure] Last time { $done } reps at { $load }: one rep short only on the sets planned to be all-out, so the same weight next time
    [ground-out] Last time { rule-summary }: all reps, the last set ground out (RIR { $rir }): same load
   *[below-raise] Last time { rule-summary }, all reps done, last set at RIR { $rir }: same load until the last set leaves { $leave } in reserve
}
rule-hold = { rule-hold-cause }{ $estimate ->
    [rose] ; the estimate rose, and the load follows it in the band.
   *[same] .
}

## More load, or a rep first

rule-raise-cause = { $cause ->
    [easier] Last time { rule-summary } at RIR { $rir } logged, easier than planned
    [all-reps] Last time { rule-summary }, all reps done{ $effort ->
        [rir] , last set at RIR { $rir }
       *[none] { "" }
    }
    [range-top] Last time { $done } reps at { $load }, the top of the range on every set
    [two-for-two] Two sessions in a row with 2+ reps over target on the last set (NSCA 2-for-2)
    [reserve] Last time { rule-summary }, RIR { $rir } logged on the last set, { $against ->
        [slot] 2 or more above the slot's target of RIR { $aim }
       *[plan] where { $planned } was planned
    }: more reps than prescribed were possible (LISA)
   *[reps-over] Last time { $last } reps on the last set, more than the { $prescribed } prescribed (LISA)
}
rule-raise-step = { rule-raise-cause }: { rule-step }.
rule-raise-past-band = { rule-raise-cause }. { rule-step } would pass the band's top ({ $top }%) on the estimate: same load until it grows; smaller steps (fractional plates, lighter dumbbells) would let it move sooner.
rule-raise-reps-back = { rule-raise-cause }: same load, { $next } reps (building back to { $min }).
rule-raise-too-far = { rule-raise-cause }. { rule-step } is more than the estimate allows for { $fewest } reps: same load; smaller steps (fractional plates, lighter dumbbells) would let it move.
rule-raise-fewer-reps = { rule-raise-cause }: { rule-step } with { $fewer } reps, building back to { $min }.
rule-raise-near-failure = { rule-raise-cause }. { rule-step } is too big a step and another rep here would be near failure: same load; smaller steps (fractional plates, lighter dumbbells) would let it move.
rule-raise-rep-first = { rule-raise-cause }. { $reason ->
    [jump] The next step your equipment makes is { rule-step } ({ $jump }%), too big a jump; fractional plates or smaller steps would let the load move
   *[maximal] { rule-step } would be a maximal set on the current estimate
}: one more rep first ({ $next } reps).

## Each rule's own reasons

rule-probe-stopped = Last time { $done } reps at { $load }, each set stopped at RIR { $stop } or more as the test of the estimate asked: not a miss; the load now follows the estimate.
rule-autoregulated = Last time { rule-summary }: next load from the updated estimate and the RIR target.
rule-double-more-reps = Last time { $done } reps at { $load }{ $effort ->
    [easy] , RIR { $rir } logged where { $planned } was planned
   *[none] { "" }
}: same load, aim for { $next } reps (top of range { $max }).
rule-two-for-two-once = 2+ reps over target on the last set: once more and the load goes up.
rule-two-for-two-hold = Last time { rule-summary }: same load until the last set goes 2 reps over.
rule-reps-over-hold = Last time { rule-summary }: same load; it goes up when the last set passes { $max } reps.
