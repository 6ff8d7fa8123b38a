//! The authorisation matrix (`authz.toml`), run cell by cell against the running
//! application, and a check that no route or server function is missing from it.

use crate::support;
use crate::support::Connect;
use app::backend::store;

use app::backend::{NewFamily, NewMember, NewStaff, Store};
use app::domain::ids::{
    AccountId, ApiClientId, EntryId, FamilyId, MemberId, StaffId, SubmissionId, TeamId,
};
use app::domain::people::{MemberKind, StaffRole};
use serde::Deserialize;
use std::collections::BTreeMap;
use support::{Kind, TestApp};

const MATRIX: &str = include_str!("authz.toml");
const ALEX_WORDS: &str = "Words only some may read (demo)";
/// A child's worry, shared with nobody: only the child may ever see it.
const CHILD_WORDS: &str = "A worry nobody else may read (demo)";

#[derive(Debug, Deserialize)]
struct Matrix {
    row: Vec<Row>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    route: String,
    path: Option<String>,
    form: Option<String>,
    json: Option<String>,
    default: String,
    anonymous: String,
    #[serde(default)]
    ok: Vec<String>,
    #[serde(default)]
    hidden: Vec<String>,
    #[serde(default)]
    refused: Vec<String>,
    /// What a device handed to the child gets, where it differs from the child's own
    /// phone (it shows only what the child does in that handover).
    handover: Option<String>,
}

fn matrix() -> Matrix {
    toml::from_str(MATRIX).expect("authz.toml reads")
}

#[test]
fn every_route_and_server_function_has_a_row_and_every_row_a_route() {
    let rows: Vec<String> = matrix().row.into_iter().map(|r| r.route).collect();
    let routes: Vec<String> = server::route_inventory()
        .into_iter()
        .map(|(method, path)| format!("{method} {path}"))
        .collect();
    let missing: Vec<_> = routes.iter().filter(|r| !rows.contains(r)).collect();
    assert!(
        missing.is_empty(),
        "routes with no row in authz.toml: {missing:?}"
    );
    let stale: Vec<_> = rows.iter().filter(|r| !routes.contains(r)).collect();
    assert!(
        stale.is_empty(),
        "rows in authz.toml for routes that do not exist: {stale:?}"
    );
}

#[test]
fn the_router_adds_no_route_that_the_inventory_does_not_list() {
    // The router's own `.route(...)` calls, read from its source, against the inventory.
    let source = include_str!("../../src/router.rs");
    for call in source.split(".route(\"").skip(1) {
        let path = call.split('"').next().unwrap();
        assert!(
            server::PLAIN_ROUTES.iter().any(|(_, p)| *p == path),
            "{path} is routed but not in PLAIN_ROUTES"
        );
    }
}

/// The people and records every cell runs against.
struct World {
    family: FamilyId,
    /// A member of staff, for the staff-code rows.
    staff: StaffId,
    alex: MemberId,
    alex_entry: EntryId,
    alex_goal: EntryId,
    /// Something Alex said (change talk), shared with the workers.
    alex_said: EntryId,
    /// Alex's "I don't feel safe right now".
    alex_alert: EntryId,
    /// A group case supervision session of team North that discusses F1.
    session: String,
    charlie: MemberId,
    /// Charlie's worry in the house of worries, shared with nobody.
    child_worry: EntryId,
    actors: BTreeMap<String, AccountId>,
    /// The cookie of a session on Alex's lost phone, ended by a reset.
    lost_phone: String,
    charlie_member: MemberId,
    /// Team North, whose families the in-scope API client may read.
    north: TeamId,
    /// The case system's API clients, by actor name, with their secrets.
    api_clients: BTreeMap<String, String>,
    /// A client of the council kept for the row that revokes one.
    spare_client: ApiClientId,
}

/// Staff holding a tablet handed to a child.
const CHILD_MODE: &str = "social_worker@allocated_in_child_mode";
/// The holder of a phone whose passkey a reset revoked.
const LOST_PHONE: &str = "lost_phone";
/// Case systems calling the API with a secret and no session: one for team North, one
/// for team South, one whose secret expired and one an admin revoked.
const API_CLIENTS: [&str; 4] = [
    "api_client@in_scope",
    "api_client@out_of_scope",
    "api_client@expired",
    "api_client@revoked",
];

