//! Logging a set the person typed, in the context of today's plan: the
//! sets take what the plan knows about them ([`session::fill_from_plan`])
//! and are checked for slips ([`plausibility::check`]) before anything is
//! written.

use serde::Serialize;

use super::{Heft, LogTime, LoggedSets};
use crate::model::{Load, SetInput, Unit};
use crate::plausibility::{self, LogWarning, SetContext};
use crate::progression::athlete::Athlete;
use crate::progression::plan::SessionPlan;
use crate::progression::session;
use crate::{Error, Result};

/// Days back that make up a lift's recent working weight. [design]
const RECENT_WORKING_DAYS: u64 = 90;

/// The result of [`Heft::log_checked`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckedLog {
    /// The sets as saved; `None` when warnings wait for a confirmation.
    pub logged: Option<LoggedSets>,
    /// What looked like a slip. When `logged` is `None`, nothing was saved:
    /// log again with `confirmed` (or the suggested sets).
    pub warnings: Vec<LogWarning>,
}

impl Heft {
    /// Logs sets the person entered. Each set first takes what today's plan
    /// knows of it (its role, planned landings, where its effort came from);
    /// then the sets are checked for slips (a load under the bar, load and
    /// reps swapped, the other unit), never questioning a load the plan
    /// prescribes. With warnings and without `confirmed`, nothing is saved
    /// and the warnings come back; otherwise the sets are logged as
    /// [`Heft::log_sets`] does, warnings included in the result.
    pub fn log_checked(
        &self,
        inputs: &[SetInput],
        at: LogTime,
        confirmed: bool,
    ) -> Result<CheckedLog> {
        let date = at.date(self.now());
        let (sets, warnings) = self.check_sets(inputs, date)?;
        if !warnings.is_empty() && !confirmed {
            return Ok(CheckedLog {
                logged: None,
                warnings,
            });
        }
        let logged = self.log_sets(&sets, at)?;
        Ok(CheckedLog {
            logged: Some(logged),
            warnings,
        })
    }

    /// Today's plan when a program is running and has a session to plan.
    fn plan_if_any(&self, date: chrono::NaiveDate) -> Result<Option<SessionPlan>> {
        match self.today(date) {
            Ok(t) => Ok(Some(t.plan)),
            Err(Error::NoProgram | Error::Conflict(_)) => Ok(None),
            // A program that no longer loads must not stop a person logging.
            Err(Error::Program(_) | Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The sets as they would be saved on `date` (each filled from today's
    /// plan) and what looks like a slip in them; nothing is written. A set
    /// that cannot be saved at all is an error.
    pub(crate) fn check_sets(
        &self,
        inputs: &[SetInput],
        date: chrono::NaiveDate,
    ) -> Result<(Vec<SetInput>, Vec<LogWarning>)> {
        let plan = self.plan_if_any(date)?;
        let profile = self.profile()?;
        let athlete = Athlete::from_profile(&profile, date);
        let bar_kg = athlete.loadout.bar * athlete.loadout.unit.base_factor();
        let mut sets = inputs.to_vec();
        let mut warnings = Vec::new();
        // Working loads entered earlier in this call: (exercise, kg).
        let mut entered: Vec<(String, f64)> = Vec::new();
        for (i, input) in sets.iter_mut().enumerate() {
            session::fill_from_plan(plan.as_ref(), input);
            let exercise = self.exercise(&input.exercise_id)?;
            // A set that cannot be saved at all is an error before it is a slip.
            crate::validate::set(input, &exercise)?;
            if !matches!(input.load, Load::Weight { .. }) {
                continue;
            }
            let planned = session::planned_loads(plan.as_ref(), &input.exercise_id);
            // Sets earlier in the same entry count as recent: a ramp typed
            // in one go is judged set by set against what came before.
            let stored = self.recent_working_kg(&input.exercise_id, date)?;
            let earlier = entered
                .iter()
                .filter(|(id, _)| *id == input.exercise_id)
                .map(|(_, kg)| *kg)
                .reduce(f64::max);
            let recent_kg = match (stored, earlier) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            warnings.extend(plausibility::check(
                i,
                input,
                SetContext {
                    exercise: &exercise,
                    bar_kg,
                    recent_kg,
                    planned: &planned,
                },
            ));
            if let Load::Weight { weight } = input.load
                && !input.is_preparation()
            {
                entered.push((input.exercise_id.clone(), weight.base()));
            }
        }
        Ok((sets, warnings))
    }

    /// The heaviest working set of `exercise_id` in the [`RECENT_WORKING_DAYS`]
    /// up to `date`, kg; warm-ups and technique practice left out.
    fn recent_working_kg(&self, exercise_id: &str, date: chrono::NaiveDate) -> Result<Option<f64>> {
        let first = date - chrono::Days::new(RECENT_WORKING_DAYS);
        let (from, until) = crate::model::utc_ms_covering(first, date);
        self.read(|conn| {
            let loads = crate::store::sets::working_loads_between(conn, exercise_id, from, until)?;
            let best = loads
                .iter()
                .map(|w| w.base())
                .fold(None, |best: Option<f64>, kg| {
                    Some(best.map_or(kg, |b| b.max(kg)))
                });
            Ok(best)
        })
    }
}
