//! Forms posted without WebAssembly.
//!
//! A page's form posts to the page's own address, naming its server function in a hidden
//! field. Here that post is run through the same server function the hydrated page calls,
//! so there is one endpoint per action and one set of rules. Then:
//! - success: a 303 redirect (post/redirect/get), so reloading never sends it twice;
//! - a problem: the same page is drawn again at the same address, with every field as it
//!   was typed and the GOV.UK error summary, so nothing the person typed is lost.

use crate::state::AppState;
use app::api::AppError;
use app::backend::auth::CurrentSession;
use app::ui::shared::form::{FormEcho, SERVER_FN_FIELD};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// The most a page's form may send. Far more than any form needs; larger posts are
/// refused before they are read.
const FORM_LIMIT: usize = crate::middleware::FORM_BODY_LIMIT;

pub async fn page_post(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // Server functions, passkey ceremonies, signing out and Notify's callbacks have their
    // own handlers.
    if request.method() != Method::POST
        || path.starts_with("/api/")
        || path.starts_with("/auth/")
        || path.starts_with("/notify/")
        || path == "/sign-out"
        || path == "/lock"
    {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let page = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        let echo = FormEcho {
            fields: Vec::new(),
            error: Some(AppError::BadRequest),
        };
        return render_page(&state, parts, echo, StatusCode::PAYLOAD_TOO_LARGE).await;
    };
    let mut fields: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let server_fn = fields
        .iter()
        .position(|(name, _)| name == SERVER_FN_FIELD)
        .map(|i| fields.remove(i).1)
        .filter(|path| path.starts_with("/api/"))
        .and_then(|path| path.parse::<Uri>().ok());
    // A device handed to a child reaches the child's server functions alone, whichever
    // page the form was posted to.
    let supported = parts
        .extensions
        .get::<CurrentSession>()
        .is_some_and(|s| s.supported.is_some());
    let server_fn =
        server_fn.filter(|uri| !supported || crate::middleware::child_may_call(uri.path()));
    let Some(server_fn) = server_fn else {
        let echo = FormEcho {
            fields,
            error: Some(AppError::BadRequest),
        };
        return render_page(&state, parts, echo, StatusCode::BAD_REQUEST).await;
    };

    let mut forward = Request::from_parts(parts.clone(), Body::from(bytes));
    *forward.uri_mut() = server_fn;
    let response = leptos_axum::handle_server_fns_with_context(state.context(), forward)
        .await
        .into_response();

    // For a form post, the framework answers a failed server function with a redirect too:
    // only its error header says it failed.
    let failed = response
        .headers()
        .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER);
    if !failed {
        let location = response
            .headers()
            .get(header::LOCATION)
            .cloned()
            .unwrap_or_else(|| {
                HeaderValue::from_str(&page).unwrap_or(HeaderValue::from_static("/"))
            });
        let (mut head, _) = response.into_parts();
        head.status = StatusCode::SEE_OTHER;
        head.headers.insert(header::LOCATION, location);
        head.headers.remove(header::CONTENT_TYPE);
        head.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(head, Body::empty());
    }

    // The error is read once, here; its kind decides the status, as for every server function.
    let bytes = axum::body::to_bytes(response.into_body(), FORM_LIMIT)
        .await
        .unwrap_or_default();
    let error = app::dto::AppError::from_response_body(&bytes);
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let echo = FormEcho {
        fields,
        error: Some(error),
    };
    render_page(&state, parts, echo, status).await
}

/// Draws the page at the posted address again, with the echo of what was sent. The whole
/// page is drawn before it is sent, data included: without scripts, content streamed in
/// later could never be shown.
async fn render_page(
    state: &AppState,
    mut parts: axum::http::request::Parts,
    echo: FormEcho,
    status: StatusCode,
) -> Response {
    parts.method = Method::GET;
    let context = state.context();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(echo.clone());
        },
        state.shell(),
    );
    let mut response = handler(Request::from_parts(parts, Body::empty())).await;
    *response.status_mut() = status;
    response.into_response()
}
