//! The HTTP side of passkeys: the browser's WebAuthn API speaks JSON, so the ceremonies
//! are small JSON endpoints that `public/scripts/passkey.js` calls. Signing out and
//! "Exit this page" are plain links and forms, so they work without any script.

use crate::client_address::ClientAddress;
use crate::state::AppState;
use app::backend::auth::{AuthError, CurrentSession, Started};
use app::backend::policy::Actor;
use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use webauthn_rs::prelude::{PublicKeyCredential, RegisterPublicKeyCredential};

/// Where people go once signed in.
pub const HOME: &str = "/home";

fn cookie(state: &AppState, token: &str) -> HeaderValue {
    let settings = &state.services.auth.settings;
    let secure = settings.secure_attribute();
    HeaderValue::from_str(&format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict{secure}",
        settings.cookie_name()
    ))
    .unwrap_or(HeaderValue::from_static(""))
}

fn clear_cookie(state: &AppState) -> HeaderValue {
    let settings = &state.services.auth.settings;
    let secure = settings.secure_attribute();
    HeaderValue::from_str(&format!(
        "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{secure}",
        settings.cookie_name()
    ))
    .unwrap_or(HeaderValue::from_static(""))
}

fn problem(error: AuthError) -> Response {
    let status = match &error {
        AuthError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
        AuthError::NotAllowed => StatusCode::NOT_FOUND,
        AuthError::Store(_) | AuthError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let message = match &error {
        AuthError::Store(_) | AuthError::Internal(_) => {
            tracing::error!(%error, "identity step failed");
            "Sorry, there is a problem with the service. Try again later.".to_owned()
        }
        other => other.to_string(),
    };
    // The form field a problem is about, so the page can show it on the field.
    let field = match &error {
        AuthError::CodeMissing => Some("code"),
        _ => None,
    };
    (
        status,
        Json(serde_json::json!({ "error": message, "field": field })),
    )
        .into_response()
}

/// The request's session, or a new one before sign-in (with its cookie to set).
async fn session_or_new(
    state: &AppState,
    existing: Option<CurrentSession>,
) -> Result<(CurrentSession, Option<HeaderValue>), AuthError> {
    if let Some(session) = existing {
        return Ok((session, None));
    }
    let auth = &state.services.auth;
    let token = auth.begin_session(&state.services.store).await?;
    let session = auth
        .current(&state.services.store, &token)
        .await?
        .ok_or(AuthError::CeremonyNotValid)?;
    Ok((session, Some(cookie(state, &token))))
}

fn started(started: Started, set_cookie: Option<HeaderValue>) -> Response {
    let mut response = Json(serde_json::json!({
        "ceremony": started.ceremony,
        "options": started.options,
    }))
    .into_response();
    if let Some(value) = set_cookie {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn read_json<T: serde::de::DeserializeOwned>(request: Request) -> Result<T, AuthError> {
    let bytes = axum::body::to_bytes(request.into_body(), crate::middleware::AUTH_BODY_LIMIT)
        .await
        .map_err(|_| AuthError::CeremonyNotValid)?;
    serde_json::from_slice(&bytes).map_err(|_| AuthError::CeremonyNotValid)
}

#[derive(Deserialize)]
struct CodeBody {
    code: String,
}

#[derive(Deserialize)]
struct Finish<T> {
    ceremony: String,
    credential: T,
}

pub async fn register_start(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    request: Request,
) -> Response {
    let result = async {
        let existing = request.extensions().get::<CurrentSession>().cloned();
        let (session, set_cookie) = session_or_new(&state, existing).await?;
        let body: CodeBody = read_json(request)
            .await
            .map_err(|_| AuthError::CodeNotValid)?;
        let begun = state
            .services
            .auth
            .start_registration(
                &state.services.store,
                &session,
                &body.code,
                &client.to_string(),
            )
            .await?;
        Ok::<_, AuthError>(started(begun, set_cookie))
    }
    .await;
    result.unwrap_or_else(problem)
}

pub async fn register_finish(State(state): State<AppState>, request: Request) -> Response {
    let result = async {
        let session = request
            .extensions()
            .get::<CurrentSession>()
            .cloned()
            .ok_or(AuthError::CeremonyNotValid)?;
        // The language chosen on this device before there was an account goes onto it.
        let chosen = app::backend::cookie(request.headers(), app::backend::LANGUAGE_COOKIE)
            .and_then(app::domain::language::Lang::parse)
            .filter(|lang| state.services.languages.0.contains(lang));
        let easy_read = app::backend::cookie(request.headers(), app::backend::EASY_READ_COOKIE)
            .map(|value| value == "1");
        let body: Finish<RegisterPublicKeyCredential> = read_json(request).await?;
        let token = state
            .services
            .auth
            .finish_registration(
                &state.services.store,
                &session,
                &body.ceremony,
                &body.credential,
            )
            .await?;
        if (chosen.is_some() || easy_read == Some(true))
            && let Ok(Some(new)) = state
                .services
                .auth
                .current(&state.services.store, &token)
                .await
            && new.language.is_none()
            && let Err(error) = app::backend::language::choose(
                &state.services.store,
                &new,
                chosen.unwrap_or_default(),
                easy_read,
            )
            .await
        {
            tracing::warn!(?error, "the language chosen before signing up was not kept");
        }
        Ok::<_, AuthError>(signed_in(&state, &token))
    }
    .await;
    result.unwrap_or_else(problem)
}

fn signed_in(state: &AppState, token: &str) -> Response {
    let mut response = Json(serde_json::json!({ "next": HOME })).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(state, token));
    response
}

fn purpose(path: &str) -> &'static str {
    if path.starts_with("/auth/confirm") {
        "confirm"
    } else if path.starts_with("/auth/hand-back") {
        "hand_back"
    } else {
        "sign_in"
    }
}

pub async fn sign_in_start(State(state): State<AppState>, request: Request) -> Response {
    let purpose = purpose(request.uri().path());
    let existing = request.extensions().get::<CurrentSession>().cloned();
    drop(request);
    let result = async {
        let (session, set_cookie) = session_or_new(&state, existing).await?;
        if purpose == "confirm" && session.actor.account().is_none() {
            return Err(AuthError::CeremonyNotValid);
        }
        // Taking the device back only means something while it is handed to a child.
        if purpose == "hand_back" && session.supported.is_none() {
            return Err(AuthError::CeremonyNotValid);
        }
        let begun = state
            .services
            .auth
            .start_sign_in(&state.services.store, &session, purpose)
            .await?;
        Ok::<_, AuthError>(started(begun, set_cookie))
    }
    .await;
    result.unwrap_or_else(problem)
}

pub async fn sign_in_finish(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    request: Request,
) -> Response {
    let purpose = purpose(request.uri().path());
    let result = async {
        let session = request
            .extensions()
            .get::<CurrentSession>()
            .cloned()
            .ok_or(AuthError::CeremonyNotValid)?;
        let body: Finish<PublicKeyCredential> = read_json(request).await?;
        // Back to the family the child belongs to, once the device is the worker's again.
        let next = match (&session.supported, &session.actor) {
            (Some(_), Actor::Member { family, .. }) if purpose == "hand_back" => {
                format!("/families/{family}")
            }
            _ => HOME.to_owned(),
        };
        let token = state
            .services
            .auth
            .finish_sign_in(
                &state.services.store,
                &session,
                &body.ceremony,
                purpose,
                &body.credential,
                &client.to_string(),
            )
            .await?;
        Ok::<_, AuthError>(match token {
            Some(token) => signed_in(&state, &token),
            None => Json(serde_json::json!({ "next": next })).into_response(),
        })
    }
    .await;
    result.unwrap_or_else(problem)
}

/// Ends the session and tells the browser to forget everything this site stored.
async fn end_and_clear(
    state: &AppState,
    session: Option<CurrentSession>,
    reason: &'static str,
) -> Vec<(header::HeaderName, HeaderValue)> {
    if let Some(session) = session
        && let Err(error) = state
            .services
            .auth
            .end(&state.services.store, &session, reason)
            .await
    {
        tracing::error!(%error, "could not end a session");
    }
    vec![
        (header::SET_COOKIE, clear_cookie(state)),
        (
            header::HeaderName::from_static("clear-site-data"),
            HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
        ),
    ]
}

/// Signing out: a form post from any signed-in page.
pub async fn sign_out(State(state): State<AppState>, request: Request) -> Response {
    let headers = end_and_clear(
        &state,
        request.extensions().get::<CurrentSession>().cloned(),
        "signed_out",
    )
    .await;
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/signed-out")]).into_response();
    for (name, value) in headers {
        response.headers_mut().insert(name, value);
    }
    response
}

/// "Exit this page": ends the session at once and goes to a neutral site. A link, not a
/// form, so it works from the skip link, the button and the keyboard shortcut alike, with
/// or without scripts. Another site cannot use it to do anything but sign someone out,
/// and its cookie is SameSite=Strict, so even that only works from the portal's own pages.
pub async fn exit(State(state): State<AppState>, request: Request) -> Response {
    let headers = end_and_clear(
        &state,
        request.extensions().get::<CurrentSession>().cloned(),
        "exit_page",
    )
    .await;
    let location =
        HeaderValue::from_str(&state.exit_url).unwrap_or(HeaderValue::from_static("about:blank"));
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    for (name, value) in headers {
        response.headers_mut().insert(name, value);
    }
    response
}

/// A handed-over device that locked itself after sitting untouched: the session ends, so
/// only the practitioner's passkey gets back in, and the screen says what happened.
pub async fn lock(State(state): State<AppState>, request: Request) -> Response {
    let headers = end_and_clear(
        &state,
        request.extensions().get::<CurrentSession>().cloned(),
        "idle",
    )
    .await;
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/locked")]).into_response();
    for (name, value) in headers {
        response.headers_mut().insert(name, value);
    }
    response
}
