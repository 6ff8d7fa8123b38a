//! The one place that decides who may see or do what. No server function, page or store
//! function decides on its own: each asks here, with the facts the store gathered.
//!
//! The rules (issue "Identity, access and safety inside families"):
//! - practitioners see only families allocated to them;
//! - a team manager sees the families of their own team;
//! - business support sees scheduling information, never family content;
//! - admins manage accounts and allocations, never family content;
//! - a head of service sees take-up figures for every team of their council, never family
//!   content; a team manager sees them for their own team;
//! - a family member sees their own entries, and what another member chose to share with
//!   them by name;
//! - a member flagged as posing a risk to another member never sees that member's entries,
//!   whatever the sharing says, and cannot be chosen to share with;
//! - children's entries reach a parent only when the child shared them with that parent.
//! - a case system's API client reads what the workers read (Module 8, finalised
//!   records) of families in the teams an admin named for it, and nothing else, once a
//!   head of service of the council approved it: an admin never sees family content, so
//!   no admin alone can make a way in.
//!
//! Every function answers `false` unless a rule allows: facts that do not add up (an entry
//! whose author is not in the family, say) deny. Callers turn a denial of something hidden
//! into the same answer as something absent.
//!
//! **Nothing a member can observe may depend on whether a flag points at them.** A flag
//! is a practitioner's judgement that one member may harm another; if the flagged member
//! could tell it was there, the portal would warn an abuser that the person they harm had
//! spoken up. So between the two people a flag joins, in either direction: neither is
//! offered to the other in a sharing list, neither sees the other's entries or reads,
//! and a crafted request to share towards the other answers exactly as a share that
//! worked does (`ShareDecision::Withhold`), while nothing reaches them and the audit
//! trail records the refusal. Every other refusal is the same with or without a flag.

use crate::domain::ids::{AccountId, ApiClientId, CouncilId, FamilyId, MemberId, StaffId, TeamId};
use crate::domain::people::{MemberKind, StaffRole};

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    Staff {
        account: AccountId,
        staff: StaffId,
        role: StaffRole,
        team: Option<TeamId>,
        name: String,
    },
    Member {
        account: AccountId,
        member: MemberId,
        family: FamilyId,
        kind: MemberKind,
        name: String,
        /// Set while a practitioner's device is handed to this child: the practitioner's
        /// role, so the audit trail says who was holding the device.
        supported_by: Option<StaffRole>,
    },
    /// A case system calling the integration API with a secret an admin gave it, still in
    /// force: never a person, and never signed in to a page.
    ApiClient {
        client: ApiClientId,
        council: CouncilId,
        /// The teams whose families it may read, named when it was registered.
        teams: Vec<TeamId>,
        name: String,
    },
}

impl Actor {
    pub fn account(&self) -> Option<AccountId> {
        match self {
            Actor::Anonymous => None,
            Actor::Staff { account, .. } | Actor::Member { account, .. } => Some(*account),
            // The client's own id stands for an account, so "who has seen what I wrote"
            // names the case system that read a member's words.
            Actor::ApiClient { client, .. } => Some(AccountId::from_uuid(client.as_uuid())),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Actor::Anonymous => "Someone not signed in",
            Actor::Staff { name, .. }
            | Actor::Member { name, .. }
            | Actor::ApiClient { name, .. } => name,
        }
    }

    /// The role as the audit trail and the "who has seen this" page show it.
    pub fn role_title(&self) -> &'static str {
        match self {
            Actor::Anonymous => "Not signed in",
            Actor::Staff { role, .. } => role.title(),
            Actor::Member {
                supported_by: Some(role),
                ..
            } => role.title(),
            Actor::Member { kind, .. } => kind.title(),
            Actor::ApiClient { .. } => "Case system",
        }
    }

    pub fn is_family_member(&self) -> bool {
        matches!(self, Actor::Member { .. })
    }
}

/// A risk flag: `member` is alleged to pose a risk to `towards`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub member: MemberId,
    pub towards: MemberId,
}

/// What the policy needs to know about a family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyFacts {
    pub id: FamilyId,
    pub team: TeamId,
    /// Staff currently allocated.
    pub allocated: Vec<StaffId>,
    pub members: Vec<(MemberId, MemberKind)>,
    /// Current (not withdrawn) flags.
    pub flags: Vec<Flag>,
}