/// Registers a case system's API client of `council` for `team`, as an admin's page
/// would keep it, and answers its id and secret.
async fn api_client(
    store: &Store,
    council: app::domain::ids::CouncilId,
    team: TeamId,
    by: StaffId,
    expires_in: i64,
) -> (ApiClientId, String) {
    let id = ApiClientId::new();
    let secret = format!(
        "fpapi_{}_{}",
        id.as_uuid().simple(),
        app::backend::auth::new_token()
    );
    let created = store.now() - 2 * 24 * 60 * 60 * 1000;
    store::case_system::add_client(
        &mut *store.conn().await,
        &store::case_system::NewClient {
            id,
            council,
            name: &format!("Case system {id} (test)"),
            secret_hash: &app::backend::auth::hash_secret(&secret),
            created_by: by,
            expires_at: store.now() + expires_in,
            webhook_url: None,
            teams: &[team],
        },
        created,
    )
    .await
    .unwrap();
    (id, secret)
}

/// A fresh session of `account` (a practitioner's), handed to the child.
async fn child_mode_cookie(
    app: &TestApp,
    account: AccountId,
    staff: StaffId,
    child: MemberId,
) -> String {
    let token = app::backend::auth::new_token();
    let hash = app::backend::auth::hash_secret(&token);
    store::identity::create_session(
        &mut *app.store.conn().await,
        &hash,
        Some(account),
        None,
        app.clock.now(),
    )
    .await
    .unwrap();
    let mut conn = app.store.conn().await;
    app::backend::store::children::start_supported(&mut conn, &hash, staff, child, app.clock.now())
        .await
        .unwrap();
    format!("portal-session={token}")
}

/// What a device handed to a child gets: the child's own answer on the child's pages and
/// server functions, and the way back; a redirect to the child's start for any other
/// page; and a refusal for anything else. Never the practitioner's own answer.
fn expected_in_child_mode(row: &Row, method: &str, path: &str) -> String {
    let child_page = path == "/child" || path.starts_with("/child/");
    // The tablet holds this handover only: the child's worry from before is out of reach.
    let earlier_worry = [row.form.as_deref(), row.path.as_deref()]
        .into_iter()
        .flatten()
        .any(|given| given.contains("{child_worry}"));
    if let Some(handover) = &row.handover {
        return handover.clone();
    }
    match method {
        // Only a handed-over device has someone to give it back to.
        "GET" if path == "/child/hand-back" => "ok".to_owned(),
        "GET" if child_page && earlier_worry => "hidden".to_owned(),
        "GET" if child_page => expected(row, "child"),
        "GET" => "ok".to_owned(),
        _ if path == "/auth/hand-back/start" || path == "/lock" || path == "/sign-out" => {
            "ok".to_owned()
        }
        _ if app::api::child::CHILD_ENDPOINTS.contains(&path) && earlier_worry => {
            "hidden".to_owned()
        }
        _ if child_page
            || app::api::child::CHILD_ENDPOINTS.contains(&path)
            || path == "/auth/hand-back/finish" =>
        {
            expected(row, "child")
        }
        _ => "forbidden".to_owned(),
    }
}

