# Was die Planung zu einer Übung einer Einheit sagt: Band, Last, Reserve
# und Pause, und warum (core/src/progression/engine/prescribe.rs).
# Prozente, Zahlen und Gewichte kommen fertig formatiert.

## Welche Übung und welches Band

# $chosen, $replaced: Namen von Übungen; $reason: die Kennung der
# swap-*-Nachricht mit dem Grund, deren Werte mitkommen.
load-swap = { $chosen } statt { $replaced }: { $reason ->
    [swap-lighter-steps] { swap-lighter-steps }
    [swap-no-equipment] { swap-no-equipment }
    [swap-spinal-flexion] { swap-spinal-flexion }
    [swap-spinal-rotation] { swap-spinal-rotation }
    [swap-chosen] { swap-chosen }
   *[swap-impact] { swap-impact }
}.
load-band-none = Keine Bänder in deinem Profil: Nimm ein Band, mit dem die letzte Wiederholung schwerfällt. Trag deine Bänder im Profil ein, von leicht nach schwer, und gib bei jedem Satz das Band an (z. B. 12r@band:rot): Dann nennt der Plan das nächste.
load-band-first = Band { $band }, das leichteste auf deiner Liste, bis ein Band eingetragen ist; gib bei jedem Satz das Band an (z. B. 12r@band:{ $band }).
load-lighter-band = Geplante leichtere Woche: Band { $band }, eine Stufe leichter als { $from }.

## Die Last

# $source: wie die Schätzung entstand, so wie der Stand sie festhält.
load-estimate = Geschätztes 1RM { $estimate } { $source }.
load-low-bone-mass-cap = Geringe Knochendichte: höchstens { $percent } % des geschätzten 1RM, bis die Eingewöhnung abgeschlossen ist (LIFTMOR, ESSA).
load-technique = Technik: die leichteste Last, jede Wiederholung flüssig und kontrolliert.
load-band-floor = Die Schätzung ist stärker gestiegen als die Last: Das untere Ende des Prozentbereichs ({ $percent } % der Schätzung) liegt bei etwa { $load }.
load-band-top = Am oberen Ende des Prozentbereichs ({ $percent } % des geschätzten 1RM): Die Last steigt mit der Schätzung.
load-band-share = { $percent } % des geschätzten 1RM (Programm: { $range ->
    [single] { $low } %
   *[range] { $low }–{ $high } %
}).
# Das untere Ende eines Prozentbereichs geht über das hinaus, was die
# Tabelle für seine Sätze erlaubt. $sets, $reps: Sätze und Wiederholungen;
# $percent: das untere Ende; $most: das Höchste, was die Tabelle erlaubt;
# $first, $floor: die Reserve im ersten und im letzten Satz.
load-band-past-reserve = Bei { load-scheme } mit { $percent } % des 1RM bliebe laut RPE-Tabelle { $sets ->
    [1] am Satzende
   *[other] im letzten Satz
} keine Reserve mehr{ load-rest-cost }; bei geringer Knochendichte oder als Neuling im Krafttraining endet { load-last-set } eine Wiederholung vor dem Muskelversagen: höchstens { $most } % (im ersten Satz etwa { $first } Wdh. in Reserve, im letzten { $floor }).
load-band-past-failure = Bei { load-scheme } mit { $percent } % des 1RM ginge laut RPE-Tabelle { load-last-set } über das Muskelversagen hinaus{ load-rest-cost }: höchstens { $most } %, damit { load-last-set } nahe am Muskelversagen endet.
load-scheme = { $sets ->
    [1] { $reps } Wdh.
   *[other] { $sets } × { $reps }
}
load-last-set = { $sets ->
    [1] der Satz
   *[other] der letzte Satz
}
# $cost: none, oder der Anteil einer Wiederholung, den jeder Satz den
# nächsten kostet ($lost), bei $rest Sekunden Pause.
load-rest-cost = { $cost ->
    [none] { "" }
   *[other] { " " }(bei { $rest } s Pause lässt jeder Satz dem nächsten etwa { load-rep-share } weniger)
}
load-rep-share = { $cost ->
    [half] eine halbe Wiederholung
    [quarter] eine Viertelwiederholung
   *[other] { $lost } Wdh.
}
load-reserve-floor = Die Schätzung ist stärker gestiegen als die Last: { $reps } Wdh. mit { $reserve } in Reserve { $reps ->
    [one] entspricht
   *[other] entsprechen
} etwa { $percent } % der Schätzung.
load-reserve-share = { $reps } Wdh. mit { $reserve } in Reserve { $reps ->
    [one] entspricht
   *[other] entsprechen
} etwa { $percent } % des geschätzten 1RM (RPE-Tabelle, ein Näherungswert).
load-jump-limit = Höchstens 10 % schwerer als beim letzten Mal ({ $last }), oder eine Gewichtsstufe deiner Ausrüstung, falls schon diese allein mehr ausmacht: Der Rest folgt in den nächsten Einheiten.
load-find = Noch keine Schätzung: Steigere dich in kleinen Sprüngen bis zu einem Gewicht, mit dem du am Satzende noch { $reserve } Wiederholungen mehr schaffen würdest, und trag es mit seinem RIR oder RPE ein. Kein 1RM-Test: Schätzungen aus Sätzen mit 3–10 Wiederholungen sind sicherer.
load-lighter-week = Geplante leichtere Woche: { $cut } % unter der letzten Arbeitslast ({ $last }), leichter als die Wochen davor und danach.
load-lighter-phase = Geplante leichtere Woche: das leichtere Ziel dieser Phase, 90 % der Last.
load-probe = Die letzten Sätze wurden mit mehr Reserve eingetragen, als die RPE-Tabelle verlässlich abbildet; die Schätzung ist also eine Untergrenze: Mit { $load } wird sie überprüft. Beende jeden Satz bei RIR { $reserve }, auch wenn du dann weniger als { $reps } Wdh. schaffst; die Schätzung folgt dem, was du einträgst.
# $alternative: exercise (die Alternative $exercise des Slots, mit
# $equipment) oder none.
load-cap-lightest = Die leichteste Last, die deine Ausrüstung hergibt ({ $load }), liegt bei { $percent } % des geschätzten 1RM, über der Grenze von 70 %: { $alternative ->
    [exercise] { $exercise } ({ $equipment })
   *[none] Leichtere Ausrüstung
} erlaubt leichtere Lasten.

## Schmerz, Alter und Pause

load-pain = Schmerz { $pain }/10 beim letzten Mal: Die Last steigt erst wieder, wenn er abgeklungen ist.
load-older = Ab 60 sind die Schritte kleiner: Ältere Muskeln sprechen auf jede Einheit weniger an, langsamerer Fortschritt ist also normal.
load-rest = Etwa { $minutes } min Pause zwischen den Sätzen.
