//! `seed-scale`: a fictional county or a fictional England, for the benchmarks that show
//! whether a page's time depends on how much the whole deployment holds. Never part of
//! the tests' data, never for a council's database.
//!
//! Everything in it is obviously made up ("The Scale41 family (fictional)") and follows
//! from the seed: the same seed gives the same councils, people, ids, words and shares.
//! Times are placed relative to the day it runs, so the data looks current to the pages.
//!
//! Proportions, for each family: two parents and two children, each with an account and a
//! sign-in; one social worker allocated, and a specialist for one family in three; one
//! family in ten flags one parent as posing a risk to the other; 200 entries over the last
//! year, three in five shared with the workers (one in twenty of those later withdrawn),
//! one in twenty shared with another member, one in ten revised, and the allocated worker
//! has read half of what was shared; a group case supervision every four weeks for a
//! year, and one booked ahead; 200 rows in the family's audit chain. A team is a manager,
//! five social workers and three specialists for about 80 families. A county is one
//! council of 1,000 families; England is 150 councils and 50,000 families (10 million
//! entries, 10 million audit rows).
//!
//! Rows are written many to a statement, straight to the tables; the audit rows go
//! through the store's own chain appends, so the trail verifies.

use app::backend::Store;
use app::backend::store::{AuditRecord, Backend, Conn, Outcome, StoreError, Who};
use app::domain::child::HouseItem;
use app::domain::entries::{EntryBody, SafetyAlert};
use app::domain::ids::{AccountId, FamilyId};
use app::domain::tools::ChangeTalk;
use std::time::Instant;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
const FAMILIES_PER_TEAM: usize = 80;
const SOCIAL_WORKERS_PER_TEAM: usize = 5;
const SPECIALISTS: [&str; 3] = [
    "domestic_abuse_practitioner",
    "recovery_worker",
    "mental_health_practitioner",
];
/// Rows written by one statement, and statements in one transaction.
const ROWS_AT_ONCE: usize = 400;
const STATEMENTS_EACH_COMMIT: usize = 25;

/// How big a place to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub councils: usize,
    pub families: usize,
    pub entries_each: usize,
    pub trail_each: usize,
}

impl Shape {
    /// One county council: 1,000 families.
    pub const COUNTY: Shape = Shape {
        councils: 1,
        families: 1_000,
        entries_each: 200,
        trail_each: 200,
    };
    /// England: 150 councils, 50,000 families, 10 million entries and audit rows.
    pub const ENGLAND: Shape = Shape {
        councils: 150,
        families: 50_000,
        entries_each: 200,
        trail_each: 200,
    };

    pub fn named(name: &str) -> Option<Shape> {
        match name {
            "county" => Some(Shape::COUNTY),
            "england" => Some(Shape::ENGLAND),
            _ => None,
        }
    }
}

/// Why a place could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ScaleError {
    #[error(
        "seed-scale fills an empty database, and this one already holds families: \
         make a new database for it and name it in the configuration"
    )]
    NotEmpty,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What was made, how long it took and the database's size afterwards.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub families: usize,
    pub entries: usize,
    pub audit_rows: usize,
    pub seconds: f64,
    pub database_bytes: i64,
}

/// The steps, for a progress report: which, how far, out of how many.
pub type Progress<'a> = &'a mut (dyn FnMut(&str, usize, usize) + Send);

/// A small, fast generator: the same seed gives the same numbers on every machine.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn id(&mut self) -> String {
        let high = self.next().to_be_bytes();
        let low = self.next().to_be_bytes();
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&high);
        bytes[8..].copy_from_slice(&low);
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}

/// A value for a column.
#[derive(Debug, Clone)]
enum Value {
    Text(String),
    Int(i64),
    MaybeText(Option<String>),
    MaybeInt(Option<i64>),
}

use Value::{Int, MaybeInt, MaybeText, Text};

/// Rows for one table, written many to a statement as they fill up.
struct Table {
    insert: &'static str,
    columns: usize,
    rows: Vec<Vec<Value>>,
}

