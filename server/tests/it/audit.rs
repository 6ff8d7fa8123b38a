//! The audit trail's chains: one per family, a few for events with no family, and the
//! single chain written before there were chains, kept whole. On both databases, and on
//! PostgreSQL the proof that two families' audited transactions do not queue on each other.

use crate::support;
use app::backend::store::audit::{self, AuditRecord, AuditRow, Outcome, Who};
use app::domain::ids::{AccountId, FamilyId};
use std::time::Duration;
use support::{Kind, TestDb};

on_both_backends!(
    each_family_has_its_own_chain_and_events_with_no_family_go_to_system_chains,
    one_family_can_be_verified_alone_and_tampering_is_found_in_its_chain,
    the_trail_written_before_chains_stays_whole_and_new_rows_go_to_the_new_chains,
);

fn read(family: FamilyId) -> AuditRecord {
    AuditRecord::new(
        &Who::operator(),
        "read_entry",
        Some(family),
        Some("an entry".to_owned()),
        Outcome::Allowed,
        "",
    )
}

fn sign_in(account: AccountId) -> AuditRecord {
    AuditRecord::new(
        &Who {
            account: Some(account),
            name: "Sam Sample".to_owned(),
            role: "Social worker".to_owned(),
        },
        "sign_in",
        None,
        None,
        Outcome::Allowed,
        "",
    )
}

/// The chain and place of each row, in the order written.
async fn places(db: &TestDb) -> Vec<(String, i64)> {
    db.store
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.chain, row.chain_seq))
        .collect()
}

async fn each_family_has_its_own_chain_and_events_with_no_family_go_to_system_chains(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (a, b) = (FamilyId::new(), FamilyId::new());
    let account = AccountId::new();
    db.store.audit(read(a)).await.unwrap();
    db.store.audit(read(b)).await.unwrap();
    db.store.audit(sign_in(account)).await.unwrap();
    // One transaction covering both families and the account: a row in each chain.
    let mut both = db.store.begin_audited().await.unwrap();
    both.append(&[read(b), sign_in(account), read(a), read(a)])
        .await
        .unwrap();
    both.commit().await.unwrap();

    let system = audit::chain_of(&sign_in(account));
    assert!(system.starts_with("system:"), "{system}");
    let (fa, fb) = (audit::family_chain(a), audit::family_chain(b));
    assert_eq!(
        places(&db).await,
        [
            (fa.clone(), 1),
            (fb.clone(), 1),
            (system.clone(), 1),
            (fb, 2),
            (system, 2),
            (fa.clone(), 2),
            (fa, 3),
        ],
        "rows keep the order they were written in, each at the next place in its chain"
    );
    let report = db.store.verify_audit().await.unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    assert_eq!((report.rows, report.chains), (7, 3));
    db.finish().await;
}

async fn one_family_can_be_verified_alone_and_tampering_is_found_in_its_chain(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (a, b) = (FamilyId::new(), FamilyId::new());
    for _ in 0..3 {
        db.store.audit(read(a)).await.unwrap();
        db.store.audit(read(b)).await.unwrap();
    }
    let only_a = db
        .store
        .verify_audit_with(Some(a), &mut |_| {})
        .await
        .unwrap();
    assert_eq!((only_a.rows, only_a.chains), (3, 1));
    assert!(only_a.problems.is_empty(), "{:?}", only_a.problems);

    // Someone who can write to the database removes family b's middle row.
    lift_guards(&db, kind).await;
    db.store
        .execute_admin(&format!(
            "DELETE FROM audit_events WHERE chain = '{}' AND chain_seq = 2",
            audit::family_chain(b)
        ))
        .await
        .unwrap();
    let whole = db.store.verify_audit().await.unwrap();
    assert!(
        whole
            .problems
            .iter()
            .any(|p| p.contains(&audit::family_chain(b)) && p.contains("row 2 is missing")),
        "{:?}",
        whole.problems
    );
    let only_a = db
        .store
        .verify_audit_with(Some(a), &mut |_| {})
        .await
        .unwrap();
    assert!(only_a.problems.is_empty(), "family a's chain is untouched");
    let only_b = db
        .store
        .verify_audit_with(Some(b), &mut |_| {})
        .await
        .unwrap();
    assert!(!only_b.problems.is_empty());

    // Removing a whole chain, rows and all, is found from its head.
    db.store
        .execute_admin(&format!(
            "DELETE FROM audit_events WHERE chain = '{}'",
            audit::family_chain(a)
        ))
        .await
        .unwrap();
    let only_a = db
        .store
        .verify_audit_with(Some(a), &mut |_| {})
        .await
        .unwrap();
    assert!(
        only_a.problems.iter().any(|p| p.contains("was removed")),
        "{:?}",
        only_a.problems
    );
    db.finish().await;
}

/// Drops the append-only guards, as someone holding the database could.
async fn lift_guards(db: &TestDb, kind: Kind) {
    let sql = match kind {
        Kind::Sqlite => "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;",
        Kind::Postgres => "DROP TRIGGER audit_events_no_change ON audit_events",
    };
    db.store.execute_admin(sql).await.unwrap();
}

/// The last migration before the trail had chains.
const BEFORE_CHAINS_MIGRATION: i64 = 15;

