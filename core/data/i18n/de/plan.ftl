# Was die Planung über eine ganze Einheit sagt und warum sie eine Übung
# ersetzt hat (core/src/progression/engine.rs, safety.rs, prescribe.rs).

## Warum eine Übung ersetzt wurde

swap-lighter-steps = Schon die leichteste Last ({ $from }) lag nahe an deiner Grenze; { $to } erlaubt kleinere Schritte
swap-no-equipment = { $exercise } braucht Ausrüstung, die du nicht hast: { $equipment }
swap-spinal-flexion = Gebeugte Wirbelsäule unter Last oder wiederholt wird bei geringer Knochendichte vermieden
swap-spinal-rotation = Kräftiges Verdrehen wird bei geringer Knochendichte vermieden
swap-impact = Harte Landungen werden bei Osteoporose oder nach einem Wirbelbruch durch sanftere ersetzt
