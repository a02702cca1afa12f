# What an undo step takes back (core/src/heft/undo.rs and the writes that
# record one), and the names of unnamed workouts.

workout-title = { $named ->
        [yes] { $name }
       *[no] { $part ->
            [morning] Morning workout
            [afternoon] Afternoon workout
            [evening] Evening workout
           *[night] Night workout
        }
    }
undo-logged-sets = logged { $sets ->
        [one] 1 set
       *[other] { $sets } sets
    } of { $exercises }
undo-edited-set = edited a set of { $exercise }
undo-deleted-set = deleted a set of { $exercise }
undo-started-workout = started { workout-title }
undo-finished-workout = finished { workout-title }
undo-imported-program = imported { $program }
undo-started-program = started { $program }
undo-stopped-program = stopped the program
undo-measured = measured { $measurement }
undo-deleted-measurement = deleted { $measurement }
undo-added-exercise = added exercise { $exercise }
action-undo-step = Undo: { $step }
