//! Everything that runs only on the server: the store, and the services handed to
//! server functions. Compiled only with the `ssr` feature, so none of it, and none of
//! its dependencies, can reach the browser's code.

pub mod auth;
pub mod case_system;
pub mod caseload;
pub mod checkpoint;
pub mod child;
pub mod drafts;
pub mod evaluation;
pub mod export;
pub mod family;
pub mod language;
pub mod meeting;
pub mod notices;
pub mod own_data;
pub mod pack;
pub mod policy;
pub mod qr;
pub mod record;
pub mod shown_codes;
pub mod store;
pub mod supervision;
pub mod take_up;
pub mod tools;
pub mod views;

use crate::dto::AppError;
use crate::dto::brand::Brand;
pub use store::{
    EntryVersion, FamilySummary, KeptFeedback, NewEntry, NewFamily, NewMember, NewStaff,
    SqliteSettings, Store, StoreError,
};

/// What server functions and pages need from the running service. The same value is
/// provided to the server-function handler and to server-side rendering. It is cloned
/// several times for every request, so a clone is one shared count, not a copy of the
/// council's words and settings.
#[derive(Clone)]
pub struct Services(std::sync::Arc<Service>);

impl Services {
    pub fn new(service: Service) -> Services {
        Services(std::sync::Arc::new(service))
    }
}

impl std::ops::Deref for Services {
    type Target = Service;

    fn deref(&self) -> &Service {
        &self.0
    }
}

/// The parts of the running service that `Services` shares.
pub struct Service {
    pub store: Store,
    pub brand: Brand,
    /// The council's time zone, for times written into documents and messages.
    pub zone: crate::domain::time::TimeZone,
    pub auth: std::sync::Arc<auth::Auth>,
    /// How long an urgent alert may go unopened before it goes to the next person, in
    /// milliseconds.
    pub escalate_after_ms: i64,
    /// The council's secret for the evaluation export's pseudonyms; none, and the export
    /// is not offered.
    pub pseudonym_key: Option<evaluation::PseudonymKey>,
    /// Whether case systems' webhooks may go to this machine (`http://localhost`): only
    /// while the portal itself is served on localhost, to try it out.
    pub webhooks_to_this_machine: bool,
    /// The languages family pages are offered in (English first).
    pub languages: crate::domain::language::Offered,
}

/// How family data is being read, as the audit trail records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// On its page.
    Page,
    /// Downloaded as a Word document: a copy now exists outside the portal.
    Export,
}

/// The session this request carries, if any (signed in or not).
pub fn current_session() -> Option<auth::CurrentSession> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<auth::CurrentSession>().cloned())
}

/// The cookie that keeps the language chosen by someone not signed in, until they sign
/// in or set up their sign-in, when it goes onto their account.
pub const LANGUAGE_COOKIE: &str = "portal-language";

/// The cookie that keeps easy read, chosen by someone not signed in, until they sign in
/// or set up their sign-in.
pub const EASY_READ_COOKIE: &str = "portal-easy-read";

/// The value of one cookie of a request's headers, if it has it.
pub fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value)
}

/// Whether a request's page is drawn in easy read: the account's choice, or before
/// signing in the one made on this device. Staff pages, and a child's screens on a
/// practitioner's device, never are.
pub fn reader_easy_read(parts: &axum::http::request::Parts) -> crate::domain::language::EasyRead {
    let session = parts.extensions.get::<auth::CurrentSession>();
    let easy = match session.filter(|s| s.actor.account().is_some()) {
        Some(s) => {
            s.easy_read && s.supported.is_none() && matches!(s.actor, policy::Actor::Member { .. })
        }
        None => cookie(&parts.headers, EASY_READ_COOKIE) == Some("1"),
    };
    crate::domain::language::EasyRead(easy)
}

/// The language a request's page is drawn in: the account's choice; before signing in,
/// the one chosen on this device (`?lang=`, then the cookie); then the first of the
/// browser's languages the council offers; then English.
pub fn reader_language(
    parts: &axum::http::request::Parts,
    offered: &crate::domain::language::Offered,
) -> crate::domain::language::Lang {
    use crate::domain::language::Lang;
    let session = parts.extensions.get::<auth::CurrentSession>();
    // A child's screens on a practitioner's device are in the child's language, whatever
    // the device's browser prefers. Staff pages are in English for now; a family
    // member's own words are shown on them exactly as written.
    if let Some(supported) = session.and_then(|s| s.supported.as_ref()) {
        return offered.or_english(supported.language.filter(|l| offered.0.contains(l)));
    }
    if session.is_some_and(|s| matches!(s.actor, policy::Actor::Staff { .. })) {
        return Lang::En;
    }
    let signed_in = session.is_some_and(|s| s.actor.account().is_some());
    let chosen = if signed_in {
        session.and_then(|s| s.language)
    } else {
        let asked = parts.uri.query().and_then(|q| {
            q.split('&')
                .find_map(|pair| pair.strip_prefix("lang="))
                .and_then(Lang::parse)
        });
        asked.or_else(|| cookie(&parts.headers, LANGUAGE_COOKIE).and_then(Lang::parse))
    };
    let browser = || {
        parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| Lang::from_accept_language(v, &offered.0))
    };
    offered.or_english(chosen.filter(|l| offered.0.contains(l)).or_else(browser))
}

/// The language of the page a request was made from, as `reader_language` chose it for
/// this request: what a member writes is kept with it. `None` outside a request.
pub fn page_language() -> Option<crate::domain::language::Lang> {
    leptos::prelude::use_context::<crate::domain::language::Lang>()
}

/// The signed-in session, or "sign in first".
pub fn signed_in() -> Result<auth::CurrentSession, AppError> {
    current_session()
        .filter(|s| s.actor.account().is_some())
        .ok_or(AppError::SignInNeeded)
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
