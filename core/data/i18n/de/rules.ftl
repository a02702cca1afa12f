# Was eine abgeschlossene Einheit an Last und Wiederholungen einer Übung
# ändert, und warum (core/src/progression/engine/rules.rs). Mehrere Gründe
# beginnen mit dem, was die Einheit gezeigt hat: einer Variante einer
# -cause-Nachricht, deren Werte der Grund mit seinen eigenen mitbringt.

## Gemeinsame Teile

# " mit dem Band „rot“", wenn ein Band bekannt ist.
rule-with-band = { $banded ->
    [yes] { " " }mit dem Band „{ $band }“
   *[no] { "" }
}
# Die geplanten Sätze: "3x5 mit 60 kg".
rule-summary = { $sets }x{ $reps }{ $loaded ->
    [yes] { " " }mit { $target }
   *[no] { "" }
}
# Die Änderung der Last: "+2,5 kg", "-5 kg".
rule-step = { $up ->
    [yes] +{ $step }
   *[no] { $step }
} { $weight-unit ->
    [lb] lb
   *[kg] kg
}

## Wiederholungen oder Sekunden, die steigen (Körpergewicht, Bänder, Halteübungen)

# Was jede Runde geschafft hat: "8, 8, 7 Wdh. mit dem Band „rot“".
rule-shown = { $amounts } { $unit ->
    [s] s
   *[reps] Wdh.
}{ rule-with-band }
rule-climb-short = Letztes Mal { rule-shown }, weniger als die geplanten { $unit ->
    [s] { $planned } s
   *[reps] { $planned } Wdh.
}: nächstes Mal { $unit ->
    [s] { $next } s
   *[reps] { $next } Wdh.
}, so viel, wie jede Runde geschafft hat, und von da wieder aufbauen.
rule-climb-same = Letztes Mal { rule-shown }: nicht in jeder Runde { $unit ->
    [s] { $planned } s
   *[reps] { $planned } Wdh.
} geschafft, nächstes Mal noch einmal dasselbe.
# Endet ein Satz auf „Wdh.“, ist der Punkt der Abkürzung zugleich der
# Schlusspunkt; darum steht er hier in der Variante.
rule-climb-again = Letztes Mal { rule-shown }, die letzte Runde bei RIR { $rir }: nächstes Mal wieder { $unit ->
    [s] { $planned } s.
   *[reps] { $planned } Wdh.
}
rule-climb-up = Letztes Mal { rule-shown }{ $effort ->
    [spare] { " " }bei RIR { $rir } (Ziel { $most } oder weniger)
   *[none] { "" }
}: nächstes Mal { $unit ->
    [s] { $next } s
   *[reps] { $next } Wdh.
} (oberes Ende des Bereichs: { $top }).
# Das obere Ende des Bereichs ist erreicht; damit beginnen die nächsten Gründe.
rule-climb-top = { $effort ->
    [spare] Letztes Mal { rule-shown } bei RIR { $rir } (Ziel { $most } oder weniger), das obere Ende des Bereichs ({ $top }) ist in Reichweite
   *[none] Letztes Mal { rule-shown }, in jeder Runde das obere Ende des Bereichs ({ $unit ->
        [s] { $top } s
       *[reps] { $top } Wdh.
    })
}
rule-climb-variation = { rule-climb-top }: nächstes Mal { $variation }, zurück auf { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } Wdh.
} (LISA: erst steigen die Wiederholungen, dann kommt eine schwerere Variante).
rule-climb-band = { rule-climb-top }: nächstes Mal das Band „{ $next-band }“, zurück auf { $unit ->
    [s] { $bottom } s
   *[reps] { $bottom } Wdh.
} (LISA: 10 bis 18 Wiederholungen, dann ein stärkeres Band).
rule-climb-band-unlisted = { rule-climb-top }: nächstes Mal ein stärkeres Band, zurück auf { $unit ->
    [s] { $bottom } s.
   *[reps] { $bottom } Wdh.
} Stehen deine Bänder von leicht bis schwer im Profil, nennt der Plan dir das nächste.
rule-climb-band-heaviest = { rule-climb-top }: Das Band „{ $band }“ ist das stärkste auf deiner Liste, also bleib bei { $unit ->
    [s] { $top } s
   *[reps] { $top } Wdh.
} und mach es schwerer, indem du langsamer absenkst (3–4 s); ein stärkeres Band auf der Liste würde hier genannt.
rule-climb-band-stronger = { rule-climb-top }: nächstes Mal ein stärkeres Band als „{ $band }“, zurück auf { $unit ->
    [s] { $bottom } s.
   *[reps] { $bottom } Wdh.
}
rule-climb-band-unknown = { rule-climb-top }: nächstes Mal ein stärkeres Band, zurück auf { $unit ->
    [s] { $bottom } s.
   *[reps] { $bottom } Wdh.
}
rule-climb-harder = { rule-climb-top }: Bleib bei { $unit ->
    [s] { $top } s
   *[reps] { $top } Wdh.
} und mach es schwerer mit { $how ->
    [position] einer schwereren Position (längerer Hebel, eine Stütze weniger)
    [load] etwas mehr Last
   *[tempo] langsamerem Absenken (3–4 s), einer Pause oder einer schwereren Variante
}.

