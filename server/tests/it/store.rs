//! The store, against a real SQLite file and a real PostgreSQL server: every test here
//! runs on both, so the two backends are known to behave the same.

use crate::support;
use crate::support::Connect;
use app::backend::store;

use app::backend::{NewEntry, NewFamily, NewMember, Store};
use app::domain::entries::EntryBody;
use app::domain::feedback::{Feedback, FeedbackForm};
use app::domain::ids::{FamilyId, MemberId, SubmissionId};
use app::domain::people::{MemberKind, StaffRole};
use server::seed;
use support::{Kind, TestDb};

on_both_backends!(
    migrations_can_run_again_without_harm,
    the_same_feedback_sent_twice_is_kept_once,
    an_entry_keeps_every_version_in_the_writers_own_words,
    a_revision_made_from_an_old_version_is_refused_and_nothing_is_lost,
    an_entry_version_cannot_be_changed_or_deleted_even_with_sql,
    a_repeated_entry_submission_returns_the_first_entry,
    a_child_must_have_a_date_of_birth,
    a_risk_flag_must_be_between_members_of_the_same_family,
    the_demo_family_is_complete_and_seeding_twice_adds_nothing,
    every_write_of_family_data_writes_one_audit_row_with_it,
    one_read_of_several_families_writes_a_row_for_each_in_the_chain,
    facts_read_for_many_families_at_once_are_each_familys_own,
);

/// The policy's facts for a caseload are read four queries at a time, not four a family:
/// each family still gets exactly its own members, allocations and flags.
async fn facts_read_for_many_families_at_once_are_each_familys_own(kind: Kind) {
    let db = TestDb::new(kind).await;
    seed::seed_demo(&db.store).await.unwrap();
    let (_, demo) = store::identity::member_named(&mut *db.store.conn().await, "Alex Example")
        .await
        .unwrap()
        .unwrap();
    let (small, parent, child) = small_family(&db.store).await;
    let missing = FamilyId::new();
    let many =
        store::identity::families_facts(&mut *db.store.conn().await, &[small, missing, demo])
            .await
            .unwrap();
    assert_eq!(
        many.iter().map(|f| f.id).collect::<Vec<_>>(),
        [small, demo],
        "in the order asked, without the family that does not exist"
    );
    let mut members: Vec<MemberId> = many[0].members.iter().map(|(id, _)| *id).collect();
    members.sort();
    let mut expected = vec![parent, child];
    expected.sort();
    assert_eq!(members, expected);
    assert!(many[0].flags.is_empty() && many[0].allocated.is_empty());
    assert!(!many[1].flags.is_empty() && !many[1].allocated.is_empty());
    assert!(!many[1].members.iter().any(|(id, _)| *id == parent));
    for facts in &many {
        let alone = store::identity::family_facts(&mut *db.store.conn().await, facts.id)
            .await
            .unwrap();
        assert_eq!(alone.as_ref(), Some(facts));
    }
    db.finish().await;
}

async fn one_read_of_several_families_writes_a_row_for_each_in_the_chain(kind: Kind) {
    use app::backend::store::{AuditRecord, Outcome, Who};
    let db = TestDb::new(kind).await;
    let (first, _, _) = small_family(&db.store).await;
    let before = db.store.audit_count().await.unwrap();
    let others = [FamilyId::new(), FamilyId::new()];
    let read = |family: FamilyId| {
        AuditRecord::new(
            &Who::operator(),
            "read_caseload",
            Some(family),
            None,
            Outcome::Allowed,
            "",
        )
    };
    let audited = db.store.begin_audited().await.unwrap();
    audited
        .finish_with(read(first), others.iter().map(|f| read(*f)).collect())
        .await
        .unwrap();
    assert_eq!(db.store.audit_count().await.unwrap() - before, 3);
    let families: Vec<Option<String>> = db
        .store
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .rev()
        .take(3)
        .map(|row| row.family)
        .collect();
    assert_eq!(
        families,
        [others[1], others[0], first].map(|f| Some(f.to_string()))
    );
    // The next transaction carries on from the last of them.
    db.store.audit(read(first)).await.unwrap();
    assert_eq!(
        db.store.verify_audit().await.unwrap().problems,
        Vec::<String>::new()
    );
    db.finish().await;
}

