//! Module 8, "Comments and views": what a family shared, verbatim and attributed, and
//! how to narrow it.
//!
//! Plain data sent from the server to the pages: no I/O here.

use crate::domain::entries::EntryKind;
use crate::domain::ids::{EntryId, FamilyId, MemberId};
use crate::dto::family::TalkView;
use serde::{Deserialize, Serialize};

/// One labelled part of an entry, in the family member's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub label: String,
    pub words: String,
}

/// An earlier version of an entry, for "see how it changed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub version: i64,
    pub at: i64,
    pub parts: Vec<Part>,
    /// The language of the pages this version was written on, if it was kept.
    pub written_in: Option<crate::domain::language::Lang>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisagreeView {
    pub by: String,
    pub words: String,
    pub at: i64,
}

/// A practitioner's response, with what the family member said against it beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseView {
    pub id: String,
    pub by: String,
    pub role: String,
    pub words: String,
    pub at: i64,
    pub disagreements: Vec<DisagreeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadView {
    pub by: String,
    pub at: i64,
}

/// One shared entry, verbatim and attributed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewItem {
    pub id: EntryId,
    /// Which tool, in the practice's words: "Goal", "Check-in".
    pub tool: String,
    pub written_at: i64,
    /// The version shown (the latest), and when it was written.
    pub version: i64,
    pub changed_at: i64,
    pub parts: Vec<Part>,
    /// The language of the pages the version shown was written on, if it was kept: the
    /// words are shown exactly as written, and this says what they were asked in.
    pub written_in: Option<crate::domain::language::Lang>,
    pub talk: Option<TalkView>,
    /// The latest time a practitioner marked it read.
    pub read: Option<ReadView>,
    pub responses: Vec<ResponseView>,
    /// Earlier versions, oldest first.
    pub history: Vec<VersionView>,
}

/// One member of the family and what they shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberViews {
    pub id: MemberId,
    pub name: String,
    /// Their place in the family: "Parent or carer", "Child or young person".
    pub place: String,
    pub items: Vec<ViewItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module8View {
    pub family: FamilyId,
    pub reference: String,
    pub display_name: String,
    pub members: Vec<MemberViews>,
    /// The part of Module 8 shown.
    pub filter: ViewFilter,
    /// When the family's last group case supervision was held, if one was.
    pub last_supervision: Option<i64>,
    /// How many items shared with the workers this view leaves out.
    pub hidden: u64,
}

impl Module8View {
    /// The view in words ("The last 4 weeks; from Alex Example; goals only"), for the page
    /// and the Word document. `reader` is how to name the practitioner it is for.
    pub fn filter_words(&self, reader: &str) -> String {
        let mut words = vec![match (self.filter.period, self.last_supervision) {
            (Period::SinceSupervision, None) => {
                "Everything (there has been no group case supervision yet)".to_owned()
            }
            (period, _) => period.label().to_owned(),
        }];
        if let Some(member) = self.filter.member {
            let name = self
                .members
                .iter()
                .find(|m| m.id == member)
                .map_or("someone no longer in the family", |m| m.name.as_str());
            words.push(format!("from {name}"));
        }
        if let Some(tool) = self.filter.tool {
            words.push(format!("{} only", tool.tool_name()));
        }
        if self.filter.unread {
            words.push(format!("not marked read by {reader}"));
        }
        words.join("; ")
    }
}

/// How far back a Module 8 view goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// Written, or shared with the workers, since the last group case supervision.
    #[default]
    SinceSupervision,
    Weeks4,
    Months3,
    Months12,
    All,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::SinceSupervision,
        Period::Weeks4,
        Period::Months3,
        Period::Months12,
        Period::All,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Period::SinceSupervision => "new",
            Period::Weeks4 => "4_weeks",
            Period::Months3 => "3_months",
            Period::Months12 => "12_months",
            Period::All => "all",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::SinceSupervision => "New since the last supervision",
            Period::Weeks4 => "The last 4 weeks",
            Period::Months3 => "The last 3 months",
            Period::Months12 => "The last 12 months",
            Period::All => "Everything",
        }
    }

    /// How many days back it reaches, for the periods that are a length of time.
    pub fn days(self) -> Option<i64> {
        match self {
            Period::Weeks4 => Some(28),
            Period::Months3 => Some(91),
            Period::Months12 => Some(365),
            Period::SinceSupervision | Period::All => None,
        }
    }
}

/// The tools a family's entries come from, in the order the Module 8 filter offers
/// them (each by its `tool_name`). A safety alert is never part of Module 8.
pub const TOOLS: [EntryKind; 12] = [
    EntryKind::Goal,
    EntryKind::CheckIn,
    EntryKind::Stage,
    EntryKind::ChangeTalk,
    EntryKind::HouseItem,
    EntryKind::Feeling,
    EntryKind::WorkerKnow,
    EntryKind::ImportantPerson,
    EntryKind::ForMeeting,
    EntryKind::GoodNews,
    EntryKind::AboutMe,
    EntryKind::OnPlan,
];

/// Which part of a family's Module 8 a practitioner asked to see: by default what is new
/// since the last group case supervision, from everyone, from every tool.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewFilter {
    pub period: Period,
    pub member: Option<MemberId>,
    /// An entry kind from `TOOLS`.
    pub tool: Option<EntryKind>,
    /// Only what the practitioner asking has not marked read.
    pub unread: bool,
}

impl ViewFilter {
    /// Everything, for the Word document of the whole record.
    pub fn everything() -> ViewFilter {
        ViewFilter {
            period: Period::All,
            ..ViewFilter::default()
        }
    }

    /// From the filter form's fields. The form offers only values that fit; anything else
    /// (an old bookmark, a changed address) falls back to that field's default rather
    /// than failing.
    pub fn parse(period: &str, member: &str, tool: &str, unread: &str) -> ViewFilter {
        ViewFilter {
            period: Period::ALL
                .into_iter()
                .find(|p| p.code() == period)
                .unwrap_or_default(),
            member: MemberId::parse(member).ok(),
            tool: TOOLS.into_iter().find(|kind| kind.code() == tool),
            unread: unread == "yes",
        }
    }

    /// From an address's query (`period=all&unread=yes`), as the filter form sends it.
    pub fn from_query(query: &str) -> ViewFilter {
        let field = |name: &str| {
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(key, _)| *key == name)
                .map_or("", |(_, value)| value)
        };
        ViewFilter::parse(
            field("period"),
            field("member"),
            field("tool"),
            field("unread"),
        )
    }

    /// The query that asks for this view again. Every value is a fixed code or an id, so
    /// nothing needs escaping.
    pub fn query(&self) -> String {
        let mut query = format!("period={}", self.period.code());
        if let Some(member) = self.member {
            query.push_str(&format!("&member={member}"));
        }
        if let Some(tool) = self.tool {
            query.push_str(&format!("&tool={}", tool.code()));
        }
        if self.unread {
            query.push_str("&unread=yes");
        }
        query
    }

    /// Whether this is the first view a practitioner gets.
    pub fn is_default(&self) -> bool {
        *self == ViewFilter::default()
    }
}
