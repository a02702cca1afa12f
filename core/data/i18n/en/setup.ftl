# The setup forms shared by Onboarding and Settings, in English: field
# labels, choices, hints and field errors.

setup-field-unit = Unit
setup-field-birth-year = Year of birth
setup-field-sex = Sex
setup-field-body-weight = Body weight
setup-field-bone-status = Bone density
setup-field-fracture-history = Past fractures
setup-field-equipment = Equipment
setup-field-micro-plates = Fractional plates
setup-field-bar = Bar
setup-field-plates = Plates
setup-field-bands = Elastic bands
setup-field-language = Language
setup-field-program = Program

setup-unit-kg = Kilograms (kg)
setup-unit-lb = Pounds (lb)
setup-sex-female = Female
setup-sex-male = Male
setup-bone-status-normal = Normal (T-score −1 or above)
setup-bone-status-osteopenia = Osteopenia (T-score between −1 and −2.5)
setup-bone-status-osteoporosis = Osteoporosis (T-score −2.5 or below)
setup-bone-status-unknown = Not measured
setup-fracture-history-none = None
setup-fracture-history-fragility = A fracture from a fall from standing height or less
setup-fracture-history-vertebral = A vertebral fracture
setup-micro-plates-yes = Yes
setup-micro-plates-no = No
setup-language-system = As on this phone
setup-language-name = English

setup-hint-unit = Loads are shown and typed in this unit.
setup-hint-birth-year = Progress slows with age; Heft plans smaller steps from 60.
setup-hint-sex = For the norms of grip strength and the chair stand test.
setup-hint-body-weight = Optional: kept as your first body weight measurement.
setup-hint-bone-status = From your latest bone density scan (DXA). With low bone mass Heft teaches technique before heavy loads and leaves out loaded bending and twisting.
setup-hint-fracture-history = After a vertebral fracture, see a physiotherapist before heavy loading.
setup-hint-equipment = Choose what you have; nothing chosen means a full gym. Exercises needing something else are swapped.
setup-hint-micro-plates = Small plates let loads rise in smaller steps.
setup-hint-plates = The weights of your plates, heaviest first; 20x2 for two pairs. Without a count, as many as needed.
setup-hint-bands = Their names or colours, light to heavy.

setup-error-choose = Choose one.
setup-error-not-a-choice = “{ $value }” is not one of the choices.
setup-error-not-a-year = A year, such as 1960.
setup-error-not-a-number = A number, such as 72.5.
setup-error-band-name = “{ $name }” is not a band name: letters, digits and - only.
setup-error-plate = “{ $plate }” is not a plate: a weight, or a weight and a count of pairs such as 20x2.
setup-error-band-twice = “{ $name }” is named twice: each band once.
setup-error-bands-too-many = At most { $max } bands.
