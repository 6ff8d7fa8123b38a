//! The audit trail's chains: one per family, a few for events with no family, and the
//! single chain written before there were chains, kept whole. On both databases, and on
//! PostgreSQL the proof that two families' audited transactions do not queue on each other.
//! Then the checkpoints that anchor the chains outside the database, tried as someone who
//! can write to the database and knows the algorithm, but does not hold the key.

use crate::support;
use app::backend::checkpoint::{self, Checkpoint, CheckpointKey};
use app::backend::store::audit::{self, AuditRecord, AuditRow, Outcome, Who};
use app::domain::ids::{AccountId, FamilyId};
use std::time::Duration;
use support::{Kind, TestApp, TestDb};

on_both_backends!(
    each_family_has_its_own_chain_and_events_with_no_family_go_to_system_chains,
    one_family_can_be_verified_alone_and_tampering_is_found_in_its_chain,
    the_trail_written_before_chains_stays_whole_and_new_rows_go_to_the_new_chains,
    checkpoints_hold_only_what_moved_and_follow_each_other,
    a_checkpoint_finds_tampering_the_chains_alone_cannot,
    each_servers_checkpoint_file_holds_every_checkpoint_whoever_took_it,
    reads_that_finish_together_share_one_commit_and_none_answers_before_it,
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

async fn checkpoints_hold_only_what_moved_and_follow_each_other(kind: Kind) {
    let db = TestDb::new(kind).await;
    let key = CheckpointKey::generate();
    let (a, b) = (FamilyId::new(), FamilyId::new());
    db.store.audit(read(a)).await.unwrap();
    db.store.audit(read(b)).await.unwrap();
    db.store.audit(read(a)).await.unwrap();
    let first = checkpoint::take(&db.store, &key).await.unwrap().unwrap();
    assert_eq!(first.checkpoint, 1);
    let heads: Vec<(String, i64)> = first
        .heads
        .iter()
        .map(|h| (h.chain.clone(), h.seq))
        .collect();
    let mut expected = vec![(audit::family_chain(a), 2), (audit::family_chain(b), 1)];
    expected.sort();
    assert_eq!(heads, expected);
    assert!(
        checkpoint::take(&db.store, &key).await.unwrap().is_none(),
        "nothing moved, so no checkpoint"
    );

    db.store.audit(read(a)).await.unwrap();
    let second = checkpoint::take(&db.store, &key).await.unwrap().unwrap();
    assert_eq!(second.checkpoint, 2);
    assert_eq!(second.previous, first.hash());
    assert_eq!(
        second
            .heads
            .iter()
            .map(|h| (h.chain.clone(), h.seq))
            .collect::<Vec<_>>(),
        [(audit::family_chain(a), 3)],
        "only the chain that moved"
    );

    let lines = [first.line(), second.line()];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let problems = checkpoint::verify(&db.store, file(&lines), &key.public_hex(), None)
        .await
        .unwrap();
    assert_eq!(problems, Vec::<String>::new());
    let stranger = CheckpointKey::generate();
    let problems = checkpoint::verify(&db.store, file(&lines), &stranger.public_hex(), None)
        .await
        .unwrap();
    assert!(
        problems.len() == 2
            && problems
                .iter()
                .all(|p| p.contains("not signed by the key given")),
        "{problems:?}"
    );
    // A checkpoint taken out of the file, with the one after it kept, is noticed.
    let mut forged = Checkpoint::parse(lines[1]).unwrap();
    forged.previous = "genesis".to_owned();
    let forged = forged.line();
    let problems = checkpoint::verify(
        &db.store,
        file(&[lines[0], &forged]),
        &key.public_hex(),
        None,
    )
    .await
    .unwrap();
    assert!(
        problems.iter().any(|p| p.contains("does not follow")),
        "{problems:?}"
    );
    db.finish().await;
}

/// Two servers on one database take checkpoints in turn, one numbered sequence between
/// them, and each appends to its own file. Each file still holds every checkpoint, so each
/// verifies on its own: a gap would look like a checkpoint cut out.
async fn each_servers_checkpoint_file_holds_every_checkpoint_whoever_took_it(kind: Kind) {
    use server::checkpoints::{Checkpointing, write_new_key};
    let db = TestDb::new(kind).await;
    let dir = tempfile::TempDir::new().unwrap();
    let key_file = dir.path().join("checkpoint.key");
    let key = write_new_key(&key_file).unwrap();
    let server = |file: &str| {
        let mut config = server::config::Config::default();
        config.audit.checkpoint_key = Some(key_file.clone());
        config.audit.checkpoint_file = Some(dir.path().join(file));
        Checkpointing::from_config(&config).unwrap().unwrap()
    };
    let (one, two) = (server("one.jsonl"), server("two.jsonl"));
    let family = FamilyId::new();
    for taker in [&one, &two, &one, &two, &two] {
        db.store.audit(read(family)).await.unwrap();
        taker.take(&db.store).await.unwrap().unwrap();
    }
    // Nothing moved: no new checkpoint, and the file stays as it is.
    assert!(one.take(&db.store).await.unwrap().is_none());
    for name in ["one.jsonl", "two.jsonl"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let numbers: Vec<i64> = text
            .lines()
            .map(|line| Checkpoint::parse(line).unwrap().checkpoint)
            .collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5], "{name}");
        let lines: Vec<&str> = text.lines().collect();
        let problems = checkpoint::verify(&db.store, file(&lines), &key.public_hex(), None)
            .await
            .unwrap();
        assert_eq!(problems, Vec::<String>::new(), "{name}");
    }
    db.finish().await;
}