async fn every_write_of_family_data_writes_one_audit_row_with_it(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, parent, _) = small_family(&db.store).await;
    let who = app::backend::store::Who::operator();
    let before = db.store.audit_count().await.unwrap();
    let id = support::create_entry(
        &db.store,
        entry(family, parent, SubmissionId::new(), &support::goal("v1")),
    )
    .await
    .unwrap();
    support::revise_entry(&db.store, id, 1, &support::goal("v2"), &who, None)
        .await
        .unwrap();
    support::share(&db.store, id, None, 0, &who).await.unwrap();
    assert_eq!(db.store.audit_count().await.unwrap() - before, 3);
    let actions: Vec<String> = db
        .store
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .rev()
        .take(3)
        .map(|row| row.action)
        .collect();
    assert_eq!(actions, ["share_entry", "revise_entry", "write_entry"]);
    assert!(db.store.verify_audit().await.unwrap().problems.is_empty());
    db.finish().await;
}

async fn migrations_can_run_again_without_harm(kind: Kind) {
    let db = TestDb::new(kind).await;
    db.store.migrate().await.expect("a second run is a no-op");
    db.store.ping().await.expect("the database answers");
    db.finish().await;
}

fn feedback(submission: SubmissionId, comments: &str) -> Feedback {
    Feedback::try_from(FeedbackForm {
        submission: submission.to_string(),
        satisfaction: "satisfied".to_owned(),
        comments: comments.to_owned(),
    })
    .expect("valid feedback")
}

async fn the_same_feedback_sent_twice_is_kept_once(kind: Kind) {
    let db = TestDb::new(kind).await;
    let submission = SubmissionId::new();
    store::feedback::record_feedback(
        &mut *db.store.conn().await,
        &feedback(submission, "first"),
        db.store.now(),
    )
    .await
    .unwrap();
    store::feedback::record_feedback(
        &mut *db.store.conn().await,
        &feedback(submission, "first"),
        db.store.now(),
    )
    .await
    .unwrap();
    store::feedback::record_feedback(
        &mut *db.store.conn().await,
        &feedback(SubmissionId::new(), ""),
        db.store.now(),
    )
    .await
    .unwrap();
    assert_eq!(
        store::feedback::feedback_count(&mut *db.store.conn().await)
            .await
            .unwrap(),
        2
    );
    assert!(
        store::feedback::feedback_exists(&mut *db.store.conn().await, &submission.to_string())
            .await
            .unwrap()
    );
    db.finish().await;
}

/// A family with one parent and one child, for entry tests.
async fn small_family(store: &Store) -> (FamilyId, MemberId, MemberId) {
    let council =
        store::people::create_council(&mut *store.conn().await, "Testshire (test)", store.now())
            .await
            .unwrap();
    let team =
        store::people::create_team(&mut *store.conn().await, council, "Test team", store.now())
            .await
            .unwrap();
    let family = store::people::create_family(
        &mut *store.conn().await,
        council,
        NewFamily {
            team,
            reference: "TEST-1",
            display_name: "The Test family",
        },
        store.now(),
    )
    .await
    .unwrap();
    let parent = store::people::add_member(
        &mut *store.conn().await,
        family,
        NewMember {
            kind: MemberKind::ParentCarer,
            display_name: "Pat Test",
            date_of_birth: None,
        },
        store.now(),
    )
    .await
    .unwrap();
    let child = store::people::add_member(
        &mut *store.conn().await,
        family,
        NewMember {
            kind: MemberKind::Child,
            display_name: "Kit Test",
            date_of_birth: Some("2019-04-01"),
        },
        store.now(),
    )
    .await
    .unwrap();
    (family, parent, child)
}

fn entry(
    family: FamilyId,
    author: MemberId,
    submission: SubmissionId,
    body: &EntryBody,
) -> NewEntry<'_> {
    NewEntry {
        submission,
        ..support::new_entry(family, author, body)
    }
}

/// What a goal kept as `body` says it wants to change.
fn change_of(body: &str) -> String {
    match EntryBody::decode("goal", body).unwrap() {
        EntryBody::Goal(goal) => goal.change.as_str().to_owned(),
        other => panic!("a goal was kept as {other:?}"),
    }
}

