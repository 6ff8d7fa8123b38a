//! The record of a family's group case supervision: the team manager writes it during or
//! after the session, saving drafts until they finalise it; everyone who works with the
//! family reads it. A finalised record is locked: a change is a new version with its
//! reason, and every earlier version stays on the page. The page prints cleanly and
//! downloads as a Word document.

use crate::api::pack::TheirWords;
use crate::api::record::{RecordVersion, RecordView, SaveRecord, supervision_record};
use crate::domain::supervision::{RECORD_SECTIONS, Rating};
use crate::ui::practitioner::pack::FamilyWords;
use crate::ui::shared::dates::{at_time, when};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, field_error,
    textarea_text, with_error,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RecordPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("id").unwrap_or_default(),
                params.get("session").unwrap_or_default(),
            )
        },
        |(family, session)| supervision_record(family, session),
    );
    loaded(found, |view, echo| view! { <Record view echo /> })
}

/// The GOV.UK tag colour for a rating; the words always go with it.
fn tag_class(code: &str) -> &'static str {
    match code {
        "red" => "govuk-tag govuk-tag--red",
        "amber" => "govuk-tag govuk-tag--yellow",
        "green" => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    }
}

/// A heading inside a version: a section of the page (h2) for the newest version, or a
/// sub-heading (h4) under "Version N" for an earlier one.
fn version_heading(text: String, newest: bool) -> AnyView {
    if newest {
        view! { <h2 class="govuk-heading-m">{text}</h2> }.into_any()
    } else {
        view! { <h4 class="govuk-heading-s">{text}</h4> }.into_any()
    }
}

/// Beside the chair's account of the child's or the parents' views: what the children, or
/// the grown-ups, shared for this meeting in their own words. The chair's words stay theirs.
fn family_words_beside(field: &str, answers: &[TheirWords]) -> Option<AnyView> {
    let (children, heading) = match field {
        "child_views" => (true, "What the children shared for this meeting"),
        "parent_views" => (false, "What the parents and carers shared for this meeting"),
        _ => return None,
    };
    let answers: Vec<TheirWords> = answers
        .iter()
        .filter(|a| a.by_child == children)
        .cloned()
        .collect();
    (!answers.is_empty()).then(|| {
        view! {
            <div class="app-family-words">
                <p class="govuk-body"><strong>{heading}</strong>", in their own words:"</p>
                <FamilyWords answers />
            </div>
        }
        .into_any()
    })
}

/// One version, as it reads on the page and on paper.
#[component]
fn Version(
    version: RecordVersion,
    newest: bool,
    #[prop(optional)] family_words: Vec<TheirWords>,
) -> impl IntoView {
    let state = if version.finalised {
        "finalised"
    } else {
        "draft"
    };
    let byline = format!(
        "Version {}, {state}, written by {} at {}.",
        version.version,
        version.by,
        at_time(version.written_at)
    );
    let rating = match (version.rating, version.rating_label) {
        (Some(code), Some(label)) => {
            view! { <p class="govuk-body"><strong class=tag_class(&code)>{label}</strong></p> }
                .into_any()
        }
        _ => view! { <p class="govuk-body">"No rating chosen yet."</p> }.into_any(),
    };
    let why = version.why_changed.map(|why| {
        view! {
            <div class="govuk-inset-text">
                <p class="govuk-body"><strong>"Why the finalised record was changed: "</strong></p>
                <p class="govuk-body app-own-words">{why}</p>
            </div>
        }
    });
    let sections = version
        .sections
        .into_iter()
        .map(|s| {
            let words = if s.words.is_empty() {
                view! { <p class="govuk-body govuk-hint">"Not written yet."</p> }.into_any()
            } else {
                view! { <p class="govuk-body app-own-words">{s.words}</p> }.into_any()
            };
            let heading = version_heading(s.heading, newest);
            let beside = family_words_beside(&s.field, &family_words);
            view! { {heading} {words} {beside} }
        })
        .collect_view();
    let rating_heading = version_heading("Rating".to_owned(), newest);
    view! {
        <p class="govuk-body-s">{byline}</p>
        {why}
        {rating_heading}
        {rating}
        {sections}
    }
}