/// Reads that finish while the trail is held wait, none answering before the commit that
/// holds its row, and then share one commit (one flush to disk) instead of one each.
async fn reads_that_finish_together_share_one_commit_and_none_answers_before_it(kind: Kind) {
    let db = TestDb::new(kind).await;
    let family = FamilyId::new();
    let rows_before = db.store.audit_count().await.unwrap();
    // An audited write of the family, under way: it holds the family's chain (and, on
    // SQLite, the one writer) until it commits.
    let mut holding = db.store.begin_audited().await.unwrap();
    holding.append(&[read(family)]).await.unwrap();
    let commits_before = db.store.read_commits();
    let reads: Vec<_> = (0..6)
        .map(|_| {
            let store = db.store.clone();
            tokio::spawn(async move {
                let mut tx = store.begin_read().await?;
                sqlx::query("SELECT COUNT(*) FROM audit_events")
                    .execute(&mut *tx.tx)
                    .await?;
                tx.finish(read(family)).await
            })
        })
        .collect();
    // Well inside the writer's five seconds on SQLite: no read has answered, because no
    // commit could yet hold its row.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(
        reads.iter().all(|read| !read.is_finished()),
        "a read answered before its audit row was committed"
    );
    assert_eq!(db.store.audit_count().await.unwrap(), rows_before);
    holding.commit().await.unwrap();
    for read in reads {
        read.await.unwrap().unwrap();
    }
    let commits = db.store.read_commits() - commits_before;
    assert!(
        (1..=2).contains(&commits),
        "six reads that finished together took {commits} commits"
    );
    assert_eq!(db.store.audit_count().await.unwrap() - rows_before, 7);
    let report = db.store.verify_audit().await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    if matches!(kind, Kind::Postgres) {
        // A read cannot write: what it wrote would have no audit row of its own.
        let mut tx = db.store.begin_read().await.unwrap();
        let wrote = sqlx::query("INSERT INTO councils (id, name, created_at) VALUES ($1, $2, 0)")
            .bind(uuid::Uuid::new_v4().to_string())
            .bind("Readshire (test)")
            .execute(&mut *tx.tx)
            .await;
        assert!(wrote.is_err(), "a write inside a read");
    }
    db.finish().await;
}