async fn an_entry_keeps_every_version_in_the_writers_own_words(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, parent, _) = small_family(&db.store).await;
    let words = "I want to get the kids to school on time 😊";
    let id = support::create_entry(
        &db.store,
        entry(family, parent, SubmissionId::new(), &support::goal(words)),
    )
    .await
    .unwrap();
    assert_eq!(
        support::revise_entry(
            &db.store,
            id,
            1,
            &support::goal("v2"),
            &app::backend::store::Who::operator(),
            None
        )
        .await
        .unwrap(),
        Some(2)
    );
    assert_eq!(
        support::revise_entry(
            &db.store,
            id,
            2,
            &support::goal("v3"),
            &app::backend::store::Who::operator(),
            None
        )
        .await
        .unwrap(),
        Some(3)
    );
    let history = support::entry_history(&db.store, id).await.unwrap();
    let versions: Vec<_> = history
        .iter()
        .map(|v| (v.version, change_of(&v.body)))
        .collect();
    assert_eq!(
        versions,
        [
            (1, words.to_owned()),
            (2, "v2".to_owned()),
            (3, "v3".to_owned())
        ]
    );
    db.finish().await;
}

async fn a_revision_made_from_an_old_version_is_refused_and_nothing_is_lost(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, parent, _) = small_family(&db.store).await;
    let id = support::create_entry(
        &db.store,
        entry(family, parent, SubmissionId::new(), &support::goal("a")),
    )
    .await
    .unwrap();
    assert_eq!(
        support::revise_entry(
            &db.store,
            id,
            1,
            &support::goal("b"),
            &app::backend::store::Who::operator(),
            None
        )
        .await
        .unwrap(),
        Some(2)
    );
    // A second device still showing version 1 tries to save.
    assert_eq!(
        support::revise_entry(
            &db.store,
            id,
            1,
            &support::goal("c"),
            &app::backend::store::Who::operator(),
            None
        )
        .await
        .unwrap(),
        None
    );
    assert_eq!(
        support::entry_history(&db.store, id).await.unwrap().len(),
        2
    );
    db.finish().await;
}

async fn an_entry_version_cannot_be_changed_or_deleted_even_with_sql(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, parent, _) = small_family(&db.store).await;
    let id = support::create_entry(
        &db.store,
        entry(family, parent, SubmissionId::new(), &support::goal("mine")),
    )
    .await
    .unwrap();
    let update = db
        .store
        .execute_admin(&format!(
            "UPDATE entry_versions SET body = 'changed' WHERE entry_id = '{id}'"
        ))
        .await;
    assert!(update.is_err(), "an update of a version must be refused");
    let delete = db
        .store
        .execute_admin(&format!(
            "DELETE FROM entry_versions WHERE entry_id = '{id}'"
        ))
        .await;
    assert!(delete.is_err(), "a deletion of a version must be refused");
    let delete_entry = db
        .store
        .execute_admin(&format!("DELETE FROM entries WHERE id = '{id}'"))
        .await;
    assert!(
        delete_entry.is_err(),
        "a deletion of an entry must be refused"
    );
    let history = support::entry_history(&db.store, id).await.unwrap();
    assert_eq!(change_of(&history[0].body), "mine");
    db.finish().await;
}

async fn a_repeated_entry_submission_returns_the_first_entry(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, parent, _) = small_family(&db.store).await;
    let submission = SubmissionId::new();
    let first = support::create_entry(
        &db.store,
        entry(family, parent, submission, &support::goal("once")),
    )
    .await
    .unwrap();
    let again = support::create_entry(
        &db.store,
        entry(family, parent, submission, &support::goal("once")),
    )
    .await
    .unwrap();
    assert_eq!(first, again);
    assert_eq!(
        support::entry_history(&db.store, first)
            .await
            .unwrap()
            .len(),
        1
    );
    db.finish().await;
}

async fn a_child_must_have_a_date_of_birth(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, _, _) = small_family(&db.store).await;
    let result = store::people::add_member(
        &mut *db.store.conn().await,
        family,
        NewMember {
            kind: MemberKind::Child,
            display_name: "No Birthday",
            date_of_birth: None,
        },
        db.store.now(),
    )
    .await;
    assert!(result.is_err());
    db.finish().await;
}

