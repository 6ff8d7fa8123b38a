//! The HTTP routes, and the layers every response passes through.

use crate::config::Config;
use crate::state::{AppParts, AppState};
use crate::{forms, identity, middleware};
use app::api::AppError;
use app::backend::Services;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

/// Routes the router adds itself, besides the pages and server functions the framework
/// registers. `route_inventory` lists all three, and the authorisation matrix test fails
/// if any of them has no row.
pub const PLAIN_ROUTES: [(&str, &str); 34] = [
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("GET", "/brand.css"),
    ("GET", "/manifest.webmanifest"),
    ("GET", crate::offline::OFFLINE_PATH),
    ("POST", "/auth/register/start"),
    ("POST", "/auth/register/finish"),
    ("POST", "/auth/sign-in/start"),
    ("POST", "/auth/sign-in/finish"),
    ("POST", "/auth/confirm/start"),
    ("POST", "/auth/confirm/finish"),
    ("POST", "/auth/hand-back/start"),
    ("POST", "/auth/hand-back/finish"),
    ("POST", "/sign-out"),
    ("POST", "/lock"),
    ("GET", "/exit"),
    ("GET", "/families/{id}/views.docx"),
    ("GET", "/families/{id}/record/{session}/docx"),
    ("GET", "/my-data.docx"),
    ("GET", "/my-data.json"),
    ("GET", "/my-data.html"),
    ("GET", "/families/{id}/members/{member}/data.docx"),
    ("GET", "/families/{id}/members/{member}/data.json"),
    ("GET", "/families/{id}/members/{member}/data.html"),
    ("GET", "/admin/evaluation.csv"),
    ("GET", "/admin/evaluation.parquet"),
    ("GET", "/admin/evaluation-dictionary.csv"),
    ("GET", "/take-up.csv"),
    ("POST", "/notify/receipts"),
    ("POST", "/notify/inbound"),
    ("GET", "/api/v1/openapi.json"),
    ("GET", "/api/v1/families/{reference}/module-8"),
    ("GET", "/api/v1/families/{reference}/changes"),
    ("GET", "/api/v1/families/{reference}/supervision-records"),
];

/// Every route the portal answers: (method, path), with path parameters as `{name}`.
pub fn route_inventory() -> Vec<(String, String)> {
    let mut routes: Vec<(String, String)> = PLAIN_ROUTES
        .iter()
        .map(|(method, path)| ((*method).to_owned(), (*path).to_owned()))
        .collect();
    for page in generate_route_list(App) {
        routes.push(("GET".to_owned(), page.path().to_owned()));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.push((method.to_string(), path.to_owned()));
    }
    routes.sort();
    routes.dedup();
    routes
}