async fn the_trail_written_before_chains_stays_whole_and_new_rows_go_to_the_new_chains(kind: Kind) {
    let db = TestDb::empty(kind).await;
    let dialect = match kind {
        Kind::Sqlite => "sqlite",
        Kind::Postgres => "postgres",
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(dialect);
    let mut earlier = sqlx::migrate::Migrator::new(dir.as_path()).await.unwrap();
    earlier.migrations = earlier
        .migrations
        .iter()
        .filter(|m| m.version <= BEFORE_CHAINS_MIGRATION)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    earlier.run(&pool).await.unwrap();

    // Three rows as the single chain wrote them: each hashed after the one before.
    let family = FamilyId::new();
    let mut prev = "genesis".to_owned();
    for seq in 1..=3_i64 {
        let mut row = AuditRow {
            seq,
            chain: audit::BEFORE_CHAINS.to_owned(),
            chain_seq: seq,
            at: 1_700_000_000_000 + seq,
            actor_account: None,
            actor_name: "Server command line".to_owned(),
            actor_role: "Operator".to_owned(),
            action: "read_entry".to_owned(),
            family: Some(family.to_string()),
            subject: Some(format!("entry {seq}")),
            outcome: "allowed".to_owned(),
            detail: String::new(),
            prev_hash: prev.clone(),
            hash: String::new(),
        };
        row.hash = audit::row_hash(&prev, &row);
        sqlx::query(
            "INSERT INTO audit_events (seq, at, actor_account_id, actor_name, actor_role, action, \
             family_id, subject, outcome, detail, prev_hash, hash) \
             VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(row.seq)
        .bind(row.at)
        .bind(row.actor_name.clone())
        .bind(row.actor_role.clone())
        .bind(row.action.clone())
        .bind(row.family.clone())
        .bind(row.subject.clone())
        .bind(row.outcome.clone())
        .bind(row.detail.clone())
        .bind(row.prev_hash.clone())
        .bind(row.hash.clone())
        .execute(&pool)
        .await
        .unwrap();
        prev = row.hash;
    }
    sqlx::query("UPDATE audit_head SET seq = 3, hash = $1 WHERE id = 1")
        .bind(prev)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    db.store.migrate().await.unwrap();
    let report = db.store.verify_audit().await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.rows, report.chains), (3, 1));

    // New rows go to the family's own chain, after the old rows in time order.
    db.store.audit(read(family)).await.unwrap();
    let mut expected: Vec<(String, i64)> = (1..=3)
        .map(|seq| (audit::BEFORE_CHAINS.to_owned(), seq))
        .collect();
    expected.push((audit::family_chain(family), 1));
    assert_eq!(places(&db).await, expected);
    assert!(db.store.verify_audit().await.unwrap().problems.is_empty());

    // The old chain is still evidence: cutting its last row off is found.
    lift_guards(&db, kind).await;
    db.store
        .execute_admin("DELETE FROM audit_events WHERE chain = 'before-chains' AND chain_seq = 3")
        .await
        .unwrap();
    let report = db.store.verify_audit().await.unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.starts_with("chain before-chains: its head says 3 rows, but 2")),
        "{:?}",
        report.problems
    );
    db.finish().await;
}

/// Two families' audited transactions hold their chains at the same time; a second
/// transaction on the same family waits for the first to end. Shown with open
/// transactions and PostgreSQL's own record of who waits for a lock, not with timing:
/// the timeouts only turn a hang into a failure.
#[tokio::test]
async fn on_postgresql_two_families_are_audited_at_once_and_one_family_takes_turns() {
    let db = TestDb::new(Kind::Postgres).await;
    let (a, b) = (FamilyId::new(), FamilyId::new());
    let guard = Duration::from_secs(30);

    let mut first = db.store.begin_audited().await.unwrap();
    first.append(&[read(a)]).await.unwrap();
    let mut second = db.store.begin_audited().await.unwrap();
    tokio::time::timeout(guard, second.append(&[read(b)]))
        .await
        .expect("family b's chain is free while family a's is held")
        .unwrap();

    // Both are open now, each holding its own chain. A third on family a must wait.
    let store = db.store.clone();
    let third = tokio::spawn(async move {
        let mut third = store.begin_audited().await.unwrap();
        third.append(&[read(a)]).await.unwrap();
        third.commit().await.unwrap();
    });
    let waiting = async {
        loop {
            if lock_waits(&db).await > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(guard, waiting)
        .await
        .expect("the third transaction waits for family a's chain");
    assert!(!third.is_finished());

    second.commit().await.unwrap();
    assert!(!third.is_finished(), "family b ending frees nothing of a's");
    first.commit().await.unwrap();
    tokio::time::timeout(guard, third)
        .await
        .expect("the third goes on once the first ends")
        .unwrap();

    assert_eq!(
        places(&db).await,
        [
            (audit::family_chain(a), 1),
            (audit::family_chain(b), 1),
            (audit::family_chain(a), 2),
        ]
    );
    assert!(db.store.verify_audit().await.unwrap().problems.is_empty());
    db.finish().await;
}

/// Sessions of this test's database waiting for a lock, by PostgreSQL's own account.
async fn lock_waits(db: &TestDb) -> i64 {
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let (waiting,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM pg_stat_activity \
         WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    waiting
}