/// The lines of a checkpoint file, as read from one.
fn file<'a>(lines: &'a [&'a str]) -> impl Iterator<Item = std::io::Result<&'a str>> {
    lines.iter().copied().map(Ok)
}

/// Someone who can write to the database and knows the algorithm, but not the key.
async fn a_checkpoint_finds_tampering_the_chains_alone_cannot(kind: Kind) {
    for tamper in [
        Tamper::CutAndFixTheHead,
        Tamper::RecomputeTheChain,
        Tamper::Reorder,
    ] {
        let db = TestDb::new(kind).await;
        let key = CheckpointKey::generate();
        let (a, b) = (FamilyId::new(), FamilyId::new());
        // Rows that differ, so that moving one is a change (two reads in the same
        // millisecond of the same thing would be the same row).
        for n in 0..3 {
            for family in [a, b] {
                let mut row = read(family);
                row.subject = Some(format!("entry {n}"));
                db.store.audit(row).await.unwrap();
            }
        }
        let taken = checkpoint::take(&db.store, &key).await.unwrap().unwrap();
        let line = taken.line();
        lift_guards(&db, kind).await;
        let chain = audit::family_chain(a);
        let rows: Vec<AuditRow> = db
            .store
            .audit_rows()
            .await
            .unwrap()
            .into_iter()
            .filter(|row| row.chain == chain)
            .collect();
        match tamper {
            Tamper::CutAndFixTheHead => {
                db.store
                    .execute_admin(&format!(
                        "DELETE FROM audit_events WHERE chain = '{chain}' AND chain_seq = 3; \
                         UPDATE audit_chains SET seq = 2, hash = '{}' WHERE chain = '{chain}'",
                        rows[1].hash
                    ))
                    .await
                    .unwrap();
            }
            Tamper::RecomputeTheChain | Tamper::Reorder => {
                let mut rewritten = rows.clone();
                if matches!(tamper, Tamper::Reorder) {
                    rewritten.swap(0, 1);
                } else {
                    rewritten[0].detail = "nothing to see".to_owned();
                }
                let mut prev = "genesis".to_owned();
                let mut sql = String::new();
                for (place, (old, row)) in rows.iter().zip(rewritten.iter_mut()).enumerate() {
                    row.chain_seq = i64::try_from(place).unwrap() + 1;
                    row.prev_hash = prev.clone();
                    row.hash = audit::row_hash(&prev, row);
                    sql.push_str(&format!(
                        "UPDATE audit_events SET at = {}, subject = '{}', detail = '{}', \
                         prev_hash = '{}', hash = '{}' WHERE seq = {}; ",
                        row.at,
                        row.subject.clone().unwrap_or_default(),
                        row.detail,
                        row.prev_hash,
                        row.hash,
                        old.seq
                    ));
                    prev = row.hash.clone();
                }
                sql.push_str(&format!(
                    "UPDATE audit_chains SET hash = '{prev}' WHERE chain = '{chain}'"
                ));
                db.store.execute_admin(&sql).await.unwrap();
            }
        }
        let chains_alone = db.store.verify_audit().await.unwrap();
        assert_eq!(
            chains_alone.problems,
            Vec::<String>::new(),
            "{tamper:?} is consistent, so the chains alone cannot tell"
        );
        let found = checkpoint::verify(&db.store, file(&[&line]), &key.public_hex(), None)
            .await
            .unwrap();
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("chain {chain}: row 3"))),
            "{tamper:?}: {found:?}"
        );
        let only_b = checkpoint::verify(&db.store, file(&[&line]), &key.public_hex(), Some(b))
            .await
            .unwrap();
        assert!(only_b.is_empty(), "{tamper:?}: family b is untouched");
        db.finish().await;
    }
}

#[derive(Debug, Clone, Copy)]
enum Tamper {
    /// The last row removed, and the head set to the row before it.
    CutAndFixTheHead,
    /// The first row edited, and every hash after it worked out again.
    RecomputeTheChain,
    /// The first two rows swapped, and every hash worked out again.
    Reorder,
}

