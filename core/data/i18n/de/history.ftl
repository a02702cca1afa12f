# Der Verlauf (core/src/screens/history.rs): die Tage mit Training, jedes
# Training mit einer kurzen Zeile je Übung.

history-title = Verlauf
history-empty-title = Noch kein Training
history-empty-body = Die Sätze, die du einträgst, stehen hier Tag für Tag, die neuesten zuerst.
history-unavailable-title = Der Verlauf kann nicht angezeigt werden
history-unavailable-body = Deine Änderung ist gespeichert. Der Verlauf ließ sich gerade nicht lesen; versuche es gleich noch einmal.
history-day-with-year = { $date } { $year }
history-open = offen
history-finished = beendet
history-run-count = { $count } × { $set }
history-run-warmup = Aufwärmen { $set }
history-run-technique = Technik { $set }
history-run-drop = Reduktionssatz { $set }
history-run-failure = Bis zum Muskelversagen { $set }
history-as-prescribed = wie vorgegeben
history-technique = Technik
history-landings = { $landings ->
    [one] 1 Landung
   *[other] { $landings } Landungen
}
history-landings-from = { $landings ->
    [one] 1 Landung
   *[other] { $landings } Landungen
} aus { $height }
history-pain = Schmerz { $pain }/10
history-set-spoken = { $exercise }: { $set }