pub fn build(
    config: &Config,
    address: SocketAddr,
    services: Services,
    origin: &url::Url,
) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name("portal")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(address)
        .build();
    let state = AppState::new(AppParts {
        leptos_options,
        services,
        brand_css: config.brand_css().into(),
        manifest: config.manifest().to_string().into(),
        origin: origin.as_str().trim_end_matches('/').into(),
        exit_url: config.identity.exit_url.as_str().into(),
        asset_root: crate::assets::release_root(&config.site_root).into(),
        callback_token: config
            .notify
            .callback_token
            .as_ref()
            .map(|t| t.expose().into()),
    });
    let routes = generate_route_list(App);
    let context = state.context();
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/brand.css", get(brand_css))
        .route("/manifest.webmanifest", get(manifest))
        // The page the service worker shows offline, in the language asked for.
        .route(
            crate::offline::OFFLINE_PATH,
            get(crate::offline::offline_page),
        )
        .route("/auth/register/start", post(identity::register_start))
        .route("/auth/register/finish", post(identity::register_finish))
        .route("/auth/sign-in/start", post(identity::sign_in_start))
        .route("/auth/sign-in/finish", post(identity::sign_in_finish))
        .route("/auth/confirm/start", post(identity::sign_in_start))
        .route("/auth/confirm/finish", post(identity::sign_in_finish))
        .route("/auth/hand-back/start", post(identity::sign_in_start))
        .route("/auth/hand-back/finish", post(identity::sign_in_finish))
        .route("/sign-out", post(identity::sign_out))
        .route("/lock", post(identity::lock))
        .route("/exit", get(identity::exit))
        .route("/notify/receipts", post(crate::notify::receipt))
        .route("/notify/inbound", post(crate::notify::inbound))
        .route(
            "/families/{id}/views.docx",
            get(crate::export::module_8_docx),
        )
        .route(
            "/families/{id}/record/{session}/docx",
            get(crate::export::record_docx),
        )
        .route("/my-data.docx", get(crate::export::my_data_docx))
        .route("/my-data.json", get(crate::export::my_data_json))
        .route("/my-data.html", get(crate::export::my_data_html))
        .route(
            "/families/{id}/members/{member}/data.docx",
            get(crate::export::member_data_docx),
        )
        .route(
            "/families/{id}/members/{member}/data.json",
            get(crate::export::member_data_json),
        )
        .route(
            "/families/{id}/members/{member}/data.html",
            get(crate::export::member_data_html),
        )
        .route(
            "/admin/evaluation.csv",
            get(crate::evaluation::evaluation_csv),
        )
        .route(
            "/admin/evaluation.parquet",
            get(crate::evaluation::evaluation_parquet),
        )
        .route(
            "/admin/evaluation-dictionary.csv",
            get(crate::evaluation::evaluation_dictionary),
        )
        .route("/take-up.csv", get(crate::take_up::take_up_csv))
        // The case system's API: machines, with a secret, never a session.
        .route("/api/v1/openapi.json", get(crate::case_api::openapi))
        .route(
            "/api/v1/families/{reference}/module-8",
            get(crate::case_api::module_8),
        )
        .route(
            "/api/v1/families/{reference}/changes",
            get(crate::case_api::changes),
        )
        .route(
            "/api/v1/families/{reference}/supervision-records",
            get(crate::case_api::records),
        )
        // The same files twice: under this build's own name, which pages ask for and
        // browsers keep (`middleware::security_headers` says for how long), and under their
        // plain names, checked each time, for anything that asks for them so.
        .nest_service(
            &format!("{}/pkg", state.asset_root),
            static_files(&config.site_root.join("pkg")),
        )
        .nest_service(
            &format!("{}/scripts", state.asset_root),
            static_files(&config.site_root.join("scripts")),
        )
        .nest_service("/pkg", static_files(&config.site_root.join("pkg")))
        .nest_service("/scripts", static_files(&config.site_root.join("scripts")))
        .leptos_routes_with_context(&state, routes, context.clone(), state.shell())
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            forms::page_post,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::same_origin,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::child_mode,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::session,
        ))
        // Before anything reads a body or a session: too large is refused outright.
        .layer(axum::middleware::from_fn(middleware::body_limit))
        // Before the session, so that everything after it, refusals included, knows who
        // the client is.
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(config.trusted_proxies()),
            crate::client_address::remember,
        ))
        .layer(axum::middleware::map_response(apply_error_policy))
        // Pages are compressed as they are sent, at a level that costs little time (brotli's
        // default, 11, would spend more time on a page than rendering it); static files were
        // compressed at build time (`server compress-assets`) and already carry their
        // encoding, so they are left be.
        .layer(
            CompressionLayer::new()
                .quality(CompressionLevel::Precise(PAGE_COMPRESSION_LEVEL))
                .compress_when(DefaultPredicate::new().and(is_a_page)),
        )
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::custom(|_| service_problem_page()))
        // Outermost, so every response gets the headers, even a panic's.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security_headers,
        ))
        .with_state(state)
}

/// Brotli 4 or gzip 4: most of the saving of the best level, at a small part of its cost.
const PAGE_COMPRESSION_LEVEL: i32 = 4;

/// The files under one folder of the site, sent in the copy made at build time that the
/// browser accepts (brotli, then gzip), or as they are.
fn static_files(dir: &std::path::Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// Only the portal's own HTML is compressed on the fly: everything else it sends is small
/// (answers to server functions) or was compressed when it was built.
fn is_a_page(
    _: StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Gives a server function's error response the status of its kind of error. Server
/// functions are registered by the framework, so this runs as a layer over every response.
async fn apply_error_policy(response: Response) -> Response {
    if !response
        .headers()
        .contains_key(server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let error = AppError::from_response_body(&bytes);
    parts.status =
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Response::from_parts(parts, Body::from(bytes))
}

async fn readyz(State(state): State<AppState>) -> Response {
    match state.services.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(error) => {
            tracing::warn!(error = %error, "not ready: the database did not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "the database is not reachable",
            )
                .into_response()
        }
    }
}

async fn brand_css(State(state): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        state.brand_css.to_string(),
    )
        .into_response()
}

/// The web app manifest. Its `Cache-Control` comes from `middleware::security_headers`,
/// as every plain static file's does.
async fn manifest(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/manifest+json")],
        state.manifest.to_string(),
    )
        .into_response()
}

/// A plain page for when a request failed before any page could be drawn.
fn service_problem_page() -> Response {
    use app::ui::shared::problems::{SERVICE_PROBLEM_ADVICE, SERVICE_PROBLEM_HEADING};
    tracing::error!("a request failed unexpectedly");
    let body = format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{SERVICE_PROBLEM_HEADING}</title><link rel=\"stylesheet\" href=\"/pkg/portal.css\"></head>\
         <body class=\"govuk-template__body\"><div class=\"govuk-width-container\">\
         <main class=\"govuk-main-wrapper\" id=\"main-content\">\
         <h1 class=\"govuk-heading-l\">{SERVICE_PROBLEM_HEADING}</h1>\
         <p class=\"govuk-body\">{SERVICE_PROBLEM_ADVICE}</p>\
         <p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to the start page</a></p>\
         </main></div></body></html>"
    );
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}
