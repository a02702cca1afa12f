# What the engine says about a whole session and why it replaced an
# exercise (core/src/progression/engine.rs, safety.rs, prescribe.rs).

## Why an exercise was replaced

swap-lighter-steps = even the lightest { $from } load was near your limit; { $to } allows lighter steps
swap-no-equipment = { $exercise } needs { $equipment } equipment you do not have
swap-spinal-flexion = loaded or repeated spinal flexion is avoided with low bone mass
swap-spinal-rotation = forceful twisting is avoided with low bone mass
swap-impact = high-impact landings are replaced by lower impact with osteoporosis or a vertebral fracture
