//! "Everything we hold about you": a member's copy of their own data on a page, with the
//! same copy to download as a Word document or as JSON; and the page where a practitioner
//! makes that copy for a member who asks in person.
//!
//! The page shows exactly the copy it was given. It never holds another member's words:
//! the copy is read by the member's own id, and the server decides who may have it.
//!
//! The member's page is in their language; what they wrote, and people's names, are
//! shown exactly as written. The practitioner's page is a staff page, in English, and so
//! is the web page kept as a download, which is drawn with no reader.

#[cfg(feature = "ssr")]
use crate::api::own_data::made_words;
use crate::api::own_data::{
    OwnData, OwnEntry, OwnMessages, OwnPasskey, OwnShare, member_to_copy, my_data,
};
use crate::domain::flows::Question;
use crate::domain::language::Lang;
use crate::ui::i18n::{has, lang, stage_words, t, t_with, tr};
use crate::ui::shared::dates::when;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The signed-in member's own copy, in their language; what they wrote is shown as written.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_data());
    view! {
        <PageTitle text=t("own-title") />
        {loaded(data, |data, _| view! {
            <h1 class="govuk-heading-l">{t("own-heading")}</h1>
            <p class="govuk-body">{made(&data)}</p>
            <h2 class="govuk-heading-m">{t("own-keep")}</h2>
            <p class="govuk-body">{t("own-keep-lead")}</p>
            <ul class="govuk-list">
                <li><a class="govuk-link" href="/my-data.docx" download="">{t("own-download-word")}</a></li>
                <li><a class="govuk-link" href="/my-data.html" download="">{t("own-download-web")}</a></li>
                <li><a class="govuk-link" href="/my-data.json" download="">{t("own-download-json")}</a></li>
            </ul>
            <OwnDataView data />
        })}
        <p class="govuk-body"><a href="/account" class="govuk-link">{t("own-back")}</a></p>
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

/// The copy, section by section, as the Word document has it, in the reader's language
/// (English where there is no reader, as in the kept web page).
#[component]
pub fn OwnDataView(data: OwnData) -> impl IntoView {
    let messages = match &data.messages {
        None => vec![t("own-no-messages-chosen").into_any()],
        Some(messages) => message_lines(messages),
    };
    let passkeys: Vec<String> = data
        .passkeys
        .iter()
        .map(passkey_words)
        .chain(data.sign_ins.iter().map(|s| {
            t_with(
                "own-signed-in",
                &[
                    ("day", &when(s.started_at)),
                    ("used", &when(s.last_seen_at)),
                ],
            )
        }))
        .collect();
    view! {
        <h2 class="govuk-heading-m">{t("own-about-you")}</h2>
        <dl class="govuk-summary-list">
            <Row key=t("own-name") value=data.name.clone() />
            <Row key=t("own-place") value=portal_words(&data.place) portal=true />
            {data.date_of_birth.clone().map(|born| view! { <Row key=t("own-born") value=born /> })}
            <Row key=t("own-reference") value=data.reference.clone() />
            <Row key=t("own-joined") value=when(data.joined_at) portal=true />
        </dl>
        <h2 class="govuk-heading-m">{t("own-wrote")}</h2>
        {if data.entries.is_empty() {
            view! { <p class="govuk-body">{t("own-nothing")}</p> }.into_any()
        } else {
            data.entries.into_iter().map(|entry| view! { <Entry entry /> }).collect_view().into_any()
        }}
        <h2 class="govuk-heading-m">{t("own-unfinished")}</h2>
        {if data.drafts.is_empty() {
            view! { <p class="govuk-body">{t("own-none")}</p> }.into_any()
        } else {
            data.drafts
                .into_iter()
                .map(|draft| view! {
                    <h3 class="govuk-heading-s">
                        {t_with("own-draft-changed", &[("tool", &portal_words(&draft.tool)), ("day", &when(draft.changed_at))])}
                    </h3>
                    <dl class="govuk-summary-list">
                        {draft.answers.into_iter().map(|(asked, typed)| view! { <Row key=portal_words(&asked) value=typed /> }).collect_view()}
                    </dl>
                })
                .collect_view()
                .into_any()
        }}
        <h2 class="govuk-heading-m">{t("own-readers")}</h2>
        {if data.readers.is_empty() {
            view! { <p class="govuk-body">{t("own-no-readers")}</p> }.into_any()
        } else {
            data.readers
                .into_iter()
                .map(|reader| view! {
                    <h3 class="govuk-heading-s">
                        {with_own("own-reader", ("name", &reader.name), &[("role", &portal_words(&reader.role))])}
                    </h3>
                    <ul class="govuk-list govuk-list--bullet">
                        {reader.items.into_iter().map(|item| {
                            let times = t_with(
                                if item.times == 1 { "own-read-once" } else { "own-read-times" },
                                &[
                                    ("first", &when(item.first_at)),
                                    ("last", &when(item.last_at)),
                                    ("times", &item.times.to_string()),
                                ],
                            );
                            view! {
                                <li>
                                    {format!("{}: ", portal_words(&item.tool))}
                                    <span class="app-own-words" dir="auto">{item.words}</span>
                                    {format!(" {times}")}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
                .collect_view()
                .into_any()
        }}
        <h2 class="govuk-heading-m">{t("own-messages")}</h2>
        {messages.into_iter().map(|line| view! { <p class="govuk-body">{line}</p> }).collect_view()}
        <h2 class="govuk-heading-m">{t("own-passkeys")}</h2>
        {if passkeys.is_empty() {
            view! { <p class="govuk-body">{t("own-none")}</p> }.into_any()
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

/// A row of the copy: `value` is what the member wrote or what is held as they gave it,
/// shown as written; or, with `portal`, the portal's own words for it.
#[component]
fn Row(#[prop(into)] key: String, value: String, #[prop(optional)] portal: bool) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            {if portal {
                view! { <dd class="govuk-summary-list__value">{value}</dd> }.into_any()
            } else {
                view! { <dd class="govuk-summary-list__value app-own-words" dir="auto">{value}</dd> }
                    .into_any()
            }}
        </div>
    }
}

/// One of the member's entries: every version, then what happened to it.
#[component]
fn Entry(entry: OwnEntry) -> impl IntoView {
    let several = entry.versions.len() > 1;
    let mut happened: Vec<AnyView> = if entry.shares.is_empty() {
        vec![t("own-shared-nobody").into_any()]
    } else {
        entry.shares.iter().map(share_words).collect()
    };
    happened.extend(
        entry
            .read_marks
            .iter()
            .map(|m| with_own("own-marked-read", ("name", &m.by), &[("day", &when(m.at))])),
    );
    let tool = portal_words(&entry.tool);
    view! {
        <div class="app-own-entry">
            <h3 class="govuk-heading-s">{t_with("own-entry", &[("tool", &tool), ("day", &when(entry.written_at))])}</h3>
            {entry.versions.into_iter().map(|version| view! {
                {several.then(|| view! {
                    <p class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                        {t_with("own-version", &[("version", &version.version.to_string()), ("day", &when(version.written_at))])}
                    </p>
                })}
                <dl class="govuk-summary-list govuk-summary-list--no-border">
                    {version.parts.into_iter().map(|part| {
                        let (value, portal) = part_words(&part.label, part.words);
                        view! { <Row key=portal_words(&part.label) value portal /> }
                    }).collect_view()}
                </dl>
            }).collect_view()}
            <ul class="govuk-list govuk-body-s">
                {happened.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {entry.responses.into_iter().map(|r| view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s govuk-!-font-weight-bold">
                        {with_own("own-reply", ("name", &r.by), &[("role", &portal_words(&r.role)), ("day", &when(r.at))])}
                    </p>
                    <p class="govuk-body app-own-words" dir="auto">{r.words}</p>
                    {r.disagreements.into_iter().map(|d| view! {
                        <p class="govuk-body-s govuk-!-font-weight-bold">{t_with("own-said-against", &[("day", &when(d.at))])}</p>
                        <p class="govuk-body app-own-words" dir="auto">{d.words}</p>
                    }).collect_view()}
                </div>
            }).collect_view()}
        </div>
    }
}

/// What the copy is, who made it and when.
fn made(data: &OwnData) -> AnyView {
    let day = when(data.made_at);
    match &data.made_by {
        Some(by) => with_own("own-made-by", ("name", by), &[("day", &day)]),
        None => t_with("own-made-self", &[("day", &day)]).into_any(),
    }
}

/// One share of an entry, such as "Shared with your workers on 3 May 2026; stopped on
/// 9 May 2026."
fn share_words(share: &OwnShare) -> AnyView {
    let day = when(share.shared_at);
    let stopped = share.stopped_at.map(when);
    match (&share.with, stopped) {
        (None, None) => t_with("own-shared-workers", &[("day", &day)]).into_any(),
        (None, Some(stopped)) => t_with(
            "own-shared-workers-stopped",
            &[("day", &day), ("stopped", &stopped)],
        )
        .into_any(),
        (Some(name), None) => with_own("own-shared-with", ("name", name), &[("day", &day)]),
        (Some(name), Some(stopped)) => with_own(
            "own-shared-with-stopped",
            ("name", name),
            &[("day", &day), ("stopped", &stopped)],
        ),
    }
}

/// A passkey, when it was added, last used and removed.
fn passkey_words(passkey: &OwnPasskey) -> String {
    let (used, removed) = (passkey.last_used_at.map(when), passkey.removed_at.map(when));
    let key = match (&used, &removed) {
        (None, None) => "own-passkey",
        (Some(_), None) => "own-passkey-used",
        (None, Some(_)) => "own-passkey-removed",
        (Some(_), Some(_)) => "own-passkey-used-removed",
    };
    t_with(
        key,
        &[
            ("name", &passkey.label),
            ("day", &when(passkey.added_at)),
            ("used", used.as_deref().unwrap_or_default()),
            ("gone", removed.as_deref().unwrap_or_default()),
        ],
    )
}

/// The member's message choices, a line each: their own email address and number shown
/// as they gave them.
fn message_lines(messages: &OwnMessages) -> Vec<AnyView> {
    let mut lines = Vec::new();
    if let Some(email) = &messages.email {
        lines.push(with_own("own-email", ("email", email), &[]));
    }
    if let Some(mobile) = &messages.mobile {
        lines.push(with_own("own-mobile", ("mobile", mobile), &[]));
    }
    lines.push(t_with("own-every-message", &[("sentence", &messages.sentence)]).into_any());
    if messages.about.is_empty() {
        lines.push(t("own-no-messages-now").into_any());
    }
    for about in &messages.about {
        lines.push(t_with("own-message-about", &[("about", &message_about(about))]).into_any());
    }
    lines
}

/// What a member is sent a message about, which the copy holds in English ("When a new
/// code is made for you"), in the reader's words, to follow "You get a message:".
fn message_about(english: &str) -> String {
    let english = lower_first(english);
    let reminders = crate::domain::notices::DAYS
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let said = tr(Lang::En, "own-about-reminder", &[("day", day)]);
            let key = format!("own-day-{}", i + 1);
            (said, t_with("own-about-reminder", &[("day", &t(&key))]))
        });
    ["own-about-reply", "own-about-code"]
        .into_iter()
        .map(|key| (tr(Lang::En, key, &[]), t(key)))
        .chain(reminders)
        .find(|(said, _)| *said == english)
        .map_or(english, |(_, words)| words)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One of the portal's own names that the copy holds in English (a question's short
/// name, a tool, a job, a place in the family), in the reader's language where the
/// portal has words for it; anything else as it is.
fn portal_words(english: &str) -> String {
    if lang() == Lang::En {
        return english.to_owned();
    }
    portal_key(english).map_or_else(|| english.to_owned(), |key| t(&key))
}

/// The message whose English is `english`, among the portal's names the copy can hold.
fn portal_key(english: &str) -> Option<String> {
    use crate::domain::entries::EntryKind;
    use crate::domain::flows::Flow;
    use crate::domain::people::{MemberKind, StaffRole};
    let places =
        [MemberKind::ParentCarer, MemberKind::Child].map(|k| format!("own-place-{}", k.code()));
    let roles = StaffRole::ALL.map(|r| format!("own-role-{}", r.code()));
    let tools = EntryKind::ALL.map(|k| format!("own-tool-{}", k.code()));
    let drafts = Flow::ALL.map(|f| format!("own-draft-{}", f.code()));
    let parts = [
        "share",
        "page",
        "alert",
        "house",
        "feel",
        "because",
        "pictures",
        "own-words",
        "with",
    ]
    .map(|p| format!("own-part-{p}"));
    let questions = Flow::ALL
        .into_iter()
        .flat_map(|flow| flow.questions().iter().map(move |q| question_key(flow, q)));
    places
        .into_iter()
        .chain(roles)
        .chain(tools)
        .chain(drafts)
        .chain(parts)
        .chain(questions)
        .find(|key| has(Lang::En, key) && tr(Lang::En, key, &[]) == english)
}

/// The `.short` of a tool's question: how its answer is named.
fn question_key(flow: crate::domain::flows::Flow, question: &Question) -> String {
    format!(
        "{}.short",
        crate::ui::family::flows::question_key(flow, question)
    )
}

/// What a part of an entry holds, and whether it is the portal's words rather than the
/// member's: a stage of change, or a score "out of 10", is shown in the reader's
/// language; anything the member wrote, exactly as written.
fn part_words(label: &str, words: String) -> (String, bool) {
    use crate::domain::flows::{AnswerKind, Flow};
    if lang() == Lang::En {
        return (words, false);
    }
    let question = Flow::ALL
        .into_iter()
        .flat_map(|flow| flow.questions().iter())
        .find(|q| q.short == label);
    match question {
        Some(q) if q.kind == AnswerKind::Score => {
            match words
                .strip_suffix(" out of 10")
                .filter(|n| n.parse::<u8>().is_ok())
            {
                Some(n) => (t_with("score-out-of-ten", &[("score", n)]), true),
                None => (words, false),
            }
        }
        Some(q) if q.kind == AnswerKind::Stage => (stage_words(&words), true),
        _ => (words, false),
    }
}

/// A sentence in the reader's language with something of the member's in it as written
/// (a name, an email address): that part in an element of its own, `dir="auto"`, so it
/// keeps its own direction whatever the page's.
fn with_own(key: &str, own: (&str, &str), args: &[(&str, &str)]) -> AnyView {
    // A character no message holds, put where the member's words go, then cut out.
    const MARK: &str = "\u{E000}";
    let (name, words) = own;
    let mut all = args.to_vec();
    all.push((name, MARK));
    // The isolation marks Fluent puts around it: the element isolates the words itself.
    let text = t_with(key, &all).replace(&format!("\u{2068}{MARK}\u{2069}"), MARK);
    match text.split_once(MARK) {
        Some((before, after)) => {
            let some = |part: &str| (!part.is_empty()).then(|| part.to_owned());
            let (before, after, words) = (some(before), some(after), words.to_owned());
            view! { {before} <span class="app-own-words" dir="auto">{words}</span> {after} }
                .into_any()
        }
        None => text.into_any(),
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
