# Was eine App zeigt, wenn ein Aufruf scheitert, auf Deutsch.

problem-dismiss = Schließen
problem-action-refresh = Aktualisieren
problem-action-retry = Erneut versuchen
problem-action-recover = Datenbank wiederherstellen
problem-action-reopen = Wieder öffnen
problem-invalid-input-title = Bitte Eingabe prüfen
problem-invalid-input-body = { $detail }
problem-not-found-title = Nicht mehr vorhanden
problem-not-found-body = Es wurde gelöscht, vielleicht auf einem anderen Gerät. Aktualisieren Sie, um den jetzigen Stand zu sehen.
problem-conflict-title = Nicht gespeichert
problem-conflict-body = Das widerspricht dem schon Gespeicherten, daher wurde nichts geändert: { $detail }
problem-io-title = Eine Datei ließ sich nicht lesen oder schreiben
problem-io-body = Prüfen Sie, ob die Datei oder der Ordner noch da ist und Heft darauf zugreifen darf, und versuchen Sie es erneut. Es wurde nichts geändert.
problem-corrupt-title = Die Datei ist beschädigt
problem-corrupt-body = Es wurde nichts daraus übernommen und nichts geändert. Eine beschädigte Datenbank wird beiseitegelegt, nie gelöscht: Sie können einen Export wiederherstellen.
problem-damaged-title = Die Datenbank ist beschädigt
problem-damaged-body = Gespeichertes lässt sich noch lesen, aber Speichern ist angehalten, damit sich der Schaden nicht ausbreitet. Stellen Sie die Datenbank wieder her, um weiterzumachen: Alles Lesbare bleibt erhalten.
problem-newer-version-title = Von einer neueren Heft-Version
problem-newer-version-body = Aktualisieren Sie Heft auf diesem Gerät, um es zu öffnen. Es wurde nichts geändert.
problem-cancelled-title = Abgebrochen
problem-cancelled-body = Es wurde nichts geändert.
problem-closed-title = Heft wurde geschlossen
problem-closed-body = Öffnen Sie es wieder, um weiterzumachen. Alles Gespeicherte bleibt erhalten.
problem-other-title = Etwas ist schiefgegangen
problem-other-body = Das ist ein Fehler in Heft, nicht Ihrer. Nichts Gespeichertes ist verloren. Versuchen Sie es erneut; passiert es wieder, helfen die Details unten bei der Behebung.