impl FamilyFacts {
    fn kind_of(&self, member: MemberId) -> Option<MemberKind> {
        self.members
            .iter()
            .find(|(id, _)| *id == member)
            .map(|(_, kind)| *kind)
    }

    /// Whether `member` is flagged as posing a risk to `towards`.
    pub fn is_flagged_towards(&self, member: MemberId, towards: MemberId) -> bool {
        self.flags
            .iter()
            .any(|flag| flag.member == member && flag.towards == towards)
    }

    /// Whether a flag joins these two members, whichever way it points.
    pub fn flag_between(&self, a: MemberId, b: MemberId) -> bool {
        self.is_flagged_towards(a, b) || self.is_flagged_towards(b, a)
    }

    /// The members a flag joins to `member`, whichever way it points: whose reads of
    /// `member`'s words are never shown to them, and who never see theirs.
    pub fn flagged_with(&self, member: MemberId) -> Vec<MemberId> {
        self.flags
            .iter()
            .filter_map(|flag| {
                if flag.member == member {
                    Some(flag.towards)
                } else if flag.towards == member {
                    Some(flag.member)
                } else {
                    None
                }
            })
            .collect()
    }
}

/// Whether the actor wrote this entry: the one rule for "your own", which only the
/// author may change, share or withdraw.
pub fn is_author(actor: &Actor, entry: &EntryFacts) -> bool {
    matches!(actor, Actor::Member { member, family, .. } if *member == entry.author && *family == entry.family)
}

/// Records a refusal and gives its answer: the one way every refusal is written down.
/// It takes the audited transaction the check ran in, so the refusal is in the trail
/// whatever the caller read first, and answers "not found", exactly as something absent
/// does. `rule` is a short fixed reason, never anything a family wrote.
pub async fn refuse(
    audited: crate::backend::store::AuditedTx,
    actor: &Actor,
    action: &'static str,
    subject: Option<String>,
    rule: &'static str,
) -> crate::dto::AppError {
    refuse_in(audited, actor, action, None, subject, rule).await
}

/// `refuse`, for a refusal inside a family the actor may open (a session it does not
/// have, say), so the refusal is in that family's trail too.
pub async fn refuse_in(
    audited: crate::backend::store::AuditedTx,
    actor: &Actor,
    action: &'static str,
    family: Option<FamilyId>,
    subject: Option<String>,
    rule: &'static str,
) -> crate::dto::AppError {
    match record_refusal(audited, actor, action, family, subject, rule).await {
        Ok(()) => crate::dto::AppError::NotFound,
        Err(error) => error.into(),
    }
}

/// Records a refusal in the audited transaction the check ran in, for a caller that
/// answers it in words of its own (a plain "only the chair writes the record", say).
pub async fn record_refusal(
    audited: crate::backend::store::AuditedTx,
    actor: &Actor,
    action: &'static str,
    family: Option<FamilyId>,
    subject: Option<String>,
    rule: &'static str,
) -> Result<(), crate::backend::store::StoreError> {
    audited
        .finish(crate::backend::store::AuditRecord::new(
            &crate::backend::store::Who::actor(actor),
            action,
            family,
            subject,
            crate::backend::store::Outcome::Denied,
            rule,
        ))
        .await
}

/// What to do with a member's request to share one of their entries with another member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareDecision {
    /// Share it.
    Share,
    /// A flag joins the two: answer exactly as a share that worked, share nothing, and
    /// record the refusal. The author must not be able to tell a flag is there.
    Withhold,
    /// Not theirs to share, or not someone in the family: refused as it would be with or
    /// without any flag.
    Refuse,
}

/// What the policy needs to know about an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFacts {
    pub family: FamilyId,
    pub author: MemberId,
    /// Shared with the family's allocated workers (and so their team manager).
    pub shared_with_workers: bool,
    /// Members it is currently shared with, by name.
    pub shared_with: Vec<MemberId>,
}