impl Table {
    fn new(insert: &'static str, columns: usize) -> Table {
        Table {
            insert,
            columns,
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns);
        self.rows.push(row);
    }

    async fn write(&mut self, conn: &mut Conn) -> Result<usize, StoreError> {
        let mut statements = 0;
        for chunk in self.rows.chunks(ROWS_AT_ONCE) {
            let values = app::backend::store::tuples(chunk.len(), self.columns, "");
            // Only placeholders are added to the fixed text; every value is bound.
            let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
                "{} VALUES {values}",
                self.insert
            )));
            for value in chunk.iter().flatten() {
                query = match value {
                    Text(text) => query.bind(text.as_str()),
                    Int(int) => query.bind(*int),
                    MaybeText(text) => query.bind(text.as_deref()),
                    MaybeInt(int) => query.bind(*int),
                };
            }
            query.execute(&mut *conn).await?;
            statements += 1;
        }
        self.rows.clear();
        Ok(statements)
    }
}

/// One family's people, as the entries and the trail need them.
struct Family {
    id: String,
    parents: [String; 2],
    children: [String; 2],
    worker_account: String,
    worker_name: String,
}

/// The families made, for the trail to follow them.
pub struct Place {
    families: Vec<Family>,
    entries: usize,
    started: Instant,
}

/// Fills an empty database with the fictional place `shape` describes, from `seed`, and
/// then each family's audit chain.
pub async fn seed_scale(
    store: &Store,
    shape: Shape,
    seed: u64,
    progress: Progress<'_>,
) -> Result<Seeded, ScaleError> {
    let place = seed_place(store, shape, seed, &mut *progress).await?;
    let audit_rows = add_trail(store, &place, shape.trail_each, progress).await?;
    Ok(Seeded {
        families: place.families.len(),
        entries: place.entries,
        audit_rows,
        seconds: place.started.elapsed().as_secs_f64(),
        database_bytes: database_bytes(store).await?,
    })
}

