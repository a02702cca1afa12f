//! The built-in programs, embedded from core/data/programs.

use super::program::{ExerciseLookup, Program, ProgramError};

/// Id and file text of every built-in program, in the order they are listed.
pub const BUILTIN_PROGRAMS: &[(&str, &str)] = &[
    ("liftmor", include_str!("../../data/programs/liftmor.toml")),
    (
        "lisa-heavy",
        include_str!("../../data/programs/lisa-heavy.toml"),
    ),
    (
        "lisa-moderate",
        include_str!("../../data/programs/lisa-moderate.toml"),
    ),
    (
        "minimum-dose",
        include_str!("../../data/programs/minimum-dose.toml"),
    ),
    (
        "foundation",
        include_str!("../../data/programs/foundation.toml"),
    ),
    (
        "runner-strength",
        include_str!("../../data/programs/runner-strength.toml"),
    ),
    (
        "linear-5x5",
        include_str!("../../data/programs/linear-5x5.toml"),
    ),
];

/// Parses every built-in program against the exercises given.
pub fn builtin_programs(
    exercises: &dyn ExerciseLookup,
) -> Result<Vec<Program>, (String, ProgramError)> {
    BUILTIN_PROGRAMS
        .iter()
        .map(|(id, text)| Program::from_toml(text, exercises).map_err(|e| ((*id).to_owned(), e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn every_builtin_program_parses_and_has_its_file_name_as_id() {
        let cat = catalog::builtin().unwrap();
        let programs =
            builtin_programs(&cat.exercises).unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
        for ((id, _), p) in BUILTIN_PROGRAMS.iter().zip(&programs) {
            assert_eq!(*id, p.id);
        }
    }
}
