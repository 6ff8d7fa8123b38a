//! Downloads: Module 8 and a supervision record as Word documents, and a member's copy of
//! everything held about them as a Word document and as JSON, in one click from their
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

/// The error's status, with its words: for a refusal, the plain words of what is wrong.
pub(crate) fn problem(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let words = match error {
        AppError::Invalid(fields) => fields
            .iter()
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
            .join(" "),
        _ => error.to_string(),
    };
    (status, words).into_response()
}

/// The signed-in person asking; "sign in" for anyone else.
pub(crate) fn signed_in(request: &Request) -> Result<CurrentSession, AppError> {
    request
        .extensions()
        .get::<CurrentSession>()
        .filter(|s| s.actor.account().is_some())
        .cloned()
        .ok_or(AppError::SignInNeeded)
}

/// The signed-in person asking, and the family they ask for.
fn asker(request: &Request, family: &str) -> Result<(CurrentSession, FamilyId), AppError> {
    let session = signed_in(request)?;
    let family = FamilyId::parse(family).map_err(|_| AppError::NotFound)?;
    Ok((session, family))
}

/// A Word document as a download named `{name}-{reference}.docx`.
fn download(name: &str, reference: &str, file: Result<Vec<u8>, ExportError>) -> Response {
    let file_name = format!(
        "{name}-{}.docx",
        reference
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
    );
    word(&file_name, file)
}

/// A Word document as a download named `file_name`, or the plain problem if it could not
/// be written.
fn word(file_name: &str, file: Result<Vec<u8>, ExportError>) -> Response {
    match file {
        Ok(bytes) => attachment(bytes, app::backend::export::DOCX_TYPE, file_name),
        Err(error) => {
            tracing::error!(%error, "could not write a Word export");
            problem(&AppError::Internal)
        }
    }
}

/// `bytes` as a file to keep, of `media_type`, named `file_name` (plain ASCII).
pub(crate) fn attachment(bytes: Vec<u8>, media_type: &'static str, file_name: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    response
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

/// How a member's copy of their data is downloaded.
#[derive(Clone, Copy)]
pub enum Format {
    Word,
    Json,
    Html,
}

/// A copy of a member's data as a file: Word or a web page for people, JSON for machines.
fn own_data_file(
    state: &AppState,
    data: app::dto::own_data::OwnData,
    format: Format,
    name: &str,
) -> Response {
    match format {
        Format::Word => word(
            &format!("{name}.docx"),
            app::backend::export::own_data_docx(&data, &state.services.zone),
        ),
        Format::Html => attachment(
            app::ui::shared::own_data::standalone(data, state.services.zone.clone()).into_bytes(),
            "text/html; charset=utf-8",
            &format!("{name}.html"),
        ),
        Format::Json => match serde_json::to_vec_pretty(&data) {
            Ok(bytes) => attachment(bytes, "application/json", &format!("{name}.json")),
            Err(error) => {
                tracing::error!(%error, "could not write a JSON export");
                problem(&AppError::Internal)
            }
        },
    }
}

/// The signed-in member's own copy of everything held about them.
async fn my_data(state: AppState, request: Request, format: Format) -> Response {
    let session = match signed_in(&request) {
        Ok(session) => session,
        Err(error) => return problem(&error),
    };
    let store = &state.services.store;
    match app::backend::own_data::for_member(store, &session, Reading::Export).await {
        Ok(data) => own_data_file(&state, data, format, "my-data"),
        Err(error) => problem(&error),
    }
}

pub async fn my_data_docx(State(state): State<AppState>, request: Request) -> Response {
    my_data(state, request, Format::Word).await
}

pub async fn my_data_json(State(state): State<AppState>, request: Request) -> Response {
    my_data(state, request, Format::Json).await
}

pub async fn my_data_html(State(state): State<AppState>, request: Request) -> Response {
    my_data(state, request, Format::Html).await
}

/// A practitioner's copy of one member's data, made for the member in person.
async fn member_data(
    state: AppState,
    (family, member): (String, String),
    request: Request,
    format: Format,
) -> Response {
    let (session, family) = match asker(&request, &family) {
        Ok(found) => found,
        Err(error) => return problem(&error),
    };
    let Ok(member) = app::domain::ids::MemberId::parse(&member) else {
        return problem(&AppError::NotFound);
    };
    let store = &state.services.store;
    match app::backend::own_data::for_staff(store, &session, family, member).await {
        Ok(data) => {
            let name = format!("member-data-{}", data.member);
            own_data_file(&state, data, format, &name)
        }
        Err(error) => problem(&error),
    }
}

pub async fn member_data_docx(
    State(state): State<AppState>,
    Path(ids): Path<(String, String)>,
    request: Request,
) -> Response {
    member_data(state, ids, request, Format::Word).await
}

pub async fn member_data_json(
    State(state): State<AppState>,
    Path(ids): Path<(String, String)>,
    request: Request,
) -> Response {
    member_data(state, ids, request, Format::Json).await
}

pub async fn member_data_html(
    State(state): State<AppState>,
    Path(ids): Path<(String, String)>,
    request: Request,
) -> Response {
    member_data(state, ids, request, Format::Html).await
}
