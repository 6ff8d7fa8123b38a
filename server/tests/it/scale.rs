//! `seed-scale`: the fictional places the benchmarks measure, made the same from the same
//! seed on both databases, with a trail that verifies and pages that open on it.

use crate::support;
use crate::support::Connect;
use app::backend::Store;
use app::backend::store;
use server::scale::{self, ScaleError, Shape};
use support::{Kind, TestApp, TestDb};

on_both_backends!(a_place_made_twice_from_one_seed_is_the_same_and_its_trail_verifies);

const SMALL: Shape = Shape {
    councils: 2,
    families: 12,
    entries_each: 10,
    trail_each: 6,
};

async fn a_place_made_twice_from_one_seed_is_the_same_and_its_trail_verifies(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let twin = TestDb::new(kind).await;
    let other = TestDb::new(kind).await;
    let mut quiet = |_: &str, _: usize, _: usize| {};
    let made = scale::seed_scale(&app.store, SMALL, 7, &mut quiet)
        .await
        .unwrap();
    assert_eq!(
        (made.families, made.entries, made.audit_rows),
        (12, 120, 72)
    );
    assert!(made.database_bytes > 0);
    scale::seed_scale(&twin.store, SMALL, 7, &mut quiet)
        .await
        .unwrap();
    scale::seed_scale(&other.store, SMALL, 8, &mut quiet)
        .await
        .unwrap();
    let made = fingerprint(&app.store).await;
    assert_eq!(made, fingerprint(&twin.store).await, "the same seed");
    assert_ne!(made, fingerprint(&other.store).await, "another seed");
    assert!(
        made.iter()
            .filter(|line| line.starts_with("member"))
            .all(|line| line.ends_with("(fictional)")),
        "everyone is obviously made up"
    );

    let report = app.store.verify_audit().await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.rows, 72);

    // The pages open on it: the first social worker's caseload is the families allocated
    // to them, and a parent's home answers.
    let worker = support::demo::staff_cookie(&app, "Worker 0-0-1 (fictional)").await;
    let caseload = app.get_as("/home", Some(&worker)).await;
    assert_eq!(caseload.status(), 200);
    let caseload = caseload.text().await.unwrap();
    assert!(caseload.contains("The Scale0 family (fictional)"));
    assert!(caseload.contains("The Scale5 family (fictional)"));
    assert!(!caseload.contains("The Scale1 family (fictional)"));
    let (parent, _) =
        store::identity::member_named(&mut *app.store.conn().await, "Parent A0 (fictional)")
            .await
            .unwrap()
            .unwrap();
    let account =
        store::identity::account_for_member(&mut *app.store.conn().await, parent, app.clock.now())
            .await
            .unwrap();
    let home = app
        .get_as("/home", Some(&app.cookie_for(account).await))
        .await;
    assert_eq!(home.status(), 200);

    let again = scale::seed_scale(&app.store, SMALL, 7, &mut quiet).await;
    assert!(
        matches!(again, Err(ScaleError::NotEmpty)),
        "a database that holds families is never filled again"
    );
    for db in [twin, other] {
        db.finish().await;
    }
    app.finish().await;
}

/// Who and what a place holds, in a fixed order, without the times (which follow the day
/// it was made).
async fn fingerprint(store: &Store) -> Vec<String> {
    let mut conn = store.conn().await;
    let mut lines = Vec::new();
    for (what, sql) in [
        (
            "family",
            "SELECT id || ' ' || team_id || ' ' || display_name FROM families ORDER BY id",
        ),
        (
            "member",
            "SELECT id || ' ' || family_id || ' ' || display_name FROM members ORDER BY id",
        ),
        (
            "staff",
            "SELECT id || ' ' || role || ' ' || display_name FROM staff ORDER BY id",
        ),
        (
            "entry",
            "SELECT e.id || ' ' || e.author_member_id || ' ' || v.version || ' ' || v.body \
             FROM entries e JOIN entry_versions v ON v.entry_id = e.id ORDER BY e.id, v.version",
        ),
        (
            "share",
            "SELECT entry_id || ' ' || audience || ' ' || COALESCE(member_id, '-') \
             FROM entry_shares ORDER BY id",
        ),
        (
            "allocation",
            "SELECT family_id || ' ' || staff_id FROM allocations ORDER BY id",
        ),
        (
            "flag",
            "SELECT member_id || ' ' || towards_member_id FROM risk_flags ORDER BY id",
        ),
    ] {
        let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&mut *conn).await.unwrap();
        lines.extend(rows.into_iter().map(|(line,)| format!("{what} {line}")));
    }
    lines
}