/// The running server takes checkpoints into the file the configuration names, and the
/// commands a council uses make a key, list checkpoints, and check the trail with them.
#[tokio::test]
async fn the_server_anchors_the_trail_in_a_file_and_verify_audit_checks_it() {
    let keys = tempfile::TempDir::new().unwrap();
    let key_file = keys.path().join("checkpoint.key");
    let checkpoint_file = keys.path().join("checkpoints.jsonl");
    let server = |args: &[&str], data: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .env("PORTAL_DATA_DIR", data)
            .env("PORTAL_LOG_LEVEL", "warn")
            .env("PORTAL_AUDIT__CHECKPOINT_KEY", &key_file)
            .env("PORTAL_AUDIT__CHECKPOINT_FILE", &checkpoint_file)
            .output()
            .unwrap()
    };
    let made = server(&["audit-key", key_file.to_str().unwrap()], keys.path());
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let printed = String::from_utf8_lossy(&made.stdout).into_owned();
    let public = printed
        .lines()
        .find_map(|line| line.strip_prefix("Its public key: "))
        .unwrap()
        .to_owned();
    let again = server(&["audit-key", key_file.to_str().unwrap()], keys.path());
    assert!(!again.status.success(), "a key is never overwritten");

    let mut app = TestApp::spawn_with(Kind::Sqlite, |config| {
        config.audit.checkpoint_key = Some(key_file.clone());
        config.audit.checkpoint_file = Some(checkpoint_file.clone());
        config.audit.checkpoint_every_rows = 2;
    })
    .await;
    let family = FamilyId::new();
    for _ in 0..3 {
        app.store.audit(read(family)).await.unwrap();
    }
    let written = async {
        while std::fs::read_to_string(&checkpoint_file).map_or(true, |text| text.is_empty()) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(30), written)
        .await
        .expect("the server took a checkpoint after two rows");
    let data = app.data_dir().unwrap();
    app.store.audit(read(family)).await.unwrap();
    app.stop().await;

    let kept = std::fs::read_to_string(&checkpoint_file).unwrap();
    let listed = server(&["audit-checkpoint", "--all"], &data);
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        kept,
        "the file and the database agree"
    );
    let last = Checkpoint::parse(kept.lines().last().unwrap()).unwrap();
    assert_eq!(
        last.heads
            .iter()
            .find(|h| h.chain == audit::family_chain(family))
            .map(|h| h.seq),
        Some(4),
        "the last row was anchored as the server stopped"
    );

    let checkpoint_arg = checkpoint_file.to_str().unwrap();
    let whole = server(
        &[
            "verify-audit",
            "--checkpoint",
            checkpoint_arg,
            "--public-key",
            &public,
        ],
        &data,
    );
    assert!(
        whole.status.success(),
        "{}",
        String::from_utf8_lossy(&whole.stderr)
    );
    assert!(String::from_utf8_lossy(&whole.stdout).contains("matches every checkpoint"));

    let stranger = CheckpointKey::generate().public_hex();
    let wrong_key = server(
        &[
            "verify-audit",
            "--checkpoint",
            checkpoint_arg,
            "--public-key",
            &stranger,
        ],
        &data,
    );
    assert!(!wrong_key.status.success());
    assert!(String::from_utf8_lossy(&wrong_key.stderr).contains("not signed by the key given"));
    let no_key = server(&["verify-audit", "--checkpoint", checkpoint_arg], &data);
    assert!(
        !no_key.status.success(),
        "a checkpoint is checked only with the council's key"
    );
    app.finish().await;
}

/// On SQLite audited transactions take turns in the process. A transaction that began a
/// second before ending the first would wait for ever; instead it fails after SQLite's own
/// busy time, and the writer is free again once the first ends.
#[tokio::test]
async fn on_sqlite_a_turn_that_never_comes_fails_instead_of_stopping_every_writer() {
    let db = TestDb::new(Kind::Sqlite).await;
    let first = db.store.begin_audited().await.unwrap();
    let second = db.store.begin_audited().await;
    assert!(matches!(
        second,
        Err(app::backend::StoreError::WriterBusy(_))
    ));
    drop(first);
    db.store.audit(read(FamilyId::new())).await.unwrap();
    db.finish().await;
}
