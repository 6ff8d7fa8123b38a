//! Take-up figures: a head of service sees every team of their council, a team manager
//! their own team, and nobody else anything. Small groups are "fewer than 5", the rest
//! are rounded to the nearest 5, and no name reaches the page or the file.
//! The head of service opens no family, even one in the team they are put in.

use crate::support;
use app::backend::store;
use app::domain::ids::AccountId;
use app::domain::people::MemberKind;
use app::dto::take_up::{Count, TakeUpView};
use support::demo::{family, family_id, json_as, staff_cookie};
use support::{Connect, Kind, TestApp};

on_both_backends!(
    a_head_of_service_sees_every_team_with_small_groups_hidden,
    a_team_manager_sees_their_own_team_and_nobody_else_sees_any,
);

const HEAD: &str = "Rowan Head-Example";

/// A second team, South, with a family of six parents and carers: five given a code,
/// five signed up (a passkey each) and none of them signed in. Returns the team's name.
async fn south(app: &TestApp) -> &'static str {
    let name = "South team (take-up test)";
    let now = app.clock.now();
    let conn = &mut *app.store.conn().await;
    let council = store::people::council_by_name(conn, server::seed::DEMO_COUNCIL)
        .await
        .unwrap()
        .unwrap();
    let team = store::people::create_team(conn, council, name, now)
        .await
        .unwrap();
    let family = store::people::create_family(
        conn,
        council,
        app::backend::NewFamily {
            team,
            reference: "TAKE-UP-0001",
            display_name: "The Placeholder family (take-up test)",
        },
        now,
    )
    .await
    .unwrap();
    for i in 0..6 {
        let display_name = format!("Placeholder parent {i} (take-up test)");
        let member = store::people::add_member(
            conn,
            family,
            app::backend::NewMember {
                kind: MemberKind::ParentCarer,
                display_name: &display_name,
                date_of_birth: None,
            },
            now,
        )
        .await
        .unwrap();
        if i == 5 {
            continue;
        }
        let account: AccountId = store::identity::account_for_member(conn, member, now)
            .await
            .unwrap();
        store::identity::create_code(
            conn,
            &format!("take-up test code {i}"),
            account,
            store::identity::CodePurpose::Invitation,
            None,
            now,
            now + 1,
        )
        .await
        .unwrap();
        store::identity::add_passkey(
            conn,
            account,
            &format!("take-up-test-credential-{i}"),
            "{}",
            0,
            (false, false),
            "Passkey (take-up test)",
            None,
            now,
        )
        .await
        .unwrap();
    }
    name
}

fn figures(row: &app::dto::take_up::TakeUpRow) -> [Count; 4] {
    row.figures()
}

/// Every member's name, as the database holds it.
async fn member_names(app: &TestApp) -> Vec<String> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT display_name FROM members")
        .fetch_all(&mut *app.store.conn().await)
        .await
        .unwrap();
    rows.into_iter().map(|(name,)| name).collect()
}

