# Der Programm-Bildschirm (core/src/screens/program.rs): die Liste der
# Programme, Phasen, Tage und Übungen eines Programms, der Stand des
# laufenden Programms und die eigenen Anpassungen daran.

undo-swapped-exercise = { $from } durch { $to } ersetzt
undo-unswapped-exercise = Ersatz für { $exercise } zurückgenommen
undo-chose-days = { $days ->
        [0] Trainingstage aufgehoben
       *[other] Trainingstage gewählt
    }

programs-title = Programme
program-running = Läuft
program-week = { $sessions ->
        [one] 1 Einheit
       *[other] { $sessions } Einheiten
    } pro Woche · je etwa { $minutes } min · { $total } min pro Woche
program-spacing = Mindestens { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } zwischen den Einheiten
program-replaced = { $exercise } wird ersetzt: { $reason }.
program-swapped = Stattdessen { $exercise } ({ $reason })
phase-kind-familiarization = Eingewöhnung
phase-kind-training = Training
phase-kind-deload = Leichtere Wochen
phase-length = { $kind } · { $weeks ->
        [one] 1 Woche
       *[other] { $weeks } Wochen
    } · { $sessions ->
        [one] 1 Einheit
       *[other] { $sessions } Einheiten
    }
day-title = Tag { $day }
slot-sets = { $sets } × { $reps }
slot-technique = Technik: leere Stange oder leichteste Last
slot-no-rest = Keine Pause: gleich weiter zur nächsten Übung
action-start-program = Dieses Programm beginnen
action-switch-program = Zu diesem Programm wechseln
action-stop-program = Programm beenden
status-subtitle = Einheit { $session } · { $phase }
status-next-today = Als Nächstes: Tag { $day }, heute
status-next = Als Nächstes: Tag { $day }, ab { $date }
lift-estimate = e1RM { $estimate }
lift-load = Arbeitslast { $load }
days-any = Du trainierst an jedem Tag: Die nächste Einheit kommt, sobald die Pause es erlaubt
days-chosen = Deine Trainingstage: { $days }
days-fewer-than-sessions = { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } gewählt für { $sessions } Einheiten pro Woche: Das Programm dauert länger als seine Wochen.
days-too-close = Zwei deiner Tage liegen weniger als { $days ->
        [one] 1 Tag
       *[other] { $days } Tage
    } auseinander, die Pause, die das Programm zwischen Einheiten verlangt: Nach dem ersten wartet die nächste Einheit.

## Die Zusammenfassungen der mitgelieferten Programme.

program-foundation-summary = Erst die Technik, dann die Last: zwei Wochen Bewegungsübungen (Hüftbeuge, Goblet Squat, Brücke, Liegestütz an der Bank, Rudern mit Band, Dead Bug, Bird Dog), danach drei Stufen über zehn Wochen, von leichten Sätzen mit 8–12 Wiederholungen und reichlich Reserve bis zu den Grundübungen mit Langhantel oder Kurzhanteln in Sätzen von 5–8 mit 2–3 Wiederholungen in Reserve. Zwei Einheiten von etwa 30 Minuten pro Woche. Für Einsteiger, für alle, die nach langer Pause zurückkehren, und für alle, deren Rücken sich meldet.
program-liftmor-summary = Kreuzheben, Kniebeuge und Schulterdrücken, 5 × 5 bei 80–85 % des geschätzten 1RM, dazu Klimmzüge aus dem Sprung mit Landungen, zweimal pro Woche für etwa 30 Minuten, nach etwa einem Monat Technik und leichten Lasten. Das Programm der LIFTMOR-Studie, in der Frauen nach den Wechseljahren mit geringer Knochendichte an Knochendichte in Lendenwirbelsäule und Schenkelhals und an Kraft im Alltag gewannen. Nach einem Wirbelbruch vor schweren Lasten zuerst zur Physiotherapie.
program-linear-5x5-summary = Das klassische Langhantelprogramm für Einsteiger: zwei abwechselnde Einheiten, A (Kniebeuge, Bankdrücken, Langhantelrudern) und B (Kniebeuge, Schulterdrücken, Kreuzheben), 5 Sätze zu 5 (Kreuzheben 1 Satz zu 5), dreimal pro Woche an nicht aufeinanderfolgenden Tagen. Das Gewicht steigt nach jeder Einheit, in der alle Wiederholungen gelangen. Für gesunde Einsteiger mit Langhantel, die schnell stark werden wollen; nach einigen Monaten stockt es, dann passt ein anderes Programm besser.
program-lisa-heavy-summary = Neun Geräteübungen für den ganzen Körper, je 3 Sätze, dreimal pro Woche: 8 Wochen Eingewöhnung mit 15 Wiederholungen, dann sich wiederholende 9-Wochen-Blöcke von 3 × 12 bei etwa 70 % des geschätzten 1RM bis 3 × 6 bei etwa 85 %, mit einer leichten Woche am Ende jedes Blocks. Der schwere Arm der LISA-Studie mit Erwachsenen von 62 bis 70 Jahren, der einzige, der die Beinkraft vier Jahre später über dem Ausgangswert hielt. Jedes Gerät hat Ersatz mit freien Gewichten und für zu Hause.
program-lisa-moderate-summary = Ein Zirkel für zu Hause aus neun Übungen mit Körpergewicht und Widerstandsband, drei Runden zu 10–18 Wiederholungen ohne Pause zwischen den Übungen, dreimal pro Woche. Die Wiederholungen steigen bis 18, dann wird die Übung schwerer (ein steilerer Liegestütz, eine geteilte Kniebeuge, ein stärkeres Band). Der moderate Arm der LISA-Studie mit Erwachsenen von 62 bis 70 Jahren. In dieser Studie hielt nur das schwere Geräteprogramm die Beinkraft vier Jahre später über dem Ausgangswert; wähle dieses, wenn Geräte oder schwere Lasten nicht in Frage kommen.
program-minimum-dose-summary = Zwei Einheiten von 20 Minuten pro Woche an nicht aufeinanderfolgenden Tagen, zusammen etwa 40 Minuten: die Menge pro Woche, bei der die Kohortenstudien den größten Rückgang der Sterblichkeit fanden. Jede Einheit besteht aus drei schweren Grundübungen, Sätze zu 5 mit 1–3 Wiederholungen in Reserve; Tag A Kniebeuge, Drücken und Rudern, Tag B Kreuzheben, Drücken über Kopf und Ziehen von oben. Für alle, die den Nutzen für die Gesundheit mit dem geringsten Zeitaufwand wollen.
program-runner-strength-summary = Zwei Einheiten von etwa 30 Minuten pro Woche, zuerst der Unterkörper: Kniebeuge oder Kreuzheben mit Trap-Bar, rumänisches Kreuzheben, bulgarische geteilte Kniebeuge, Step-ups und Wadenheben, dazu eine Druck- und eine Zugübung. Schwere Sätze zu 5–8 Wiederholungen, 1–2 Wiederholungen vor dem Versagen beendet: Das baut Kraft mit wenig Umfang auf und passt so neben das Laufen. In Wochen mit mehr als 150 Minuten Laufen fällt pro Übung ein Arbeitssatz weg.