/// Whether a member of staff works with this family's content: allocated to it, or the
/// manager of its team. Business support and admins never do.
fn staff_works_with(
    role: StaffRole,
    staff: StaffId,
    team: Option<TeamId>,
    family: &FamilyFacts,
) -> bool {
    match role {
        StaffRole::BusinessSupportOfficer | StaffRole::Admin | StaffRole::HeadOfService => false,
        StaffRole::TeamManager => team == Some(family.team) || family.allocated.contains(&staff),
        _ => role.works_with_families() && family.allocated.contains(&staff),
    }
}

/// May the actor open the family's pages at all (its members' names, its entries list)?
pub fn may_open_family(actor: &Actor, family: &FamilyFacts) -> bool {
    match actor {
        Actor::Anonymous => false,
        Actor::Staff {
            staff, role, team, ..
        } => staff_works_with(*role, *staff, *team, family),
        Actor::Member {
            family: own,
            member,
            ..
        } => *own == family.id && family.kind_of(*member).is_some(),
        // As a worker of the family's team would, for the teams it was registered for.
        Actor::ApiClient { teams, .. } => teams.contains(&family.team),
    }
}

/// May the actor read this entry?
/// The team whose group case supervision this person may book: business support and
/// team managers, for their own team. Booking needs no family content.
pub fn may_book_supervision(actor: &Actor) -> Option<TeamId> {
    match actor {
        Actor::Staff {
            role: StaffRole::BusinessSupportOfficer | StaffRole::TeamManager,
            team: Some(team),
            ..
        } => Some(*team),
        _ => None,
    }
}

/// May the actor write the record of a family's group case supervision? The chair does:
/// a team manager who may open the family. Everyone else who may open it reads it.
pub fn may_write_record(actor: &Actor, family: &FamilyFacts) -> bool {
    matches!(
        actor,
        Actor::Staff {
            role: StaffRole::TeamManager,
            ..
        }
    ) && may_open_family(actor, family)
}

/// May a member be told, in the chair's plain words, what their team's meeting decided?
/// Not a member flagged as posing a risk to another: what the family are told is written
/// about the whole family, so it is written about the person at risk too. This holds when
/// the chair chooses and again whenever the member reads, so a flag added later hides what
/// was told before. Hidden reads exactly like never told.
pub fn may_be_told(family: &FamilyFacts, member: MemberId) -> bool {
    family.kind_of(member).is_some() && !family.flags.iter().any(|flag| flag.member == member)
}

/// Whether a member of staff may work on an entry in Module 8 (mark it read, respond to
/// it, suggest its change-talk kind): a practitioner who may read it. None of these ever
/// changes what the family member wrote or chose.
pub fn may_work_on_entry(actor: &Actor, family: &FamilyFacts, entry: &EntryFacts) -> bool {
    matches!(actor, Actor::Staff { .. }) && may_read_entry(actor, family, entry)
}

pub fn may_read_entry(actor: &Actor, family: &FamilyFacts, entry: &EntryFacts) -> bool {
    if entry.family != family.id {
        return false;
    }
    let Some(author_kind) = family.kind_of(entry.author) else {
        return false;
    };
    match actor {
        Actor::Anonymous => false,
        // What a family shared with its workers, exactly as a worker reads it.
        Actor::Staff { .. } | Actor::ApiClient { .. } => {
            may_open_family(actor, family) && entry.shared_with_workers
        }
        Actor::Member {
            member,
            family: own,
            ..
        } => {
            if *own != family.id {
                return false;
            }
            let Some(reader_kind) = family.kind_of(*member) else {
                return false;
            };
            if *member == entry.author {
                return true;
            }
            // Either way round: the person at risk does not see the flagged member's
            // entries either, so the flagged member's sharing never reaches them.
            if family.flag_between(*member, entry.author) {
                return false;
            }
            let shared_with_reader = entry.shared_with.contains(member);
            if author_kind == MemberKind::Child && reader_kind == MemberKind::ParentCarer {
                // Said separately because it matters most: only the child's own choice.
                return shared_with_reader;
            }
            shared_with_reader
        }
    }
}

/// May the author share their entry with `target`, a named member of their family?
/// Refused between two members when either is flagged as posing a risk to the other.
/// This is also who a sharing list offers: the flagged pair never see each other there.
pub fn may_share_with_member(
    actor: &Actor,
    family: &FamilyFacts,
    entry: &EntryFacts,
    target: MemberId,
) -> bool {
    share_decision(actor, family, entry, target) == ShareDecision::Share
}

