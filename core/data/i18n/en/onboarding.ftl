# Onboarding, the first run, in English.

onboarding-progress = Step { $step } of { $steps }
onboarding-units-title = Kilograms or pounds?
onboarding-units-body = Heft shows every load in the unit you lift in.
onboarding-body-title = About you
onboarding-body-body = Each answer is optional; age and sex set how fast loads rise and which norms apply.
onboarding-bones-title = Your bones
onboarding-bones-body = Bone density and past fractures decide what is safe: with low bone mass, technique comes before heavy loads.
onboarding-equipment-title = What you train with
onboarding-equipment-body = Heft plans only loads your equipment can make.
onboarding-program-title = Choose a program
onboarding-program-body = Each program says how long it takes a week and what it is for. You can change it later.
onboarding-action-next = Next
onboarding-action-back = Back
onboarding-action-start = Start training
onboarding-suggested = Suggested: programs within the 40–60 min a week where the benefit peaks.
onboarding-suggested-low-bone-mass = Suggested: bone responds to heavy, progressive lifting, so these programs reach heavy loads after technique practice, within the 40–60 min a week where the benefit peaks.
onboarding-program-time = { $sessions } × { $minutes } min a week · { $total } min
onboarding-hint-program = The programs suggested for you come first, marked.
onboarding-about-liftmor = For low bone mass: the heavy lifting of the LIFTMOR trial, in which bone density rose, after a month of technique and light loads.
onboarding-about-lisa-heavy = For older adults with machines: the program of the LISA trial whose strength gain lasted four years.
onboarding-about-lisa-moderate = For training at home with bands and body weight, when machines or heavy loads are not an option.
onboarding-about-minimum-dose = For the health benefit in the least time: two sessions of 20 minutes a week.
onboarding-about-foundation = For beginners, a return after a long break, or a back that complains: technique first, then load.
onboarding-about-runner-strength = For runners: heavy sets with little volume next to running.
onboarding-about-linear-5x5 = For healthy beginners with a barbell who want to get strong quickly.
