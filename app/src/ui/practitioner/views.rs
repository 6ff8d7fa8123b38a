//! Module 8, "Comments and views": everything a family shared with its workers, grouped
//! by member, each item word for word and attributed (who, their place in the family,
//! when, which tool), with its history. Practitioners mark items read, respond and
//! suggest a kind of change talk here; nothing the family wrote is ever retyped or
//! changed. The page prints cleanly, and downloads as a Word document.

use crate::api::views::{
    MarkRead, Module8View, Period, Respond, TOOLS, ViewFilter, ViewItem, module_8,
};
use crate::ui::practitioner::family::TalkKindOf;
use crate::ui::shared::dates::when;
use crate::ui::shared::form::{
    ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, textarea_text,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn Module8Page() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let found = Resource::new(
        move || {
            let q = query.read();
            let field = |name: &str| q.get(name).unwrap_or_default();
            (
                params.read().get("id").unwrap_or_default(),
                field("period"),
                field("member"),
                field("tool"),
                field("unread"),
            )
        },
        |(family, period, member, tool, unread)| module_8(family, period, member, tool, unread),
    );
    loaded(found, move |views, echo| {
        // The one item whose response form is open: asked for by its link, or sent with
        // a problem to put right.
        let respond = echo
            .value("entry")
            .or_else(|| query.read_untracked().get("respond"));
        view! { <Module8 views echo respond /> }
    })
}