/// How to answer a request to share `entry` with `target`; see `ShareDecision`.
pub fn share_decision(
    actor: &Actor,
    family: &FamilyFacts,
    entry: &EntryFacts,
    target: MemberId,
) -> ShareDecision {
    let Actor::Member { member, .. } = actor else {
        return ShareDecision::Refuse;
    };
    if *member != entry.author
        || !may_read_entry(actor, family, entry)
        || target == entry.author
        || family.kind_of(target).is_none()
    {
        return ShareDecision::Refuse;
    }
    // Either way round: a flagged member cannot use the portal to reach the person at
    // risk from them, and the person at risk is not led to share with them.
    if family.flag_between(entry.author, target) {
        return ShareDecision::Withhold;
    }
    ShareDecision::Share
}

/// The two sets of tools the portal has for family members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tools {
    /// Goals, check-ins, stages and "something I want to say", one question per page.
    Parents,
    /// The Three Houses, "How I feel", "What I want my worker to know", "Who is important
    /// to me" and "I don't feel safe", by age band.
    Children,
}

/// Which tools a member has. Parents and carers have the parents' tools. A child has the
/// children's screens in every age band: the band (under 8, 8 to 12, 13 and over) changes
/// how those screens look and read, never which tools there are, so a teenager who types
/// the address of a parents' tool finds nothing there, exactly as at an address that does
/// not exist. Staff have neither: they work with families' tools, they do not use them.
pub fn may_use_tools(actor: &Actor, tools: Tools) -> bool {
    match actor {
        Actor::Member { kind, .. } => match tools {
            Tools::Parents => *kind == MemberKind::ParentCarer,
            Tools::Children => *kind == MemberKind::Child,
        },
        Actor::Staff { .. } | Actor::Anonymous | Actor::ApiClient { .. } => false,
    }
}

/// May the actor hand their device to this child ("hand to child")? A practitioner who
/// works with the family directly (allocated, or its team manager), for a member who is a
/// child of that family. Business support and admins never see family content, so never.
pub fn may_hand_to_child(
    actor: &Actor,
    family: &FamilyFacts,
    member: MemberId,
    kind: MemberKind,
) -> bool {
    matches!(actor, Actor::Staff { role, .. } if role.works_with_families())
        && may_open_family(actor, family)
        && kind == MemberKind::Child
        && family.kind_of(member) == Some(MemberKind::Child)
}

/// May the actor choose which screens fit a child? The same people who may hand them
/// the device.
pub fn may_choose_band(actor: &Actor, family: &FamilyFacts, member: MemberId) -> bool {
    may_hand_to_child(actor, family, member, MemberKind::Child)
}

/// May the actor issue an invitation or reset code for a member of this family?
/// Practitioners allocated to the family, and its team manager.
pub fn may_issue_family_code(actor: &Actor, family: &FamilyFacts) -> bool {
    matches!(actor, Actor::Staff { .. }) && may_open_family(actor, family)
}

/// May the actor have a copy of everything the portal holds about `member` (a subject
/// access request)? The member themselves, on their own sign-in: never on a
/// practitioner's device handed to a child, which shows only what is done in that
/// handover. And a practitioner who may open the family, making the copy for a member of
/// it who asks in person. Business support and admins never see family content.
pub fn may_copy_member_data(actor: &Actor, family: &FamilyFacts, member: MemberId) -> bool {
    if family.kind_of(member).is_none() {
        return false;
    }
    match actor {
        Actor::Anonymous | Actor::ApiClient { .. } => false,
        Actor::Member {
            member: own,
            family: own_family,
            supported_by,
            ..
        } => *own == member && *own_family == family.id && supported_by.is_none(),
        Actor::Staff { role, .. } => role.works_with_families() && may_open_family(actor, family),
    }
}

/// Whose take-up figures (how many members are invited, signed up and active) a person
/// may read. No family's content is in them, and no group smaller than five is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeUpScope {
    /// Every team of the person's council: a head of service.
    Council,
    /// One team: its team manager.
    Team(TeamId),
}