/// The people, their entries and their supervision, without the audit trail.
pub async fn seed_place(
    store: &Store,
    shape: Shape,
    seed: u64,
    progress: Progress<'_>,
) -> Result<Place, ScaleError> {
    let started = Instant::now();
    let mut conn = store.pool_connection().await?;
    let (families_there,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM families")
        .fetch_one(&mut *conn)
        .await
        .map_err(StoreError::from)?;
    if families_there > 0 {
        return Err(ScaleError::NotEmpty);
    }
    let today = store.now() / DAY_MS * DAY_MS;
    let mut dice = Dice(seed);
    let mut batch = Batch::default();

    // Councils, teams and staff.
    let teams_each = shape
        .families
        .div_ceil(shape.councils.max(1))
        .div_ceil(FAMILIES_PER_TEAM);
    let mut teams: Vec<Team> = Vec::new();
    let mut staff = Table::new(
        "INSERT INTO staff (id, council_id, team_id, display_name, role, created_at)",
        6,
    );
    let mut accounts = Table::new(
        "INSERT INTO accounts (id, staff_id, member_id, created_at)",
        4,
    );
    let mut councils = Table::new("INSERT INTO councils (id, name, created_at)", 3);
    let mut team_rows = Table::new("INSERT INTO teams (id, council_id, name, created_at)", 4);
    let year_ago = today - 365 * DAY_MS;
    for c in 0..shape.councils {
        let council = dice.id();
        councils.push(vec![
            Text(council.clone()),
            Text(format!("Scaleshire {c} (fictional)")),
            Int(year_ago),
        ]);
        for t in 0..teams_each {
            let id = dice.id();
            team_rows.push(vec![
                Text(id.clone()),
                Text(council.clone()),
                Text(format!("Scale team {c}-{t} (fictional)")),
                Int(year_ago),
            ]);
            let mut member = |role: &str, n: usize, staff: &mut Table, accounts: &mut Table| {
                let staff_id = dice.id();
                let account = dice.id();
                let name = format!("Worker {c}-{t}-{n} (fictional)");
                staff.push(vec![
                    Text(staff_id.clone()),
                    Text(council.clone()),
                    Text(id.clone()),
                    Text(name.clone()),
                    Text(role.to_owned()),
                    Int(year_ago),
                ]);
                accounts.push(vec![
                    Text(account.clone()),
                    MaybeText(Some(staff_id.clone())),
                    MaybeText(None),
                    Int(year_ago),
                ]);
                (staff_id, account, name)
            };
            let manager = member("team_manager", 0, &mut staff, &mut accounts);
            let workers: Vec<_> = (1..=SOCIAL_WORKERS_PER_TEAM)
                .map(|n| member("social_worker", n, &mut staff, &mut accounts))
                .collect();
            let specialists: Vec<_> = SPECIALISTS
                .iter()
                .enumerate()
                .map(|(n, role)| {
                    member(
                        role,
                        SOCIAL_WORKERS_PER_TEAM + 1 + n,
                        &mut staff,
                        &mut accounts,
                    )
                })
                .collect();
            teams.push(Team {
                id,
                council: council.clone(),
                manager,
                workers,
                specialists,
                families: Vec::new(),
            });
        }
    }
    batch.start(&mut conn).await?;
    batch
        .write_all(
            &mut conn,
            &mut [&mut councils, &mut team_rows, &mut staff, &mut accounts],
        )
        .await?;

    // Families, their people and who works with them.
    let mut families = Vec::with_capacity(shape.families);
    let mut family_rows = Table::new(
        "INSERT INTO families (id, council_id, team_id, reference, display_name, created_at)",
        6,
    );
    let mut members = Table::new(
        "INSERT INTO members (id, family_id, kind, display_name, date_of_birth, created_at)",
        6,
    );
    let mut sessions = Table::new(
        "INSERT INTO sessions (token_hash, id, account_id, created_at, last_seen_at, \
         verified_at, ended_at, end_reason)",
        8,
    );
    let mut allocations = Table::new(
        "INSERT INTO allocations (id, family_id, staff_id, started_at)",
        4,
    );
    let mut flags = Table::new(
        "INSERT INTO risk_flags (id, family_id, member_id, towards_member_id, kind, \
         flagged_by_staff_id, created_at)",
        7,
    );
    for n in 0..shape.families {
        let council = n * shape.councils.max(1) / shape.families.max(1);
        let within = n - council * shape.families / shape.councils.max(1);
        let team_index = council * teams_each + (within / FAMILIES_PER_TEAM).min(teams_each - 1);
        let team = &mut teams[team_index];
        let id = dice.id();
        family_rows.push(vec![
            Text(id.clone()),
            Text(team.council.clone()),
            Text(team.id.clone()),
            Text(format!("SCALE-{n}")),
            Text(format!("The Scale{n} family (fictional)")),
            Int(year_ago),
        ]);
        let mut person = |kind: &str, name: String, born: Option<String>| {
            let member = dice.id();
            let account = dice.id();
            members.push(vec![
                Text(member.clone()),
                Text(id.clone()),
                Text(kind.to_owned()),
                Text(name),
                MaybeText(born),
                Int(year_ago),
            ]);
            accounts.push(vec![
                Text(account.clone()),
                MaybeText(None),
                MaybeText(Some(member.clone())),
                Int(year_ago),
            ]);
            (member, account)
        };
        let parents = [
            person("parent_carer", format!("Parent A{n} (fictional)"), None),
            person("parent_carer", format!("Parent B{n} (fictional)"), None),
        ];
        let children = [
            person(
                "child",
                format!("Child A{n} (fictional)"),
                Some("2017-03-01".to_owned()),
            ),
            person(
                "child",
                format!("Child B{n} (fictional)"),
                Some("2012-09-01".to_owned()),
            ),
        ];
        for (_, account) in parents.iter().chain(&children) {
            let at = today - i64::try_from(dice.below(60)).unwrap_or(0) * DAY_MS;
            sessions.push(vec![
                Text(dice.id()),
                Text(dice.id()),
                MaybeText(Some(account.clone())),
                Int(at),
                Int(at),
                MaybeInt(Some(at)),
                MaybeInt(Some(at + 20 * 60 * 1000)),
                MaybeText(Some("signed_out".to_owned())),
            ]);
        }
        let worker = &team.workers[team.families.len() % team.workers.len()];
        allocations.push(vec![
            Text(dice.id()),
            Text(id.clone()),
            Text(worker.0.clone()),
            Int(year_ago),
        ]);
        if n % 3 == 0 {
            let specialist = &team.specialists[n / 3 % team.specialists.len()];
            allocations.push(vec![
                Text(dice.id()),
                Text(id.clone()),
                Text(specialist.0.clone()),
                Int(year_ago),
            ]);
        }
        if n % 10 == 7 {
            flags.push(vec![
                Text(dice.id()),
                Text(id.clone()),
                Text(parents[0].0.clone()),
                Text(parents[1].0.clone()),
                Text("alleged_domestic_abuse".to_owned()),
                Text(team.manager.0.clone()),
                Int(year_ago),
            ]);
        }
        team.families.push(id.clone());
        families.push(Family {
            id,
            parents: parents.map(|(member, _)| member),
            children: children.map(|(member, _)| member),
            worker_account: worker.1.clone(),
            worker_name: worker.2.clone(),
        });
        if family_rows.rows.len() >= ROWS_AT_ONCE || n + 1 == shape.families {
            batch
                .write_all(
                    &mut conn,
                    &mut [
                        &mut family_rows,
                        &mut members,
                        &mut accounts,
                        &mut sessions,
                        &mut allocations,
                        &mut flags,
                    ],
                )
                .await?;
            progress("families", n + 1, shape.families);
        }
    }

    // A group case supervision every four weeks for a year, and one booked ahead, each
    // discussing all of the team's families.
    let mut meetings = Table::new(
        "INSERT INTO supervision_sessions (id, team_id, held_on, booked_by, booked_at)",
        5,
    );
    let mut discussed = Table::new(
        "INSERT INTO supervision_families (session_id, family_id)",
        2,
    );
    let mut attended = Table::new(
        "INSERT INTO supervision_attendees (session_id, staff_id)",
        2,
    );
    for (t, team) in teams.iter().enumerate() {
        for k in -1..13_i64 {
            let id = dice.id();
            let held_on = today - k * 28 * DAY_MS;
            meetings.push(vec![
                Text(id.clone()),
                Text(team.id.clone()),
                Int(held_on),
                Text(team.manager.0.clone()),
                Int(held_on - 14 * DAY_MS),
            ]);
            for family in &team.families {
                discussed.push(vec![Text(id.clone()), Text(family.clone())]);
            }
            for staff in std::iter::once(&team.manager).chain(&team.workers) {
                attended.push(vec![Text(id.clone()), Text(staff.0.clone())]);
            }
        }
        if discussed.rows.len() >= ROWS_AT_ONCE * 4 || t + 1 == teams.len() {
            batch
                .write_all(
                    &mut conn,
                    &mut [&mut meetings, &mut discussed, &mut attended],
                )
                .await?;
            progress("supervision", t + 1, teams.len());
        }
    }

    // Entries: what each member wrote, shared, revised; and what the worker read.
    let mut entries = Table::new(
        "INSERT INTO entries (id, family_id, author_member_id, kind, submission_id, created_at)",
        6,
    );
    let mut versions = Table::new(
        "INSERT INTO entry_versions (entry_id, version, body, written_at)",
        4,
    );
    let mut shares = Table::new(
        "INSERT INTO entry_shares (id, entry_id, audience, member_id, shared_at, withdrawn_at)",
        6,
    );
    let mut readers = Table::new(
        "INSERT INTO entry_readers (entry_id, author_member_id, reader_account_id, \
         reader_name, reader_role, first_at, last_at, times, opened_at)",
        9,
    );
    let total_entries = shape.families * shape.entries_each;
    let mut written = 0;
    for family in &families {
        for e in 0..shape.entries_each {
            let id = dice.id();
            let by_child = dice.one_in(4);
            let author = if by_child {
                &family.children[dice.below(2)]
            } else {
                &family.parents[dice.below(2)]
            };
            let age = i64::try_from(shape.entries_each - e).unwrap_or(0) * 365 * DAY_MS
                / i64::try_from(shape.entries_each).unwrap_or(1);
            let at = today - age + i64::try_from(dice.below(8 * 60 * 60 * 1000)).unwrap_or(0);
            let body = body(&mut dice, by_child, written)?;
            entries.push(vec![
                Text(id.clone()),
                Text(family.id.clone()),
                Text(author.clone()),
                Text(body.kind().code().to_owned()),
                Text(dice.id()),
                Int(at),
            ]);
            let encoded = body
                .encode()
                .map_err(|e| StoreError::Corrupt(format!("a made-up body: {e}")))?;
            versions.push(vec![
                Text(id.clone()),
                Int(1),
                Text(encoded.clone()),
                Int(at),
            ]);
            if dice.one_in(10) {
                versions.push(vec![
                    Text(id.clone()),
                    Int(2),
                    Text(encoded),
                    Int(at + DAY_MS),
                ]);
            }
            let shared = matches!(body, EntryBody::SafetyAlert(_)) || dice.below(5) < 3;
            if shared {
                let withdrawn = dice.one_in(20).then_some(at + 2 * DAY_MS);
                shares.push(vec![
                    Text(dice.id()),
                    Text(id.clone()),
                    Text("workers".to_owned()),
                    MaybeText(None),
                    Int(at),
                    MaybeInt(withdrawn),
                ]);
                if dice.one_in(2) {
                    readers.push(vec![
                        Text(id.clone()),
                        Text(author.clone()),
                        Text(family.worker_account.clone()),
                        Text(family.worker_name.clone()),
                        Text("Social worker".to_owned()),
                        Int(at + DAY_MS),
                        Int(at + DAY_MS),
                        Int(1),
                        MaybeInt(Some(at + DAY_MS)),
                    ]);
                }
            }
            if dice.one_in(20) && !by_child {
                let other = if author == &family.parents[0] {
                    &family.parents[1]
                } else {
                    &family.parents[0]
                };
                shares.push(vec![
                    Text(dice.id()),
                    Text(id),
                    Text("member".to_owned()),
                    MaybeText(Some(other.clone())),
                    Int(at),
                    MaybeInt(None),
                ]);
            }
            written += 1;
            if entries.rows.len() >= ROWS_AT_ONCE || written == total_entries {
                batch
                    .write_all(
                        &mut conn,
                        &mut [&mut entries, &mut versions, &mut shares, &mut readers],
                    )
                    .await?;
                progress("entries", written, total_entries);
            }
        }
    }
    batch.finish(&mut conn).await?;
    // A database that has served for a while has statistics for its planner; without
    // them, PostgreSQL scans whole tables for what an index answers.
    sqlx::query("ANALYZE")
        .execute(&mut *conn)
        .await
        .map_err(StoreError::from)?;
    drop(conn);

    Ok(Place {
        families,
        entries: written,
        started,
    })
}

/// Each family's chain of audit rows, `each` to a family, through the store's own
/// appends so that the trail verifies: the caseloads that counted it, the pages its
/// parents opened. Answers how many rows were added.
pub async fn add_trail(
    store: &Store,
    place: &Place,
    each: usize,
    progress: Progress<'_>,
) -> Result<usize, StoreError> {
    let families = &place.families;
    let total_rows = families.len() * each;
    let mut appended = 0;
    let mut records = Vec::new();
    for (n, family) in families.iter().enumerate() {
        let id = FamilyId::parse(&family.id).map_err(StoreError::Corrupt)?;
        let worker = Who {
            account: AccountId::parse(&family.worker_account).ok(),
            name: family.worker_name.clone(),
            role: "Social worker".to_owned(),
        };
        let parent = Who {
            account: None,
            name: format!("Parent A{n} (fictional)"),
            role: "Parent or carer".to_owned(),
        };
        for r in 0..each {
            records.push(match r % 4 {
                0 | 1 => AuditRecord::new(
                    &worker,
                    "read_caseload",
                    Some(id),
                    None,
                    Outcome::Allowed,
                    "not engaged for 4 weeks",
                ),
                2 => AuditRecord::new(&parent, "read_space", Some(id), None, Outcome::Allowed, ""),
                _ => AuditRecord::new(
                    &worker,
                    "read_bookings",
                    Some(id),
                    None,
                    Outcome::Allowed,
                    "",
                ),
            });
        }
        if records.len() >= 2_000 || n + 1 == families.len() {
            let mut audited = store.begin_audited().await?;
            audited.append(&records).await?;
            audited.commit().await?;
            appended += records.len();
            records.clear();
            progress("audit trail", appended, total_rows);
        }
    }
    sqlx::query("ANALYZE")
        .execute(&mut *store.pool_connection().await?)
        .await?;
    Ok(appended)
}

/// The database's size on disk, in bytes.
pub async fn database_bytes(store: &Store) -> Result<i64, StoreError> {
    Ok(match store.backend() {
        Backend::Postgres => {
            let (bytes,): (i64,) = sqlx::query_as("SELECT pg_database_size(current_database())")
                .fetch_one(&mut *store.pool_connection().await?)
                .await
                .map_err(StoreError::from)?;
            bytes
        }
        Backend::Sqlite => {
            let (bytes,): (i64,) = sqlx::query_as(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )
            .fetch_one(&mut *store.pool_connection().await?)
            .await
            .map_err(StoreError::from)?;
            bytes
        }
    })
}

struct Team {
    id: String,
    council: String,
    manager: (String, String, String),
    workers: Vec<(String, String, String)>,
    specialists: Vec<(String, String, String)>,
    families: Vec<String>,
}

/// Transactions of a few statements each, so a large seed neither holds one transaction
/// for an hour nor waits for a disk flush after every statement.
#[derive(Default)]
struct Batch {
    statements: usize,
}

impl Batch {
    async fn start(&mut self, conn: &mut Conn) -> Result<(), StoreError> {
        sqlx::query("BEGIN").execute(&mut *conn).await?;
        self.statements = 0;
        Ok(())
    }

    /// Writes what each table holds, committing every few statements.
    async fn write_all(
        &mut self,
        conn: &mut Conn,
        tables: &mut [&mut Table],
    ) -> Result<(), StoreError> {
        for table in tables {
            let statements = table.write(conn).await?;
            self.wrote(conn, statements).await?;
        }
        Ok(())
    }

    async fn wrote(&mut self, conn: &mut Conn, statements: usize) -> Result<(), StoreError> {
        self.statements += statements;
        if self.statements >= STATEMENTS_EACH_COMMIT {
            sqlx::query("COMMIT").execute(&mut *conn).await?;
            self.start(conn).await?;
        }
        Ok(())
    }

    async fn finish(&mut self, conn: &mut Conn) -> Result<(), StoreError> {
        sqlx::query("COMMIT").execute(&mut *conn).await?;
        Ok(())
    }
}

/// Made-up words for an entry: a parent's change talk, a child's Three Houses, and now
/// and then a safety alert.
fn body(dice: &mut Dice, by_child: bool, n: usize) -> Result<EntryBody, StoreError> {
    const SAID: [&str; 4] = [
        "I want mornings to be calmer (fictional words)",
        "We went to the park together (fictional words)",
        "I could ask for help sooner (fictional words)",
        "Things felt better this week (fictional words)",
    ];
    let words = format!("{} {n}", SAID[dice.below(SAID.len())]);
    let made = |e: app::domain::FieldErrors| StoreError::Corrupt(format!("{e:?}"));
    if dice.one_in(500) {
        return Ok(EntryBody::SafetyAlert(SafetyAlert::now()));
    }
    Ok(if by_child {
        let house = ["worries", "good_things", "dreams"][dice.below(3)];
        EntryBody::HouseItem(HouseItem::parse(house, &[], &words).map_err(made)?)
    } else {
        EntryBody::ChangeTalk(ChangeTalk::parse("none", &words).map_err(made)?)
    })
}