## Viel leichter als geplant in einer Übungsphase

rule-practice-easy = Letztes Mal { $sets }x{ $reps }{ rule-with-band } bei RIR { $rir } statt der geplanten { $planned }, also viel leichter
rule-practice-heavier = Letztes Mal { $sets }x{ $reps } mit { $load }{ rule-with-band } bei RIR { $rir } statt der geplanten { $planned }, also viel leichter: nächstes Mal eine Stufe schwerer, etwa { $to }.
rule-practice-variation = { rule-practice-easy }: nächstes Mal { $variation }.
rule-practice-band = { rule-practice-easy }: nächstes Mal das Band „{ $next-band }“.

## Schmerzen

rule-pain-deload = Schmerzen { $pain }/10 bei { $exercise }: Die Last geht um { $cut } % zurück ({ rule-step }); halten sie an, tausch die Übung gegen { $swap ->
    [named] { $instead }
   *[easier] eine leichtere Variante
}.
rule-pain-easier = Schmerzen { $pain }/10 bei { $exercise }: nächstes Mal eine leichtere Variante oder weniger Wiederholungen.
rule-pain-hold = Schmerzen { $pain }/10 bei { $exercise }: nächstes Mal dieselbe Last.

## Das Ziel verfehlt

rule-stall-cause = { $cause ->
    [lighter] Letztes Mal { rule-summary }: alle Wiederholungen, aber mit weniger Last, und das zählt nicht für das schwerere Ziel
    [missed] Letztes Mal { rule-summary }: nicht alle Wiederholungen geschafft
   *[ground-out] Letztes Mal { rule-summary }: alle Wiederholungen, aber der letzte Satz ging bis an die Grenze (RIR { $rir })
}
rule-stall-lightest = { rule-stall-cause }; { $sessions ->
    [one] 1 Einheit
   *[other] { $sessions } Einheiten
} ohne Fortschritt, und das schon mit der leichtesten Last: weniger Sätze oder eine leichtere Variante, bis es wieder vorangeht.
rule-stall-deload = { rule-stall-cause }; { $sessions ->
    [one] 1 Einheit
   *[other] { $sessions } Einheiten
} ohne Fortschritt: Entlastung um { $cut } % ({ rule-step }), dann wieder aufbauen.
rule-stall-again = { rule-stall-cause }: nächstes Mal noch einmal dasselbe ({ $stalls } von { $sessions ->
    [one] 1 Einheit
   *[other] { $sessions } Einheiten
} vor einer Entlastung).

## Dieselbe Last in einer Prozent-Übung; die Schätzung verschiebt den Bereich

rule-hold-cause = { $cause ->
    [short-at-failure] Letztes Mal { $done } Wdh. mit { $load }: nur in den Sätzen, die bis zum Versagen geplant waren, eine Wiederholung zu wenig, also nächstes Mal dasselbe Gewicht
    [ground-out] Letztes Mal { rule-summary }: alle Wiederholungen, der letzte Satz ging bis an die Grenze (RIR { $rir }): dieselbe Last
   *[below-raise] Letztes Mal { rule-summary }, alle Wiederholungen geschafft, letzter Satz bei RIR { $rir }: dieselbe Last, bis im letzten Satz { $leave } Wdh. in Reserve bleiben
}
rule-hold = { rule-hold-cause }{ $estimate ->
    [rose] ; die Schätzung ist gestiegen, und die Last folgt ihr im Prozentbereich.
   *[same] .
}