/// May the actor read take-up figures, and for which teams? A team manager for their own
/// team, and a head of service for every team of their council. Nobody else.
pub fn take_up_scope(actor: &Actor) -> Option<TakeUpScope> {
    match actor {
        Actor::Staff {
            role: StaffRole::HeadOfService,
            ..
        } => Some(TakeUpScope::Council),
        Actor::Staff {
            role: StaffRole::TeamManager,
            team: Some(team),
            ..
        } => Some(TakeUpScope::Team(*team)),
        _ => None,
    }
}

/// May the actor issue codes for staff accounts at all? Admins only; never practitioners.
pub fn may_issue_staff_code(actor: &Actor) -> bool {
    matches!(
        actor,
        Actor::Staff {
            role: StaffRole::Admin,
            ..
        }
    )
}

/// May the actor see, and issue codes for, a member of staff of `target_council`? An
/// admin of that same council: one deployment can serve several councils, and an admin
/// of one never reaches another's staff. Unknown councils deny.
pub fn may_manage_staff(
    actor: &Actor,
    own_council: Option<CouncilId>,
    target_council: Option<CouncilId>,
) -> bool {
    may_issue_staff_code(actor) && own_council.is_some() && own_council == target_council
}

/// May the actor approve an API client of `client_council`, so that its secret works? A
/// head of service of that council: never the admin who registered it, so no one person
/// can give themselves a way into families' words.
pub fn may_approve_api_clients(
    actor: &Actor,
    own_council: Option<CouncilId>,
    client_council: Option<CouncilId>,
) -> bool {
    matches!(
        actor,
        Actor::Staff {
            role: StaffRole::HeadOfService,
            ..
        }
    ) && own_council.is_some()
        && own_council == client_council
}

