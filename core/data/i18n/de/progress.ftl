## Der Fortschritt

progress-title = Fortschritt
progress-empty-title = Noch kein Training eingetragen
progress-empty-body = Deine Wochen, deine Knochenbelastung und die Kraft deiner Übungen erscheinen hier, sobald du Sätze einträgst.
progress-this-week = Diese Woche
progress-week-minutes = { $minutes } Min. Krafttraining
progress-week-sessions = { $done ->
    [one] 1 Einheit
   *[other] { $done } Einheiten
}
progress-week-sessions-planned = { $done } von { $planned } geplanten Einheiten
progress-minutes-title = Minuten Krafttraining pro Woche
progress-minutes = { $minutes } Min.
progress-bone-title = Knochenbelastung
progress-bone-heavy-sets = Schwere axiale Sätze diese Woche
progress-bone-heavy-sessions = Einheiten mit 5 oder mehr diese Woche
progress-bone-landings = Landungen diese Woche
progress-bone-weeks = Wochen wie in LIFTMOR, von den letzten vier
progress-of-target = { $done } von { $target }
progress-bone-last-heavy = Letzte schwere axiale Übung
progress-bone-last-heavy-value = { $date } ({ $days ->
    [0] heute
    [one] gestern
   *[other] vor { $days } Tagen
})
progress-bone-last-heavy-none = Noch keine
progress-bone-about = Schwer heißt: ein Arbeitssatz einer axial belastenden Übung (Kniebeuge, Kreuzheben, Drücken) mit 80 % oder mehr ihres e1RM oder einer, bei dem Wiederholungen plus Wiederholungen in Reserve höchstens 8 ergeben. Die Wochen in LIFTMOR hatten zwei Einheiten mit fünf schweren Sätzen und 20 oder mehr Landungen.
progress-bone-low-mass = In LIFTMOR gewannen Frauen mit geringer Knochenmasse, die zuerst die Technik lernten und dann acht Monate lang zweimal pro Woche schwer trainierten, 2,9 % Knochendichte an der Lendenwirbelsäule, während die Kontrollgruppe 1,2 % verlor.
progress-e1rm = e1RM { $e1rm }
progress-e1rm-none = Noch keine Schätzung
progress-change = { $change } seit { $date }
progress-chart-empty = Kein e1RM im letzten Jahr
progress-point = { $date }: { $e1rm } ({ $load } × { $reps })
progress-record-e1rm = Bester e1RM
progress-record-heaviest = Schwerstes Gewicht
progress-record-heaviest-added = Schwerstes Zusatzgewicht
progress-record-volume = Bestes Einheitsvolumen
progress-record-reps = Meiste Wiederholungen
progress-record-detail-beat = { $date } · vorher { $previous }
progress-record-new = Neu
progress-adherence-title = Dranbleiben
progress-streak = Wochen in Folge mit 2 oder mehr Einheiten
progress-streak-value = { $weeks } (längste { $longest })
progress-four-weeks = Einheiten in den vier Wochen davor
progress-last-session = Letzte Einheit
progress-longest-gap = Längste Pause
progress-longest-gap-value = { $days } Tage ({ $from } bis { $to })
progress-too-close = Zwei Einheiten mit { $pattern } lagen { $days ->
    [0] am selben Tag
    [one] 1 Tag auseinander
   *[other] { $days } Tage auseinander
}: dieselbe Bewegung braucht etwa 48 Stunden zwischen harten Einheiten.
progress-records-title = Rekorde der letzten 28 Tage
pattern-squat = Kniebeugen
pattern-hinge = Hüftstrecken
pattern-lunge = Ausfallschritten
pattern-push = Drücken
pattern-pull = Ziehen
pattern-carry = Tragen
pattern-jump = Sprüngen
pattern-core = Rumpfübungen
pattern-isolation = Isolationsübungen
pattern-cardio = Ausdauer
