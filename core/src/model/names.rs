//! Text names for the model's enums.
//!
//! One spelling per value, shared by the database, JSON and the CLI, so the
//! three can never drift apart.

use std::fmt;

/// A text did not name any value of an enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} '{name}' (expected one of: {})", expected.join(", "))]
pub struct UnknownName {
    /// Which enum was being read.
    pub kind: &'static str,
    /// The text given.
    pub name: String,
    /// The accepted names.
    pub expected: &'static [&'static str],
}

/// Writes `as_str`, `ALL`, `NAMES`, `Display`, `FromStr` and serde for an enum.
macro_rules! named_enum {
    ($ty:ident, $label:literal { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];
            /// The text name of every value, in the order of `ALL`.
            pub const NAMES: &'static [&'static str] = &[$($name),*];
            /// The snake_case name used in storage, JSON and the CLI.
            pub const fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),* }
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::std::str::FromStr for $ty {
            type Err = $crate::model::UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)*
                    _ => Err($crate::model::UnknownName {
                        kind: $label,
                        name: s.chars().take(40).collect(),
                        expected: $ty::NAMES,
                    }),
                }
            }
        }
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use named_enum;

impl fmt::Display for super::Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d %H:%M"))
    }
}
