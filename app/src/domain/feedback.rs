//! Feedback about the service itself: how satisfied someone is, and how we could do better.
//!
//! This follows the GOV.UK Service Standard's point on learning from users: anyone can
//! leave feedback without signing in. It is anonymous by design, so the form asks people
//! not to write names or personal details, and it is never shown to a family's workers.

use super::errors::{FORM, FieldErrors};
use super::ids::SubmissionId;
use super::text::OwnWords;
use serde::{Deserialize, Serialize};

/// The GOV.UK five-point satisfaction scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    VerySatisfied,
    Satisfied,
    Neither,
    Dissatisfied,
    VeryDissatisfied,
}

impl Satisfaction {
    pub const ALL: [Satisfaction; 5] = [
        Satisfaction::VerySatisfied,
        Satisfaction::Satisfied,
        Satisfaction::Neither,
        Satisfaction::Dissatisfied,
        Satisfaction::VeryDissatisfied,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "very_satisfied",
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Neither => "neither",
            Satisfaction::Dissatisfied => "dissatisfied",
            Satisfaction::VeryDissatisfied => "very_dissatisfied",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "Very satisfied",
            Satisfaction::Satisfied => "Satisfied",
            Satisfaction::Neither => "Neither satisfied nor dissatisfied",
            Satisfaction::Dissatisfied => "Dissatisfied",
            Satisfaction::VeryDissatisfied => "Very dissatisfied",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == raw)
            .ok_or_else(|| "Select how you feel about this service.".to_owned())
    }
}

/// Most a comment may hold: about a page of writing.
pub const COMMENTS_MAX: usize = 1200;

/// Feedback that has been checked and can be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub submission: SubmissionId,
    pub satisfaction: Satisfaction,
    pub comments: Option<OwnWords<COMMENTS_MAX>>,
}

/// The form exactly as the browser sent it, before any checking.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    pub submission: String,
    #[serde(default)]
    pub satisfaction: String,
    #[serde(default)]
    pub comments: String,
}

impl TryFrom<FeedbackForm> for Feedback {
    type Error = FieldErrors;

    /// Checks every field and reports every problem at once, in page order.
    fn try_from(form: FeedbackForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let satisfaction = errors.check("satisfaction", Satisfaction::parse(&form.satisfaction));
        let comments = errors.check("comments", OwnWords::parse_optional(&form.comments));
        // A missing or mangled submission id means the page itself was tampered with or is
        // very old; asking the person to try again is all they can do about it.
        let submission = errors.check(
            FORM,
            SubmissionId::parse(&form.submission)
                .map_err(|_| "This page is out of date. Reload the page and try again.".to_owned()),
        );
        match (submission, satisfaction, comments) {
            (Some(submission), Some(satisfaction), Some(comments)) if errors.is_empty() => {
                Ok(Feedback {
                    submission,
                    satisfaction,
                    comments,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(satisfaction: &str, comments: &str) -> FeedbackForm {
        FeedbackForm {
            submission: SubmissionId::new().to_string(),
            satisfaction: satisfaction.to_owned(),
            comments: comments.to_owned(),
        }
    }

    #[test]
    fn a_rating_with_no_comment_is_accepted() {
        let feedback = Feedback::try_from(form("satisfied", "  ")).unwrap();
        assert_eq!(feedback.satisfaction, Satisfaction::Satisfied);
        assert_eq!(feedback.comments, None);
    }

    #[test]
    fn a_missing_rating_and_an_overlong_comment_are_both_reported_in_page_order() {
        let errors = Feedback::try_from(form("", &"x".repeat(COMMENTS_MAX + 1))).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["satisfaction", "comments"]);
        assert_eq!(
            errors.for_field("satisfaction"),
            Some("Select how you feel about this service.")
        );
    }

    #[test]
    fn an_unknown_rating_is_refused() {
        assert!(Feedback::try_from(form("ecstatic", "")).is_err());
    }

    #[test]
    fn a_form_without_a_submission_id_is_refused_with_advice() {
        let mut bad = form("satisfied", "");
        bad.submission = "not-an-id".to_owned();
        let errors = Feedback::try_from(bad).unwrap_err();
        assert_eq!(errors.for_field("satisfaction"), None);
        assert_eq!(
            errors.for_field(FORM),
            Some("This page is out of date. Reload the page and try again.")
        );
    }
}
