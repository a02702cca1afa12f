# Heft's screens, in German. Every sentence a phone app shows comes from
# here; numbers, weights and dates arrive formatted (core/src/text).

## Dates and durations

weekday-1 = Mo.
weekday-2 = Di.
weekday-3 = Mi.
weekday-4 = Do.
weekday-5 = Fr.
weekday-6 = Sa.
weekday-7 = So.
month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.
date-short = { $weekday }, { $day }. { $month }
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-minutes-seconds = { $minutes }:{ $seconds } min

## Shared

note-rule-of-thumb = Faustregel
state-done = erledigt
state-next = als Nächstes
state-to-do = offen

## Today

no-program-title = Kein Programm läuft
no-program-body = Wähle ein Programm, dann sagt Heft dir in jeder Einheit, was du hebst und warum.
action-choose-program = Programm wählen
today-subtitle = Einheit { $session } · { $phase } · Tag: { $day } · { $date }
phase-position = { $phase }, { $session } von { $sessions }
today-minutes = Etwa { $minutes } min · diese Woche damit { $week } min Krafttraining
dose-below = Unter dem Bereich von 40–60 min pro Woche, in dem der Nutzen am größten ist
dose-in-band = Im Bereich von 40–60 min pro Woche, in dem der Nutzen am größten ist
dose-above = Über 60 min pro Woche: mehr bringt keinen weiteren Nutzen
dose-far-above = Über 130 min pro Woche: der Nutzen ist dahin, das Risiko steigt
warning-dose-high = Mit dieser Einheit { $minutes } min Krafttraining diese Woche: über den 40–60 min, bei denen der Nutzen am größten ist.
warning-dose-too-high = { $minutes } min Krafttraining diese Woche: über 130 min ist der Nutzen dahin, und das Risiko steigt.
warning-too-soon = Das Programm sieht { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
} von einer Einheit zur nächsten vor; die nächste Einheit ab { $next }
warning-same-pattern = { $exercise } wurde am { $on } hart trainiert: 48 h zwischen harten Einheiten derselben Bewegung; die nächste ab { $next }
warning-see-physio = Nach einem Wirbelbruch vor schwerem Training zuerst zur Physiotherapie.
warning-pain = Beim letzten Mal wurden bei { $exercise } Schmerzen angegeben.
warning-layoff-ramp = { $weeks ->
    [one] 1 Woche
   *[other] { $weeks } Wochen
} seit der letzten Einheit: erst wieder Technik und leichte Lasten, dann schwer.
warning-layoff-lighter = { $weeks ->
    [one] 1 Woche
   *[other] { $weeks } Wochen
} seit der letzten Einheit: Lasten bei { $percent } % von vorher; die Schätzung wird in ein, zwei Einheiten neu geprüft.
today-ready-on = Ruhetag: die nächste Einheit am besten ab { $date }
sets-done = { $done } von { $planned ->
    [one] { $planned } Satz
   *[other] { $planned } Sätzen
} erledigt
sets-logged = { $count ->
    [one] 1 Satz eingetragen
   *[other] { $count } Sätze eingetragen
}
card-rest = { $rest } Pause zwischen den Sätzen
swap-note = Statt { $from }: { $reason }
row-warmup = Aufwärmsatz { $number }
row-set = Satz { $number }
row-extra = Zusatzsatz { $number }
row-spoken = { $label }: { $set }, { $state }
load-body-weight = Körpergewicht
load-body-weight-plus = Körpergewicht + { $weight }
load-body-weight-assisted = Körpergewicht, { $weight } Unterstützung
load-work-up-from = Steigern ab { $weight }
load-work-up = Auf die Arbeitslast steigern
set-load-reps = { $load } × { $reps }
set-load-hold = { $load }, { $hold }
reps-span = { $min }–{ $max }
reps-fixed = { $reps ->
    [one] 1 Wdh.
   *[other] { $reps } Wdh.
}
reps-range = { $min }–{ $max } Wdh.
hold-seconds = { $seconds } s
set-with-band = { $set }, Band { $band }
done-with-rir = { $set } · RIR { $rir }
effort-rir = { $rir } Wdh. in Reserve · RPE { $rpe }
percent-e1rm = { $percent } % des e1RM
effort-and-percent = { $effort } · { $percent }
last-time = Letztes Mal: { $set }
plates-per-side = Pro Seite: { $plates }
plates-held = Scheiben: { $plates }
plates-bar-only = Leere Stange
rest-timer = { $rest } Pause
action-log-next = { $exercise } eintragen: { $set }
action-enter-load = Last für { $exercise } eingeben
action-undo = Rückgängig
action-finish-workout = Training beenden
today-unavailable-title = Heute kann nicht angezeigt werden
today-unavailable-body = Was du eingetragen hast, ist gespeichert. Das Programm ließ sich gerade nicht lesen; unter Programm steht, warum.
action-finish = Beenden und Einheit zählen
action-rest = Heute Pause

## Finish

finish-session-title = Einheit { $session } erledigt
finish-workout-title = Training beendet
finish-summary = { $exercises ->
    [one] 1 Übung
   *[other] { $exercises } Übungen
} · { $sets ->
    [one] 1 Satz
   *[other] { $sets } Sätze
}
finish-summary-with-length = { $summary } · { $minutes } min
finish-next = Nächste Einheit ab { $date }: { $phase }, Tag: { $day }
badge-up = +{ $amount }
badge-down = −{ $amount }
badge-reps-up = { $reps ->
    [one] +1 Wdh.
   *[other] +{ $reps } Wdh.
}
badge-reps-down = { $reps ->
    [one] −1 Wdh.
   *[other] −{ $reps } Wdh.
}
badge-load-set = Nächstes Mal { $weight }
badge-band = Band: { $band }
badge-same = Unverändert
badge-not-next = Nicht in der nächsten Einheit
action-done = Fertig

