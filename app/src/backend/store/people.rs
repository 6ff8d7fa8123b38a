//! Councils, teams, staff, families, members, allocations and risk flags.

use super::{Conn, StoreError, parse_id};
use crate::domain::ids::{CouncilId, FamilyId, MemberId, StaffId, TeamId};
use crate::domain::people::{MemberKind, StaffRole};

/// Counts that show a family was set up completely; used by checks and the demo seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilySummary {
    pub parents: i64,
    pub children: i64,
    pub allocated_staff: i64,
    pub risk_flags: i64,
    pub team_roles: Vec<StaffRole>,
}

pub struct NewStaff<'a> {
    pub team: Option<TeamId>,
    pub display_name: &'a str,
    pub role: StaffRole,
}

pub struct NewFamily<'a> {
    pub team: TeamId,
    pub reference: &'a str,
    pub display_name: &'a str,
}

pub struct NewMember<'a> {
    pub kind: MemberKind,
    pub display_name: &'a str,
    /// ISO 8601 date; required for a child.
    pub date_of_birth: Option<&'a str>,
}

/// A member of staff as `staff_of_council` selects them, before their role is read.
#[derive(sqlx::FromRow)]
struct CouncilStaffRow {
    id: StaffId,
    display_name: String,
    role: String,
}

/// Every current member of staff of one council, by name, for its admin's list.
pub async fn staff_of_council(
    conn: &mut Conn,
    council: CouncilId,
) -> Result<Vec<(StaffId, String, StaffRole)>, StoreError> {
    let rows: Vec<CouncilStaffRow> = sqlx::query_as(
        "SELECT id, display_name, role FROM staff WHERE council_id = $1 AND deactivated_at IS NULL \
         ORDER BY display_name, id",
    )
    .bind(council.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let CouncilStaffRow {
                id,
                display_name,
                role,
            } = row;
            let role = StaffRole::from_code(&role)
                .ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?;
            Ok((id, display_name, role))
        })
        .collect()
}

/// The council a member of staff works for, if they exist.
pub async fn staff_council(
    conn: &mut Conn,
    staff: StaffId,
) -> Result<Option<CouncilId>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT council_id FROM staff WHERE id = $1")
        .bind(staff.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(c,)| parse_id(&c, CouncilId::parse)).transpose()
}

/// Staff members with exactly this name, for the command line.
pub async fn staff_by_name(conn: &mut Conn, name: &str) -> Result<Vec<StaffId>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT id FROM staff WHERE display_name = $1 AND deactivated_at IS NULL")
            .bind(name)
            .fetch_all(&mut *conn)
            .await?;
    rows.iter()
        .map(|(id,)| parse_id(id, StaffId::parse))
        .collect()
}

/// A member's name, for pages that show a code made for them.
pub async fn member_name(conn: &mut Conn, member: MemberId) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT display_name FROM members WHERE id = $1")
        .bind(member.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(name,)| name))
}

pub async fn create_council(
    conn: &mut Conn,
    name: &str,
    now: i64,
) -> Result<CouncilId, StoreError> {
    let id = CouncilId::new();
    sqlx::query("INSERT INTO councils (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(id.to_string())
        .bind(name)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

pub async fn council_by_name(conn: &mut Conn, name: &str) -> Result<Option<CouncilId>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT id FROM councils WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|(id,)| parse_id(&id, CouncilId::parse)).transpose()
}

