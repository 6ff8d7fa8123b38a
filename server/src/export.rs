//! Downloads: Module 8 as a Word document, in one click from its page.
//!
//! The same audited, policy-checked read as the page itself; someone who may not see the
//! family gets exactly what they would get for a family that does not exist.

use crate::router::AppState;
use app::api::AppError;
use app::backend::auth::CurrentSession;
use app::domain::ids::FamilyId;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

fn problem(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

pub async fn module_8_docx(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let Some(session) = request
        .extensions()
        .get::<CurrentSession>()
        .filter(|s| s.actor.account().is_some())
        .cloned()
    else {
        return problem(&AppError::SignInNeeded);
    };
    let Ok(family) = FamilyId::parse(&id) else {
        return problem(&AppError::NotFound);
    };
    let view = match app::backend::views::module_8(&state.services.store, &session, family).await {
        Ok(view) => view,
        Err(error) => return problem(&error),
    };
    let now = app::backend::store::now_ms();
    match app::backend::export::module_8_docx(&view, now) {
        Ok(bytes) => {
            let name = format!(
                "attachment; filename=\"comments-and-views-{}.docx\"",
                view.reference
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect::<String>()
            );
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(app::backend::export::DOCX_TYPE),
            );
            if let Ok(disposition) = HeaderValue::from_str(&name) {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            response
        }
        Err(error) => {
            tracing::error!(%error, "could not write a Word export");
            problem(&AppError::Internal)
        }
    }
}
