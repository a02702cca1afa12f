# Messwerte: die Referenzbereiche (core/src/measures/bands.rs) und die
# Seite Messwerte (core/src/screens/measures.rs).

## Referenzbereiche

band-t-under-50 = unter 50: der Z-Wert ist das passende Maß (T-Wert-Bereiche gelten für Frauen nach der Menopause und Männer ab 50)
band-t-needs-profile = T-Wert-Bereiche gelten für Frauen nach der Menopause und Männer ab 50: Geburtsjahr und Geschlecht im Profil eintragen oder den Z-Wert verwenden
band-t-score = { $band ->
        [severe] schwere Osteoporose (mit einer Fragilitätsfraktur)
        [osteoporosis] Osteoporose
        [osteopenia] Osteopenie
       *[normal] normal
    }
band-t-score-assumed = { band-t-score } (eine Frau ab 50 gilt als nach der Menopause)
band-z-low = unter dem für das Alter erwarteten Bereich
band-z-normal = im für das Alter erwarteten Bereich
band-grip-needs-sex = Geschlecht im Profil eintragen, um mit den EWGSOP2-Grenzwerten zu vergleichen (Männer 27 kg, Frauen 16 kg)
band-grip-low = geringe Griffkraft (unter { $cut } für { $who ->
        [men] Männer
       *[women] Frauen
    })
band-grip-normal = nicht gering (Grenzwert { $cut } für { $who ->
        [men] Männer
       *[women] Frauen
    })
band-chair-stand-needs-profile = Geburtsjahr und Geschlecht im Profil eintragen, um mit den Normwerten für das Alter zu vergleichen
band-chair-stand-no-norm = die Normwerte gelten für 60 bis 94 Jahre
band-chair-stand-low = geringe Funktion (weniger als 8-mal aufgestanden)
band-chair-stand = { $position ->
        [below] unter der Norm
        [above] über der Norm
       *[normal] normal
    } ({ $who ->
        [men] Männer
       *[women] Frauen
    } { $from }–{ $to } Jahre: { $low }–{ $high })
band-five-stand-low = geringe Kraft (über 15 s)
band-five-stand-normal = nicht gering (15 s oder weniger)
band-gait-low = eingeschränkte Mobilität ({ $speed } m/s oder langsamer)
band-gait-normal = nicht eingeschränkt (schneller als { $speed } m/s)
band-tug-low = Sturzrisiko (12 s oder mehr)
band-tug-normal = kein erhöhtes Sturzrisiko (unter 12 s)

## Arten, Messorte und Werte

measure-kind-body_weight = Körpergewicht
measure-kind-lean_mass = Magermasse
measure-kind-visceral_fat = Viszeralfett
measure-kind-bmd = Knochendichte
measure-kind-t_score = T-Wert
measure-kind-z_score = Z-Wert
measure-kind-grip = Griffkraft
measure-kind-chair_stand_30s = Aufstehen in 30 s
measure-kind-five_chair_stand = Fünfmal Aufstehen
measure-kind-timed_up_and_go = Timed-up-and-go-Test
measure-kind-gait_speed = Gehgeschwindigkeit
measure-kind-steps = Schritte
measure-kind-running_minutes = Laufen
measure-site-lumbar_spine = Lendenwirbelsäule
measure-site-femoral_neck = Schenkelhals
measure-site-total_hip = gesamte Hüfte
measure-site-left = linke Hand
measure-site-right = rechte Hand
measure-with-site = { $kind }, { $site }
measure-unit-level = Stufe
measure-unit-sd = SD
measure-unit-reps = Mal
measure-unit-steps = Schritte am Tag
measure-unit-minutes = min pro Woche
measure-value-level = Stufe { $value }
measure-value-stands = { $value }-mal
measure-value-steps = { $value } Schritte am Tag
measure-value-minutes = { $value } min pro Woche
measure-range = { $min } bis { $max }

## Die Seite Messwerte

measures-title = Messwerte
measures-empty-title = Noch keine Messwerte
measures-empty-body = Trage Körpergewicht, eine Knochendichtemessung, die Griffkraft oder einen Aufstehtest ein und sieh, wie sie sich mit der Zeit ändern.
measures-count = { $count ->
        [one] 1 Messung
       *[other] { $count } Messungen
    }
measures-percent = { $sign }{ $number } %
measures-change = { $change } seit { $date }
measures-change-percent = { $change } ({ $percent }) seit { $date }
measures-dxa-change = über der Messgenauigkeit des Geräts
measures-dxa-within = innerhalb der Messgenauigkeit des Geräts
measures-dxa-too-soon = Messungen weniger als ein Jahr auseinander: zu früh für einen Vergleich
measures-band-source = { $band } ({ $source })
measures-entry-spoken = { $measure } am { $date }: { $value }
action-save-measurement = Messwert speichern
action-delete-measurement = Löschen
measure-error-no-kind = Wähle, was du gemessen hast
measure-error-no-value = Trage den Wert ein, etwa 72,5
measure-error-not-a-number = „{ $value }“ ist keine Zahl
measure-error-unit = { $kind } wird gemessen in { $units }
measure-error-unit-needed = Wähle die Einheit: { $units }
measure-error-site-required = Wähle den Messort: { $sites }
measure-error-site-none = { $kind } wird ohne Messort gemessen
measure-error-site-one-of = { $kind } wird gemessen an: { $sites }

## Schritte zum Rückgängigmachen

measure-word-body_weight = Körpergewicht
measure-word-lean_mass = Magermasse
measure-word-visceral_fat = Viszeralfett
measure-word-bmd = Knochendichte
measure-word-t_score = T-Wert
measure-word-z_score = Z-Wert
measure-word-grip = Griffkraft
measure-word-chair_stand_30s = Aufstehen in 30 s
measure-word-five_chair_stand = fünfmal Aufstehen
measure-word-timed_up_and_go = Timed-up-and-go-Test
measure-word-gait_speed = Gehgeschwindigkeit
measure-word-steps = Schritte
measure-word-running_minutes = Laufen
undo-measured-value = { $at ->
        [site] { $kind } { $value } ({ $site })
       *[none] { $kind } { $value }
    } gemessen
undo-deleted-measurement-value = { $at ->
        [site] { $kind } { $value } ({ $site })
       *[none] { $kind } { $value }
    } gelöscht
