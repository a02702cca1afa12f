# Der Abgleich, auf Deutsch.

sync-title = Abgleich
sync-this-device = Dieses Gerät
sync-this-device-id = Gerätekennung …{ $id }
sync-device-name = Gerät …{ $id }
sync-last-seen = Zuletzt gesehen { $date }
sync-never-seen = Noch nicht gesehen
sync-empty-title = Noch kein anderes Gerät
sync-empty-body = Gleichen Sie einen Ordner ab, den Ihre Geräte teilen, oder importieren Sie eine Datei, die auf einem anderen Gerät exportiert wurde.
sync-action-folder = Ordner abgleichen
sync-action-import = Datei importieren
sync-action-export = In eine Datei exportieren
sync-last-import = Letzter Import { $date }
sync-last-folder = Letzter Abgleich { $date }
sync-summary-merged = Neu oder geändert: { $rows }
sync-summary-nothing-new = Nichts Neues: Dieses Gerät hatte schon alles.
sync-summary-no-files = Der Ordner enthielt keine Datei eines anderen Geräts.
sync-file-merged = Brachte { $rows }
sync-file-unchanged = Nichts Neues
sync-file-refused = Nicht übernommen: { $reason }
sync-rows-profile = { $count ->
    [one] 1 Profilangabe
   *[other] { $count } Profilangaben
}
sync-rows-exercise = { $count ->
    [one] 1 Übung
   *[other] { $count } Übungen
}
sync-rows-program = { $count ->
    [one] 1 Programm
   *[other] { $count } Programme
}
sync-rows-program-run = { $count ->
    [one] 1 Programmdurchlauf
   *[other] { $count } Programmdurchläufe
}
sync-rows-workout = { $count ->
    [one] 1 Training
   *[other] { $count } Trainings
}
sync-rows-set-entry = { $count ->
    [one] 1 Satz
   *[other] { $count } Sätze
}
sync-rows-measurement = { $count ->
    [one] 1 Messung
   *[other] { $count } Messungen
}
sync-rows-other = { $count ->
    [one] 1 weiterer Eintrag
   *[other] { $count } weitere Einträge
}
sync-refused-empty = Die Datei ist leer.
sync-refused-not-an-export = Es ist kein Heft-Export.
sync-refused-needs-passphrase = Sie ist verschlüsselt; bitte das Passwort angeben.
sync-refused-wrong-passphrase = Das Passwort öffnet sie nicht.
sync-refused-newer-version = Ein neueres Heft hat sie geschrieben; bitte Heft hier aktualisieren.
sync-refused-damaged = Die Datei ist beschädigt oder unvollständig; nichts davon wurde übernommen.
sync-refused-unreadable = Sie konnte nicht gelesen werden.
sync-summary-none-merged = Keine Datei konnte übernommen werden; nichts wurde geändert.