async fn a_risk_flag_must_be_between_members_of_the_same_family(kind: Kind) {
    let db = TestDb::new(kind).await;
    let (family, parent, child) = small_family(&db.store).await;
    let (other_family, other_parent, _) = {
        let council = store::people::create_council(
            &mut *db.store.conn().await,
            "Otherton (test)",
            db.store.now(),
        )
        .await
        .unwrap();
        let team = store::people::create_team(
            &mut *db.store.conn().await,
            council,
            "Other team",
            db.store.now(),
        )
        .await
        .unwrap();
        let family = store::people::create_family(
            &mut *db.store.conn().await,
            council,
            NewFamily {
                team,
                reference: "OTHER-1",
                display_name: "The Other family",
            },
            db.store.now(),
        )
        .await
        .unwrap();
        let parent = store::people::add_member(
            &mut *db.store.conn().await,
            family,
            NewMember {
                kind: MemberKind::ParentCarer,
                display_name: "Lee Other",
                date_of_birth: None,
            },
            db.store.now(),
        )
        .await
        .unwrap();
        (family, parent, team)
    };
    let staff = store::people::create_staff(
        &mut *db.store.conn().await,
        store::people::council_by_name(&mut *db.store.conn().await, "Testshire (test)")
            .await
            .unwrap()
            .unwrap(),
        app::backend::NewStaff {
            team: None,
            display_name: "Ash Admin",
            role: StaffRole::Admin,
        },
        db.store.now(),
    )
    .await
    .unwrap();
    assert!(
        store::people::flag_alleged_abuse(
            &mut *db.store.conn().await,
            family,
            other_parent,
            parent,
            staff,
            db.store.now()
        )
        .await
        .is_err()
    );
    assert!(
        store::people::flag_alleged_abuse(
            &mut *db.store.conn().await,
            family,
            parent,
            parent,
            staff,
            db.store.now()
        )
        .await
        .is_err()
    );
    store::people::flag_alleged_abuse(
        &mut *db.store.conn().await,
        family,
        parent,
        child,
        staff,
        db.store.now(),
    )
    .await
    .unwrap();
    assert!(
        store::people::is_flagged_towards(&mut *db.store.conn().await, parent, child)
            .await
            .unwrap()
    );
    assert!(
        !store::people::is_flagged_towards(&mut *db.store.conn().await, child, parent)
            .await
            .unwrap()
    );
    let _ = other_family;
    db.finish().await;
}

async fn the_demo_family_is_complete_and_seeding_twice_adds_nothing(kind: Kind) {
    let db = TestDb::new(kind).await;
    let first = seed::seed_demo(&db.store).await.unwrap();
    let second = seed::seed_demo(&db.store).await.unwrap();
    assert!(first.starts_with("Added"), "{first}");
    assert!(second.contains("nothing was added"), "{second}");
    let demo =
        store::people::demo_summary(&mut *db.store.conn().await, seed::DEMO_FAMILY_REFERENCE)
            .await
            .unwrap();
    assert_eq!(demo.parents, 2);
    assert_eq!(demo.children, 2);
    assert_eq!(demo.allocated_staff, 7);
    assert_eq!(demo.risk_flags, 1);
    let mut roles = demo.team_roles.clone();
    roles.sort_by_key(|r| r.code());
    // The admin and the head of service sit above the team.
    let mut expected: Vec<_> = StaffRole::ALL
        .into_iter()
        .filter(|r| !matches!(r, StaffRole::Admin | StaffRole::HeadOfService))
        .collect();
    expected.sort_by_key(|r| r.code());
    assert_eq!(roles, expected);
    db.finish().await;
}

#[tokio::test]
async fn sqlite_is_set_for_crash_safety_on_every_connection() {
    let db = TestDb::new(Kind::Sqlite).await;
    let settings = db.store.sqlite_settings().await.unwrap();
    assert_eq!(settings.journal_mode, "wal");
    assert_eq!(settings.synchronous, "2", "FULL");
    assert_eq!(settings.foreign_keys, "1");
    db.finish().await;
}

#[tokio::test]
async fn a_sqlite_backup_is_a_complete_copy_taken_while_open() {
    let db = TestDb::new(Kind::Sqlite).await;
    seed::seed_demo(&db.store).await.unwrap();
    let target = db.data_dir().unwrap().join("backup.db");
    db.store.backup_to(&target).await.unwrap();
    let copy = Store::connect(&format!("sqlite://{}", target.display()), 1)
        .await
        .unwrap();
    let summary = store::people::demo_summary(&mut *copy.conn().await, seed::DEMO_FAMILY_REFERENCE)
        .await
        .unwrap();
    assert_eq!(summary.parents + summary.children, 4);
    copy.close().await;
    db.finish().await;
}
