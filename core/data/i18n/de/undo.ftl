# Was ein Rückgängig-Schritt zurücknimmt (core/src/heft/undo.rs und die
# Schreibvorgänge, die einen anlegen), und die Namen unbenannter Trainings.

workout-title = { $named ->
        [yes] { $name }
       *[no] { $part ->
            [morning] Morgentraining
            [afternoon] Nachmittagstraining
            [evening] Abendtraining
           *[night] Nachttraining
        }
    }
undo-logged-sets = { $sets ->
        [one] 1 Satz
       *[other] { $sets } Sätze
    } { $exercises } eingetragen
undo-edited-set = einen Satz { $exercise } geändert
undo-deleted-set = einen Satz { $exercise } gelöscht
undo-started-workout = { workout-title } begonnen
undo-finished-workout = { workout-title } beendet
undo-imported-program = { $program } importiert
undo-started-program = { $program } gestartet
undo-stopped-program = das Programm beendet
undo-measured = { $measurement } gemessen
undo-deleted-measurement = { $measurement } gelöscht
undo-added-exercise = Übung { $exercise } hinzugefügt
action-undo-step = Rückgängig: { $step }
