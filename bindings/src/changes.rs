//! Telling the app which screens to refresh after data changed.

use std::sync::Arc;

use heft_core::screens::ScreenKind;

/// What a [`ChangeListener`] threw. It is dropped: the write it reports on
/// has already committed, and a failing listener must not undo it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ChangeListenerError {
    /// The listener failed.
    #[error("change listener failed: {reason}")]
    Failed {
        /// What the listener threw.
        reason: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for ChangeListenerError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        ChangeListenerError::Failed { reason: e.reason }
    }
}

/// Told, after each write of this store that changed data (a set logged,
/// an undo, an import, a merge from the sync folder), which screens show
/// that data. Called on the thread that made the write, after the commit,
/// holding no lock: post to the UI thread and read from the store there.
#[uniffi::export(with_foreign)]
pub trait ChangeListener: Send + Sync {
    /// The screens to refresh.
    fn on_change(&self, screens: Vec<ScreenKind>) -> Result<(), ChangeListenerError>;
}

/// The core's callback for an app listener.
pub(crate) fn callback(listener: Arc<dyn ChangeListener>) -> impl Fn(&[ScreenKind]) + Send + Sync {
    move |screens: &[ScreenKind]| {
        // The write has committed; what the listener does with it is its own.
        let _ = listener.on_change(screens.to_vec());
    }
}
