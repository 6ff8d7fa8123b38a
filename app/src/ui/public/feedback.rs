//! "Give feedback about this service": the GOV.UK satisfaction question and an optional
//! comment, anonymous, with a character count that goes live once its island wakes. In
//! the reader's language; what they write is kept as written.

use crate::api::feedback::SendFeedback;
use crate::domain::feedback::{COMMENTS_MAX, Satisfaction};
use crate::domain::ids::SubmissionId;
use crate::ui::i18n::t;
use crate::ui::shared::count::CharacterCount;
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, ProgressiveForm, echoed_error, field_error, textarea_text,
    use_form_echo,
};
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    // Chosen once when the page is drawn and sent along with it, so a retry after a
    // dropped connection carries the same id and is not kept twice.
    let submission = echo
        .value("submission")
        .unwrap_or_else(|| SubmissionId::new().to_string());
    let chosen = echo.value("satisfaction").unwrap_or_default();
    let typed = echo.value("comments").unwrap_or_default();

    let satisfaction_error = field_error(error, "satisfaction");
    let comments_error = field_error(error, "comments");
    let has_error = Signal::derive(move || error.get().is_some());

    let radios = Satisfaction::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            // The first radio carries the field's id, so the error summary's link lands on it.
            let id = if i == 0 {
                "satisfaction".to_owned()
            } else {
                format!("satisfaction-{}", i + 1)
            };
            let checked = chosen == s.code();
            view! {
                <div class="govuk-radios__item">
                    <input
                        class="govuk-radios__input"
                        id=id.clone()
                        name="satisfaction"
                        type="radio"
                        value=s.code()
                        checked=checked
                    />
                    <label class="govuk-label govuk-radios__label" for=id>
                        {t(&format!("feedback-{}", s.code()))}
                    </label>
                </div>
            }
        })
        .collect::<Vec<_>>();

    view! {
        <PageTitle text=t("feedback-title") has_error />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary error />
                <h1 class="govuk-heading-l">{t("feedback-heading")}</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">{t("feedback-warning")}</span>
                        {t("feedback-not-read")}
                    </strong>
                </div>
                <ProgressiveForm to=SendFeedback::url()>
                    <input type="hidden" name="submission" value=submission />
                    <div class=move || {
                        if satisfaction_error.get().is_some() {
                            "govuk-form-group govuk-form-group--error"
                        } else {
                            "govuk-form-group"
                        }
                    }>
                        <fieldset
                            class="govuk-fieldset"
                            aria-describedby=move || {
                                satisfaction_error.get().map(|_| "satisfaction-error")
                            }
                        >
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                                <h2 class="govuk-fieldset__heading">
                                    {t("feedback-how")}
                                </h2>
                            </legend>
                            <ErrorMessage id="satisfaction-error" message=satisfaction_error />
                            <div class="govuk-radios" data-module="govuk-radios">
                                {radios}
                            </div>
                        </fieldset>
                    </div>
                    <div class=move || {
                        if comments_error.get().is_some() {
                            "govuk-form-group govuk-character-count govuk-form-group--error"
                        } else {
                            "govuk-form-group govuk-character-count"
                        }
                    }>
                        <h2 class="govuk-label-wrapper">
                            <label class="govuk-label govuk-label--m" for="comments">
                                {format!("{} {}", t("feedback-improve"), t("optional"))}
                            </label>
                        </h2>
                        <ErrorMessage id="comments-error" message=comments_error />
                        <textarea
                            class=move || {
                                if comments_error.get().is_some() {
                                    "govuk-textarea govuk-js-character-count govuk-textarea--error"
                                } else {
                                    "govuk-textarea govuk-js-character-count"
                                }
                            }
                            id="comments"
                            name="comments"
                            rows="5"
                            aria-describedby=move || {
                                if comments_error.get().is_some() {
                                    "comments-info comments-error"
                                } else {
                                    "comments-info"
                                }
                            }
                        >
                            {textarea_text(typed.clone())}
                        </textarea>
                        <CharacterCount field="comments" max=COMMENTS_MAX />
                    </div>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {t("feedback-send")}
                    </button>
                </ProgressiveForm>
            </div>
        </div>
    }
}

#[component]
pub fn FeedbackSent() -> impl IntoView {
    view! {
        <PageTitle text=t("feedback-sent-title") />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                    <h1 class="govuk-panel__title">{t("feedback-thanks")}</h1>
                </div>
                <p class="govuk-body">{t("feedback-we-read")}</p>
                <p class="govuk-body">
                    <a href="/" class="govuk-link">{t("problem-start-page")}</a>
                </p>
            </div>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::feedback::{Feedback, FeedbackForm};
    use crate::domain::language::Lang;
    use crate::ui::i18n::{tr, translate_problem};

    #[test]
    fn every_answer_and_problem_of_the_feedback_form_has_words_in_every_language() {
        for s in Satisfaction::ALL {
            let key = format!("feedback-{}", s.code());
            assert_eq!(tr(Lang::En, &key, &[]), s.label());
            assert_ne!(tr(Lang::Ur, &key, &[]), s.label());
        }
        let errors = Feedback::try_from(FeedbackForm {
            submission: "not an id".to_owned(),
            satisfaction: String::new(),
            comments: String::new(),
        })
        .unwrap_err();
        assert_eq!(errors.iter().count(), 2);
        for error in errors.iter() {
            for lang in [Lang::Pl, Lang::Ur] {
                assert_ne!(
                    translate_problem(lang, &error.message),
                    error.message,
                    "{}",
                    error.message
                );
            }
        }
    }
}
