//! The Program screens on [`HeftStore`]: the list, one program, the
//! running program's status, and the intents that change the run, each
//! returning the screen after it (docs/SCREENS.md, "Program").

use heft_core::RunAdjustments;
use heft_core::progression::Weekday;
use heft_core::screens::{ProgramDetailScreen, ProgramListScreen, ProgramStatusScreen};
use heft_core::text::Language;

use crate::IsoDate;

use crate::{HeftStore, Result};

#[uniffi::export]
impl HeftStore {
    /// The list of programs on `date`: name, what it is for, its week,
    /// whether it runs, and what it means for the person.
    pub fn program_list_screen(
        &self,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramListScreen> {
        Ok(self.heft()?.program_list_screen(date, language)?)
    }

    /// One program in full: phases, days and exercises, and the action to
    /// start or stop it.
    pub fn program_screen(
        &self,
        program_id: String,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramDetailScreen> {
        Ok(self.heft()?.program_screen(&program_id, date, language)?)
    }

    /// The running program's status and the person's adjustments to it.
    pub fn program_status_screen(
        &self,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        Ok(self.heft()?.program_status_screen(date, language)?)
    }

    /// Starts a program (ending the one in progress) and returns its status.
    pub fn program_start_screen(
        &self,
        program_id: String,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        Ok(self
            .heft()?
            .program_start_screen(&program_id, date, language)?)
    }

    /// Stops the running program and returns the list.
    pub fn program_stop_screen(
        &self,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramListScreen> {
        Ok(self.heft()?.program_stop_screen(date, language)?)
    }

    /// Does `to` in place of `from` in the running program from now on
    /// (`to` equal to `from` takes the swap back) and returns the status.
    pub fn program_swap_screen(
        &self,
        from: String,
        to: String,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        Ok(self
            .heft()?
            .program_swap_screen(&from, &to, date, language)?)
    }

    /// Trains on `days` from now on (empty: any day) and returns the status.
    pub fn program_days_screen(
        &self,
        days: Vec<Weekday>,
        date: IsoDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        Ok(self.heft()?.program_days_screen(days, date, language)?)
    }

    /// The person's swaps and training days for the running program.
    pub fn program_adjustments(&self) -> Result<RunAdjustments> {
        Ok(self.heft()?.program_adjustments()?)
    }

    /// Does `to` in place of `from` in the running program from now on.
    pub fn swap_exercise(&self, from: String, to: String) -> Result<RunAdjustments> {
        Ok(self.heft()?.swap_exercise(&from, &to)?)
    }

    /// Trains on `days` from now on (empty: any day).
    pub fn set_training_days(&self, days: Vec<Weekday>) -> Result<RunAdjustments> {
        Ok(self.heft()?.set_training_days(days)?)
    }
}
