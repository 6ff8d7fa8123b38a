//! Field-level validation errors, in the shape the GOV.UK error summary needs.
//!
//! Every message is plain English, says what to do, and names the field the way the
//! page does (<https://design-system.service.gov.uk/components/error-message/>).

use serde::{Deserialize, Serialize};

/// The `field` of a problem with the form as a whole rather than one of its fields, such
/// as a page too old to send. The error summary lists it without a link.
pub const FORM: &str = "";

/// One problem with one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The `name` of the form field, which is also the id the error summary links to.
    pub field: String,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

/// All the problems found in one submission, in the order the fields appear on the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One message for one field.
    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::new();
        errors.push(field, message);
        errors
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Records the error of a parse, if there was one, and hands back the value.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(message) => {
                self.push(field, message);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// The message for one field, for the inline error beside it.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}
