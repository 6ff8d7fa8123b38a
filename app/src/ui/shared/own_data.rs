//! "Everything we hold about you": a member's copy of their own data on a page, with the
//! same copy to download as a Word document or as JSON; and the page where a practitioner
//! makes that copy for a member who asks in person.
//!
//! The page shows exactly the copy it was given. It never holds another member's words:
//! the copy is read by the member's own id, and the server decides who may have it.

use crate::api::own_data::{
    OwnData, OwnEntry, made_words, member_to_copy, message_lines, my_data, passkey_words,
    read_mark_words, read_times_words, share_words, sign_in_words,
};
use crate::ui::shared::dates::when;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The signed-in member's own copy.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_data());
    view! {
        <PageTitle text="Your data" />
        {loaded(data, |data, _| view! {
            <h1 class="govuk-heading-l">"Everything we hold about you"</h1>
            <p class="govuk-body">{made_words(&data, &when(data.made_at))}</p>
            <h2 class="govuk-heading-m">"Keep a copy"</h2>
            <p class="govuk-body">
                "Anyone who can open the file can read it. Keep it somewhere only you can reach."
            </p>
            <ul class="govuk-list">
                <li><a class="govuk-link" href="/my-data.docx" download="">"Download as a Word document"</a></li>
                <li><a class="govuk-link" href="/my-data.html" download="">"Download as a web page"</a></li>
                <li><a class="govuk-link" href="/my-data.json" download="">"Download as data for a computer (JSON)"</a></li>
            </ul>
            <OwnDataView data />
        })}
        <p class="govuk-body"><a href="/account" class="govuk-link">"Back to your account"</a></p>
    }
}

/// Where a practitioner makes a member's copy, for them, in person. The page names the
/// member and nothing else of theirs: the copy itself is only in the download, so opening
/// this page shows none of what they kept private.
#[component]
pub fn MemberDataPage() -> impl IntoView {
    let params = use_params_map();
    let ids = move || {
        let params = params.read();
        (
            params.get("family").unwrap_or_default(),
            params.get("member").unwrap_or_default(),
        )
    };
    let name = Resource::new(ids, |(family, member)| member_to_copy(family, member));
    view! {
        <PageTitle text="A copy of a member's data" />
        {loaded(name, move |name, _| {
            let (family, member) = ids();
            let base = format!("/families/{family}/members/{member}/data");
            view! {
                <h1 class="govuk-heading-l">{format!("A copy of everything we hold about {name}")}</h1>
                <p class="govuk-body">
                    {format!("Make this copy only when {name} has asked for it and is with you. Give the file to them, and do not keep a copy yourself.")}
                </p>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        {format!("It holds everything {name} wrote, including what they kept private and any urgent message they sent. Making it is recorded, and {name} will see that you read it.")}
                    </strong>
                </div>
                <p class="govuk-body">"It does not hold what anyone else in the family wrote."</p>
                <ul class="govuk-list">
                    <li><a class="govuk-link" href=format!("{base}.docx") download="">"Download as a Word document"</a></li>
                    <li><a class="govuk-link" href=format!("{base}.html") download="">"Download as a web page"</a></li>
                    <li><a class="govuk-link" href=format!("{base}.json") download="">"Download as data for a computer (JSON)"</a></li>
                </ul>
                <p class="govuk-body"><a href=format!("/families/{family}") class="govuk-link">"Back to the family"</a></p>
            }
        })}
    }
}

