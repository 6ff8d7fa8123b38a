//! Module 8, "Comments and views", on the server: what a family shared with its workers,
//! verbatim and attributed, with what practitioners did with it.
//!
//! Every read goes through the policy and is audited in its transaction, naming each entry
//! shown, so "who has seen what I wrote" and the withdrawal marker count it. Every mark,
//! response and disagreement is added in the audited transaction that checks it is allowed.
//! Anything not allowed answers exactly as something that is not there.

use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor};
use crate::backend::store::entries::kind_suggestions;
use crate::backend::store::identity::{EntryWithFacts, entry_family, family_entries, family_facts};
use crate::backend::store::people::MemberRow;
use crate::backend::store::views::{
    SharedFilter, SharedVersion, add_disagreement, add_read_mark, add_response, read_marks,
    response_entry, responses, shared_count, shared_entries, shared_versions,
};
use crate::backend::store::{
    AuditRecord, AuditedTx, Conn, Outcome, Store, StoreError, Who, people,
};
use crate::domain::child::Said;
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::ids::{EntryId, FamilyId, MemberId};
use crate::domain::language::Lang;
use crate::domain::meeting::MeetingWords;
use crate::domain::people::MemberKind;
use crate::domain::tools::{TalkKind, Words};
use crate::dto::AppError;
use crate::dto::family::{SuggestedKind, TalkView};
use crate::dto::pack::{AboutView, TheirWords};
use crate::dto::views::{
    DisagreeView, MemberViews, Module8View, Part, Period, ReadView, ResponseView, VersionView,
    ViewFilter, ViewItem,
};

/// An entry's content as labelled parts, each in the member's own words, with the same
/// labels the member saw when they answered ("Why it matters to me"). `written_in` is
/// the language of the pages it was written on, where it is known: something said with
/// a starter reads as one sentence in English ("I want to ring the school"), but on
/// pages in another language the starter the member saw was in that language, so the
/// English starter is named in the label instead of being joined to their words.
pub fn parts(body: &EntryBody, written_in: Option<Lang>) -> Vec<Part> {
    let part = |label: &str, words: String| Part {
        label: label.to_owned(),
        words,
    };
    match body {
        EntryBody::Goal(_) | EntryBody::CheckIn(_) => body
            .answers()
            .into_iter()
            .map(|(label, words)| part(label, words))
            .collect(),
        EntryBody::Stage(s) => vec![part("Where I am with it", s.stage.label().to_owned())],
        EntryBody::ChangeTalk(t) => match (t.kind, Lang::marked(written_in)) {
            (Some(kind), Some(lang)) => vec![part(
                &format!(
                    "What I want to say (starter \u{201c}{}\u{201d}, shown to them in {})",
                    kind.starter(),
                    lang.english_name()
                ),
                t.text.as_str().to_owned(),
            )],
            _ => vec![part("What I want to say", t.sentence())],
        },
        EntryBody::SafetyAlert(a) => vec![part("What they wrote", a.text.clone())],
        // A child's words and pictures, with who was with them when they recorded.
        EntryBody::HouseItem(h) => {
            let mut parts = said_parts(&h.said, &part);
            parts.insert(0, part("Three Houses", h.house.title().to_owned()));
            with_present(parts, h.present.clone(), &part)
        }
        EntryBody::Feeling(f) => {
            let mut parts = vec![part("How I feel", f.face.word().to_owned())];
            if let Some(because) = &f.because {
                parts.push(part("Because", because.as_str().to_owned()));
            }
            with_present(parts, f.present.clone(), &part)
        }
        EntryBody::WorkerKnow(n) | EntryBody::ImportantPerson(n) => {
            let mut parts = said_parts(&n.said, &part);
            parts.insert(0, part("Page", body.kind().tool_name().to_owned()));
            with_present(parts, n.present.clone(), &part)
        }
        EntryBody::AboutMe(about) => {
            let mut parts = vec![part("Page", body.kind().tool_name().to_owned())];
            parts.extend(
                about
                    .answers()
                    .into_iter()
                    .map(|(label, words)| part(label, words)),
            );
            with_present(parts, about.present.clone(), &part)
        }
        EntryBody::ForMeeting(MeetingWords { said, .. })
        | EntryBody::OnPlan(MeetingWords { said, .. })
        | EntryBody::GoodNews(said) => {
            let mut parts = vec![part("Page", body.kind().tool_name().to_owned())];
            if !said.symbols.is_empty() {
                let words: Vec<&str> = said.symbols.iter().map(|s| s.word()).collect();
                parts.push(part("Pictures chosen", words.join(", ")));
            }
            if let Some(words) = &said.words {
                parts.push(part("In their own words", words.as_str().to_owned()));
            }
            with_present(parts, said.present.clone(), &part)
        }
    }
}

