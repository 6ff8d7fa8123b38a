//! The one error type every server function returns, and how each kind is shown.
//!
//! Policy (written down once, applied everywhere):
//! - A problem with what someone typed is `Invalid`, with a plain message per field, and the
//!   page shows it in a GOV.UK error summary without losing anything they typed.
//! - Something hidden from the asker is `NotFound`, exactly as if it did not exist.
//! - Anything that went wrong inside the service is `Internal`: the detail is logged once on
//!   the server and the browser only ever gets the generic sentence. Database errors are never
//!   serialised to a browser.

use crate::domain::FieldErrors;
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// What was typed needs fixing; each field says how.
    #[error("There is a problem")]
    Invalid(FieldErrors),
    /// Not there, or not for you: the two are never told apart.
    #[error("Page not found")]
    NotFound,
    /// This needs a signed-in person, and nobody is signed in (or their session ended).
    #[error("You need to sign in to see this page.")]
    SignInNeeded,
    /// Too many failed attempts from this place or for this account; try again later.
    #[error(
        "There have been too many attempts. Wait an hour and try again, or ask your worker for help."
    )]
    TooManyAttempts,
    /// The request did not come from one of this service's own pages.
    #[error("This request was refused")]
    Forbidden,
    /// The request could not be understood at all, for example a form from an old page.
    #[error("Something was wrong with that request. Go back, reload the page and try again.")]
    BadRequest,
    /// The browser could not reach the service, for example because the connection dropped.
    #[error(
        "Your answers were not sent. Check your connection and try again. Nothing you typed has been lost."
    )]
    Unreachable,
    #[error("Sorry, there is a problem with the service. Try again later.")]
    Internal,
}

impl AppError {
    /// The HTTP status for each kind of error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::NotFound => 404,
            AppError::SignInNeeded => 401,
            AppError::TooManyAttempts => 429,
            AppError::Forbidden => 403,
            AppError::BadRequest => 400,
            AppError::Unreachable => 503,
            AppError::Internal => 500,
        }
    }

    /// Reads a server function's error back from its response body; anything that is
    /// not one is a problem with the service.
    pub fn from_response_body(bytes: &[u8]) -> AppError {
        serde_json::from_slice(bytes).unwrap_or(AppError::Internal)
    }

    /// The field errors to show, if this is a problem with what was typed.
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Invalid(errors)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The browser could not send the request or read the answer.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Unreachable,
            // The arguments could not be read: an old or tampered page.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_from_the_framework_never_carry_their_detail_to_the_browser() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::ServerError(
            "relation \"feedback\" does not exist".to_owned(),
        ));
        assert_eq!(error, AppError::Internal);
        assert!(!error.to_string().contains("relation"));
    }

    #[test]
    fn a_form_that_cannot_be_read_is_a_bad_request_not_a_server_error() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("x".to_owned()));
        assert_eq!(error.status(), 400);
    }
}
