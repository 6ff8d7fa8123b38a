//! What every handler can reach, and the context every page render and server function
//! is given. It has a module of its own so that the handlers (identity, export, forms,
//! middleware) and the router that wires them all depend on it, not on each other.

use app::backend::Services;
use app::shell;
use axum::extract::FromRef;
use axum::http::{HeaderValue, header};
use leptos::prelude::*;
use std::sync::Arc;

/// What every handler can reach. Every layer and handler a request passes through takes
/// its own copy, so the parts are shared behind one count rather than copied each time.
#[derive(Clone)]
pub struct AppState(Arc<AppParts>);

impl AppState {
    pub fn new(parts: AppParts) -> AppState {
        AppState(Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppParts;

    fn deref(&self) -> &AppParts {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Services {
    fn from_ref(state: &AppState) -> Services {
        state.services.clone()
    }
}

/// The parts of `AppState`.
pub struct AppParts {
    pub leptos_options: LeptosOptions,
    pub services: Services,
    pub(crate) brand_css: Arc<str>,
    /// The web app manifest, from the council's configuration.
    pub(crate) manifest: Arc<str>,
    /// The public origin, as browsers send it in `Origin` (no trailing slash).
    pub origin: Arc<str>,
    /// Where "Exit this page" goes.
    pub exit_url: Arc<str>,
    /// Where pages ask for this build's styles and scripts (`crate::assets::release_root`).
    pub asset_root: Arc<str>,
    /// The bearer token GOV.UK Notify's callbacks carry, if they are set up.
    pub(crate) callback_token: Option<Arc<str>>,
}

impl AppState {
    /// The context given to every render and every server function: the same for both,
    /// so a server function behaves the same whether a page or a browser calls it.
    pub fn context(&self) -> impl Fn() + Clone + Send + Sync + 'static {
        let services = self.services.clone();
        let asset_root = app::AssetRoot(self.asset_root.clone());
        move || {
            provide_context(asset_root.clone());
            provide_context(services.brand.clone());
            provide_context(services.zone.clone());
            if let Some(parts) = use_context::<axum::http::request::Parts>() {
                provide_context(app::backend::reader_language(&parts, &services.languages));
                provide_context(app::backend::reader_easy_read(&parts));
            }
            provide_context(services.languages.clone());
            provide_context(services.clone());
            // The page's inline hydration script carries this response's nonce, and the
            // policy allows that script and no other inline script.
            if let (Some(nonce), Some(response)) = (
                leptos::nonce::use_nonce(),
                use_context::<leptos_axum::ResponseOptions>(),
            ) && let Ok(value) = HeaderValue::from_str(&crate::csp::page_csp(&nonce.to_string()))
            {
                response.insert_header(header::CONTENT_SECURITY_POLICY, value);
            }
        }
    }

    /// The HTML document for a page, with this state's options.
    pub fn shell(&self) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
        let options = self.leptos_options.clone();
        move || shell(options.clone()).into_any()
    }
}
