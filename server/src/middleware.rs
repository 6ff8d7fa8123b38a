//! Layers every request and response passes through: the session, the same-origin rule
//! for anything that changes state, and the security headers.

use crate::client_address::ClientAddress;
use crate::csp::DEFAULT_CSP;
use crate::state::AppState;
use app::backend::auth::CurrentSession;
use app::backend::policy::Actor;
use app::backend::store::{AuditRecord, Outcome};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The session token from the request's cookie, if any.
pub fn session_token(headers: &HeaderMap, cookie_name: &str) -> Option<String> {
    app::backend::cookie(headers, cookie_name).map(str::to_owned)
}

/// Finds the request's session and hands it to everything after. A session that cannot
/// be read is treated as no session: an error here never lets anyone in.
pub async fn session(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let auth = &state.services.auth;
    // Static files hold no one's data: they neither need a session nor keep one alive.
    if is_static_asset(request.uri().path()) {
        return next.run(request).await;
    }
    if let Some(token) = session_token(request.headers(), auth.settings.cookie_name()) {
        match auth.current(&state.services.store, &token).await {
            Ok(Some(session)) => {
                request.extensions_mut().insert(session);
            }
            Ok(None) => {}
            Err(error) => {
                tracing::error!(%error, "the session could not be read; treating as signed out")
            }
        }
    }
    let path: String = request.uri().path().chars().take(200).collect();
    let client = client_of(&request);
    let response = next.run(request).await;
    // A request refused for want of signing in is a denied request, and is recorded:
    // counted for its address and minute, with one chained row (see `refuse_anonymous`).
    if response.status() == axum::http::StatusCode::UNAUTHORIZED {
        let record = AuditRecord {
            actor_account: None,
            actor_name: Actor::Anonymous.name().to_owned(),
            actor_role: Actor::Anonymous.role_title().to_owned(),
            action: "sign_in_needed",
            family: None,
            subject: Some(path.clone()),
            outcome: Outcome::Denied,
            detail: REPEATS_COUNTED.replace("{}", "nobody signed in, or the session had ended"),
        };
        let store = &state.services.store;
        if let Err(error) =
            app::backend::auth::refuse_anonymous(store, &client, auth.now(), &path, record).await
        {
            tracing::error!(%error, "could not audit a refused request");
        }
    }
    response
}

/// The detail of an anonymous refusal's chained row: the rest of that minute's are
/// counted beside the chain, not in it.
const REPEATS_COUNTED: &str =
    "refused: {}; more from this address this minute are counted in refusal_counts";

/// The client's address, as `client_address::remember` worked it out.
fn client_of(request: &Request) -> String {
    request
        .extensions()
        .get::<ClientAddress>()
        .map_or_else(|| "unknown".to_owned(), |c| c.0.to_string())
}

/// Whether a device handed to a child may call this server function: the child's own,
/// and nothing else.
pub fn child_may_call(path: &str) -> bool {
    app::api::child::CHILD_ENDPOINTS.contains(&path)
}

/// What a device handed to a child may reach: the child's screens and server functions,
/// the hand-back ceremony, the lock, signing out and "Exit this page". Nothing else,
/// whatever the address, the history or the form says.
fn child_may_reach(method: &Method, path: &str) -> bool {
    let child_page = path == "/child" || path.starts_with("/child/");
    match *method {
        Method::GET | Method::HEAD => child_page || path == "/exit",
        Method::POST => {
            child_page
                || child_may_call(path)
                || path == "/auth/hand-back/start"
                || path == "/auth/hand-back/finish"
                || path == "/lock"
                || path == "/sign-out"
        }
        _ => false,
    }
}

/// Holds a session in child mode to the child's screens. A page address is answered with
/// the child's start page; anything else is refused. Each attempt is in the audit trail.
/// This is the outer wall: the session also acts as the child alone, so the policy would
/// refuse the practitioner's data even if this let something through.
pub async fn child_mode(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(session) = request
        .extensions()
        .get::<CurrentSession>()
        .filter(|s| s.supported.is_some())
        .cloned()
    else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    if child_may_reach(request.method(), path) {
        return next.run(request).await;
    }
    let page = matches!(*request.method(), Method::GET | Method::HEAD);
    let record = AuditRecord {
        actor_account: session.actor.account(),
        actor_name: session.actor.name().to_owned(),
        actor_role: session.actor.role_title().to_owned(),
        action: "child_mode_refused",
        family: match &session.actor {
            Actor::Member { family, .. } => Some(*family),
            _ => None,
        },
        subject: Some(path.chars().take(200).collect()),
        outcome: Outcome::Denied,
        detail: "refused: this device is handed to a child".to_owned(),
    };
    if let Err(error) = state.services.store.audit(record).await {
        tracing::error!(%error, "could not audit a refused request");
    }
    if page {
        (StatusCode::SEE_OTHER, [(header::LOCATION, "/child")]).into_response()
    } else {
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "This device is being used by a child. The worker takes it back with their passkey.",
        )
            .into_response()
    }
}