/// May the actor register and revoke the council's API clients, and set its members'
/// case-system references? An admin of that same council, as for its staff.
pub fn may_manage_case_system(
    actor: &Actor,
    own_council: Option<CouncilId>,
    target_council: Option<CouncilId>,
) -> bool {
    may_manage_staff(actor, own_council, target_council)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct World {
        family: FamilyFacts,
        team: TeamId,
        parent_a: MemberId,
        parent_b: MemberId,
        child: MemberId,
        worker: StaffId,
    }

    fn world() -> World {
        let team = TeamId::new();
        let (parent_a, parent_b, child, worker) = (
            MemberId::new(),
            MemberId::new(),
            MemberId::new(),
            StaffId::new(),
        );
        World {
            family: FamilyFacts {
                id: FamilyId::new(),
                team,
                allocated: vec![worker],
                members: vec![
                    (parent_a, MemberKind::ParentCarer),
                    (parent_b, MemberKind::ParentCarer),
                    (child, MemberKind::Child),
                ],
                flags: vec![Flag {
                    member: parent_b,
                    towards: parent_a,
                }],
            },
            team,
            parent_a,
            parent_b,
            child,
            worker,
        }
    }

    fn member(world: &World, member: MemberId, kind: MemberKind) -> Actor {
        Actor::Member {
            account: AccountId::new(),
            member,
            family: world.family.id,
            kind,
            name: "Test person (fictional)".into(),
            supported_by: None,
        }
    }

    fn staff(role: StaffRole, id: StaffId, team: TeamId) -> Actor {
        Actor::Staff {
            account: AccountId::new(),
            staff: id,
            role,
            team: Some(team),
            name: "Test worker (fictional)".into(),
        }
    }

    fn entry(world: &World, author: MemberId, workers: bool, with: Vec<MemberId>) -> EntryFacts {
        EntryFacts {
            family: world.family.id,
            author,
            shared_with_workers: workers,
            shared_with: with,
        }
    }

    fn api_client(teams: Vec<TeamId>) -> Actor {
        Actor::ApiClient {
            client: ApiClientId::new(),
            council: CouncilId::new(),
            teams,
            name: "Example case system (fictional)".into(),
        }
    }

    #[test]
    fn an_api_client_reads_what_the_workers_read_for_its_teams_and_nothing_else() {
        let w = world();
        let client = api_client(vec![w.team]);
        assert!(may_open_family(&client, &w.family));
        // What a member shared with the workers, and nothing they kept to themselves or
        // shared only with another member.
        assert!(may_read_entry(
            &client,
            &w.family,
            &entry(&w, w.parent_a, true, vec![])
        ));
        assert!(!may_read_entry(
            &client,
            &w.family,
            &entry(&w, w.parent_a, false, vec![])
        ));
        assert!(!may_read_entry(
            &client,
            &w.family,
            &entry(&w, w.child, false, vec![w.parent_a])
        ));
        // Another team's client reads nothing of this family.
        let elsewhere = api_client(vec![TeamId::new()]);
        assert!(!may_open_family(&elsewhere, &w.family));
        assert!(!may_read_entry(
            &elsewhere,
            &w.family,
            &entry(&w, w.parent_a, true, vec![])
        ));
        // It is never a person: no tools, no copies, no codes, no record to write, nothing
        // to share, no take-up figures, no staff to manage.
        let shared = entry(&w, w.parent_a, true, vec![]);
        assert!(!may_use_tools(&client, Tools::Parents));
        assert!(!may_use_tools(&client, Tools::Children));
        assert!(!may_copy_member_data(&client, &w.family, w.parent_a));
        assert!(!may_issue_family_code(&client, &w.family));
        assert!(!may_write_record(&client, &w.family));
        assert!(!may_work_on_entry(&client, &w.family, &shared));
        assert!(!may_hand_to_child(
            &client,
            &w.family,
            w.child,
            MemberKind::Child
        ));
        assert_eq!(
            share_decision(&client, &w.family, &shared, w.parent_b),
            ShareDecision::Refuse
        );
        assert_eq!(take_up_scope(&client), None);
        assert_eq!(may_book_supervision(&client), None);
        let council = Some(CouncilId::new());
        assert!(!may_manage_case_system(&client, council, council));
        assert!(!may_approve_api_clients(&client, council, council));
        // A head of service approves clients of their own council; an admin never does.
        let head = staff(StaffRole::HeadOfService, StaffId::new(), w.team);
        assert!(may_approve_api_clients(&head, council, council));
        assert!(!may_approve_api_clients(
            &head,
            council,
            Some(CouncilId::new())
        ));
        assert!(!may_approve_api_clients(&head, None, None));
        let admin = staff(StaffRole::Admin, StaffId::new(), w.team);
        assert!(!may_approve_api_clients(&admin, council, council));
        assert!(may_manage_case_system(&admin, council, council));
        assert!(!may_issue_staff_code(&client));
    }

    #[test]
    fn a_copy_of_a_members_data_goes_to_them_or_to_a_practitioner_who_works_with_them() {
        let w = world();
        let a = member(&w, w.parent_a, MemberKind::ParentCarer);
        assert!(may_copy_member_data(&a, &w.family, w.parent_a));
        // Never another member's, whichever way a flag points or none.
        assert!(!may_copy_member_data(&a, &w.family, w.parent_b));
        assert!(!may_copy_member_data(&a, &w.family, w.child));
        let b = member(&w, w.parent_b, MemberKind::ParentCarer);
        assert!(!may_copy_member_data(&b, &w.family, w.parent_a));
        // A device handed to the child shows only that handover.
        let handed = Actor::Member {
            account: AccountId::new(),
            member: w.child,
            family: w.family.id,
            kind: MemberKind::Child,
            name: "Test child (fictional)".into(),
            supported_by: Some(StaffRole::SocialWorker),
        };
        assert!(!may_copy_member_data(&handed, &w.family, w.child));
        assert!(may_copy_member_data(
            &member(&w, w.child, MemberKind::Child),
            &w.family,
            w.child
        ));
        let worker = staff(StaffRole::SocialWorker, w.worker, w.team);
        assert!(may_copy_member_data(&worker, &w.family, w.parent_b));
        assert!(!may_copy_member_data(&worker, &w.family, MemberId::new()));
        for outsider in [
            staff(StaffRole::SocialWorker, StaffId::new(), w.team),
            staff(StaffRole::BusinessSupportOfficer, StaffId::new(), w.team),
            staff(StaffRole::Admin, StaffId::new(), w.team),
            staff(StaffRole::TeamManager, StaffId::new(), TeamId::new()),
            Actor::Anonymous,
        ] {
            assert!(!may_copy_member_data(&outsider, &w.family, w.parent_a));
        }
        assert!(may_copy_member_data(
            &staff(StaffRole::TeamManager, StaffId::new(), w.team),
            &w.family,
            w.parent_a
        ));
    }

    #[test]
    fn a_head_of_service_reads_take_up_for_the_council_and_no_familys_content() {
        let w = world();
        // Even allocated to the family and in its team, a head of service opens nothing.
        let head = staff(StaffRole::HeadOfService, w.worker, w.team);
        assert_eq!(take_up_scope(&head), Some(TakeUpScope::Council));
        assert!(!may_open_family(&head, &w.family));
        assert!(!may_copy_member_data(&head, &w.family, w.parent_a));
        assert!(!may_hand_to_child(
            &head,
            &w.family,
            w.child,
            MemberKind::Child
        ));
        assert!(!may_issue_family_code(&head, &w.family));
        let manager = staff(StaffRole::TeamManager, StaffId::new(), w.team);
        assert_eq!(take_up_scope(&manager), Some(TakeUpScope::Team(w.team)));
        for nobody in [
            staff(StaffRole::SocialWorker, w.worker, w.team),
            staff(StaffRole::BusinessSupportOfficer, StaffId::new(), w.team),
            staff(StaffRole::Admin, StaffId::new(), w.team),
            member(&w, w.parent_a, MemberKind::ParentCarer),
            Actor::Anonymous,
        ] {
            assert_eq!(take_up_scope(&nobody), None);
        }
    }

    #[test]
    fn only_a_team_manager_who_may_open_the_family_writes_its_supervision_record() {
        let w = world();
        assert!(may_write_record(
            &staff(StaffRole::TeamManager, StaffId::new(), w.team),
            &w.family
        ));
        assert!(!may_write_record(
            &staff(StaffRole::TeamManager, StaffId::new(), TeamId::new()),
            &w.family
        ));
        assert!(!may_write_record(
            &staff(StaffRole::SocialWorker, w.worker, w.team),
            &w.family
        ));
        assert!(!may_write_record(
            &staff(StaffRole::BusinessSupportOfficer, StaffId::new(), w.team),
            &w.family
        ));
        let parent = member(&w, w.parent_a, MemberKind::ParentCarer);
        assert!(!may_write_record(&parent, &w.family));
    }

    #[test]
    fn only_practitioners_who_work_with_the_family_hand_their_device_to_one_of_its_children() {
        let w = world();
        let allocated = staff(StaffRole::SocialWorker, w.worker, w.team);
        assert!(may_hand_to_child(
            &allocated,
            &w.family,
            w.child,
            MemberKind::Child
        ));
        assert!(
            !may_hand_to_child(&allocated, &w.family, w.parent_a, MemberKind::ParentCarer),
            "a parent is not a child"
        );
        assert!(
            !may_hand_to_child(&allocated, &w.family, w.parent_a, MemberKind::Child),
            "the family's facts decide, not the caller's word"
        );
        let manager = staff(StaffRole::TeamManager, StaffId::new(), w.team);
        assert!(may_hand_to_child(
            &manager,
            &w.family,
            w.child,
            MemberKind::Child
        ));
        for outsider in [
            staff(StaffRole::SocialWorker, StaffId::new(), w.team),
            staff(StaffRole::BusinessSupportOfficer, w.worker, w.team),
            staff(StaffRole::Admin, w.worker, w.team),
            member(&w, w.parent_a, MemberKind::ParentCarer),
        ] {
            assert!(!may_hand_to_child(
                &outsider,
                &w.family,
                w.child,
                MemberKind::Child
            ));
            assert!(!may_choose_band(&outsider, &w.family, w.child));
        }
    }

    #[test]
    fn a_flagged_parent_never_sees_the_other_parents_entry_even_when_shared() {
        let w = world();
        let shared = entry(&w, w.parent_a, true, vec![w.parent_b]);
        let b = member(&w, w.parent_b, MemberKind::ParentCarer);
        assert!(!may_read_entry(&b, &w.family, &shared));
        let a = member(&w, w.parent_a, MemberKind::ParentCarer);
        assert!(!may_share_with_member(&a, &w.family, &shared, w.parent_b));
        let theirs = entry(&w, w.parent_b, false, vec![]);
        assert!(
            !may_share_with_member(&b, &w.family, &theirs, w.parent_a),
            "nor towards the person at risk"
        );
        assert!(may_share_with_member(&a, &w.family, &shared, w.child));
    }

    #[test]
    fn only_a_member_flagged_as_a_risk_to_another_is_never_told_what_was_decided() {
        let w = world();
        assert!(!may_be_told(&w.family, w.parent_b), "the flagged parent");
        assert!(may_be_told(&w.family, w.parent_a), "the parent at risk");
        assert!(may_be_told(&w.family, w.child));
        assert!(
            !may_be_told(&w.family, MemberId::new()),
            "not in the family"
        );
    }

    #[test]
    fn a_childs_entry_reaches_a_parent_only_when_shared_with_that_parent() {
        let w = world();
        let a = member(&w, w.parent_a, MemberKind::ParentCarer);
        let b = member(&w, w.parent_b, MemberKind::ParentCarer);
        let to_workers = entry(&w, w.child, true, vec![]);
        assert!(!may_read_entry(&a, &w.family, &to_workers));
        let to_a = entry(&w, w.child, false, vec![w.parent_a]);
        assert!(may_read_entry(&a, &w.family, &to_a));
        assert!(!may_read_entry(&b, &w.family, &to_a));
    }

    #[test]
    fn workers_see_only_what_was_shared_with_workers_in_families_they_work_with() {
        let w = world();
        let allocated = staff(StaffRole::SocialWorker, w.worker, w.team);
        let other = staff(StaffRole::SocialWorker, StaffId::new(), w.team);
        let manager = staff(StaffRole::TeamManager, StaffId::new(), w.team);
        let other_manager = staff(StaffRole::TeamManager, StaffId::new(), TeamId::new());
        let support = staff(StaffRole::BusinessSupportOfficer, w.worker, w.team);
        let shared = entry(&w, w.parent_a, true, vec![]);
        let private = entry(&w, w.parent_a, false, vec![]);
        assert!(may_read_entry(&allocated, &w.family, &shared));
        assert!(!may_read_entry(&allocated, &w.family, &private));
        assert!(!may_read_entry(&other, &w.family, &shared));
        assert!(may_read_entry(&manager, &w.family, &shared));
        assert!(!may_read_entry(&other_manager, &w.family, &shared));
        assert!(!may_read_entry(&support, &w.family, &shared));
    }

    #[test]
    fn facts_that_do_not_add_up_deny() {
        let w = world();
        let a = member(&w, w.parent_a, MemberKind::ParentCarer);
        let stranger = entry(&w, MemberId::new(), true, vec![w.parent_a]);
        assert!(!may_read_entry(&a, &w.family, &stranger));
        let mut elsewhere = entry(&w, w.parent_a, true, vec![]);
        elsewhere.family = FamilyId::new();
        assert!(!may_read_entry(&a, &w.family, &elsewhere));
        assert!(!may_read_entry(
            &Actor::Anonymous,
            &w.family,
            &entry(&w, w.child, true, vec![])
        ));
    }

    #[test]
    fn a_child_in_every_age_band_has_the_childrens_tools_and_never_the_parents() {
        let w = world();
        let parent = member(&w, w.parent_a, MemberKind::ParentCarer);
        let child = member(&w, w.child, MemberKind::Child);
        assert!(may_use_tools(&parent, Tools::Parents));
        assert!(!may_use_tools(&parent, Tools::Children));
        // The band is not an input: no band of child ever reaches the parents' tools.
        assert!(!may_use_tools(&child, Tools::Parents));
        assert!(may_use_tools(&child, Tools::Children));
        for role in StaffRole::ALL {
            let actor = staff(role, w.worker, w.team);
            assert!(!may_use_tools(&actor, Tools::Parents), "{role:?}");
            assert!(!may_use_tools(&actor, Tools::Children), "{role:?}");
        }
        assert!(!may_use_tools(&Actor::Anonymous, Tools::Parents));
    }

    #[test]
    fn only_admins_issue_staff_codes() {
        let w = world();
        for role in StaffRole::ALL {
            let actor = staff(role, w.worker, w.team);
            assert_eq!(
                may_issue_staff_code(&actor),
                role == StaffRole::Admin,
                "{role:?}"
            );
        }
        assert!(!may_issue_staff_code(&member(
            &w,
            w.parent_a,
            MemberKind::ParentCarer
        )));
    }
}
