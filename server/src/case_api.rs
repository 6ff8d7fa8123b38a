//! The integration API, version 1 (`/api/v1`), for the council's case system: plain JSON
//! routes, separate from the browser's server functions, with a contract published as
//! OpenAPI 3.1 (`/api/v1/openapi.json`), generated here from the code. CI compares it
//! with the committed copy, `server/api/openapi-v1.json`, so a change to the contract
//! is a reviewed diff; `server openapi` prints it to replace that copy.
//!
//! Each call: the client its secret names (`backend::case_system::caller`), then one
//! audited read, decided by the policy as for a worker of the client's teams.

use crate::state::AppState;
use app::backend::case_system::{self, ApiError};
use app::dto::case_api::{Changes, Module8, Problem, Records};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::OpenApi;

/// The contract, as the code defines it.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Family portal: case system API",
        version = "1",
        description = "For a council's case system: what families chose to share with their workers (Module 8, \"Comments and views\"), verbatim and attributed, and the finalised records of group case supervision. A family is asked for by its case reference or by a member's reference in the case system. Each call sends the secret an admin created for the system, as `Authorization: Bearer <secret>`. Every call is recorded in the portal's audit trail, and family members see that the case system read their words.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    paths(module_8, changes, records),
    modifiers(&Security),
    tags(
        (name = "Module 8", description = "What family members shared with their workers"),
        (name = "Supervision", description = "Finalised records of group case supervision")
    )
)]
pub struct ApiDoc;

/// Adds the bearer secret every call needs.
struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "secret",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The secret an admin created for the system on the portal's \"The council's case system\" page.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The contract as served and committed: pretty JSON with a final newline.
pub fn openapi_json() -> Result<String, serde_json::Error> {
    let mut json = ApiDoc::openapi().to_pretty_json()?;
    json.push('\n');
    Ok(json)
}

pub async fn openapi() -> Response {
    match openapi_json() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(error) => {
            tracing::error!(%error, "the OpenAPI document could not be written");
            answer::<()>(Err(ApiError::Internal))
        }
    }
}

/// An answer as JSON, or the problem as RFC 9457 problem details in plain words.
fn answer<T: serde::Serialize>(result: Result<T, ApiError>) -> Response {
    let error = match result {
        Ok(body) => return axum::Json(body).into_response(),
        Err(error) => error,
    };
    let (status, title, detail) = match &error {
        ApiError::Unauthorised => (
            StatusCode::UNAUTHORIZED,
            "No secret that works",
            "Send the system's secret as \"Authorization: Bearer <secret>\". A secret that has expired or was revoked no longer works: ask the council's admin for a new one.",
        ),
        ApiError::NotFound => (
            StatusCode::NOT_FOUND,
            "Not found",
            "No family with this reference is open to this system. Check the reference, and that the family's team is one the system was given.",
        ),
        ApiError::TooMany(_) => (
            StatusCode::TOO_MANY_REQUESTS,
            "Too many calls",
            "This system has made too many calls this minute. Wait for the number of seconds in the Retry-After header, then try again.",
        ),
        ApiError::BadCursor => (
            StatusCode::BAD_REQUEST,
            "Cursor not recognised",
            "Send as \"since\" the \"next\" of an earlier answer, or leave it out for everything.",
        ),
        ApiError::Internal => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong",
            "The portal could not answer. Try again later.",
        ),
    };
    let problem = Problem {
        status: status.as_u16(),
        title: title.to_owned(),
        detail: detail.to_owned(),
    };
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        serde_json::to_string(&problem).unwrap_or_default(),
    )
        .into_response();
    if let ApiError::TooMany(seconds) = error {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds.clamp(1, 60)));
    }
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}

/// The secret a call sends, if any.
fn secret(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            // The scheme's name is not case-sensitive (RFC 9110).
            let (scheme, secret) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then_some(secret)
        })
        .map(str::trim)
}

/// What a call reads about the family it names.
enum Read {
    Module8,
    Changes(Option<String>),
    Records,
}

/// One call: the client its secret names, then its one audited read, as JSON.
async fn read(state: &AppState, headers: &HeaderMap, reference: &str, read: Read) -> Response {
    let store = &state.services.store;
    let actor = match case_system::caller(store, secret(headers)).await {
        Ok(actor) => actor,
        Err(error) => return answer::<()>(Err(error)),
    };
    match read {
        Read::Module8 => answer(case_system::api_module_8(store, &actor, reference).await),
        Read::Changes(since) => {
            answer(case_system::api_changes(store, &actor, reference, since.as_deref()).await)
        }
        Read::Records => answer(case_system::api_records(store, &actor, reference).await),
    }
}

/// Module 8 of a family.
#[utoipa::path(
    get,
    path = "/api/v1/families/{reference}/module-8",
    tag = "Module 8",
    params(("reference" = String, Path, description = "The family's case reference, or a family member's reference in the case system")),
    responses(
        (status = 200, description = "Everything the family's members shared with their workers, with every earlier version", body = Module8),
        (status = 401, description = "No secret, or one that is wrong, expired or revoked", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No family with this reference is open to this system", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many calls this minute; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(("secret" = []))
)]
pub async fn module_8(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Response {
    read(&state, &headers, &reference, Read::Module8).await
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Since {
    /// The `next` of an earlier answer; leave it out for everything.
    since: Option<String>,
}

/// What changed in a family's Module 8 since a cursor.
#[utoipa::path(
    get,
    path = "/api/v1/families/{reference}/changes",
    tag = "Module 8",
    params(
        ("reference" = String, Path, description = "The family's case reference, or a family member's reference in the case system"),
        Since
    ),
    responses(
        (status = 200, description = "Entries written, shared or changed since the cursor, each whole in its latest version, and shares withdrawn since it. The same version can come twice: keep entries by id and version.", body = Changes),
        (status = 400, description = "A cursor this API did not give", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No secret, or one that is wrong, expired or revoked", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No family with this reference is open to this system", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many calls this minute; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(("secret" = []))
)]
pub async fn changes(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Query(since): Query<Since>,
    headers: HeaderMap,
) -> Response {
    read(&state, &headers, &reference, Read::Changes(since.since)).await
}

/// The finalised records of a family's group case supervision.
#[utoipa::path(
    get,
    path = "/api/v1/families/{reference}/supervision-records",
    tag = "Supervision",
    params(("reference" = String, Path, description = "The family's case reference, or a family member's reference in the case system")),
    responses(
        (status = 200, description = "Every finalised version of every record of the family's group case supervision", body = Records),
        (status = 401, description = "No secret, or one that is wrong, expired or revoked", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No family with this reference is open to this system", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many calls this minute; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ),
    security(("secret" = []))
)]
pub async fn records(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    headers: HeaderMap,
) -> Response {
    read(&state, &headers, &reference, Read::Records).await
}