/// The copy, section by section, as the Word document has it.
#[component]
pub fn OwnDataView(data: OwnData) -> impl IntoView {
    let messages = match &data.messages {
        None => vec!["You have not chosen to get messages.".to_owned()],
        Some(messages) => message_lines(messages),
    };
    let day = |at: i64| when(at);
    let passkeys: Vec<String> = data
        .passkeys
        .iter()
        .map(|p| passkey_words(p, &day))
        .chain(data.sign_ins.iter().map(|s| sign_in_words(s, &day)))
        .collect();
    view! {
        <h2 class="govuk-heading-m">"About you"</h2>
        <dl class="govuk-summary-list">
            <Row key="Name" value=data.name.clone() />
            <Row key="In the family as" value=data.place.clone() />
            {data.date_of_birth.clone().map(|born| view! { <Row key="Date of birth" value=born /> })}
            <Row key="Family reference" value=data.reference.clone() />
            <Row key="Added to the portal" value=when(data.joined_at) />
        </dl>
        <h2 class="govuk-heading-m">"What you wrote"</h2>
        {if data.entries.is_empty() {
            view! { <p class="govuk-body">"Nothing yet."</p> }.into_any()
        } else {
            data.entries.into_iter().map(|entry| view! { <Entry entry /> }).collect_view().into_any()
        }}
        <h2 class="govuk-heading-m">"Answers you have not finished"</h2>
        {if data.drafts.is_empty() {
            view! { <p class="govuk-body">"None."</p> }.into_any()
        } else {
            data.drafts
                .into_iter()
                .map(|draft| view! {
                    <h3 class="govuk-heading-s">{format!("{}, last changed {}", draft.tool, when(draft.changed_at))}</h3>
                    <dl class="govuk-summary-list">
                        {draft.answers.into_iter().map(|(asked, typed)| view! { <Row key=asked value=typed /> }).collect_view()}
                    </dl>
                })
                .collect_view()
                .into_any()
        }}
        <h2 class="govuk-heading-m">"Who has read what you wrote"</h2>
        {if data.readers.is_empty() {
            view! { <p class="govuk-body">"Nobody else has opened anything you wrote."</p> }.into_any()
        } else {
            data.readers
                .into_iter()
                .map(|reader| view! {
                    <h3 class="govuk-heading-s">{format!("{} ({})", reader.name, reader.role)}</h3>
                    <ul class="govuk-list govuk-list--bullet">
                        {reader.items.into_iter().map(|item| {
                            let times = read_times_words(&item, &when);
                            view! {
                                <li>
                                    {format!("{}: ", item.tool)}
                                    <span class="app-own-words" dir="auto">{item.words}</span>
                                    {times}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
                .collect_view()
                .into_any()
        }}
        <h2 class="govuk-heading-m">"Messages when you are away"</h2>
        {messages.into_iter().map(|line| view! { <p class="govuk-body">{line}</p> }).collect_view()}
        <h2 class="govuk-heading-m">"Your passkeys and sign-ins"</h2>
        {if passkeys.is_empty() {
            view! { <p class="govuk-body">"None."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--bullet">
                    {passkeys.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

#[component]
fn Row(#[prop(into)] key: String, value: String) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value app-own-words" dir="auto">{value}</dd>
        </div>
    }
}

/// One of the member's entries: every version, then what happened to it.
#[component]
fn Entry(entry: OwnEntry) -> impl IntoView {
    let several = entry.versions.len() > 1;
    let day = |at: i64| when(at);
    let happened: Vec<String> = if entry.shares.is_empty() {
        vec!["Shared with nobody.".to_owned()]
    } else {
        entry.shares.iter().map(|s| share_words(s, &day)).collect()
    }
    .into_iter()
    .chain(entry.read_marks.iter().map(|m| read_mark_words(m, &day)))
    .collect();
    view! {
        <div class="app-own-entry">
            <h3 class="govuk-heading-s">{format!("{}, {}", entry.tool, when(entry.written_at))}</h3>
            {entry.versions.into_iter().map(|version| view! {
                {several.then(|| view! {
                    <p class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                        {format!("Version {}, {}", version.version, when(version.written_at))}
                    </p>
                })}
                <dl class="govuk-summary-list govuk-summary-list--no-border">
                    {version.parts.into_iter().map(|part| view! { <Row key=part.label value=part.words /> }).collect_view()}
                </dl>
            }).collect_view()}
            <ul class="govuk-list govuk-body-s">
                {happened.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {entry.responses.into_iter().map(|r| view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s govuk-!-font-weight-bold">{format!("Reply from {} ({}), {}", r.by, r.role, when(r.at))}</p>
                    <p class="govuk-body app-own-words">{r.words}</p>
                    {r.disagreements.into_iter().map(|d| view! {
                        <p class="govuk-body-s govuk-!-font-weight-bold">{format!("What you said against it, {}", when(d.at))}</p>
                        <p class="govuk-body app-own-words" dir="auto">{d.words}</p>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </div>
    }
}

/// The copy as a web page of its own, to keep: the same sections as the page, with its
/// few styles inside it, and no script or address it needs from the portal, so it opens
/// the same on any device, years later.
#[cfg(feature = "ssr")]
pub fn standalone(data: OwnData, zone: crate::domain::time::TimeZone) -> String {
    let title = format!("Everything we hold about {}", data.name);
    let intro = made_words(&data, &zone.day(data.made_at));
    let owner = Owner::new();
    let body = owner
        .with(|| {
            provide_context(zone);
            view! { <OwnDataView data /> }.to_html()
        })
        // The framework's markers for hydration, which a page that never runs script has no
        // use for. Everyone's words are escaped, so none of theirs can look like one.
        .replace("<!>", "");
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STANDALONE_STYLE}</style></head>\
         <body><main><h1>{title}</h1><p>{intro}</p>{body}</main></body></html>",
        title = escape(&title),
        intro = escape(&intro),
    )
}

/// Text safe inside HTML.
#[cfg(feature = "ssr")]
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Plain, readable styles for the kept page: large enough type, a readable line length,
/// and the summary lists as label over answer.
#[cfg(feature = "ssr")]
const STANDALONE_STYLE: &str = "body{font-family:Arial,sans-serif;font-size:19px;\
    line-height:1.5;color:#0b0c0c;margin:0 auto;padding:15px;max-width:40em}\
    dt{font-weight:bold;margin-top:10px}dd{margin:0 0 10px 0}\
    .govuk-summary-list__row{border-bottom:1px solid #b1b4b6}\
    .govuk-inset-text{border-left:5px solid #b1b4b6;padding-left:15px}\
    .app-own-words{white-space:pre-wrap}";