/// Each member's newest "About me" among `readable` (what the reader may read), in the
/// family's order of members.
pub(crate) fn newest_about_me<'a>(
    readable: &'a [EntryWithFacts],
    members: &[MemberRow],
) -> Vec<&'a EntryWithFacts> {
    members
        .iter()
        .filter_map(|m| {
            readable
                .iter()
                .filter(|e| e.kind() == EntryKind::AboutMe && e.facts.author == m.id)
                .max_by_key(|e| e.created_at)
        })
        .collect()
}

/// Profiles as pages show them: attributed, answer by answer.
pub(crate) fn about_views(about: &[&EntryWithFacts], members: &[MemberRow]) -> Vec<AboutView> {
    about
        .iter()
        .map(|e| {
            let author = members.iter().find(|m| m.id == e.facts.author);
            AboutView {
                member: author.map(|m| m.name.clone()).unwrap_or_default(),
                by_child: author.is_some_and(|m| m.kind == MemberKind::Child),
                at: e.created_at,
                parts: parts(&e.body, e.written_in)
                    .into_iter()
                    .filter(|p| p.label != "Page")
                    .collect(),
                written_in: e.written_in,
            }
        })
        .collect()
}

/// What a member said for their team's meeting (`kind` is `ForMeeting`), as good news
/// (`GoodNews`) or about the plan they were told of (`OnPlan`), attributed by name; `None`
/// for an entry of any other kind.
pub(crate) fn their_words(
    e: &EntryWithFacts,
    members: &[MemberRow],
    kind: EntryKind,
) -> Option<TheirWords> {
    let answer = match (&e.body, kind) {
        (EntryBody::ForMeeting(MeetingWords { said, .. }), EntryKind::ForMeeting) => said,
        (EntryBody::GoodNews(said), EntryKind::GoodNews) => said,
        (EntryBody::OnPlan(MeetingWords { said, .. }), EntryKind::OnPlan) => said,
        _ => return None,
    };
    let author = members.iter().find(|m| m.id == e.facts.author);
    Some(TheirWords {
        member: author.map(|m| m.name.clone()).unwrap_or_default(),
        by_child: author.is_some_and(|m| m.kind == MemberKind::Child),
        at: e.created_at,
        pictures: answer.symbols.iter().map(|s| s.word().to_owned()).collect(),
        words: answer.words.as_ref().map(|w| w.as_str().to_owned()),
        present: answer.present.clone(),
        written_in: e.written_in,
    })
}

/// A child's pictures (by their words) and own words, as parts.
fn said_parts(said: &Said, part: &impl Fn(&str, String) -> Part) -> Vec<Part> {
    let mut parts = Vec::new();
    if !said.symbols.is_empty() {
        let words: Vec<&str> = said.symbols.iter().map(|s| s.word()).collect();
        parts.push(part("Pictures chosen", words.join(", ")));
    }
    if let Some(words) = &said.words {
        parts.push(part("In their own words", words.as_str().to_owned()));
    }
    parts
}

/// Adds who was with the child when they recorded, if anyone was.
fn with_present(
    mut parts: Vec<Part>,
    present: Option<String>,
    part: &impl Fn(&str, String) -> Part,
) -> Vec<Part> {
    if let Some(present) = present {
        parts.push(part("Recorded with", format!("{present} present")));
    }
    parts
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Module 8 for one family, for a member of staff who works with it: the part `filter`
/// asks for, narrowed by the database, with a count of what it leaves out.
pub async fn module_8(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    filter: &ViewFilter,
    reading: crate::backend::Reading,
) -> Result<Module8View, AppError> {
    let action = match reading {
        crate::backend::Reading::Page => "read_module8",
        crate::backend::Reading::Export => "export_module8",
    };
    let (audited, facts) =
        crate::backend::family::open_for_staff(store.begin_read().await?, session, family, action)
            .await?;
    let (audited, view, ids) =
        module_8_in(audited, &session.actor, &facts, filter, None, store.now()).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            action,
            Some(family),
            Some(family.to_string()),
            Outcome::Allowed,
            ids.join(","),
        ))
        .await?;
    Ok(view)
}

