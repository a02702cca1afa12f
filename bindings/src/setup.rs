//! The setup screens on [`HeftStore`]: Onboarding, Settings and Sync.
//! Phone files arrive as bytes (a Storage Access Framework document, an
//! iOS security-scoped URL read by the shell), never as paths.

use heft_core::screens::{
    FieldValue, OnboardingOutcome, OnboardingScreen, OnboardingStep, SettingsForm, SettingsOutcome,
    SettingsScreen, SettingsSection, SyncScreen,
};
use heft_core::text::Language;
use heft_core::{CsvImportOptions, ExportFile, FolderSync, SyncDocument};

use crate::{HeftStore, Result};

#[uniffi::export]
impl HeftStore {
    // ---- onboarding

    /// Whether to show onboarding: a first run, with nothing logged and no
    /// program ever started on this database.
    pub fn needs_onboarding(&self) -> Result<bool> {
        Ok(self.heft()?.needs_onboarding()?)
    }

    /// One onboarding step with the profile's values now.
    pub fn onboarding_screen(
        &self,
        step: OnboardingStep,
        language: Language,
    ) -> Result<OnboardingScreen> {
        Ok(self.heft()?.onboarding_screen(step, language)?)
    }

    /// Saves a step from the values chosen (by field id): the next step, the
    /// step again with its field errors, or after the last step the Today
    /// screen of the first planned session.
    pub fn onboarding_submit(
        &self,
        step: OnboardingStep,
        values: Vec<FieldValue>,
        language: Language,
    ) -> Result<OnboardingOutcome> {
        Ok(self.heft()?.onboarding_submit(step, &values, language)?)
    }

    // ---- settings

    /// The language chosen in Settings on this device; null to follow the
    /// phone's (pass `languageForTag` of it).
    pub fn preferred_language(&self) -> Result<Option<Language>> {
        Ok(self.heft()?.preferred_language()?)
    }

    /// The Settings screen: each section with its values now.
    pub fn settings_screen(&self, language: Language) -> Result<SettingsScreen> {
        Ok(self.heft()?.settings_screen(language)?)
    }

    /// One section's form, with the allowed choices.
    pub fn settings_form(
        &self,
        section: SettingsSection,
        language: Language,
    ) -> Result<SettingsForm> {
        Ok(self.heft()?.settings_form(section, language)?)
    }

    /// Saves a section from the values chosen (by field id): the form (with
    /// its field errors when nothing was saved) and the refreshed screen.
    pub fn settings_submit(
        &self,
        section: SettingsSection,
        values: Vec<FieldValue>,
        language: Language,
    ) -> Result<SettingsOutcome> {
        Ok(self.heft()?.settings_submit(section, &values, language)?)
    }

    // ---- sync over documents

    /// The Sync screen: this device, the others seen and when, and what the
    /// last sync or import merged.
    pub fn sync_screen(&self, language: Language) -> Result<SyncScreen> {
        Ok(self.heft()?.sync_screen(language)?)
    }

    /// Everything as an export file's bytes (encrypted with a passphrase)
    /// and a file name to suggest; the shell writes them where the person
    /// chooses.
    pub fn export_bytes(&self, passphrase: Option<String>) -> Result<ExportFile> {
        let pass = crate::passphrase(passphrase)?;
        Ok(self.heft()?.export_bytes(pass.as_ref())?)
    }

    /// Imports a CSV export of another app (Strong, Hevy, FitNotes,
    /// StrongLifts, Liftosaur) that the shell read (`name`: its file name),
    /// all or nothing; the Sync screen after it names the file and what it
    /// brought.
    pub fn import_csv_bytes(
        &self,
        bytes: Vec<u8>,
        name: String,
        options: CsvImportOptions,
        language: Language,
    ) -> Result<SyncScreen> {
        Ok(self
            .heft()?
            .import_csv_bytes(&bytes, &name, &options, language)?)
    }

    /// Merges an export file the shell read (`name`: its file name), all or
    /// nothing, and returns the Sync screen with what it merged. A file that
    /// is not a sound export changes nothing and fails naming it.
    pub fn import_bytes(
        &self,
        bytes: Vec<u8>,
        name: String,
        passphrase: Option<String>,
        language: Language,
    ) -> Result<SyncScreen> {
        let pass = crate::passphrase(passphrase)?;
        Ok(self
            .heft()?
            .import_bytes(&bytes, &name, pass.as_ref(), language)?)
    }

    /// A sync folder's files as the shell read them (name and bytes): merges
    /// the other devices' and returns the Sync screen and this device's own
    /// document to write into the folder (null when it is there already).
    pub fn sync_documents(
        &self,
        documents: Vec<SyncDocument>,
        passphrase: Option<String>,
        language: Language,
    ) -> Result<FolderSync> {
        let pass = crate::passphrase(passphrase)?;
        Ok(self
            .heft()?
            .sync_documents(&documents, pass.as_ref(), language)?)
    }
}