async fn world(store: &Store) -> World {
    let now = store.now();
    let council = store::people::create_council(
        &mut *store.conn().await,
        "Matrixshire Council (test)",
        store.now(),
    )
    .await
    .unwrap();
    let north = store::people::create_team(
        &mut *store.conn().await,
        council,
        "North team (test)",
        store.now(),
    )
    .await
    .unwrap();
    let south = store::people::create_team(
        &mut *store.conn().await,
        council,
        "South team (test)",
        store.now(),
    )
    .await
    .unwrap();
    let family = store::people::create_family(
        &mut *store.conn().await,
        council,
        NewFamily {
            team: north,
            reference: "TEST-0001",
            display_name: "The Test family (fictional)",
        },
        store.now(),
    )
    .await
    .unwrap();
    let elsewhere = store::people::create_family(
        &mut *store.conn().await,
        council,
        NewFamily {
            team: south,
            reference: "TEST-0002",
            display_name: "The Other family (fictional)",
        },
        store.now(),
    )
    .await
    .unwrap();
    let member = |name: &'static str, kind: MemberKind| NewMember {
        kind,
        display_name: name,
        date_of_birth: (kind == MemberKind::Child).then_some("2014-01-01"),
    };
    let alex = store::people::add_member(
        &mut *store.conn().await,
        family,
        member("Alex Test", MemberKind::ParentCarer),
        store.now(),
    )
    .await
    .unwrap();
    let jordan = store::people::add_member(
        &mut *store.conn().await,
        family,
        member("Jordan Test", MemberKind::ParentCarer),
        store.now(),
    )
    .await
    .unwrap();
    let charlie = store::people::add_member(
        &mut *store.conn().await,
        family,
        member("Charlie Test", MemberKind::Child),
        store.now(),
    )
    .await
    .unwrap();
    let other = store::people::add_member(
        &mut *store.conn().await,
        elsewhere,
        member("Other Test", MemberKind::ParentCarer),
        store.now(),
    )
    .await
    .unwrap();

    let mut actors = BTreeMap::new();
    let mut flagger: Option<StaffId> = None;
    let mut head: Option<StaffId> = None;
    for role in StaffRole::ALL {
        for (relationship, team) in [("allocated", north), ("team", north), ("other_team", south)] {
            let team: Option<TeamId> = Some(team);
            let name = format!("{} {relationship} (test)", role.title());
            let staff = store::people::create_staff(
                &mut *store.conn().await,
                council,
                NewStaff {
                    team,
                    display_name: &name,
                    role,
                },
                store.now(),
            )
            .await
            .unwrap();
            if role == StaffRole::HeadOfService {
                head.get_or_insert(staff);
            }
            if relationship == "allocated" {
                store::people::allocate(&mut *store.conn().await, family, staff, store.now())
                    .await
                    .unwrap();
                flagger.get_or_insert(staff);
            }
            let account = store::identity::account_for_staff(&mut *store.conn().await, staff, now)
                .await
                .unwrap();
            actors.insert(format!("{}@{relationship}", role.code()), account);
        }
    }
    store::people::flag_alleged_abuse(
        &mut *store.conn().await,
        family,
        jordan,
        alex,
        flagger.unwrap(),
        store.now(),
    )
    .await
    .unwrap();
    for (actor, member) in [
        ("parent_a", alex),
        ("parent_b_flagged", jordan),
        ("child", charlie),
        ("other_family_member", other),
    ] {
        actors.insert(
            actor.to_owned(),
            store::identity::account_for_member(&mut *store.conn().await, member, now)
                .await
                .unwrap(),
        );
    }
    // An admin of another council on the same deployment.
    let otherplace = store::people::create_council(
        &mut *store.conn().await,
        "Otherplace Council (test)",
        store.now(),
    )
    .await
    .unwrap();
    let otherplace_team = store::people::create_team(
        &mut *store.conn().await,
        otherplace,
        "Otherplace team (test)",
        store.now(),
    )
    .await
    .unwrap();
    let foreign_admin = store::people::create_staff(
        &mut *store.conn().await,
        otherplace,
        NewStaff {
            team: Some(otherplace_team),
            display_name: "Admin of another council (test)",
            role: StaffRole::Admin,
        },
        store.now(),
    )
    .await
    .unwrap();
    actors.insert(
        "admin@other_council".to_owned(),
        store::identity::account_for_staff(&mut *store.conn().await, foreign_admin, now)
            .await
            .unwrap(),
    );
    // A practitioner allocated to the family, whose device is handed to Charlie for
    // each cell (see `child_mode_cookie`).
    actors.insert(CHILD_MODE.to_owned(), actors["social_worker@allocated"]);
    // Whoever holds Alex's lost phone: its session was signed in before Alex took a
    // reset code, which revoked every earlier passkey and ended every session.
    let lost_token = app::backend::auth::new_token();
    store::identity::create_session(
        &mut *store.conn().await,
        &app::backend::auth::hash_secret(&lost_token),
        Some(actors["parent_a"]),
        None,
        now,
    )
    .await
    .unwrap();
    let mut conn = store.conn().await;
    store::identity::revoke_all_passkeys(&mut conn, actors["parent_a"], "reset", now)
        .await
        .unwrap();
    drop(conn);
    let alex_entry = support::create_entry(
        store,
        support::new_entry(family, alex, &support::said(ALEX_WORDS)),
    )
    .await
    .unwrap();
    support::share(
        store,
        alex_entry,
        None,
        now,
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    support::share(
        store,
        alex_entry,
        Some(jordan),
        now,
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    let alex_goal = support::create_entry(
        store,
        support::new_entry(family, alex, &support::goal(ALEX_WORDS)),
    )
    .await
    .unwrap();
    support::share(
        store,
        alex_goal,
        None,
        now,
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    let alex_said = support::create_entry(
        store,
        support::new_entry(family, alex, &support::said(ALEX_WORDS)),
    )
    .await
    .unwrap();
    support::share(
        store,
        alex_said,
        None,
        now,
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    let alex_alert = support::create_entry(
        store,
        support::new_entry(
            family,
            alex,
            &app::domain::entries::EntryBody::SafetyAlert(app::domain::entries::SafetyAlert::now()),
        ),
    )
    .await
    .unwrap();
    support::share(
        store,
        alex_alert,
        None,
        now,
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    let worry =
        app::domain::child::HouseItem::parse("worries", &["school".into()], CHILD_WORDS).unwrap();
    let child_worry = support::create_entry(
        store,
        support::new_entry(
            family,
            charlie,
            &app::domain::entries::EntryBody::HouseItem(worry),
        ),
    )
    .await
    .unwrap();
    let session = "matrix-session".to_owned();
    let mut conn = store.conn().await;
    app::backend::store::supervision::add_session(
        &mut conn,
        &session,
        north,
        now,
        flagger.unwrap(),
        now,
    )
    .await
    .unwrap();
    app::backend::store::supervision::link_families(&mut conn, &session, &[family.to_string()])
        .await
        .unwrap();
    // Its record is finalised, and tells Alex the family's words and Charlie the words for
    // children. Jordan, who is flagged, is never told.
    use app::domain::meeting::Told;
    app::backend::store::record::add_version(
        &mut conn,
        &app::backend::store::record::NewVersion {
            session: &session,
            family,
            version: 1,
            staff: flagger.unwrap(),
            staff_name: "Team manager (test)",
            sections: ["Words (test)"; 7],
            rating: Some("green"),
            finalised: true,
            why_changed: None,
            told_family: Some("What we decided (test)"),
            told_child: Some("What we decided, for children (test)"),
            readers: &[(alex, Told::Family), (charlie, Told::Child)],
            written_at: now,
        },
    )
    .await
    .unwrap();
    drop(conn);
    let day = 24 * 60 * 60 * 1000;
    let mut api_clients = BTreeMap::new();
    for (actor, team, expires_in) in [
        ("api_client@in_scope", north, day),
        ("api_client@out_of_scope", south, day),
        ("api_client@expired", north, -day),
        ("api_client@revoked", north, day),
    ] {
        let (id, secret) = api_client(store, council, team, flagger.unwrap(), expires_in).await;
        // Approved by a head of service, as every client must be before its secret works.
        store::case_system::approve(&mut *store.conn().await, id, head.unwrap(), now)
            .await
            .unwrap();
        if actor == "api_client@revoked" {
            store::case_system::revoke(&mut *store.conn().await, id, flagger.unwrap(), now)
                .await
                .unwrap();
        }
        api_clients.insert(actor.to_owned(), secret);
    }
    let (spare_client, _) = api_client(store, council, north, flagger.unwrap(), day).await;
    World {
        north,
        api_clients,
        spare_client,
        lost_phone: format!("portal-session={lost_token}"),
        charlie_member: charlie,
        family,
        session,
        staff: flagger.unwrap(),
        alex,
        alex_entry,
        alex_goal,
        alex_said,
        alex_alert,
        charlie,
        child_worry,
        actors,
    }
}

fn expected(row: &Row, actor: &str) -> String {
    // A session that a reset ended is nobody's.
    if actor == "anonymous" || actor == LOST_PHONE {
        return row.anonymous.clone();
    }
    // A case system's secret opens the API alone: anywhere else it is nobody.
    if actor.starts_with("api_client@") && !row.route.starts_with("GET /api/v1/") {
        return row.anonymous.clone();
    }
    let named = |list: &[String]| {
        list.iter().any(|entry| {
            entry == actor
                || entry
                    .strip_prefix('*')
                    .is_some_and(|rel| actor.ends_with(rel))
        })
    };
    if named(&row.ok) {
        "ok".to_owned()
    } else if named(&row.hidden) {
        "hidden".to_owned()
    } else if named(&row.refused) {
        "refused".to_owned()
    } else {
        row.default.clone()
    }
}

fn outcome(status: u16) -> String {
    match status {
        200..=399 => "ok",
        401 => "sign_in",
        404 => "hidden",
        422 => "refused",
        403 => "forbidden",
        _ => "unexpected",
    }
    .to_owned()
}

#[tokio::test]
async fn every_cell_of_the_matrix_holds_against_the_running_application() {
    // With a pseudonym key, so the evaluation export's cells run the export itself.
    let app = TestApp::spawn_with(Kind::Sqlite, |config| {
        config.evaluation.pseudonym_key = Some(server::config::Secret::new(
            "a pseudonym key for the authorisation matrix (test)",
        ));
    })
    .await;
    let world = world(&app.store).await;
    let fill = |text: &str| {
        text.replace("{alex_entry}", &world.alex_entry.to_string())
            .replace("{alex_goal}", &world.alex_goal.to_string())
            .replace("{alex_said}", &world.alex_said.to_string())
            .replace("{alex_alert}", &world.alex_alert.to_string())
            .replace("{session}", &world.session)
            .replace("{family}", &world.family.to_string())
            .replace("{alex}", &world.alex.to_string())
            .replace("{charlie}", &world.charlie.to_string())
            .replace("{child_worry}", &world.child_worry.to_string())
            .replace("{submission}", &SubmissionId::new().to_string())
            .replace("{staff}", &world.staff.to_string())
            .replace("{team}", &world.north.to_string())
            .replace("{spare_client}", &world.spare_client.to_string())
            .replace("{missing}", &uuid::Uuid::new_v4().to_string())
            // A different wrong code each time, so no cell meets another's limit.
            .replace("{wrong_code}", &app::backend::auth::new_code())
    };
    let mut actors: Vec<Option<&str>> = vec![None, Some(LOST_PHONE)];
    actors.extend(world.actors.keys().map(|k| Some(k.as_str())));
    actors.extend(API_CLIENTS.iter().map(|name| Some(*name)));
    assert_eq!(
        actors.len(),
        StaffRole::ALL.len() * 3 + 4 + 1 + 3 + API_CLIENTS.len()
    );
    let child_mode_staff = store::people::staff_by_name(
        &mut *app.store.conn().await,
        "Social worker allocated (test)",
    )
    .await
    .unwrap()[0];

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(support::REQUEST_TIMEOUT)
        .build()
        .unwrap();
    let mut failures = Vec::new();
    let mut cells = 0;
    for row in matrix().row {
        let (method, route_path) = row.route.split_once(' ').unwrap();
        let path = fill(row.path.as_deref().unwrap_or(route_path));
        for actor in &actors {
            // A fresh session for every cell: some cells sign out or leave.
            let cookie = match actor {
                Some(LOST_PHONE) => Some(world.lost_phone.clone()),
                Some(CHILD_MODE) => Some(
                    child_mode_cookie(
                        &app,
                        world.actors[CHILD_MODE],
                        child_mode_staff,
                        world.charlie_member,
                    )
                    .await,
                ),
                Some(name) if name.starts_with("api_client@") => None,
                Some(name) => Some(app.cookie_for(world.actors[*name]).await),
                None => None,
            };
            let mut request = match method {
                "GET" => client.get(app.url(&path)),
                _ => client.post(app.url(&path)).header("origin", &app.origin),
            };
            if let Some(cookie) = &cookie {
                request = request.header("cookie", cookie);
            }
            if let Some(secret) = actor.and_then(|name| world.api_clients.get(name)) {
                request = request.header("authorization", format!("Bearer {secret}"));
            }
            if let Some(form) = &row.form {
                request = request
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("accept", "application/json")
                    .body(fill(form));
            } else if let Some(json) = &row.json {
                request = request
                    .header("content-type", "application/json")
                    .body(fill(json));
            } else if method == "POST" {
                request = request.header("content-type", "application/x-www-form-urlencoded");
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            let who = actor.unwrap_or("anonymous");
            let want = if who == CHILD_MODE {
                expected_in_child_mode(&row, method, route_path)
            } else {
                expected(&row, who)
            };
            let got = outcome(status);
            cells += 1;
            if got != want {
                failures.push(format!(
                    "{} as {who}: expected {want}, got {got} ({status})",
                    row.route
                ));
            }
            if got != "ok" && body.contains(ALEX_WORDS) {
                failures.push(format!(
                    "{} as {who}: a refusal carried Alex's words",
                    row.route
                ));
            }
            let may_read_alex = matches!(who, "parent_a" | "api_client@in_scope")
                || (who.ends_with("@allocated")
                    && !who.starts_with("business_support")
                    && !who.starts_with("admin"))
                || who == "team_manager@team";
            if who == "admin@other_council" && body.contains("allocated (test)") {
                failures.push(format!(
                    "{} as {who}: another council's staff reached their admin",
                    row.route
                ));
            }
            if body.contains(CHILD_WORDS) && who != "child" {
                failures.push(format!(
                    "{} as {who}: the child's unshared worry reached someone else",
                    row.route
                ));
            }
            if body.contains(ALEX_WORDS) && !may_read_alex {
                failures.push(format!(
                    "{} as {who}: Alex's words reached someone who may not read them",
                    row.route
                ));
            }
        }
    }
    println!("authorisation matrix: {cells} cells checked");
    assert!(
        failures.is_empty(),
        "{} of {cells} cells failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    app.finish().await;
}