/// Module 8 for a family the policy let `actor` open (`facts`), read in `audited`, with
/// only what was written, shared or changed after `changed_since` if that is given: the
/// view, and the ids of the entries it shows, for the caller's audit row. A practitioner
/// on the page and a case system through the API read it through this one function.
pub(crate) async fn module_8_in(
    mut audited: AuditedTx,
    actor: &Actor,
    facts: &policy::FamilyFacts,
    filter: &ViewFilter,
    changed_since: Option<i64>,
    now: i64,
) -> Result<(AuditedTx, Module8View, Vec<String>), AppError> {
    let family = facts.id;
    let header = people::family_header(&mut audited.tx, family).await?;
    // Parents and carers first, then children, each by name: the order the Workbook uses.
    let mut members = people::members_of(&mut audited.tx, family).await?;
    members.sort_by_cached_key(|m| {
        (
            m.kind != MemberKind::ParentCarer,
            m.name.clone(),
            m.id.to_string(),
        )
    });
    let last_supervision =
        crate::backend::supervision::last_held(&mut audited.tx, family, now).await?;
    let since = match filter.period {
        Period::SinceSupervision => last_supervision,
        Period::All => None,
        period => period.days().map(|days| now - days * DAY_MS),
    };
    let narrowed = SharedFilter {
        since,
        author: filter.member,
        kind: filter.tool,
        unread_by: match (actor, filter.unread) {
            (Actor::Staff { staff, .. }, true) => Some(*staff),
            _ => None,
        },
        changed_since,
    };
    let shown: Vec<EntryWithFacts> = shared_entries(&mut audited.tx, family, &narrowed)
        .await?
        .into_iter()
        .filter(|e| e.kind() != EntryKind::SafetyAlert)
        .filter(|e| policy::may_read_entry(actor, facts, &e.facts))
        .collect();
    let hidden = shared_count(&mut audited.tx, family)
        .await?
        .saturating_sub(u64::try_from(shown.len()).unwrap_or(u64::MAX));
    let suggestions = kind_suggestions(&mut audited.tx, family).await?;
    let marks = read_marks(&mut audited.tx, family).await?;
    let said_back = responses(&mut audited.tx, family).await?;
    let all_versions = shared_versions(&mut audited.tx, family, &narrowed).await?;

    // Grouped once, so each item finds its versions without a scan of all of them.
    let mut by_entry: std::collections::HashMap<&str, Vec<&SharedVersion>> =
        std::collections::HashMap::new();
    for v in &all_versions {
        by_entry.entry(v.entry.as_str()).or_default().push(v);
    }
    let item = |e: &EntryWithFacts| {
        let id = e.id.to_string();
        let mine: Vec<&SharedVersion> = by_entry.get(id.as_str()).cloned().unwrap_or_default();
        let changed_at = mine.last().map_or(e.created_at, |v| v.written_at);
        ViewItem {
            id: e.id,
            tool: e.kind().tool_name().to_owned(),
            written_at: e.created_at,
            version: e.version,
            changed_at,
            parts: parts(&e.body, e.written_in),
            written_in: e.written_in,
            talk: talk(e, &suggestions),
            read: marks
                .iter()
                .rev()
                .find(|m| m.entry == e.id)
                .map(|m| ReadView {
                    by: m.by.clone(),
                    at: m.at,
                }),
            responses: said_back
                .iter()
                .filter(|r| r.entry == e.id)
                .map(response_view)
                .collect(),
            history: mine
                .iter()
                .filter(|v| v.version < e.version)
                .map(|v| VersionView {
                    version: v.version,
                    at: v.written_at,
                    parts: parts(&v.body, v.written_in),
                    written_in: v.written_in,
                })
                .collect(),
        }
    };
    let members: Vec<MemberViews> = members
        .into_iter()
        .map(|m| MemberViews {
            id: m.id,
            name: m.name,
            place: m.kind.title().to_owned(),
            items: shown
                .iter()
                .filter(|e| e.facts.author == m.id)
                .map(item)
                .collect(),
        })
        .collect();
    let ids: Vec<String> = shown.iter().map(|e| e.id.to_string()).collect();
    let view = Module8View {
        family,
        reference: header.reference,
        display_name: header.display_name,
        members,
        filter: filter.clone(),
        last_supervision,
        hidden,
    };
    Ok((audited, view, ids))
}

fn response_view(r: &crate::backend::store::views::Response) -> ResponseView {
    ResponseView {
        id: r.id.clone(),
        by: r.by.clone(),
        role: r.role.clone(),
        words: r.words.clone(),
        at: r.at,
        disagreements: r
            .disagreements
            .iter()
            .map(|d| DisagreeView {
                by: d.by.clone(),
                words: d.words.clone(),
                at: d.at,
            })
            .collect(),
    }
}

/// For change talk: the member's own kind, and the latest practitioner's suggestion.
pub fn talk(
    entry: &EntryWithFacts,
    suggestions: &[crate::backend::store::entries::KindSuggestion],
) -> Option<TalkView> {
    let EntryBody::ChangeTalk(said) = &entry.body else {
        return None;
    };
    Some(TalkView {
        chosen: said.kind.map(|k| k.name().to_owned()),
        suggested: suggestions
            .iter()
            .rev()
            .find(|s| s.entry == entry.id)
            .map(|s| SuggestedKind {
                kind: TalkKind::parse_optional(&s.kind)
                    .ok()
                    .flatten()
                    .map_or_else(|| s.kind.clone(), |k| k.name().to_owned()),
                by: s.by.clone(),
                at: s.at,
            }),
    })
}

