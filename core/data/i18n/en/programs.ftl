# The built-in programs' names, their phases' and their days', by id
# (core/data/programs/*.toml): a screen shows them in the language; a test
# keeps the English equal to the programs' own, and every built-in day
# named by a word here. A program of the person's own keeps the names it
# was given.

phase-ramp = Familiarization
program-foundation = Foundation
program-foundation-phase-technique = Technique
program-foundation-phase-build = Build: 3 x 8-12 at RPE 6-7
program-foundation-phase-strength = Strength: 3 x 6-10 at RPE 7-8
program-foundation-phase-basics = Basics: 3 x 5-8 at 2-3 RIR
program-liftmor = LIFTMOR: heavy lifting for bone
program-liftmor-phase-technique = Technique
program-liftmor-phase-light = Light loads
program-liftmor-phase-hirit = HiRIT 5 x 5
program-linear-5x5 = Linear 5 x 5
program-linear-5x5-phase-main = 5 x 5
program-lisa-heavy = LISA heavy resistance training
program-lisa-heavy-phase-acclim-1 = Acclimatisation 1 x 15
program-lisa-heavy-phase-acclim-2 = Acclimatisation 2 x 15
program-lisa-heavy-phase-acclim-3 = Acclimatisation 3 x 15
program-lisa-heavy-phase-block-12 = Block 3 x 12 at 70%
program-lisa-heavy-phase-block-10 = Block 3 x 10 at 75%
program-lisa-heavy-phase-block-8 = Block 3 x 8 at 80%
program-lisa-heavy-phase-block-6 = Block 3 x 6 at 85%
program-lisa-heavy-phase-restitution = Restitution week
program-lisa-moderate = LISA moderate home training
program-lisa-moderate-phase-acclim-1 = Acclimatisation 1 round x 10
program-lisa-moderate-phase-acclim-2 = Acclimatisation 2 rounds x 10
program-lisa-moderate-phase-acclim-3 = Acclimatisation 3 rounds x 10
program-lisa-moderate-phase-circuit = Circuit 3 rounds x 10-18
program-minimum-dose = Minimum dose
program-minimum-dose-phase-main = Main
program-runner-strength = Runner strength
program-runner-strength-phase-main = Main

program-foundation-day-technique = Technique
program-liftmor-day-technique = Technique
program-liftmor-day-light = Light
program-lisa-heavy-day-whole-body = Whole body
program-lisa-moderate-day-circuit = Circuit