/// Refuses any request that could change something unless it comes from one of the
/// portal's own pages: a same-origin `Origin`, or, without one, `Sec-Fetch-Site:
/// same-origin`. Server functions are included; they are ordinary POSTs.
pub async fn same_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // GOV.UK Notify's callbacks come from Notify, not a page: they prove themselves with
    // the configured bearer token instead (`notify::receipt`, `notify::inbound`), and
    // carry no session.
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) || request.uri().path().starts_with("/notify/")
    {
        return next.run(request).await;
    }
    let expected = state.origin.as_ref();
    let headers = request.headers();
    let allowed = match headers.get(header::ORIGIN) {
        Some(origin) => origin.as_bytes() == expected.as_bytes(),
        None => headers
            .get("sec-fetch-site")
            .is_some_and(|site| site.as_bytes() == b"same-origin"),
    };
    if allowed {
        return next.run(request).await;
    }
    let actor = request
        .extensions()
        .get::<CurrentSession>()
        .map(|s| s.actor.clone())
        .unwrap_or(Actor::Anonymous);
    let path: String = request.uri().path().chars().take(200).collect();
    let anonymous = actor.account().is_none();
    let mut record = AuditRecord {
        actor_account: actor.account(),
        actor_name: actor.name().to_owned(),
        actor_role: actor.role_title().to_owned(),
        action: "cross_origin_request",
        family: None,
        subject: Some(path.clone()),
        outcome: Outcome::Denied,
        detail: "refused: not from the portal's own pages".to_owned(),
    };
    // Someone signed in is audited in full; anyone else is counted, as in `session`.
    let audited = if anonymous {
        record.detail = REPEATS_COUNTED.replace("{}", "not from the portal's own pages");
        let now = state.services.auth.now();
        let client = client_of(&request);
        let store = &state.services.store;
        app::backend::auth::refuse_anonymous(store, &client, now, &path, record)
            .await
            .map(|_| ())
    } else {
        state.services.store.audit(record).await
    };
    if let Err(error) = audited {
        tracing::error!(%error, "could not audit a refused request");
    }
    tracing::warn!(path = %request.uri().path(), "refused a state-changing request from another origin");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "This request was refused because it did not come from this service's own pages.",
    )
        .into_response()
}

/// The most a `/auth/*` ceremony may send: a passkey's answer is a few kilobytes.
pub const AUTH_BODY_LIMIT: usize = 64 * 1024;
/// The most a page's form may send without WebAssembly (`forms.rs` reads no more).
pub const FORM_BODY_LIMIT: usize = 256 * 1024;
/// The most a server function may send: axum's own default, which the framework applies
/// when it reads a server function's body.
pub const SERVER_FN_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Refuses a body that says it is larger than its kind of route ever reads, with 413,
/// before anything reads it. A body that does not say its length is cut off by the limit
/// where it is read, which answers 400, 413 or 422 in the same way; never a 500.
pub async fn body_limit(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = if path.starts_with("/auth/") {
        AUTH_BODY_LIMIT
    } else if path.starts_with("/api/") {
        SERVER_FN_BODY_LIMIT
    } else {
        FORM_BODY_LIMIT
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "This request was too large. Nothing was saved.",
        )
            .into_response();
    }
    next.run(request).await
}

/// Whether a path is a static file that may be cached (it holds no one's data).
fn is_static_asset(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path == "/brand.css"
        || path == "/robots.txt"
        || path == "/manifest.webmanifest"
        || path == "/icon.svg"
        || path == "/sw.js"
        || path == "/offline.html"
        || path.starts_with("/scripts/")
        || path == "/favicon.ico"
}

/// Security headers for every response, errors and static files included.
pub async fn security_headers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set(headers, header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    // Addresses can name families' records: they never leave the portal.
    set(headers, header::REFERRER_POLICY, "same-origin");
    if state.origin.starts_with("https://") {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    if path.starts_with(crate::assets::RELEASE_PREFIX)
        && (status.is_success() || status == StatusCode::NOT_MODIFIED)
    {
        // A build's own name for its file: another build has another name, so the
        // browser keeps this one for a year and never asks again.
        set(
            headers,
            header::CACHE_CONTROL,
            "public, max-age=31536000, immutable",
        );
        set(headers, header::VARY, "accept-encoding");
    } else if is_static_asset(&path) {
        // Names without a hash: the browser may keep a copy but asks each time whether it
        // is still current (a 304 when it is), so an upgrade never leaves an old
        // WebAssembly file beside new pages.
        set(headers, header::CACHE_CONTROL, "no-cache");
        // The same address answers in brotli, gzip or neither, by what the browser
        // accepts: a cache in between must keep them apart.
        set(headers, header::VARY, "accept-encoding");
    } else {
        // Nothing a person saw is kept by the browser: Back after signing out or leaving
        // shows nothing, and a shared phone holds no copy.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
