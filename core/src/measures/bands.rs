//! Reference bands: where a value stands against the published cut-off or
//! normal range for its kind (WHO T-score bands, the ISCD Z-score cut-off,
//! EWGSOP2 grip, five chair stands and gait speed, Rikli & Jones 30-s chair
//! stands, CDC STEADI timed up-and-go), for one person at one age.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::norms::{
    AgeNorm, CHAIR_STAND_LOW, FIVE_STAND_LOW_S, GAIT_SPEED_LOW, GRIP_LOW_MEN_KG, GRIP_LOW_WOMEN_KG,
    T_NORMAL, T_OSTEOPOROSIS, T_SCORE_MIN_AGE, TUG_FALL_RISK_S, Z_LOW, chair_stand_norm,
};
use crate::model::{FractureHistory, MeasureKind, MeasureUnit, Profile, Sex, Weight, WeightUnit};
use crate::text::{Phrase, Text};

/// How a value compares with its reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BandStatus {
    /// Within or above the normal range.
    Normal,
    /// Worth watching: osteopenia, or below the normal range for age.
    Watch,
    /// Low: osteoporosis, low strength or function, a fall or mobility risk.
    Low,
    /// The reference does not apply to this person (a T-score under 50).
    NotApplicable,
    /// The profile lacks the sex or birth year the reference depends on.
    NeedsProfile,
}

/// Where a reference band comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BandSource {
    /// World Health Organization T-score bands.
    #[serde(rename = "WHO")]
    Who,
    /// International Society for Clinical Densitometry (the Z-score cut-off).
    #[serde(rename = "ISCD")]
    Iscd,
    /// European Working Group on Sarcopenia in Older People, 2019.
    #[serde(rename = "EWGSOP2")]
    Ewgsop2,
    /// Rikli & Jones Senior Fitness Test norms.
    #[serde(rename = "Rikli & Jones")]
    RikliJones,
    /// CDC STEADI fall-risk screening.
    #[serde(rename = "CDC STEADI")]
    CdcSteadi,
}

impl BandSource {
    /// The name as cited.
    pub fn as_str(self) -> &'static str {
        match self {
            BandSource::Who => "WHO",
            BandSource::Iscd => "ISCD",
            BandSource::Ewgsop2 => "EWGSOP2",
            BandSource::RikliJones => "Rikli & Jones",
            BandSource::CdcSteadi => "CDC STEADI",
        }
    }
}

/// A reference band beside a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Band {
    /// In words, e.g. "osteopenia", "below normal (men 65-69: 12-18)": the
    /// English of `phrase`.
    pub label: String,
    /// The same as a catalog phrase, for a screen to say in the person's
    /// language (not in the JSON, whose `label` is its English).
    #[serde(skip)]
    pub phrase: Phrase,
    /// How the value compares.
    pub status: BandStatus,
    /// The reference.
    pub source: BandSource,
    /// The band rests on an assumption of Heft's (e.g. a woman of 50 or
    /// more is taken to be postmenopausal), not only on the reference.
    pub heuristic: bool,
}

impl Band {
    /// A band that says `phrase` (its label is the phrase's English).
    fn new(phrase: Phrase, status: BandStatus, source: BandSource, heuristic: bool) -> Band {
        Band {
            label: Text::english(&phrase),
            phrase,
            status,
            source,
            heuristic,
        }
    }