async fn a_head_of_service_sees_every_team_with_small_groups_hidden(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    // The demo family's three signed-in members (Alex, Jordan, Charlie) and Robin, in
    // team North; six in South.
    let _f = family(&app).await;
    let south = south(&app).await;
    let head = staff_cookie(&app, HEAD).await;

    let view: TakeUpView = json_as(&app, "/api/take-up", &head).await;
    assert!(view.scope.starts_with("every team in Exampleshire Council"));
    assert_eq!(
        figures(&view.total),
        [
            Count::Shown(10),
            Count::Shown(5),
            Count::Shown(5),
            Count::FewerThanFive
        ]
    );
    let by_team = &view.tables[0];
    assert_eq!(by_team.title, "By team");
    let north = &by_team.rows[0];
    assert_eq!(north.label, server::seed::DEMO_TEAM);
    // North has four members: a group of fewer than five shows nothing else.
    assert_eq!(figures(north), [Count::FewerThanFive; 4]);
    // South's six are rounded to the nearest 5, so the total of ten less South's
    // figures cannot give North's away.
    let south_row = &by_team.rows[1];
    assert_eq!(south_row.label, south);
    assert_eq!(
        figures(south_row),
        [
            Count::Shown(5),
            Count::Shown(5),
            Count::Shown(5),
            Count::Shown(0)
        ]
    );
    // This month's figures are today's.
    let this_month = &view.months.last().unwrap().figures;
    assert_eq!(this_month.members, Count::Shown(10));
    assert_eq!(this_month.active, Count::FewerThanFive);

    // The page and the file show the same, and neither names anyone.
    let page = app.get_as("/take-up", Some(&head)).await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Who is using the portal"));
    assert!(page.contains("fewer than 5"));
    assert!(page.contains("rounded to the nearest 5"));
    let csv = app.get_as("/take-up.csv", Some(&head)).await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("take-up-")
    );
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with("split,group,members,given_a_code,signed_up,active\r\n"));
    assert!(csv.contains(&format!("By team,{south},5,5,5,0\r\n")));
    assert!(
        csv.contains("Everyone,every team in Exampleshire Council (demo),10,5,5,fewer than 5\r\n")
    );
    for name in member_names(&app).await {
        assert!(!page.contains(&name), "the page names {name}");
        assert!(!csv.contains(&name), "the file names {name}");
    }

    // Each read is in the audit trail.
    let (reads,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_events WHERE action = 'read_take_up'")
            .fetch_one(&mut *app.store.conn().await)
            .await
            .unwrap();
    assert_eq!(reads, 3);

    // A head of service of another council on the same deployment sees none of these.
    let now = app.clock.now();
    let elsewhere = {
        let conn = &mut *app.store.conn().await;
        let council = store::people::create_council(conn, "Otherplace Council (take-up test)", now)
            .await
            .unwrap();
        let staff = store::people::create_staff(
            conn,
            council,
            app::backend::NewStaff {
                team: None,
                display_name: "Head of service elsewhere (take-up test)",
                role: app::domain::people::StaffRole::HeadOfService,
            },
            now,
        )
        .await
        .unwrap();
        store::identity::account_for_staff(conn, staff, now)
            .await
            .unwrap()
    };
    let elsewhere = app.cookie_for(elsewhere).await;
    let theirs: TakeUpView = json_as(&app, "/api/take-up", &elsewhere).await;
    assert_eq!(
        theirs.scope,
        "every team in Otherplace Council (take-up test)"
    );
    assert_eq!(figures(&theirs.total), [Count::Shown(0); 4]);
    assert!(theirs.tables.iter().all(|t| t.rows.is_empty()));

    // A head of service opens no family's pages.
    let family = family_id(&app).await;
    for path in [
        format!("/families/{family}"),
        format!("/families/{family}/views"),
        format!("/families/{family}/pack"),
    ] {
        assert_eq!(app.get_as(&path, Some(&head)).await.status(), 404, "{path}");
    }
    app.finish().await;
}

async fn a_team_manager_sees_their_own_team_and_nobody_else_sees_any(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    south(&app).await;
    let manager = staff_cookie(&app, "Morgan Sample").await;
    let view: TakeUpView = json_as(&app, "/api/take-up", &manager).await;
    assert_eq!(view.scope, server::seed::DEMO_TEAM);
    assert_eq!(view.tables[0].rows.len(), 1);
    assert_eq!(figures(&view.total), [Count::FewerThanFive; 4]);
    // A month of fewer than five people shows nothing else either.
    assert_eq!(
        figures(&view.months.last().unwrap().figures),
        [Count::FewerThanFive; 4]
    );

    for cookie in [
        f.worker.clone(),
        f.alex.clone(),
        staff_cookie(&app, "Drew Admin-Example").await,
        staff_cookie(&app, "Harper Dummy").await,
    ] {
        for path in ["/take-up", "/take-up.csv"] {
            assert_eq!(
                app.get_as(path, Some(&cookie)).await.status(),
                404,
                "{path}"
            );
        }
        let response = app.call_as("/api/take-up", &[], Some(&cookie)).await;
        assert_eq!(response.status(), 404);
    }
    assert_eq!(app.get_as("/take-up.csv", None).await.status(), 401);
    // Refusals are audited too.
    let (refused,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'read_take_up' AND outcome <> 'allowed'",
    )
    .fetch_one(&mut *app.store.conn().await)
    .await
    .unwrap();
    assert_eq!(refused, 12);
    app.finish().await;
}