## Log

log-error-no-exercise = Wähle eine Übung
log-error-unknown-exercise = Keine Übung heißt „{ $name }“
log-error-no-sets = Schreib einen Satz wie 100x5 (Last x Wdh.)
log-error-not-a-set = „{ $token }“ ist kein Satz; zum Beispiel 100x5 (Last x Wdh.)
log-error-too-many = Höchstens { $max } Sätze auf einmal
log-preview-set = Satz { $number }: { $set }
log-error-one-set = Eine Änderung betrifft genau einen Satz: Schreib einen, etwa 100x5
action-save-set = Satz speichern
action-save-anyway = Trotzdem speichern
action-delete-set = Satz löschen
action-log-sets = { $count ->
    [one] 1 Satz eintragen
   *[other] { $count } Sätze eintragen
}
action-log-anyway = Trotzdem eintragen
slip-sets = { $count ->
    [one] Satz { $list }
   *[other] Sätze { $list }
}
slip-below-bar = { $exercise }, { $sets }: { $weight } ist leichter als die leere Stange; eine Langhantellast zählt die Stange mit.
slip-looks-swapped = { $exercise }, { $sets }: { $weight } für { $reps } Wdh. sieht nach vertauschter Last und Wiederholungszahl aus; meintest du { $meant }?
slip-other-unit = { $exercise }, { $sets }: { $weight } passt nur in der anderen Einheit zu deinen letzten Lasten; meintest du { $meant }?
slip-other-unit-times = { $exercise }, { $sets }: { $weight } ist das { $ratio }-Fache deines bisherigen Arbeitsgewichts ({ $recent }); meintest du { $meant }?
slip-beyond-records = { $exercise }, { $sets }: { $weight } ist mehr, als je jemand so gehoben hat; prüfe Zahl und Einheit.
problem-not-finite = { $field }: keine Zahl
problem-negative = { $field }: nicht negativ
limit-more-than = mehr als { $limit }
problem-too-large = { $field }: höchstens { $max }
problem-out-of-range = { $field }: von { $min } bis { $max }
problem-not-a-step = { $field }: ein Vielfaches von { $step }
problem-missing = { $field }: fehlt
problem-empty = { $field }: leer
problem-too-long = { $field }: zu lang (höchstens { $max } Zeichen)
problem-control-characters = { $field }: keine Steuerzeichen
problem-in-future = { $field }: in der Zukunft
problem-too-early = { $field }: zu weit zurück
problem-before-start = { $field }: vor dem Beginn
problem-conflicts = { $field }: nicht zusammen mit { $other }
problem-malformed = { $field }: nicht lesbar
problem-wrong-for-exercise = { $field }: passt nicht zu dieser Übung
problem-wrong-for-measure = { $field }: passt nicht dazu, wie diese Übung gemessen wird
log-needs-reps = Gib die Wiederholungen an: { $exercise } wird in Wiederholungen gezählt, etwa 100x5
log-needs-load = Gib die Last an: { $exercise } wird mit Gewicht gemacht, etwa 100x5 (0 für eine leere Maschine)
log-needs-time = Gib die Zeit an: { $exercise } wird auf Zeit gemacht, etwa 30s
log-needs-distance = Gib die Strecke an: { $exercise } wird über die Strecke gemessen, etwa 20x40m
log-needs-amount = Gib Wiederholungen, eine Zeit oder eine Strecke an, etwa 100x5
log-zero-reps = Mindestens 1 Wiederholung; einen Fehlversuch schreibst du als Fehlversuchssatz, etwa f:100x0
field-exercise = Übung
field-weight = Last
field-added-weight = Zusatzlast
field-reps = Wiederholungen
field-rir = Wdh. in Reserve
field-rpe = RPE
field-duration = Zeit
field-distance = Strecke
field-landings = Landungen
field-drop-height = Fallhöhe
field-pain = Schmerz
field-note = Notiz
field-band = Band
field-name = Name
field-alias = Alias
field-date = Datum
field-finished-at = Ende
field-birth-year = Geburtsjahr
field-count = Zahl der Sätze
field-id = Kennung
field-loadout = Ausrüstung
field-running-min-week = Laufminuten pro Woche
field-program = Programm
field-measure = Messgröße
field-site = Messstelle
field-unit = Einheit
field-value = Wert

## Equipment

equipment-barbell = Langhantel
equipment-dumbbell = Kurzhantel
equipment-kettlebell = Kettlebell
equipment-machine = Maschine
equipment-cable = Kabelzug
equipment-band = Band
equipment-bodyweight = Körpergewicht
equipment-trap_bar = Trap-Bar
equipment-smith_machine = Multipresse
equipment-ez_bar = SZ-Stange
equipment-plate = Hantelscheibe
equipment-sled = Schlitten
equipment-other = sonstige Ausrüstung

# Die Erinnerung an eine heute fällige Einheit.
reminder-title = Heute Einheit { $session }
reminder-body = { $program }, etwa { $minutes } Min.: { $exercises }
