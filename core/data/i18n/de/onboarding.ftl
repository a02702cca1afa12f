# Die Einführung beim ersten Start, auf Deutsch.

onboarding-progress = Schritt { $step } von { $steps }
onboarding-units-title = Kilogramm oder Pfund?
onboarding-units-body = Heft zeigt jede Last in der Einheit, mit der Sie trainieren.
onboarding-body-title = Über Sie
onboarding-body-body = Jede Angabe ist freiwillig; Alter und Geschlecht bestimmen, wie schnell die Lasten steigen und welche Normwerte gelten.
onboarding-bones-title = Ihre Knochen
onboarding-bones-body = Knochendichte und frühere Brüche entscheiden, was sicher ist: Bei niedriger Knochendichte kommt die Technik vor schweren Lasten.
onboarding-equipment-title = Womit Sie trainieren
onboarding-equipment-body = Heft plant nur Lasten, die Ihre Ausrüstung ermöglicht.
onboarding-program-title = Ein Programm wählen
onboarding-program-body = Jedes Programm sagt, wie viel Zeit es pro Woche braucht und wofür es gedacht ist. Sie können es später ändern.
onboarding-action-next = Weiter
onboarding-action-back = Zurück
onboarding-action-start = Training beginnen
onboarding-suggested = Empfohlen: Programme innerhalb der 40–60 Minuten pro Woche, bei denen der Nutzen am größten ist.
onboarding-suggested-low-bone-mass = Empfohlen: Knochen reagieren auf schweres, steigendes Heben, darum erreichen diese Programme nach einer Technikphase schwere Lasten, innerhalb der 40–60 Minuten pro Woche, bei denen der Nutzen am größten ist.
onboarding-program-time = { $sessions } × { $minutes } Min. pro Woche · { $total } Min.
onboarding-hint-program = Die für Sie empfohlenen Programme stehen oben und sind markiert.
onboarding-about-liftmor = Bei niedriger Knochendichte: das schwere Heben der LIFTMOR-Studie, in der die Knochendichte stieg, nach einem Monat Technik und leichter Lasten.
onboarding-about-lisa-heavy = Für Ältere mit Zugang zu Geräten: das Programm der LISA-Studie, dessen Kraftgewinn vier Jahre anhielt.
onboarding-about-lisa-moderate = Für das Training zu Hause mit Bändern und Körpergewicht, wenn Geräte oder schwere Lasten nicht in Frage kommen.
onboarding-about-minimum-dose = Für den gesundheitlichen Nutzen mit dem geringsten Zeitaufwand: zwei Einheiten von 20 Minuten pro Woche.
onboarding-about-foundation = Für Einsteiger, für den Wiedereinstieg nach langer Pause oder bei Rückenbeschwerden: erst die Technik, dann die Last.
onboarding-about-runner-strength = Für Läuferinnen und Läufer: schwere Sätze mit wenig Umfang neben dem Laufen.
onboarding-about-linear-5x5 = Für gesunde Einsteiger mit Langhantel, die schnell stärker werden wollen.