/// The entry, with its family's facts, if this member of staff may work on it (mark it
/// read, respond, suggest a kind). Otherwise the transaction is ended as refused.
async fn workable(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
    action: &'static str,
) -> Result<(AuditedTx, FamilyId, crate::domain::ids::StaffId, MemberId), AppError> {
    let mut audited = store.begin_audited().await?;
    let found = match entry_family(&mut audited.tx, id).await? {
        None => None,
        Some(family) => {
            let facts = family_facts(&mut audited.tx, family).await?;
            let entries = family_entries(&mut audited.tx, family).await?;
            match (facts, entries.iter().find(|e| e.id == id), &session.actor) {
                (Some(facts), Some(entry), Actor::Staff { staff, .. })
                    if entry.kind() != EntryKind::SafetyAlert
                        && policy::may_work_on_entry(&session.actor, &facts, &entry.facts) =>
                {
                    Some((family, *staff, entry.facts.author))
                }
                _ => None,
            }
        }
    };
    match found {
        Some((family, staff, author)) => Ok((audited, family, staff, author)),
        None => Err(policy::refuse(
            audited,
            &session.actor,
            action,
            Some(id.to_string()),
            "not found or not permitted",
        )
        .await),
    }
}

pub async fn mark_read(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
) -> Result<FamilyId, AppError> {
    let (mut audited, family, staff, _) = workable(store, session, id, "mark_read").await?;
    let at = audited.now();
    add_read_mark(&mut audited.tx, id, staff, at).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "mark_read",
            Some(family),
            Some(id.to_string()),
            Outcome::Allowed,
            "",
        ))
        .await?;
    Ok(family)
}

/// A practitioner's response to what a member shared. If the member chose messages about
/// responses, one is queued in the same transaction: their chosen neutral sentence,
/// never the response.
pub async fn respond(
    services: &crate::backend::Services,
    session: &CurrentSession,
    id: EntryId,
    words: &Words,
) -> Result<FamilyId, AppError> {
    let (mut audited, family, staff, author) =
        workable(&services.store, session, id, "respond").await?;
    let at = audited.now();
    let response = add_response(
        &mut audited.tx,
        id,
        staff,
        session.actor.name(),
        session.actor.role_title(),
        words.as_str(),
        at,
    )
    .await?;
    let told = crate::backend::notices::tell_member(
        &mut audited.tx,
        &services.brand.service_name,
        author,
        crate::domain::notices::Trigger::Response,
        &response,
        at,
    )
    .await?;
    audited
        .finish_with(
            AuditRecord::new(
                &Who::actor(&session.actor),
                "respond",
                Some(family),
                Some(id.to_string()),
                Outcome::Allowed,
                format!("response {response}"),
            ),
            told,
        )
        .await?;
    Ok(family)
}

/// A member's "I disagree" beside a response to their own entry. A response to anyone
/// else's entry, or one that does not exist, is not found.
pub async fn disagree(
    store: &Store,
    session: &CurrentSession,
    response: &str,
    words: &Words,
) -> Result<EntryId, AppError> {
    let mut audited = store.begin_audited().await?;
    let entry = response_entry(&mut audited.tx, response).await?;
    let own = match (entry, &session.actor) {
        (Some(entry), Actor::Member { member, family, .. }) => {
            let entries = family_entries(&mut audited.tx, *family).await?;
            entries
                .iter()
                .find(|e| e.id == entry && policy::is_author(&session.actor, &e.facts))
                .map(|e| (e.id, *family, *member))
        }
        _ => None,
    };
    let Some((entry, family, member)) = own else {
        // Whatever was sent goes into the trail only if it is an id: never free text.
        let sent = uuid::Uuid::parse_str(response)
            .map_or_else(|_| "not an id".to_owned(), |id| id.to_string());
        return Err(policy::refuse(
            audited,
            &session.actor,
            "disagree",
            Some(sent),
            "not found or not permitted",
        )
        .await);
    };
    let at = audited.now();
    add_disagreement(&mut audited.tx, response, member, words.as_str(), at).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "disagree",
            Some(family),
            Some(entry.to_string()),
            Outcome::Allowed,
            format!("with response {response}"),
        ))
        .await?;
    Ok(entry)
}

/// The responses to one of the member's own entries, for them to read. Part of the
/// caller's audited read of that entry.
pub async fn responses_to(
    conn: &mut Conn,
    family: FamilyId,
    entry: EntryId,
) -> Result<Vec<ResponseView>, StoreError> {
    Ok(responses(conn, family)
        .await?
        .iter()
        .filter(|r| r.entry == entry)
        .map(response_view)
        .collect())
}
