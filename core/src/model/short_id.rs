//! Short ids: tables show the last 8 characters of a row's id, and people
//! type those (or any other tail) back. One rule for every kind of row, so
//! a set and a measurement are named back the same way.

use crate::validate::{Field, Problem, ValidationError};
use crate::{Error, Result};

/// Fewest characters accepted: shorter tails match too many rows to help.
const MIN_CHARS: usize = 4;

/// A typed id or tail of one, for rows of one kind; trimmed and lower-cased
/// as ids are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortId {
    entity: &'static str,
    fragment: String,
}

impl ShortId {
    /// Reads `text` as an id, or the tail of one, of an `entity` ("set",
    /// "measurement"): at least 4 hex digits and dashes, in any case.
    pub fn parse(entity: &'static str, text: &str) -> Result<ShortId, ValidationError> {
        let fragment = text.trim().to_ascii_lowercase();
        let id_chars = fragment.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        if fragment.len() < MIN_CHARS || !id_chars {
            return Err(ValidationError {
                field: Field::Id,
                problem: Problem::Malformed {
                    expected: format!(
                        "at least {MIN_CHARS} characters of a {entity} id (hex digits and dashes)"
                    ),
                },
            });
        }
        Ok(ShortId { entity, fragment })
    }

    /// The text to look for: ids equal to it or ending with it.
    pub fn fragment(&self) -> &str {
        &self.fragment
    }

    /// The id meant, from the live ids that are or end with the fragment:
    /// not found when there is none, ambiguous when there are several.
    pub fn pick(&self, matches: &[String]) -> Result<String> {
        match matches {
            [one] => Ok(one.clone()),
            [] => Err(Error::NotFound {
                entity: self.entity,
                id: self.fragment.clone(),
            }),
            many => Err(Error::AmbiguousId {
                entity: self.entity,
                fragment: self.fragment.clone(),
                count: many.len(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tail_is_trimmed_and_lower_cased_as_ids_are_stored() {
        let short = ShortId::parse("set", "  0C5F-9A1B ").unwrap();
        assert_eq!(short.fragment(), "0c5f-9a1b");
    }

    #[test]
    fn fewer_than_four_id_characters_name_the_id_field_and_the_entity() {
        for text in ["abc", "  ab  ", "xyz1", "12 34", ""] {
            let err = ShortId::parse("measurement", text).unwrap_err();
            assert_eq!(err.field, Field::Id, "{text:?}");
            assert!(err.to_string().contains("measurement id"), "{err}");
        }
        assert!(ShortId::parse("set", "abcd").is_ok());
    }

    #[test]
    fn one_match_is_the_id_none_is_not_found_and_more_are_ambiguous() {
        let short = ShortId::parse("set", "9a1b").unwrap();
        let id = "0190-aa-9a1b".to_owned();
        assert_eq!(short.pick(std::slice::from_ref(&id)).unwrap(), id);
        assert!(matches!(
            short.pick(&[]),
            Err(Error::NotFound { entity: "set", ref id }) if id == "9a1b"
        ));
        assert!(matches!(
            short.pick(&[id.clone(), "ff-9a1b".into()]),
            Err(Error::AmbiguousId {
                entity: "set",
                count: 2,
                ..
            })
        ));
    }
}
