//! The built-in programs, embedded from core/data/programs.

use super::program::{ExerciseLookup, Program, ProgramError};
use crate::embedded::{self, deflated};

/// Id and file of every built-in program, in the order they are listed. The
/// file (`core/data/programs/<id>.toml`) is deflated; [`source`] gives its
/// text.
pub const BUILTIN_PROGRAMS: &[(&str, &[u8])] = &[
    ("liftmor", deflated!("programs/liftmor.toml")),
    ("lisa-heavy", deflated!("programs/lisa-heavy.toml")),
    ("lisa-moderate", deflated!("programs/lisa-moderate.toml")),
    ("minimum-dose", deflated!("programs/minimum-dose.toml")),
    ("foundation", deflated!("programs/foundation.toml")),
    (
        "runner-strength",
        deflated!("programs/runner-strength.toml"),
    ),
    ("linear-5x5", deflated!("programs/linear-5x5.toml")),
];

/// The TOML text of a program file from [`BUILTIN_PROGRAMS`].
pub fn source(file: &[u8]) -> Result<String, ProgramError> {
    embedded::text(file).map_err(|message| ProgramError {
        line: None,
        field: "file".to_owned(),
        message,
    })
}

/// Parses every built-in program against the exercises given.
pub fn builtin_programs(
    exercises: &dyn ExerciseLookup,
) -> Result<Vec<Program>, (String, ProgramError)> {
    BUILTIN_PROGRAMS
        .iter()
        .map(|(id, file)| {
            source(file)
                .and_then(|text| Program::from_toml(&text, exercises))
                .map_err(|e| ((*id).to_owned(), e))
        })
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
