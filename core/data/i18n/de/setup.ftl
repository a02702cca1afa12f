# Die Einrichtungsformulare von Einführung und Einstellungen, auf Deutsch:
# Feldnamen, Auswahlen, Hinweise und Feldfehler.

setup-field-unit = Einheit
setup-field-birth-year = Geburtsjahr
setup-field-sex = Geschlecht
setup-field-body-weight = Körpergewicht
setup-field-bone-status = Knochendichte
setup-field-fracture-history = Frühere Brüche
setup-field-equipment = Ausrüstung
setup-field-micro-plates = Kleine Hantelscheiben
setup-field-bar = Stange
setup-field-plates = Hantelscheiben
setup-field-bands = Widerstandsbänder
setup-field-language = Sprache
setup-field-program = Programm

setup-unit-kg = Kilogramm (kg)
setup-unit-lb = Pfund (lb)
setup-sex-female = Weiblich
setup-sex-male = Männlich
setup-bone-status-normal = Normal (T-Wert −1 oder höher)
setup-bone-status-osteopenia = Osteopenie (T-Wert zwischen −1 und −2,5)
setup-bone-status-osteoporosis = Osteoporose (T-Wert −2,5 oder niedriger)
setup-bone-status-unknown = Nicht gemessen
setup-fracture-history-none = Keine
setup-fracture-history-fragility = Ein Bruch nach einem Sturz aus dem Stand oder geringerer Höhe
setup-fracture-history-vertebral = Ein Wirbelbruch
setup-micro-plates-yes = Ja
setup-micro-plates-no = Nein
setup-language-system = Wie auf diesem Telefon
setup-language-name = Deutsch

setup-hint-unit = Lasten werden in dieser Einheit angezeigt und eingegeben.
setup-hint-birth-year = Mit dem Alter geht der Fortschritt langsamer; ab 60 plant Heft kleinere Schritte.
setup-hint-sex = Für die Normwerte von Griffkraft und Aufstehtest.
setup-hint-body-weight = Freiwillig: wird als erste Messung des Körpergewichts gespeichert.
setup-hint-bone-status = Aus Ihrer letzten Knochendichtemessung (DXA). Bei niedriger Knochendichte übt Heft zuerst die Technik, dann erst schwere Lasten, und lässt Beugen und Drehen unter Last weg.
setup-hint-fracture-history = Nach einem Wirbelbruch vor schweren Lasten zuerst zur Physiotherapie.
setup-hint-equipment = Wählen Sie, was Sie haben; nichts gewählt heißt ein voll ausgestattetes Studio. Übungen, die anderes brauchen, werden ersetzt.
setup-hint-micro-plates = Mit kleinen Scheiben steigen die Lasten in kleineren Schritten.
setup-hint-plates = Die Gewichte Ihrer Scheiben, die schwerste zuerst; 20x2 für zwei Paare. Ohne Anzahl: so viele wie nötig.
setup-hint-bands = Ihre Namen oder Farben, vom leichtesten zum schwersten.

setup-error-choose = Bitte eine Auswahl treffen.
setup-error-not-a-choice = „{ $value }“ ist keine der Auswahlen.
setup-error-not-a-year = Eine Jahreszahl, etwa 1960.
setup-error-not-a-number = Eine Zahl, etwa 72,5.
setup-error-band-name = „{ $name }“ ist kein Bandname: nur Buchstaben, Ziffern und -.
setup-error-plate = „{ $plate }“ ist keine Scheibe: ein Gewicht oder ein Gewicht mit der Anzahl Paare, etwa 20x2.
setup-error-band-twice = „{ $name }“ steht zweimal da: jedes Band nur einmal.
setup-error-bands-too-many = Höchstens { $max } Bänder.
