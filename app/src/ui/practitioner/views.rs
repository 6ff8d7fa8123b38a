//! Module 8, "Comments and views": everything a family shared with its workers, grouped
//! by member, each item word for word and attributed (who, their place in the family,
//! when, which tool), with its history. Practitioners mark items read, respond and
//! suggest a kind of change talk here; nothing the family wrote is ever retyped or
//! changed. The page prints cleanly, and downloads as a Word document.

use crate::api::views::{MarkRead, Module8View, Respond, ViewItem, module_8};
use crate::ui::family::home::{loaded, when};
use crate::ui::practitioner::family::TalkKindOf;
use crate::ui::shared::form::{
    ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, textarea_text,
};
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn Module8Page() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        module_8,
    );
    loaded(found, |views, echo| view! { <Module8 views echo /> })
}

#[component]
fn Module8(views: Module8View, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let family = views.family.to_string();
    view! {
        <PageTitle text="Comments and views" has_error />
        <ErrorSummary error />
        <span class="govuk-caption-l">{format!("{} ({})", views.display_name, views.reference)}</span>
        <h1 class="govuk-heading-l">"Comments and views"</h1>
        <p class="govuk-body">
            "Module 8 of the Workbook: everything this family chose to share with their workers, in their own words."
        </p>
        <ul class="govuk-list app-print-hidden">
            <li><a class="govuk-link" href=format!("/families/{family}/views.docx") download="">"Download as a Word document"</a></li>
            <li><a class="govuk-link" href=format!("/families/{family}")>"Back to the family"</a></li>
        </ul>
        {views
            .members
            .into_iter()
            .map(|m| {
                let heading = format!("{} ({})", m.name, crate::domain::text::mid_sentence(&m.place));
                let items = if m.items.is_empty() {
                    view! { <p class="govuk-body">"Nothing shared with workers yet."</p> }.into_any()
                } else {
                    m.items
                        .into_iter()
                        .map(|item| view! { <Item item author=m.name.clone() place=m.place.clone() echo=echo.clone() /> })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <h2 class="govuk-heading-m">{heading}</h2>
                    {items}
                }
            })
            .collect_view()}
    }
}

/// Labelled parts of an entry, in the family member's words.
#[component]
fn Parts(parts: Vec<crate::api::views::Part>) -> impl IntoView {
    view! {
        <dl class="govuk-summary-list">
            {parts
                .into_iter()
                .map(|p| view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{p.label}</dt>
                        <dd class="govuk-summary-list__value app-own-words">{p.words}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

#[component]
fn Item(item: ViewItem, author: String, place: String, echo: FormEcho) -> impl IntoView {
    let id = item.id.to_string();
    let anchor = format!("entry-{id}");
    let attribution = format!(
        "Written by {author} ({}) on {}, with the {} tool.",
        crate::domain::text::mid_sentence(&place),
        when(item.written_at),
        crate::domain::text::mid_sentence(&item.tool)
    );
    let changed = (item.version > 1).then(|| {
        format!(
            "Changed {} {}; this version was written on {}.",
            item.version - 1,
            if item.version == 2 { "time" } else { "times" },
            when(item.changed_at)
        )
    });
    let history = (!item.history.is_empty()).then(|| {
        view! {
            <details class="govuk-details">
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">"See how it changed"</span>
                </summary>
                <div class="govuk-details__text">
                    {item
                        .history
                        .into_iter()
                        .map(|v| view! {
                            <h4 class="govuk-heading-s">{format!("Version {}, written on {}", v.version, when(v.at))}</h4>
                            <Parts parts=v.parts />
                        })
                        .collect_view()}
                </div>
            </details>
        }
    });
    let read = match item.read {
        Some(read) => view! {
            <p class="govuk-body-s">{format!("Marked read by {} on {}.", read.by, when(read.at))}</p>
        }
        .into_any(),
        None => view! {
            <form method="post" class="app-print-hidden">
                <input type="hidden" name=SERVER_FN_FIELD value=MarkRead::url() />
                <input type="hidden" name="entry" value=id.clone() />
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
                    "Mark as read"<span class="govuk-visually-hidden">{format!(": {} from {author}", crate::domain::text::mid_sentence(&item.tool))}</span>
                </button>
            </form>
        }
        .into_any(),
    };
    let responses = item
        .responses
        .into_iter()
        .map(|r| {
            view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s">{format!("Response from {} ({}), {}", r.by, r.role, when(r.at))}</p>
                    <p class="govuk-body app-own-words">{r.words}</p>
                    {r.disagreements
                        .into_iter()
                        .map(|d| view! {
                            <div class="app-disagreement">
                                <p class="govuk-body-s"><strong>{format!("{} disagrees, {}", d.by, when(d.at))}</strong></p>
                                <p class="govuk-body app-own-words">{d.words}</p>
                            </div>
                        })
                        .collect_view()}
                </div>
            }
        })
        .collect_view();
    // After a problem sending a response, the form it came from gets the error and what
    // was typed; the field takes the id the error summary links to.
    let this_form = echo.value("entry").as_deref() == Some(id.as_str());
    let typed = if this_form {
        echo.value("response").unwrap_or_default()
    } else {
        String::new()
    };
    let field_id = if this_form {
        "response".to_owned()
    } else {
        format!("response-{id}")
    };
    let problem = this_form
        .then(|| {
            echo.error
                .as_ref()
                .and_then(|e| e.field_errors())
                .and_then(|f| f.for_field("response").map(str::to_owned))
        })
        .flatten();
    let (group, textarea, described) = if problem.is_some() {
        (
            "govuk-form-group govuk-form-group--error",
            "govuk-textarea govuk-textarea--error",
            format!("{field_id}-hint {field_id}-error {field_id}-info"),
        )
    } else {
        (
            "govuk-form-group",
            "govuk-textarea",
            format!("{field_id}-hint {field_id}-info"),
        )
    };
    let error_id = format!("{field_id}-error");
    view! {
        <section class="app-view-item" id=anchor aria-label=format!("{} from {author}", item.tool)>
            <h3 class="govuk-heading-s">{format!("{}, {}", item.tool, when(item.written_at))}</h3>
            <Parts parts=item.parts />
            <p class="govuk-body-s">{attribution} " " {changed}</p>
            {history}
            {item.talk.map(|talk| view! { <TalkKindOf entry=id.clone() talk /> })}
            {read}
            {responses}
            <form method="post" class="app-print-hidden">
                <input type="hidden" name=SERVER_FN_FIELD value=Respond::url() />
                <input type="hidden" name="entry" value=id.clone() />
                <div class=group>
                    <label class="govuk-label govuk-label--s" for=field_id.clone()>{format!("Respond to {author}")}</label>
                    <div class="govuk-hint" id=format!("{field_id}-hint")>{format!("{author} will see your response, and can say if they disagree.")}</div>
                    {problem.map(|message| view! {
                        <p class="govuk-error-message" id=error_id><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                    })}
                    <textarea class=textarea id=field_id.clone() name="response" rows="3" aria-describedby=described prop:defaultValue=typed.clone()>
                        {textarea_text(typed.clone())}
                    </textarea>
                    <crate::ui::shared::count::CharacterCount field=field_id.clone() max=crate::domain::tools::WORDS_MAX typed=typed.clone() />
                </div>
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Send response"</button>
            </form>
        </section>
    }
}