## Mehr Last, oder erst eine Wiederholung mehr

rule-raise-cause = { $cause ->
    [easier] Letztes Mal { rule-summary } bei RIR { $rir } eingetragen, leichter als geplant
    [all-reps] Letztes Mal { rule-summary }, alle Wiederholungen geschafft{ $effort ->
        [rir] , letzter Satz bei RIR { $rir }
       *[none] { "" }
    }
    [range-top] Letztes Mal { $done } Wdh. mit { $load }, in jedem Satz das obere Ende des Bereichs
    [two-for-two] Zwei Einheiten in Folge mit 2 oder mehr Wiederholungen über dem Ziel im letzten Satz (NSCA 2-for-2)
    [reserve] Letztes Mal { rule-summary }, RIR { $rir } im letzten Satz eingetragen, { $against ->
        [slot] 2 oder mehr über dem Ziel des Programms (RIR { $aim })
       *[plan] geplant war RIR { $planned }
    }: Mehr Wiederholungen als vorgegeben wären möglich gewesen (LISA)
   *[reps-over] Letztes Mal { $last } Wdh. im letzten Satz, mehr als die vorgegebenen { $prescribed } (LISA)
}
rule-raise-step = { rule-raise-cause }: { rule-step }.
rule-raise-past-band = { rule-raise-cause }. Mit { rule-step } läge die Last laut Schätzung über dem oberen Ende des Prozentbereichs ({ $top } %): dieselbe Last, bis die Schätzung wächst; kleinere Schritte (Mikroscheiben, leichtere Kurzhanteln) brächten sie früher voran.
rule-raise-reps-back = { rule-raise-cause }: dieselbe Last, { $next } Wdh. (auf dem Weg zurück zu { $min }).
rule-raise-too-far = { rule-raise-cause }. { rule-step } ist mehr, als die Schätzung für { $fewest } Wdh. zulässt: dieselbe Last; kleinere Schritte (Mikroscheiben, leichtere Kurzhanteln) brächten sie voran.
rule-raise-fewer-reps = { rule-raise-cause }: { rule-step } mit { $fewer } Wdh., dann wieder aufbauen bis { $min }.
rule-raise-near-failure = { rule-raise-cause }. { rule-step } ist ein zu großer Schritt, und eine weitere Wiederholung wäre hier nahe am Versagen: dieselbe Last; kleinere Schritte (Mikroscheiben, leichtere Kurzhanteln) brächten sie voran.
rule-raise-rep-first = { rule-raise-cause }. { $reason ->
    [jump] Der nächste Schritt, den deine Ausrüstung erlaubt, ist { rule-step } ({ $jump } %), ein zu großer Sprung; Mikroscheiben oder kleinere Schritte brächten die Last voran
   *[maximal] { rule-step } wäre nach der aktuellen Schätzung ein Maximalsatz
}: erst eine Wiederholung mehr ({ $next } Wdh.).

## Die eigenen Gründe der einzelnen Regeln

rule-probe-stopped = Letztes Mal { $done } Wdh. mit { $load }, jeder Satz bei RIR { $stop } oder mehr beendet, wie es der Test der Schätzung verlangt hat: kein Fehlversuch; die Last folgt jetzt der Schätzung.
rule-autoregulated = Letztes Mal { rule-summary }: Die nächste Last ergibt sich aus der aktualisierten Schätzung und dem RIR-Ziel.
rule-double-more-reps = Letztes Mal { $done } Wdh. mit { $load }{ $effort ->
    [easy] , RIR { $rir } eingetragen statt der geplanten { $planned }
   *[none] { "" }
}: dieselbe Last, Ziel { $next } Wdh. (oberes Ende des Bereichs: { $max }).
rule-two-for-two-once = 2 oder mehr Wiederholungen über dem Ziel im letzten Satz: Noch einmal, dann steigt die Last.
rule-two-for-two-hold = Letztes Mal { rule-summary }: dieselbe Last, bis der letzte Satz 2 Wiederholungen über dem Ziel liegt.
rule-reps-over-hold = Letztes Mal { rule-summary }: dieselbe Last; sie steigt, sobald der letzte Satz mehr als { $max } Wdh. schafft.
