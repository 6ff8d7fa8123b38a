//! "Give feedback about this service": the GOV.UK satisfaction question and an optional
//! comment, anonymous, with a character count that goes live once its island wakes.

use crate::api::feedback::SendFeedback;
use crate::domain::feedback::{COMMENTS_MAX, Satisfaction};
use crate::domain::ids::SubmissionId;
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
                        {s.label()}
                    </label>
                </div>
            }
        })
        .collect::<Vec<_>>();

    view! {
        <PageTitle text="Give feedback" has_error />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary error />
                <h1 class="govuk-heading-l">"Give feedback about this service"</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "This is not read by your worker. Do not write names or anything about your family here. To tell your worker something, speak to them."
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
                                    "Overall, how do you feel about this service?"
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
                                "How could we improve this service? (optional)"
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
                        "Send feedback"
                    </button>
                </ProgressiveForm>
            </div>
        </div>
    }
}

#[component]
pub fn FeedbackSent() -> impl IntoView {
    view! {
        <PageTitle text="Feedback sent" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                    <h1 class="govuk-panel__title">"Thank you for your feedback"</h1>
                </div>
                <p class="govuk-body">"We read all feedback and use it to make this service better."</p>
                <p class="govuk-body">
                    <a href="/" class="govuk-link">"Go to the start page"</a>
                </p>
            </div>
        </div>
    }
}