pub async fn create_team(
    conn: &mut Conn,
    council: CouncilId,
    name: &str,
    now: i64,
) -> Result<TeamId, StoreError> {
    let id = TeamId::new();
    sqlx::query("INSERT INTO teams (id, council_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id.to_string())
        .bind(council.to_string())
        .bind(name)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

pub async fn create_staff(
    conn: &mut Conn,
    council: CouncilId,
    staff: NewStaff<'_>,
    now: i64,
) -> Result<StaffId, StoreError> {
    let id = StaffId::new();
    sqlx::query(
        "INSERT INTO staff (id, council_id, team_id, display_name, role, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(council.to_string())
    .bind(staff.team.map(|t| t.to_string()))
    .bind(staff.display_name)
    .bind(staff.role.code())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The roles of a team's staff, for checks that a team is complete.
pub async fn team_roles(conn: &mut Conn, team: TeamId) -> Result<Vec<StaffRole>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT role FROM staff WHERE team_id = $1 ORDER BY role")
            .bind(team.to_string())
            .fetch_all(&mut *conn)
            .await?;
    rows.into_iter()
        .map(|(code,)| {
            StaffRole::from_code(&code)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown role {code:?}")))
        })
        .collect()
}

pub async fn create_family(
    conn: &mut Conn,
    council: CouncilId,
    family: NewFamily<'_>,
    now: i64,
) -> Result<FamilyId, StoreError> {
    let id = FamilyId::new();
    sqlx::query(
        "INSERT INTO families (id, council_id, team_id, reference, display_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(council.to_string())
    .bind(family.team.to_string())
    .bind(family.reference)
    .bind(family.display_name)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn add_member(
    conn: &mut Conn,
    family: FamilyId,
    member: NewMember<'_>,
    now: i64,
) -> Result<MemberId, StoreError> {
    let id = MemberId::new();
    sqlx::query(
        "INSERT INTO members (id, family_id, kind, display_name, date_of_birth, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(family.to_string())
    .bind(member.kind.code())
    .bind(member.display_name)
    .bind(member.date_of_birth)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

pub async fn allocate(
    conn: &mut Conn,
    family: FamilyId,
    staff: StaffId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO allocations (id, family_id, staff_id, started_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(family.to_string())
    .bind(staff.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// When a practitioner's current allocation to a family started, if they have one.
pub async fn allocated_since(
    conn: &mut Conn,
    family: FamilyId,
    staff: StaffId,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT started_at FROM allocations \
         WHERE family_id = $1 AND staff_id = $2 AND ended_at IS NULL",
    )
    .bind(family.to_string())
    .bind(staff.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .map(|(at,): (i64,)| at))
}

/// Ends a practitioner's allocation to a family: from `now` they no longer work with it.
/// The row stays, with when it ended. True if there was one to end.
pub async fn end_allocation(
    conn: &mut Conn,
    family: FamilyId,
    staff: StaffId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE allocations SET ended_at = $3 \
         WHERE family_id = $1 AND staff_id = $2 AND ended_at IS NULL",
    )
    .bind(family.to_string())
    .bind(staff.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Records a practitioner's flag that `member` is alleged to pose a domestic-abuse
/// risk to `towards`. The policy uses it to keep the second member's words from the first.
pub async fn flag_alleged_abuse(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
    towards: MemberId,
    flagged_by: StaffId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO risk_flags \
         (id, family_id, member_id, towards_member_id, kind, flagged_by_staff_id, created_at) \
         VALUES ($1, $2, $3, $4, 'alleged_domestic_abuse', $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(family.to_string())
    .bind(member.to_string())
    .bind(towards.to_string())
    .bind(flagged_by.to_string())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether `member` is currently flagged as posing a risk to `towards`.
pub async fn is_flagged_towards(
    conn: &mut Conn,
    member: MemberId,
    towards: MemberId,
) -> Result<bool, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM risk_flags WHERE member_id = $1 AND towards_member_id = $2 \
         AND withdrawn_at IS NULL",
    )
    .bind(member.to_string())
    .bind(towards.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

/// Counts for the family with this case reference.
pub async fn demo_summary(conn: &mut Conn, reference: &str) -> Result<FamilySummary, StoreError> {
    #[derive(sqlx::FromRow)]
    struct FamilyTeamRow {
        id: FamilyId,
        team_id: TeamId,
    }
    let family: FamilyTeamRow =
        sqlx::query_as("SELECT id, team_id FROM families WHERE reference = $1")
            .bind(reference)
            .fetch_one(&mut *conn)
            .await?;
    #[derive(sqlx::FromRow)]
    struct Counts {
        parents: i64,
        children: i64,
        allocated_staff: i64,
        risk_flags: i64,
    }
    let counts = sqlx::query_as::<_, Counts>(
        "SELECT \
         (SELECT COUNT(*) FROM members WHERE family_id = $1 AND kind = 'parent_carer') AS parents, \
         (SELECT COUNT(*) FROM members WHERE family_id = $1 AND kind = 'child') AS children, \
         (SELECT COUNT(*) FROM allocations WHERE family_id = $1 AND ended_at IS NULL) \
         AS allocated_staff, \
         (SELECT COUNT(*) FROM risk_flags WHERE family_id = $1 AND withdrawn_at IS NULL) \
         AS risk_flags",
    )
    .bind(family.id.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(FamilySummary {
        parents: counts.parents,
        children: counts.children,
        allocated_staff: counts.allocated_staff,
        risk_flags: counts.risk_flags,
        team_roles: team_roles(conn, family.team_id).await?,
    })
}

/// A family member, as every page that names or lists members reads them.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub id: MemberId,
    pub family: FamilyId,
    pub kind: MemberKind,
    pub name: String,
    pub date_of_birth: Option<String>,
    /// When they were added to the portal.
    pub added_at: i64,
}

/// `MemberRow` as selected, before its kind is read.
#[derive(sqlx::FromRow)]
struct StoredMemberRow {
    id: MemberId,
    family_id: FamilyId,
    kind: String,
    display_name: String,
    date_of_birth: Option<String>,
    created_at: i64,
}

fn member_row(
    StoredMemberRow {
        id,
        family_id,
        kind,
        display_name,
        date_of_birth,
        created_at,
    }: StoredMemberRow,
) -> Result<MemberRow, StoreError> {
    Ok(MemberRow {
        id,
        family: family_id,
        kind: MemberKind::from_code(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("kind {kind:?}")))?,
        name: display_name,
        date_of_birth,
        added_at: created_at,
    })
}

pub async fn member(conn: &mut Conn, member: MemberId) -> Result<Option<MemberRow>, StoreError> {
    let row: Option<StoredMemberRow> = sqlx::query_as(
        "SELECT id, family_id, kind, display_name, date_of_birth, created_at FROM members \
         WHERE id = $1",
    )
    .bind(member.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(member_row).transpose()
}

/// Every member of a family, in the order they were added.
pub async fn members_of(conn: &mut Conn, family: FamilyId) -> Result<Vec<MemberRow>, StoreError> {
    let rows: Vec<StoredMemberRow> = sqlx::query_as(
        "SELECT id, family_id, kind, display_name, date_of_birth, created_at FROM members \
         WHERE family_id = $1 ORDER BY created_at, display_name, id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(member_row).collect()
}

/// A family member with when they last signed in, if ever.
#[derive(Debug, Clone)]
pub struct LastSignIn {
    pub id: MemberId,
    pub name: String,
    pub at: Option<i64>,
}

/// Each member of each of `families` with when they last signed in, by family and then
/// name: one query for up to 500 families.
pub async fn last_sign_ins(
    conn: &mut Conn,
    families: &[FamilyId],
) -> Result<Vec<(FamilyId, LastSignIn)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        family_id: FamilyId,
        id: MemberId,
        display_name: String,
        last_at: Option<i64>,
    }
    let mut all = Vec::new();
    for chunk in families.chunks(super::FAMILIES_AT_ONCE) {
        let list = super::placeholders(1, chunk.len());
        let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
            "SELECT m.family_id, m.id, m.display_name, (SELECT MAX(s.created_at) FROM sessions s \
             JOIN accounts a ON a.id = s.account_id WHERE a.member_id = m.id) AS last_at \
             FROM members m WHERE m.family_id IN ({list}) ORDER BY m.family_id, m.display_name, m.id"
        )));
        for family in chunk {
            query = query.bind(family.to_string());
        }
        all.extend(query.fetch_all(&mut *conn).await?.into_iter().map(|row| {
            (
                row.family_id,
                LastSignIn {
                    id: row.id,
                    name: row.display_name,
                    at: row.last_at,
                },
            )
        }));
    }
    Ok(all)
}

/// The names of `members`: one query for up to 500, none for none.
pub async fn names_of(
    conn: &mut Conn,
    members: &[MemberId],
) -> Result<std::collections::HashMap<MemberId, String>, StoreError> {
    let mut names = std::collections::HashMap::new();
    for chunk in members.chunks(super::FAMILIES_AT_ONCE) {
        let list = super::placeholders(1, chunk.len());
        let mut query = sqlx::query_as::<_, (MemberId, String)>(sqlx::AssertSqlSafe(format!(
            "SELECT id, display_name FROM members WHERE id IN ({list})"
        )));
        for member in chunk {
            query = query.bind(member.to_string());
        }
        names.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(names)
}

/// A family's reference and name, as staff see them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FamilyHeader {
    pub reference: String,
    pub display_name: String,
}

/// The reference and name of a family.
pub async fn family_header(conn: &mut Conn, family: FamilyId) -> Result<FamilyHeader, StoreError> {
    Ok(
        sqlx::query_as("SELECT reference, display_name FROM families WHERE id = $1")
            .bind(family.to_string())
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// A family a member of staff may be able to open, as listed before the policy decides.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedFamily {
    pub id: String,
    pub reference: String,
    pub display_name: String,
}

/// The families a member of staff is allocated to, and, for a team manager, every family
/// of their team, by reference. The policy still decides which of them they may open.
/// Each half is found by an index (allocations by staff, families by team): one `OR`
/// across the two made the database read every family in the deployment.
pub async fn families_for_staff(
    conn: &mut Conn,
    staff: StaffId,
    team: Option<TeamId>,
    role: StaffRole,
) -> Result<Vec<ListedFamily>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT f.id, f.reference, f.display_name FROM allocations a \
         JOIN families f ON f.id = a.family_id WHERE a.staff_id = $1 AND a.ended_at IS NULL \
         UNION SELECT f.id, f.reference, f.display_name FROM families f \
         WHERE f.team_id = $2 AND $3 = 'team_manager' ORDER BY reference",
    )
    .bind(staff.to_string())
    .bind(team.map(|t| t.to_string()).unwrap_or_default())
    .bind(role.code())
    .fetch_all(&mut *conn)
    .await?)
}

/// The account a family member signs in with, if they have one.
pub async fn account_of_member(
    conn: &mut Conn,
    member: MemberId,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT id FROM accounts WHERE member_id = $1")
        .bind(member.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id,)| id))
}

/// The names and roles of those of `staff` still working, for saying whom an alert
/// reaches (a leaver is never sent one).
pub async fn staff_names(
    conn: &mut Conn,
    staff: &[StaffId],
) -> Result<Vec<(StaffId, String, StaffRole)>, StoreError> {
    if staff.is_empty() {
        return Ok(Vec::new());
    }
    let list = super::placeholders(1, staff.len());
    // Only numbered placeholders are added to the text; every value is bound.
    let mut query = sqlx::query_as::<_, CouncilStaffRow>(sqlx::AssertSqlSafe(format!(
        "SELECT id, display_name, role FROM staff WHERE id IN ({list}) \
         AND deactivated_at IS NULL ORDER BY display_name, id"
    )));
    for id in staff {
        query = query.bind(id.to_string());
    }
    query
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| {
            let role = StaffRole::from_code(&row.role)
                .ok_or_else(|| StoreError::Corrupt(format!("role {:?}", row.role)))?;
            Ok((row.id, row.display_name, role))
        })
        .collect()
}