    /// Whether the reference of `kind` applies to the person in `profile`
    /// on `on`, whatever the value. When it does not, `Err` holds the band
    /// every value then gets (`NotApplicable` or `NeedsProfile`), whose
    /// label says why: T-score bands need sex and an age of 50 or more,
    /// grip cut-offs need sex, the 30-s chair stand norms need sex and an
    /// age of 60 to 94. Fewer than 8 chair stands is low function whatever
    /// the profile, so [`Band::for_value`] still calls that low. Kinds whose
    /// reference is the same for everyone, and kinds without one, apply.
    pub fn applies(kind: MeasureKind, profile: &Profile, on: NaiveDate) -> Result<(), Band> {
        let age = age_on(profile, on);
        match kind {
            MeasureKind::TScore => t_score_sex(profile.sex, age).map(|_| ()),
            MeasureKind::Grip => grip_sex(profile.sex).map(|_| ()),
            MeasureKind::ChairStand30s => chair_stand_norm_of(profile.sex, age).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// The reference band of a `value` of `kind` measured `on` a date, for
    /// the person in `profile`; `None` for kinds without one (body weight,
    /// lean mass, visceral fat, BMD, steps, running). Age is the year of
    /// `on` minus the birth year (only the year is stored).
    pub fn for_value(
        kind: MeasureKind,
        value: f64,
        unit: MeasureUnit,
        profile: &Profile,
        on: NaiveDate,
    ) -> Option<Band> {
        let age = age_on(profile, on);
        let band = |id: &str, status, source| Band::new(Phrase::new(id), status, source, false);
        match kind {
            MeasureKind::TScore => Some(t_score_band(value, profile, age)),
            MeasureKind::ZScore => Some(if value <= Z_LOW {
                band("band-z-low", BandStatus::Low, BandSource::Iscd)
            } else {
                band("band-z-normal", BandStatus::Normal, BandSource::Iscd)
            }),
            MeasureKind::Grip => {
                let kg = unit.to_kg(value)?;
                let (cut, who) = match grip_sex(profile.sex) {
                    Ok(Sex::Male) => (GRIP_LOW_MEN_KG, "men"),
                    Ok(Sex::Female) => (GRIP_LOW_WOMEN_KG, "women"),
                    Err(why) => return Some(why),
                };
                let (id, status) = if kg < cut {
                    ("band-grip-low", BandStatus::Low)
                } else {
                    ("band-grip-normal", BandStatus::Normal)
                };
                let cut_kg = Weight::new(cut, WeightUnit::Kg)?;
                let phrase = Phrase::new(id).weight("cut", cut_kg).choice("who", who);
                Some(Band::new(phrase, status, BandSource::Ewgsop2, false))
            }
            MeasureKind::ChairStand30s => Some(chair_stand_band(value, profile.sex, age)),
            MeasureKind::FiveChairStand => Some(if value > FIVE_STAND_LOW_S {
                band("band-five-stand-low", BandStatus::Low, BandSource::Ewgsop2)
            } else {
                band(
                    "band-five-stand-normal",
                    BandStatus::Normal,
                    BandSource::Ewgsop2,
                )
            }),
            MeasureKind::GaitSpeed => {
                let (id, status) = if value <= GAIT_SPEED_LOW {
                    ("band-gait-low", BandStatus::Low)
                } else {
                    ("band-gait-normal", BandStatus::Normal)
                };
                let phrase = Phrase::new(id).number("speed", GAIT_SPEED_LOW);
                Some(Band::new(phrase, status, BandSource::Ewgsop2, false))
            }
            MeasureKind::TimedUpAndGo => Some(if value >= TUG_FALL_RISK_S {
                band("band-tug-low", BandStatus::Low, BandSource::CdcSteadi)
            } else {
                band("band-tug-normal", BandStatus::Normal, BandSource::CdcSteadi)
            }),
            MeasureKind::BodyWeight
            | MeasureKind::LeanMass
            | MeasureKind::VisceralFat
            | MeasureKind::Bmd
            | MeasureKind::Steps
            | MeasureKind::RunningMinutes => None,
        }
    }
}

/// Age in years on `on`: the year of `on` minus the birth year, the only
/// part of the birth date that is stored.
fn age_on(profile: &Profile, on: NaiveDate) -> Option<i32> {
    // A birth year after `on` gives no age, not a negative one.
    profile
        .birth_year
        .map(|y| on.year() - y)
        .filter(|a| *a >= 0)
}

/// The person's sex when the WHO T-score bands apply to them: men and
/// postmenopausal women of 50 or more. Otherwise the band saying why not.
fn t_score_sex(sex: Option<Sex>, age: Option<i32>) -> Result<Sex, Band> {
    let who = |id: &str, status| Band::new(Phrase::new(id), status, BandSource::Who, false);
    match (sex, age) {
        (Some(s), Some(a)) if a >= T_SCORE_MIN_AGE => Ok(s),
        (Some(_), Some(_)) => Err(who("band-t-under-50", BandStatus::NotApplicable)),
        _ => Err(who("band-t-needs-profile", BandStatus::NeedsProfile)),
    }
}

/// The person's sex, which picks the EWGSOP2 grip cut-off; otherwise the
/// band asking for it.
fn grip_sex(sex: Option<Sex>) -> Result<Sex, Band> {
    sex.ok_or_else(|| {
        Band::new(
            Phrase::new("band-grip-needs-sex"),
            BandStatus::NeedsProfile,
            BandSource::Ewgsop2,
            false,
        )
    })
}

/// The person's sex and the norm of their age band, when the 30-s chair
/// stand norms cover them; otherwise the band saying why not.
fn chair_stand_norm_of(
    sex: Option<Sex>,
    age: Option<i32>,
) -> Result<(Sex, &'static AgeNorm), Band> {
    let rj = |id: &str, status| Band::new(Phrase::new(id), status, BandSource::RikliJones, false);
    let (Some(sex), Some(age)) = (sex, age) else {
        return Err(rj(
            "band-chair-stand-needs-profile",
            BandStatus::NeedsProfile,
        ));
    };
    match chair_stand_norm(age) {
        Some(norm) => Ok((sex, norm)),
        None => Err(rj("band-chair-stand-no-norm", BandStatus::NotApplicable)),
    }
}

/// WHO bands, for postmenopausal women and men of 50 or more; otherwise the
/// band saying why they do not apply (the Z-score is the right measure).
fn t_score_band(value: f64, profile: &Profile, age: Option<i32>) -> Band {
    let sex = match t_score_sex(profile.sex, age) {
        Ok(sex) => sex,
        Err(why) => return why,
    };
    // Menopause is not in the profile: a woman of 50 or more is taken to be
    // postmenopausal (a heuristic).
    let assumed = sex == Sex::Female;
    let fracture = matches!(
        profile.fracture_history,
        Some(FractureHistory::Fragility | FractureHistory::Vertebral)
    );
    let (band, status) = if value <= T_OSTEOPOROSIS && fracture {
        ("severe", BandStatus::Low)
    } else if value <= T_OSTEOPOROSIS {
        ("osteoporosis", BandStatus::Low)
    } else if value < T_NORMAL {
        ("osteopenia", BandStatus::Watch)
    } else {
        ("normal", BandStatus::Normal)
    };
    let id = if assumed {
        "band-t-score-assumed"
    } else {
        "band-t-score"
    };
    Band::new(
        Phrase::new(id).choice("band", band),
        status,
        BandSource::Who,
        assumed,
    )
}

/// Fewer than 8 stands is low function whatever the age; otherwise the
/// value is compared with the normal range of the person's age band.
fn chair_stand_band(value: f64, sex: Option<Sex>, age: Option<i32>) -> Band {
    if value < CHAIR_STAND_LOW {
        return Band::new(
            Phrase::new("band-chair-stand-low"),
            BandStatus::Low,
            BandSource::RikliJones,
            false,
        );
    }
    let (sex, norm) = match chair_stand_norm_of(sex, age) {
        Ok(person) => person,
        Err(why) => return why,
    };
    let ((lo, hi), who) = match sex {
        Sex::Female => (norm.women, "women"),
        Sex::Male => (norm.men, "men"),
    };
    let (position, status) = if value < lo {
        ("below", BandStatus::Watch)
    } else if value > hi {
        ("above", BandStatus::Normal)
    } else {
        ("normal", BandStatus::Normal)
    };
    // The norms are whole stands and ages.
    let whole = |x: f64| x.max(0.0).round() as u64;
    let phrase = Phrase::new("band-chair-stand")
        .choice("position", position)
        .choice("who", who)
        .count("from", whole(f64::from(norm.from)))
        .count("to", whole(f64::from(norm.to)))
        .count("low", whole(lo))
        .count("high", whole(hi));
    Band::new(phrase, status, BandSource::RikliJones, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn person(birth_year: Option<i32>, sex: Option<Sex>) -> Profile {
        Profile {
            birth_year,
            sex,
            ..Profile::default()
        }
    }

    fn band(kind: MeasureKind, value: f64, unit: MeasureUnit, p: &Profile) -> Band {
        Band::for_value(kind, value, unit, p, day(2026, 6, 1)).unwrap()
    }

    fn status(kind: MeasureKind, value: f64, unit: MeasureUnit, p: &Profile) -> BandStatus {
        band(kind, value, unit, p).status
    }

    #[test]
    fn a_reference_applies_when_the_person_has_what_it_depends_on() {
        let on = day(2026, 6, 1);
        let applies = |kind, p: &Profile| Band::applies(kind, p, on).map_err(|b| b.status);
        let man = |born| person(Some(born), Some(Sex::Male));
        assert_eq!(applies(MeasureKind::TScore, &man(1976)), Ok(()));
        assert_eq!(
            applies(MeasureKind::TScore, &man(1977)),
            Err(BandStatus::NotApplicable)
        );
        assert_eq!(
            applies(MeasureKind::TScore, &person(Some(1950), None)),
            Err(BandStatus::NeedsProfile)
        );
        assert_eq!(
            applies(MeasureKind::Grip, &person(None, Some(Sex::Female))),
            Ok(())
        );
        assert_eq!(
            applies(MeasureKind::Grip, &person(Some(1950), None)),
            Err(BandStatus::NeedsProfile)
        );
        assert_eq!(applies(MeasureKind::ChairStand30s, &man(1962)), Ok(()));
        assert_eq!(
            applies(MeasureKind::ChairStand30s, &man(1967)),
            Err(BandStatus::NotApplicable)
        );
        assert_eq!(
            applies(MeasureKind::ChairStand30s, &Profile::default()),
            Err(BandStatus::NeedsProfile)
        );
        for kind in [
            MeasureKind::ZScore,
            MeasureKind::FiveChairStand,
            MeasureKind::GaitSpeed,
            MeasureKind::TimedUpAndGo,
            MeasureKind::BodyWeight,
            MeasureKind::Steps,
        ] {
            assert_eq!(applies(kind, &Profile::default()), Ok(()), "{kind}");
        }
    }

    #[test]
    fn where_a_reference_does_not_apply_every_value_gets_the_band_saying_why() {
        let on = day(2026, 6, 1);
        let people = [
            Profile::default(),
            person(Some(1990), Some(Sex::Female)),
            person(Some(1967), Some(Sex::Male)),
            person(Some(1950), None),
            person(None, Some(Sex::Male)),
            person(Some(1955), Some(Sex::Female)),
        ];
        let cases = [
            (MeasureKind::TScore, MeasureUnit::Sd, [-3.0, -1.5, 0.5]),
            (MeasureKind::Grip, MeasureUnit::Kg, [10.0, 20.0, 40.0]),
            (
                MeasureKind::ChairStand30s,
                MeasureUnit::Reps,
                [8.0, 12.0, 25.0],
            ),
        ];
        for p in &people {
            for (kind, unit, values) in cases {
                let Err(why) = Band::applies(kind, p, on) else {
                    continue;
                };
                for value in values {
                    assert_eq!(
                        Band::for_value(kind, value, unit, p, on).as_ref(),
                        Some(&why),
                        "{kind} {value} {p:?}"
                    );
                }
            }
        }
        // Fewer than 8 chair stands is low function even where the norms
        // for age do not apply.
        let b = band(
            MeasureKind::ChairStand30s,
            7.0,
            MeasureUnit::Reps,
            &Profile::default(),
        );
        assert!(Band::applies(MeasureKind::ChairStand30s, &Profile::default(), on).is_err());
        assert_eq!(b.status, BandStatus::Low);
    }

    #[test]
    fn t_score_bands_follow_who_for_women_and_men_of_50_and_over() {
        use MeasureKind::TScore as T;
        let man = person(Some(1960), Some(Sex::Male));
        let sd = MeasureUnit::Sd;
        assert_eq!(band(T, -1.0, sd, &man).label, "normal");
        assert_eq!(status(T, -1.0, sd, &man), BandStatus::Normal);
        assert_eq!(status(T, 0.5, sd, &man), BandStatus::Normal);
        assert_eq!(band(T, -1.01, sd, &man).label, "osteopenia");
        assert_eq!(status(T, -1.01, sd, &man), BandStatus::Watch);
        assert_eq!(status(T, -2.49, sd, &man), BandStatus::Watch);
        assert_eq!(band(T, -2.5, sd, &man).label, "osteoporosis");
        assert_eq!(status(T, -2.5, sd, &man), BandStatus::Low);
        assert!(!band(T, -2.5, sd, &man).heuristic);
        assert_eq!(band(T, -2.5, sd, &man).source, BandSource::Who);
        let fractured = Profile {
            fracture_history: Some(FractureHistory::Fragility),
            ..man.clone()
        };
        assert_eq!(
            band(T, -2.6, sd, &fractured).label,
            "severe osteoporosis (with a fragility fracture)"
        );
        assert_eq!(band(T, -2.4, sd, &fractured).label, "osteopenia");
        // A woman of 50 or more is taken to be postmenopausal: a heuristic.
        let woman = person(Some(1970), Some(Sex::Female));
        let b = band(T, -1.8, sd, &woman);
        assert_eq!(
            (b.label.as_str(), b.status, b.heuristic),
            (
                "osteopenia (taking a woman of 50 or more as postmenopausal)",
                BandStatus::Watch,
                true
            )
        );
    }

    #[test]
    fn age_comes_from_the_birth_year_and_under_50_the_z_score_is_the_measure() {
        use MeasureKind::TScore as T;
        let sd = MeasureUnit::Sd;
        // Born 1976: 50 in 2026 (bands apply), 49 in 2025 (they do not).
        let p = person(Some(1976), Some(Sex::Male));
        let in_2026 = Band::for_value(T, -2.0, sd, &p, day(2026, 1, 1)).unwrap();
        assert_eq!(in_2026.status, BandStatus::Watch);
        let in_2025 = Band::for_value(T, -2.0, sd, &p, day(2025, 12, 31)).unwrap();
        assert_eq!(in_2025.status, BandStatus::NotApplicable);
        assert!(in_2025.label.contains("Z-score"), "{}", in_2025.label);
        for unknown in [
            person(None, Some(Sex::Male)),
            person(Some(1950), None),
            person(None, None),
        ] {
            let b = band(T, -3.0, sd, &unknown);
            assert_eq!(b.status, BandStatus::NeedsProfile);
            assert!(b.label.contains("Z-score"), "{}", b.label);
        }
    }

    #[test]
    fn z_scores_at_or_below_minus_two_are_below_expected() {
        use MeasureKind::ZScore as Z;
        let anyone = Profile::default();
        let b = band(Z, -2.0, MeasureUnit::Sd, &anyone);
        assert_eq!((b.status, b.source), (BandStatus::Low, BandSource::Iscd));
        assert_eq!(b.label, "below the expected range for age");
        assert_eq!(
            status(Z, -1.99, MeasureUnit::Sd, &anyone),
            BandStatus::Normal
        );
    }

    #[test]
    fn grip_is_low_below_27_kg_for_men_and_16_kg_for_women_in_either_unit() {
        use MeasureKind::Grip as G;
        use MeasureUnit::{Kg, Lb};
        let man = person(Some(1960), Some(Sex::Male));
        let woman = person(Some(1960), Some(Sex::Female));
        assert_eq!(status(G, 27.0, Kg, &man), BandStatus::Normal);
        assert_eq!(status(G, 26.9, Kg, &man), BandStatus::Low);
        assert_eq!(
            band(G, 26.9, Kg, &man).label,
            "low grip strength (below 27 kg for men)"
        );
        assert_eq!(band(G, 26.9, Kg, &man).source, BandSource::Ewgsop2);
        assert_eq!(status(G, 16.0, Kg, &woman), BandStatus::Normal);
        assert_eq!(status(G, 15.9, Kg, &woman), BandStatus::Low);
        // 59 lb = 26.76 kg, 60 lb = 27.22 kg; 35 lb = 15.88 kg, 36 lb = 16.33 kg.
        assert_eq!(status(G, 59.0, Lb, &man), BandStatus::Low);
        assert_eq!(status(G, 60.0, Lb, &man), BandStatus::Normal);
        assert_eq!(status(G, 35.0, Lb, &woman), BandStatus::Low);
        assert_eq!(status(G, 36.0, Lb, &woman), BandStatus::Normal);
        assert_eq!(
            status(G, 10.0, Kg, &person(Some(1960), None)),
            BandStatus::NeedsProfile
        );
    }

    #[test]
    fn chair_stands_compare_with_the_age_band_and_fewer_than_8_is_low() {
        use MeasureKind::ChairStand30s as C;
        let reps = MeasureUnit::Reps;
        // Measured in 2026: born 1962 is 64 (60-64), born 1961 is 65 (65-69).
        let man64 = person(Some(1962), Some(Sex::Male));
        let man65 = person(Some(1961), Some(Sex::Male));
        let b = band(C, 13.0, reps, &man64);
        assert_eq!(
            (b.status, b.label.as_str()),
            (BandStatus::Watch, "below normal (men 60-64: 14-19)")
        );
        assert_eq!(b.source, BandSource::RikliJones);
        assert_eq!(status(C, 14.0, reps, &man64), BandStatus::Normal);
        assert_eq!(status(C, 19.0, reps, &man64), BandStatus::Normal);
        assert_eq!(
            band(C, 20.0, reps, &man64).label,
            "above normal (men 60-64: 14-19)"
        );
        assert_eq!(status(C, 20.0, reps, &man64), BandStatus::Normal);
        assert_eq!(
            band(C, 13.0, reps, &man65).label,
            "normal (men 65-69: 12-18)"
        );
        assert_eq!(status(C, 11.0, reps, &man65), BandStatus::Watch);
        let woman65 = person(Some(1961), Some(Sex::Female));
        assert_eq!(status(C, 11.0, reps, &woman65), BandStatus::Normal);
        assert_eq!(status(C, 10.0, reps, &woman65), BandStatus::Watch);
        let woman64 = person(Some(1962), Some(Sex::Female));
        assert_eq!(status(C, 11.0, reps, &woman64), BandStatus::Watch);
        // Fewer than 8 is low function, even inside the 90-94 women's range (4-11).
        let woman92 = person(Some(1934), Some(Sex::Female));
        assert_eq!(
            band(C, 7.0, reps, &woman92).label,
            "low function (fewer than 8 stands)"
        );
        assert_eq!(status(C, 7.0, reps, &woman92), BandStatus::Low);
        assert_eq!(status(C, 8.0, reps, &woman92), BandStatus::Normal);
        assert_eq!(status(C, 7.0, reps, &Profile::default()), BandStatus::Low);
        assert_eq!(
            status(C, 8.0, reps, &Profile::default()),
            BandStatus::NeedsProfile
        );
        // Outside the ages the table covers.
        assert_eq!(
            status(C, 15.0, reps, &person(Some(1967), Some(Sex::Male))),
            BandStatus::NotApplicable
        );
        assert_eq!(
            status(C, 15.0, reps, &person(Some(1931), Some(Sex::Male))),
            BandStatus::NotApplicable
        );
        assert_eq!(
            status(C, 15.0, reps, &person(Some(1932), Some(Sex::Male))),
            BandStatus::Normal
        );
    }

    #[test]
    fn function_tests_use_their_cut_offs_on_both_sides() {
        use MeasureKind::{FiveChairStand, GaitSpeed, TimedUpAndGo};
        use MeasureUnit::{MetresPerSecond, Seconds};
        let p = Profile::default();
        assert_eq!(
            status(FiveChairStand, 15.0, Seconds, &p),
            BandStatus::Normal
        );
        assert_eq!(status(FiveChairStand, 15.1, Seconds, &p), BandStatus::Low);
        assert_eq!(
            band(FiveChairStand, 15.1, Seconds, &p).label,
            "low strength (over 15 s)"
        );
        assert_eq!(status(GaitSpeed, 0.8, MetresPerSecond, &p), BandStatus::Low);
        assert_eq!(
            band(GaitSpeed, 0.8, MetresPerSecond, &p).label,
            "mobility impairment (0.8 m/s or slower)"
        );
        assert_eq!(
            status(GaitSpeed, 0.81, MetresPerSecond, &p),
            BandStatus::Normal
        );
        let tug = band(TimedUpAndGo, 12.0, Seconds, &p);
        assert_eq!(
            (tug.status, tug.source),
            (BandStatus::Low, BandSource::CdcSteadi)
        );
        assert_eq!(status(TimedUpAndGo, 11.9, Seconds, &p), BandStatus::Normal);
        for kind in [
            MeasureKind::BodyWeight,
            MeasureKind::LeanMass,
            MeasureKind::Bmd,
            MeasureKind::Steps,
            MeasureKind::RunningMinutes,
        ] {
            let unit = kind.units()[0];
            assert_eq!(
                Band::for_value(kind, 1.0, unit, &p, day(2026, 1, 1)),
                None,
                "{kind}"
            );
        }
    }
}
