//! Downloads: Module 8 and a supervision record as Word documents, in one click from their
//! pages.
//!
//! The same policy-checked read as the page itself, recorded in the audit trail as an
//! export; someone who may not see the family gets exactly what they would get for a
//! family that does not exist.

use crate::state::AppState;
use app::api::AppError;
use app::backend::Reading;
use app::backend::auth::CurrentSession;
use app::backend::export::ExportError;
use app::domain::ids::FamilyId;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

fn problem(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

/// The signed-in person asking, and the family they ask for.
fn asker(request: &Request, family: &str) -> Result<(CurrentSession, FamilyId), AppError> {
    let session = request
        .extensions()
        .get::<CurrentSession>()
        .filter(|s| s.actor.account().is_some())
        .cloned()
        .ok_or(AppError::SignInNeeded)?;
    let family = FamilyId::parse(family).map_err(|_| AppError::NotFound)?;
    Ok((session, family))
}

/// A Word document as a download named `{name}-{reference}.docx`.
fn download(name: &str, reference: &str, file: Result<Vec<u8>, ExportError>) -> Response {
    match file {
        Ok(bytes) => {
            let disposition = format!(
                "attachment; filename=\"{name}-{}.docx\"",
                reference
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
            if let Ok(disposition) = HeaderValue::from_str(&disposition) {
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

pub async fn module_8_docx(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (session, family) = match asker(&request, &id) {
        Ok(found) => found,
        Err(error) => return problem(&error),
    };
    // The whole record, unless the practitioner asked for the view they were looking at.
    let query = request.uri().query().unwrap_or_default();
    let filter = if query.split('&').any(|pair| pair == "view=filtered") {
        app::api::views::ViewFilter::from_query(query)
    } else {
        app::api::views::ViewFilter::everything()
    };
    let store = &state.services.store;
    match app::backend::views::module_8(store, &session, family, &filter, Reading::Export).await {
        Ok(view) => download(
            "comments-and-views",
            &view.reference,
            app::backend::export::module_8_docx(&view, store.now(), &state.services.zone),
        ),
        Err(error) => problem(&error),
    }
}

pub async fn record_docx(
    State(state): State<AppState>,
    Path((id, supervision)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (session, family) = match asker(&request, &id) {
        Ok(found) => found,
        Err(error) => return problem(&error),
    };
    let store = &state.services.store;
    match app::backend::record::record(store, &session, family, &supervision, Reading::Export).await
    {
        Ok(view) => download(
            "supervision-record",
            &view.reference,
            app::backend::export::record_docx(&view, store.now(), &state.services.zone),
        ),
        Err(error) => problem(&error),
    }
}