/// The chair's form: a new draft, the finalised version, or a change to a finalised record.
#[component]
fn RecordForm(view: RecordView, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let finalised = view.finalised();
    let latest = view.latest().cloned();
    let based_on = latest.as_ref().map_or(0, |v| v.version).to_string();
    let typed = |field: &str, index: usize| {
        echo.value(field).unwrap_or_else(|| {
            latest
                .as_ref()
                .and_then(|v| v.sections.get(index))
                .map(|s| s.words.clone())
                .unwrap_or_default()
        })
    };
    let boxes = RECORD_SECTIONS
        .iter()
        .enumerate()
        .map(|(index, &(field, heading, hint))| {
            let message = field_error(error, field);
            let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
            let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
            let described = move || {
                if message.get().is_some() {
                    format!("{field}-hint {field}-error {field}-info")
                } else {
                    format!("{field}-hint {field}-info")
                }
            };
            let typed = typed(field, index);
            let words = textarea_text(typed.clone());
            let beside = family_words_beside(field, &view.family_words);
            view! {
                <div class=group>
                    <h3 class="govuk-label-wrapper">
                        <label class="govuk-label govuk-label--s" for=field>{heading}</label>
                    </h3>
                    <div class="govuk-hint" id=format!("{field}-hint")>{hint}</div>
                    {beside}
                    <ErrorMessage id=format!("{field}-error") message />
                    <textarea class=class id=field name=field rows="5" aria-describedby=described prop:defaultValue=typed.clone()>{words}</textarea>
                    <crate::ui::shared::count::CharacterCount field=field max=crate::domain::supervision::RECORD_SECTION_MAX typed />
                </div>
            }
        })
        .collect_view();
    let chosen = echo
        .value("rating")
        .or_else(|| latest.as_ref().and_then(|v| v.rating.clone()))
        .unwrap_or_default();
    let rating_message = field_error(error, "rating");
    let rating_group = with_error(
        rating_message,
        "govuk-form-group",
        "govuk-form-group--error",
    );
    let radios = Rating::ALL
        .into_iter()
        .enumerate()
        .map(|(i, rating)| {
            // The first radio has the field's id, for the error summary's link.
            let id = if i == 0 {
                "rating".to_owned()
            } else {
                format!("rating-{}", rating.code())
            };
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="rating" type="radio"
                        value=rating.code() checked=chosen == rating.code() />
                    <label class="govuk-label govuk-radios__label" for=id>{rating.label()}</label>
                </div>
            }
        })
        .collect_view();
    let why = finalised.then(|| {
        let message = field_error(error, "why_changed");
        let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
        let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
        let described = move || {
            if message.get().is_some() {
                "why_changed-hint why_changed-error why_changed-info"
            } else {
                "why_changed-hint why_changed-info"
            }
        };
        let typed = echo.value("why_changed").unwrap_or_default();
        let words = textarea_text(typed.clone());
        view! {
            <div class=group>
                <h3 class="govuk-label-wrapper">
                    <label class="govuk-label govuk-label--s" for="why_changed">"Why the record is being changed"</label>
                </h3>
                <div class="govuk-hint" id="why_changed-hint">"Anyone reading the record later will see this beside the change."</div>
                <ErrorMessage id="why_changed-error" message />
                <textarea class=class id="why_changed" name="why_changed" rows="3" aria-describedby=described prop:defaultValue=typed.clone()>{words}</textarea>
                <crate::ui::shared::count::CharacterCount field="why_changed" max=crate::domain::tools::WORDS_MAX typed />
            </div>
        }
    });
    let (heading, intro, buttons) = if finalised {
        (
            "Change the finalised record",
            "The finalised record stays exactly as it is. Your change is saved as a new version, with your reason, and both stay in the record.",
            view! {
                <button type="submit" name="finalise" value="yes" class="govuk-button" data-module="govuk-button">"Save the change"</button>
            }
            .into_any(),
        )
    } else {
        (
            "Write the record",
            "Save it as a draft as often as you like. Once you finalise it, it is locked: any later change is a new version with a reason.",
            view! {
                <div class="govuk-button-group">
                    <button type="submit" name="finalise" value="" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Save draft"</button>
                    <button type="submit" name="finalise" value="yes" class="govuk-button" data-module="govuk-button">"Save and finalise"</button>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <form method="post" novalidate class="app-print-hidden">
            <input type="hidden" name=SERVER_FN_FIELD value=SaveRecord::url() />
            <input type="hidden" name="family" value=view.family.to_string() />
            <input type="hidden" name="session" value=view.session.clone() />
            <input type="hidden" name="based_on" value=based_on />
            <h2 class="govuk-heading-l">{heading}</h2>
            <p class="govuk-body">{intro}</p>
            {why}
            {boxes}
            <div class=rating_group>
                <fieldset class="govuk-fieldset" aria-describedby=move || if rating_message.get().is_some() { "rating-hint rating-error" } else { "rating-hint" }>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s"><h3 class="govuk-fieldset__heading">"Rating"</h3></legend>
                    <div class="govuk-hint" id="rating-hint">"How the family are doing, as the supervision judged it."</div>
                    <ErrorMessage id="rating-error" message=rating_message />
                    <div class="govuk-radios" data-module="govuk-radios">{radios}</div>
                </fieldset>
            </div>
            {buttons}
        </form>
    }
}

#[component]
fn Record(view: RecordView, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let family = view.family.to_string();
    let download = format!("/families/{family}/record/{}/docx", view.session);
    let attending = if view.attendees.is_empty() {
        String::new()
    } else {
        format!(" Attending: {}.", view.attendees.join(", "))
    };
    let status = match view.latest() {
        None => "Not written yet".to_owned(),
        Some(_) if view.finalised() => "Finalised".to_owned(),
        Some(v) => format!("Draft (version {})", v.version),
    };
    let latest = view.versions.first().cloned();
    let earlier: Vec<RecordVersion> = view.versions.iter().skip(1).cloned().collect();
    let shown = match latest {
        Some(version) => {
            view! { <Version version newest=true family_words=view.family_words.clone() /> }
                .into_any()
        }
        None => {
            let beside = ["child_views", "parent_views"]
                .map(|field| family_words_beside(field, &view.family_words));
            view! {
                <p class="govuk-body">"The team manager who chairs the session has not written the record yet."</p>
                {beside}
            }
            .into_any()
        }
    };
    let history = (!earlier.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">"Earlier versions"</h2>
            {earlier
                .into_iter()
                .map(|version| {
                    let title = format!("Version {}", version.version);
                    view! {
                        <section class="app-view-item">
                            <h3 class="govuk-heading-s">{title}</h3>
                            <Version version newest=false />
                        </section>
                    }
                })
                .collect_view()}
        }
    });
    let form = view
        .may_write
        .then(|| view! { <RecordForm view=view.clone() echo=echo.clone() /> });
    view! {
        <PageTitle text="Supervision record" has_error />
        <ErrorSummary error />
        <span class="govuk-caption-l">{format!("{} ({})", view.display_name, view.reference)}</span>
        <h1 class="govuk-heading-l">"Group case supervision record"</h1>
        <p class="govuk-body">{format!("Session on {}.{attending}", when(view.held_on))}</p>
        <p class="govuk-body"><strong class="govuk-tag govuk-tag--blue">{status}</strong></p>
        <ul class="govuk-list app-print-hidden">
            <li><a class="govuk-link" href=download download="">"Download as a Word document"</a></li>
            <li><a class="govuk-link" href=format!("/families/{family}/pack")>"Supervision pack"</a></li>
            <li><a class="govuk-link" href=format!("/families/{family}")>"Back to the family"</a></li>
        </ul>
        {shown}
        {history}
        {form}
    }
}
