# The Program screen (core/src/screens/program.rs): the list of programs,
# one program's phases, days and exercises, the running program's status,
# and the person's own adjustments to it.

undo-swapped-exercise = swapped { $from } for { $to }
undo-unswapped-exercise = took back the swap of { $exercise }
undo-chose-days = { $days ->
        [0] trained on any day
       *[other] chose the training days
    }
