# Measurements: the reference bands (core/src/measures/bands.rs; their
# English is the `label` of the JSON) and the Measures screen
# (core/src/screens/measures.rs).

## Reference bands

band-t-under-50 = under 50: the Z-score is the right measure (T-score bands are for postmenopausal women and men 50 and over)
band-t-needs-profile = T-score bands are for postmenopausal women and men 50 and over: set birth year and sex in the profile, or use the Z-score
band-t-score = { $band ->
        [severe] severe osteoporosis (with a fragility fracture)
        [osteoporosis] osteoporosis
        [osteopenia] osteopenia
       *[normal] normal
    }
band-t-score-assumed = { band-t-score } (taking a woman of 50 or more as postmenopausal)
band-z-low = below the expected range for age
band-z-normal = within the expected range for age
band-grip-needs-sex = set sex in the profile to compare with the EWGSOP2 cut-offs (27 kg men, 16 kg women)
band-grip-low = low grip strength (below { $cut } for { $who ->
        [men] men
       *[women] women
    })
band-grip-normal = not low (cut-off { $cut } for { $who ->
        [men] men
       *[women] women
    })
band-chair-stand-needs-profile = set birth year and sex in the profile to compare with the norms for age
band-chair-stand-no-norm = the norms cover ages 60 to 94
band-chair-stand-low = low function (fewer than 8 stands)
band-chair-stand = { $position ->
        [below] below normal
        [above] above normal
       *[normal] normal
    } ({ $who ->
        [men] men
       *[women] women
    } { $from }-{ $to }: { $low }-{ $high })
band-five-stand-low = low strength (over 15 s)
band-five-stand-normal = not low (15 s or less)
band-gait-low = mobility impairment ({ $speed } m/s or slower)
band-gait-normal = not impaired (faster than { $speed } m/s)
band-tug-low = fall risk (12 s or more)
band-tug-normal = no raised fall risk (under 12 s)

## Kinds, sites and values

measure-kind-body_weight = Body weight
measure-kind-lean_mass = Lean mass
measure-kind-visceral_fat = Visceral fat
measure-kind-bmd = Bone density
measure-kind-t_score = T-score
measure-kind-z_score = Z-score
measure-kind-grip = Grip strength
measure-kind-chair_stand_30s = Chair stands in 30 s
measure-kind-five_chair_stand = Five chair stands
measure-kind-timed_up_and_go = Timed up-and-go
measure-kind-gait_speed = Walking speed
measure-kind-steps = Steps
measure-kind-running_minutes = Running
measure-site-lumbar_spine = lumbar spine
measure-site-femoral_neck = femoral neck
measure-site-total_hip = total hip
measure-site-left = left hand
measure-site-right = right hand
measure-with-site = { $kind }, { $site }
measure-unit-level = level
measure-unit-sd = SD
measure-unit-reps = stands
measure-unit-steps = steps a day
measure-unit-minutes = min a week
measure-value-level = level { $value }
measure-value-stands = { $value ->
        [one] 1 stand
       *[other] { $value } stands
    }
measure-value-steps = { $value } steps a day
measure-value-minutes = { $value } min a week
measure-range = { $min } to { $max }

## The Measures screen

measures-title = Measures
measures-empty-title = No measurements yet
measures-empty-body = Add body weight, a bone scan, grip strength or a chair stand test, and see how it changes over time.
measures-count = { $count ->
        [one] 1 measurement
       *[other] { $count } measurements
    }
measures-percent = { $sign }{ $number }%
measures-change = { $change } since { $date }
measures-change-percent = { $change } ({ $percent }) since { $date }
measures-dxa-change = beyond the scanner's precision
measures-dxa-within = within the scanner's precision
measures-dxa-too-soon = scans under a year apart: too soon to compare
measures-band-source = { $band } ({ $source })
measures-entry-spoken = { $measure } on { $date }: { $value }
action-save-measurement = Save the measurement
action-delete-measurement = Delete
measure-error-no-kind = Choose what you measured
measure-error-no-value = Write the value, as in 72.5
measure-error-not-a-number = “{ $value }” is not a number
measure-error-unit = { $kind } is measured in { $units }
measure-error-unit-needed = Choose the unit: { $units }
measure-error-site-required = Choose where: { $sites }
measure-error-site-none = { $kind } is measured without a site
measure-error-site-one-of = { $kind } is measured at: { $sites }

## Undo steps

measure-word-body_weight = body weight
measure-word-lean_mass = lean mass
measure-word-visceral_fat = visceral fat
measure-word-bmd = bone density
measure-word-t_score = T-score
measure-word-z_score = Z-score
measure-word-grip = grip strength
measure-word-chair_stand_30s = chair stands in 30 s
measure-word-five_chair_stand = five chair stands
measure-word-timed_up_and_go = timed up-and-go
measure-word-gait_speed = walking speed
measure-word-steps = steps
measure-word-running_minutes = running
undo-measured-value = measured { $at ->
        [site] { $kind } { $value } ({ $site })
       *[none] { $kind } { $value }
    }
undo-deleted-measurement-value = deleted { $at ->
        [site] { $kind } { $value } ({ $site })
       *[none] { $kind } { $value }
    }
