# Die Namen der mitgelieferten Programme, ihrer Phasen und Tage, nach id
# (core/data/programs/*.toml).

phase-ramp = Eingewöhnung
program-foundation = Grundlagen
program-foundation-phase-technique = Technik
program-foundation-phase-build = Aufbau: 3 × 8–12 bei RPE 6–7
program-foundation-phase-strength = Kraft: 3 × 6–10 bei RPE 7–8
program-foundation-phase-basics = Basis: 3 × 5–8 bei 2–3 RIR
program-liftmor = LIFTMOR: schweres Heben für starke Knochen
program-liftmor-phase-technique = Technik
program-liftmor-phase-light = Leichte Lasten
program-liftmor-phase-hirit = HiRIT 5 × 5
program-linear-5x5 = Linear 5 × 5
program-linear-5x5-phase-main = 5 × 5
program-lisa-heavy = LISA: schweres Krafttraining
program-lisa-heavy-phase-acclim-1 = Eingewöhnung 1 × 15
program-lisa-heavy-phase-acclim-2 = Eingewöhnung 2 × 15
program-lisa-heavy-phase-acclim-3 = Eingewöhnung 3 × 15
program-lisa-heavy-phase-block-12 = Block 3 × 12 bei 70 %
program-lisa-heavy-phase-block-10 = Block 3 × 10 bei 75 %
program-lisa-heavy-phase-block-8 = Block 3 × 8 bei 80 %
program-lisa-heavy-phase-block-6 = Block 3 × 6 bei 85 %
program-lisa-heavy-phase-restitution = Erholungswoche
program-lisa-moderate = LISA: moderates Training zu Hause
program-lisa-moderate-phase-acclim-1 = Eingewöhnung 1 Runde × 10
program-lisa-moderate-phase-acclim-2 = Eingewöhnung 2 Runden × 10
program-lisa-moderate-phase-acclim-3 = Eingewöhnung 3 Runden × 10
program-lisa-moderate-phase-circuit = Zirkel 3 Runden × 10–18
program-minimum-dose = Mindestdosis
program-minimum-dose-phase-main = Hauptphase
program-runner-strength = Kraft fürs Laufen
program-runner-strength-phase-main = Hauptphase

program-foundation-day-technique = Technik
program-liftmor-day-technique = Technik
program-liftmor-day-light = Leicht
program-lisa-heavy-day-whole-body = Ganzkörper
program-lisa-moderate-day-circuit = Zirkel