/// The filter form: a plain GET form, so it works before (and without) the page's code.
#[component]
fn Filters(views: Module8View) -> impl IntoView {
    let family = views.family;
    let filter = views.filter.clone();
    let periods = Period::ALL
        .into_iter()
        .map(|p| {
            let label = if p == Period::SinceSupervision {
                match views.last_supervision {
                    Some(at) => format!("{} ({})", p.label(), when(at)),
                    None => format!("{} (none held yet)", p.label()),
                }
            } else {
                p.label().to_owned()
            };
            view! { <option value=p.code() selected=filter.period == p>{label}</option> }
        })
        .collect_view();
    let members = views
        .members
        .iter()
        .map(|m| {
            let id = m.id;
            view! { <option value=id.to_string() selected=filter.member == Some(id)>{m.name.clone()}</option> }
        })
        .collect_view();
    let tools = TOOLS
        .into_iter()
        .map(|kind| {
            view! { <option value=kind.code() selected=filter.tool == Some(kind)>{kind.tool_name()}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=format!("/families/{family}/views") class="app-filters app-print-hidden">
            <h2 class="govuk-heading-m">"Choose what to show"</h2>
            <div class="app-filters__fields">
                <div class="govuk-form-group">
                    <label class="govuk-label" for="period">"When"</label>
                    <select class="govuk-select" id="period" name="period">{periods}</select>
                </div>
                <div class="govuk-form-group">
                    <label class="govuk-label" for="member">"From"</label>
                    <select class="govuk-select" id="member" name="member">
                        <option value="" selected=filter.member.is_none()>"Everyone in the family"</option>
                        {members}
                    </select>
                </div>
                <div class="govuk-form-group">
                    <label class="govuk-label" for="tool">"Tool"</label>
                    <select class="govuk-select" id="tool" name="tool">
                        <option value="" selected=filter.tool.is_none()>"Every tool"</option>
                        {tools}
                    </select>
                </div>
            </div>
            <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id="unread" name="unread" type="checkbox" value="yes" checked=filter.unread />
                        <label class="govuk-label govuk-checkboxes__label" for="unread">"Only what I have not marked read"</label>
                    </div>
                </div>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Show"</button>
        </form>
    }
}

#[component]
fn Module8(views: Module8View, echo: FormEcho, respond: Option<String>) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let family = views.family.to_string();
    let query = views.filter.query();
    let shown: usize = views.members.iter().map(|m| m.items.len()).sum();
    let everything = views.filter == ViewFilter::everything();
    let summary = format!(
        "Showing {shown} {}: {}.",
        if shown == 1 { "item" } else { "items" },
        views.filter_words("you")
    );
    let hidden = (views.hidden > 0).then(|| {
        let count = views.hidden;
        view! {
            <p class="govuk-body app-filters__hidden">
                {format!(
                    "{count} more {} shared with the workers {} not shown by this choice. ",
                    if count == 1 { "item" } else { "items" },
                    if count == 1 { "is" } else { "are" },
                )}
                <a class="govuk-link app-print-hidden" href=format!("/families/{family}/views?period=all")>"Show everything"</a>
            </p>
        }
    });
    let nothing = (shown == 0).then(|| {
        view! { <p class="govuk-body">"Nothing shared with the workers fits this choice."</p> }
    });
    let members = views
        .members
        .clone()
        .into_iter()
        // A member with nothing in a narrowed view is left out; the whole record names
        // everyone, as the Workbook does.
        .filter(|m| everything || !m.items.is_empty())
        .map(|m| {
            let heading = format!("{} ({})", m.name, crate::domain::text::mid_sentence(&m.place));
            let items = if m.items.is_empty() {
                view! { <p class="govuk-body">"Nothing shared with workers yet."</p> }.into_any()
            } else {
                m.items
                    .into_iter()
                    .map(|item| {
                        let open = respond.as_deref() == Some(item.id.to_string().as_str());
                        view! {
                            <Item item author=m.name.clone() place=m.place.clone() echo=echo.clone() query=query.clone() open />
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <h2 class="govuk-heading-m">{heading}</h2>
                {items}
            }
        })
        .collect_view();
    view! {
        <PageTitle text="Comments and views" has_error />
        <ErrorSummary error />
        <span class="govuk-caption-l">{format!("{} ({})", views.display_name, views.reference)}</span>
        <h1 class="govuk-heading-l">"Comments and views"</h1>
        <p class="govuk-body">
            "Module 8 of the Workbook: everything this family chose to share with their workers, in their own words."
        </p>
        <ul class="govuk-list app-print-hidden">
            <li><a class="govuk-link" href=format!("/families/{family}/views.docx") download="">"Download everything as a Word document"</a></li>
            {(!everything).then(|| view! {
                <li><a class="govuk-link" href=format!("/families/{family}/views.docx?view=filtered&{query}") download="">"Download what is shown as a Word document"</a></li>
            })}
            <li><a class="govuk-link" href=format!("/families/{family}")>"Back to the family"</a></li>
        </ul>
        <Filters views=views.clone() />
        <p class="govuk-body" id="shown">{summary}</p>
        {hidden}
        {nothing}
        {members}
    }
}

/// Labelled parts of an entry, in the family member's words, marked with the language of
/// the pages they were written on (so a screen reader voices them in it) and laid out in
/// their own direction.
#[component]
fn Parts(
    parts: Vec<crate::api::views::Part>,
    written_in: Option<crate::domain::language::Lang>,
) -> impl IntoView {
    let lang = crate::domain::language::Lang::marked(written_in).map(|l| l.html_lang());
    view! {
        <dl class="govuk-summary-list">
            {parts
                .into_iter()
                .map(|p| view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{p.label}</dt>
                        <dd class="govuk-summary-list__value app-own-words" lang=lang dir="auto">{p.words}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

#[component]
fn Item(
    item: ViewItem,
    author: String,
    place: String,
    echo: FormEcho,
    /// The view the page shows, so a mark or a response comes back to it.
    query: String,
    /// Whether the response form is open; otherwise a link opens it.
    open: bool,
) -> impl IntoView {
    let id = item.id.to_string();
    let item_tool = item.tool.clone();
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
    let written_on = crate::domain::language::Lang::written_on(item.written_in);
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
                            <Parts parts=v.parts written_in=v.written_in />
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
                <input type="hidden" name="view" value=query.clone() />
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
            <Parts parts=item.parts written_in=item.written_in />
            <p class="govuk-body-s">{attribution} " " {changed} {written_on.map(|w| format!(" {w}"))}</p>
            {history}
            {item.talk.map(|talk| view! { <TalkKindOf entry=id.clone() talk /> })}
            {read}
            {responses}
            {if open {
                view! {
                    <form method="post" class="app-print-hidden">
                        <input type="hidden" name=SERVER_FN_FIELD value=Respond::url() />
                        <input type="hidden" name="entry" value=id.clone() />
                        <input type="hidden" name="view" value=query.clone() />
                        <div class=group>
                            <label class="govuk-label govuk-label--s" for=field_id.clone()>{format!("Respond to {author}")}</label>
                            <div class="govuk-hint" id=format!("{field_id}-hint")>{format!("{author} will see your response, and can say if they disagree.")}</div>
                            {problem.map(|message| view! {
                                <p class="govuk-error-message" id=error_id><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                            })}
                            <textarea class=textarea id=field_id.clone() name="response" rows="3" aria-describedby=described>
                                {textarea_text(typed.clone())}
                            </textarea>
                            <crate::ui::shared::count::CharacterCount field=field_id.clone() max=crate::domain::tools::WORDS_MAX />
                        </div>
                        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Send response"</button>
                    </form>
                }
                .into_any()
            } else {
                view! {
                    <p class="govuk-body app-print-hidden">
                        // A full page load, so the page is drawn again with this form open.
                        <a class="govuk-link" rel="external" href=format!("?{query}&respond={id}#entry-{id}")>
                            {format!("Respond to {author}")}
                            <span class="govuk-visually-hidden">{format!(" about this {}", crate::domain::text::mid_sentence(&item_tool))}</span>
                        </a>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
