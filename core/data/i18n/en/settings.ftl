# Settings, in English.

settings-title = Settings
settings-profile = Profile
settings-equipment = Equipment
settings-plates = Bar and plates
settings-bands = Elastic bands
settings-units = Unit
settings-language = Language
settings-full-gym = Full gym
settings-not-given = Not given
settings-action-save = Save
settings-action-cancel = Cancel
settings-value-born = Born { $year }
settings-value-sex-female = female
settings-value-sex-male = male
settings-value-bone-status-normal = normal bone density
settings-value-bone-status-osteopenia = osteopenia
settings-value-bone-status-osteoporosis = osteoporosis
settings-value-fracture-history-none = no past fractures
settings-value-fracture-history-fragility = a fragility fracture
settings-value-fracture-history-vertebral = a vertebral fracture
settings-value-plates = Bar { $bar } · plates { $plates } · { $fractional }
settings-value-micro-plates-yes = with fractional plates
settings-value-micro-plates-no = no fractional plates
