# Was die Planung über eine ganze Einheit sagt und warum sie eine Übung
# ersetzt hat (core/src/progression/engine.rs, safety.rs, prescribe.rs).

## Warum eine Übung ersetzt wurde

swap-lighter-steps = Schon die leichteste Last ({ $from }) lag nahe an deiner Grenze; mit { $to } sind kleinere Schritte möglich
swap-no-equipment = { $exercise } braucht Ausrüstung, die du nicht hast: { $equipment }
swap-spinal-flexion = Das Beugen der Wirbelsäule unter Last oder in vielen Wiederholungen wird bei geringer Knochendichte vermieden
swap-spinal-rotation = Kräftiges Verdrehen wird bei geringer Knochendichte vermieden
swap-impact = Harte Landungen werden bei Osteoporose oder nach einem Wirbelbruch durch sanftere ersetzt
swap-chosen = Deine Wahl, von jetzt an

## Beim Start eines Programms

start-above-band-on-purpose = Dieses Programm plant etwa { $minutes } min Krafttraining pro Woche, mehr als die 40–{ $band } min, bei denen der Nutzen am größten ist{ $gone ->
        [yes] {" "}(über { $limit } min war er in den Kohorten verschwunden)
       *[no] {""}
    }: { $reason }
start-above-limit = Dieses Programm plant etwa { $minutes } min Krafttraining pro Woche, mehr als die 40–{ $band } min: Über { $limit } min war der Nutzen in den Kohorten verschwunden. Besser weniger Einheiten oder ein kürzeres Programm.
start-above-band = Dieses Programm plant etwa { $minutes } min Krafttraining pro Woche, mehr als die 40–{ $band } min, bei denen der Nutzen am größten ist.
start-program-familiarization = Das Programm beginnt damit, die Übungen mit leichten Lasten zu lernen.
start-ramp-low-bone-mass = Bei geringer Knochendichte kommt die Technik vor schweren Lasten (LIFTMOR, ESSA 2017): zuerst { $weeks } Wochen Eingewöhnung.
start-ramp-new-lifter = Noch kein Krafttraining eingetragen: zuerst { $weeks } Wochen Technik und leichte Lasten.
start-ramp-layoff = Monate seit dem letzten schweren Training: zuerst Technik und leichte Lasten.

## Gründe für die ganze Einheit

plan-layoff-ramp = { $weeks } Wochen seit der letzten Einheit: wieder Technik und leichte Lasten vor schwerer Arbeit.
plan-layoff-lighter = { $weeks } Wochen seit der letzten Einheit: Lasten bei { $percent } % von vorher; die Schätzung wird in ein, zwei Einheiten neu geprüft.
plan-ramp-session = Eingewöhnung { $session } von { $sessions }: { $why ->
        [low-bone-mass] Technik vor schweren Lasten, wie in LIFTMOR.
       *[practice] erst die Technik, dann steigen die Lasten.
    }
plan-running-trim = { $running } min Laufen pro Woche (mehr als { $limit }): ein Satz weniger pro Übung.

## Das geschätzte 1RM: woraus es stammt

estimate-from-set = aus { $load } × { $reps }{ $effort ->
        [rir] {" "}bei RIR { $rir }
       *[none] {""}
    } am { $date } ({ $formula }){ $layoff ->
        [yes] , abzüglich { $percent } %, da seitdem { $weeks } Wochen vergangen sind
       *[no] {""}
    }
estimate-from-set-why = Geschätztes 1RM { $estimate } { estimate-from-set }.
estimate-raised = angehoben: { $load } × { $reps } bei RIR { $rir } war viel leichter als geplant
estimate-raised-why = Geschätztes 1RM { $estimate } { estimate-raised }.
