//! A copy of everything the portal holds about one family member, for a subject access
//! request (UK GDPR article 15): their own entries with every version, whom they shared
//! each with, their workers' responses and "read" marks, what they said against a
//! response, answers they have not finished, who has read their words, how they get
//! messages, and their passkeys and sign-ins.
//!
//! Only the member's own words and what was said or done about them: never another
//! member's words. Plain data: the page, the Word document and the JSON download are all
//! drawn from this one value.

use crate::domain::ids::{EntryId, FamilyId, MemberId};
use crate::dto::family::SeenBy;
use crate::dto::views::{Part, ResponseView};
use serde::{Deserialize, Serialize};

/// Everything held about one member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnData {
    pub member: MemberId,
    pub family: FamilyId,
    /// The member's name as the portal holds it.
    pub name: String,
    /// "Parent or carer", "Child or young person".
    pub place: String,
    /// As the practitioner entered it (a child's, to choose their screens).
    pub date_of_birth: Option<String>,
    /// The council's reference for the family.
    pub reference: String,
    pub joined_at: i64,
    /// When this copy was made.
    pub made_at: i64,
    /// Who made it, when a practitioner made it for the member in person; `None` when the
    /// member made it themselves.
    pub made_by: Option<String>,
    /// Whether urgent alerts the member raised are in it. A copy the member makes on
    /// their own phone leaves them out, as their own pages do, because a file on a phone
    /// can be found by someone else; a practitioner's copy made in person has them.
    pub has_alerts: bool,
    /// Oldest first.
    pub entries: Vec<OwnEntry>,
    pub drafts: Vec<OwnDraft>,
    /// Who has read the member's words, most recent reader first.
    pub readers: Vec<SeenBy>,
    pub messages: Option<OwnMessages>,
    pub passkeys: Vec<OwnPasskey>,
    pub sign_ins: Vec<OwnSignIn>,
}

impl OwnData {
    /// How many versions the copy holds, across every entry.
    pub fn versions(&self) -> usize {
        self.entries.iter().map(|e| e.versions.len()).sum()
    }
}

/// One of the member's entries, every version of it, and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnEntry {
    pub id: EntryId,
    /// The tool it came from, such as "Goal".
    pub tool: String,
    pub written_at: i64,
    /// Oldest first: version 1 is what was first written.
    pub versions: Vec<OwnVersion>,
    /// Each time it was shared, oldest first, and when that share was stopped.
    pub shares: Vec<OwnShare>,
    /// When a worker marked it read.
    pub read_marks: Vec<crate::dto::views::ReadView>,
    /// Workers' responses, each with what the member said against it.
    pub responses: Vec<ResponseView>,
}

/// One version exactly as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnVersion {
    pub version: i64,
    pub written_at: i64,
    /// The version's questions and answers, as the member's pages show them.
    pub parts: Vec<Part>,
    /// The version exactly as kept, for a machine to read.
    pub content: serde_json::Value,
}

/// One share of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnShare {
    /// The family member's name, or `None` for the family's workers.
    pub with: Option<String>,
    pub shared_at: i64,
    pub stopped_at: Option<i64>,
}

/// Answers to a tool's questions not yet saved as an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnDraft {
    /// The tool, in words.
    pub tool: String,
    pub started_at: i64,
    pub changed_at: i64,
    /// (question, exactly what was typed).
    pub answers: Vec<(String, String)>,
}

/// How the member gets messages between visits, as they last chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnMessages {
    pub email: Option<String>,
    pub mobile: Option<String>,
    /// The sentence every message to them says.
    pub sentence: String,
    /// What they are sent a message about, in words.
    pub about: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPasskey {
    pub label: String,
    pub added_at: i64,
    pub last_used_at: Option<i64>,
    pub removed_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnSignIn {
    pub started_at: i64,
    pub last_seen_at: i64,
}

/// What the copy is, who made it and when (`made` is the day it was made), in the words
/// the page and the Word document both open with.
pub fn made_words(view: &OwnData, made: &str) -> String {
    let holds = "It holds everything the portal keeps about you: what you wrote, every change \
                 you made, who you shared it with, what your workers said back, and who has read \
                 it. It does not hold what anyone else in your family wrote.";
    match &view.made_by {
        Some(by) => {
            format!("{by} made this copy for you on {made}, when you asked for it. {holds}")
        }
        None => format!(
            "You made this copy on {made}. {holds} Some things are left out to keep you safe if \
             someone else sees your phone, such as an urgent message to your workers. Your worker \
             can give you a full copy in person."
        ),
    }
}

/// One share of an entry in words, such as "Shared with your workers on 3 May 2026;
/// stopped on 9 May 2026."
pub fn share_words(share: &OwnShare, day: &dyn Fn(i64) -> String) -> String {
    let with = share.with.as_deref().unwrap_or("your workers");
    match share.stopped_at {
        Some(stopped) => format!(
            "Shared with {with} on {}; stopped on {}.",
            day(share.shared_at),
            day(stopped)
        ),
        None => format!("Shared with {with} on {}.", day(share.shared_at)),
    }
}

/// A worker's "read" mark, as the page and the Word document both say it.
pub fn read_mark_words(mark: &crate::dto::views::ReadView, day: &dyn Fn(i64) -> String) -> String {
    format!("Marked read by {} on {}.", mark.by, day(mark.at))
}

/// When a reader first and last read one thing, and how often: " (first read …)".
pub fn read_times_words(
    item: &crate::dto::family::SeenItem,
    day: &dyn Fn(i64) -> String,
) -> String {
    format!(
        " (first read {}, last read {}, {} {})",
        day(item.first_at),
        day(item.last_at),
        item.times,
        if item.times == 1 { "time" } else { "times" }
    )
}

/// A place the member is signed in now.
pub fn sign_in_words(sign_in: &OwnSignIn, day: &dyn Fn(i64) -> String) -> String {
    format!(
        "Signed in on {}, last used {}.",
        day(sign_in.started_at),
        day(sign_in.last_seen_at)
    )
}

/// The member's message choices, a line each.
pub fn message_lines(messages: &OwnMessages) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(email) = &messages.email {
        lines.push(format!("Email: {email}"));
    }
    if let Some(mobile) = &messages.mobile {
        lines.push(format!("Text messages: {mobile}"));
    }
    lines.push(format!(
        "Every message says: \u{201c}{}\u{201d}",
        messages.sentence
    ));
    if messages.about.is_empty() {
        lines.push("You get no messages at the moment.".to_owned());
    }
    for about in &messages.about {
        lines.push(format!("You get a message: {}", lower_first(about)));
    }
    lines
}

/// A passkey in words.
pub fn passkey_words(passkey: &OwnPasskey, day: &dyn Fn(i64) -> String) -> String {
    let mut words = format!(
        "Passkey \u{201c}{}\u{201d}, added on {}",
        passkey.label,
        day(passkey.added_at)
    );
    if let Some(used) = passkey.last_used_at {
        words.push_str(&format!(", last used on {}", day(used)));
    }
    if let Some(removed) = passkey.removed_at {
        words.push_str(&format!(", removed on {}", day(removed)));
    }
    words.push('.');
    words
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
