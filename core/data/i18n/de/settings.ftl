# Die Einstellungen, auf Deutsch.

settings-title = Einstellungen
settings-profile = Profil
settings-equipment = Ausrüstung
settings-plates = Stange und Scheiben
settings-bands = Widerstandsbänder
settings-units = Einheit
settings-language = Sprache
settings-full-gym = Voll ausgestattetes Studio
settings-not-given = Keine Angabe
settings-action-save = Speichern
settings-action-cancel = Abbrechen
settings-value-born = Jahrgang { $year }
settings-value-sex-female = weiblich
settings-value-sex-male = männlich
settings-value-bone-status-normal = normale Knochendichte
settings-value-bone-status-osteopenia = Osteopenie
settings-value-bone-status-osteoporosis = Osteoporose
settings-value-fracture-history-none = keine früheren Brüche
settings-value-fracture-history-fragility = ein Fragilitätsbruch
settings-value-fracture-history-vertebral = ein Wirbelbruch
settings-value-plates = Stange { $bar } · Scheiben { $plates } · { $fractional }
settings-value-micro-plates-yes = mit kleinen Scheiben
settings-value-micro-plates-no = ohne kleine Scheiben
