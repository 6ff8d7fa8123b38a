//! Everything that runs only on the server: the store, and the services handed to
//! server functions. Compiled only with the `ssr` feature, so none of it, and none of
//! its dependencies, can reach the browser's code.

pub mod store;

use crate::api::AppError;
use crate::ui::shared::brand::Brand;
pub use store::{
    EntryVersion, FamilySummary, KeptFeedback, NewEntry, NewFamily, NewMember, NewStaff,
    SqliteSettings, Store, StoreError,
};

/// What server functions and pages need from the running service. The same value is
/// provided to the server-function handler and to server-side rendering.
#[derive(Clone)]
pub struct Services {
    pub store: Store,
    pub brand: Brand,
}

/// The services for this request. Missing services are a wiring fault, never the
/// asker's fault, so they are logged and reported as an internal error.
pub fn services() -> Result<Services, AppError> {
    leptos::prelude::use_context::<Services>().ok_or_else(|| {
        tracing::error!("services were not provided to this request");
        AppError::Internal
    })
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        // Logged once, here; the browser only learns that something went wrong.
        tracing::error!(error = %error, "store error");
        AppError::Internal
    }
}
