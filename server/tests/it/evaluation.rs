//! The evaluation export: a council's admin downloads one row per family member per month,
//! as CSV and as Parquet, with a data dictionary. Every cell is scanned: no name, nothing
//! anyone wrote, no date of birth, no exact date. A person keeps one pseudonym across
//! exports with one key, and gets another with another key.

use crate::support;
use app::backend::evaluation::DICTIONARY;
use app::backend::store;
use app::domain::ids::SubmissionId;
use support::demo::{assert_done, family, staff_cookie};
use support::{Connect, Kind, TestApp};

on_both_backends!(
    an_admin_exports_every_member_month_with_nothing_that_names_anyone,
    the_export_is_for_a_councils_admins_and_says_plainly_when_it_is_not_set_up,
);

const KEY: &str = "a council's pseudonym key for the tests (fictional)";

async fn spawn(kind: Kind, key: Option<&str>) -> TestApp {
    TestApp::spawn_with(kind, |config| {
        config.evaluation.pseudonym_key = key.map(server::config::Secret::new);
    })
    .await
}

/// A file this person downloads: status and bytes.
async fn fetch(app: &TestApp, path: &str, cookie: &str) -> (u16, Vec<u8>) {
    let response = app.get_as(path, Some(cookie)).await;
    (
        response.status().as_u16(),
        response.bytes().await.unwrap().to_vec(),
    )
}

/// The CSV's rows, each split into cells (no cell here holds a comma or a quote).
fn rows_of(csv: &[u8]) -> Vec<Vec<String>> {
    String::from_utf8(csv.to_vec())
        .unwrap()
        .lines()
        .map(|line| line.split(',').map(str::to_owned).collect())
        .collect()
}

/// Everyone's names and dates of birth, as the database holds them.
async fn names_and_births(app: &TestApp) -> Vec<String> {
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT display_name, date_of_birth FROM members")
            .fetch_all(&mut *app.store.conn().await)
            .await
            .unwrap();
    let staff: Vec<(String,)> = sqlx::query_as("SELECT display_name FROM staff")
        .fetch_all(&mut *app.store.conn().await)
        .await
        .unwrap();
    rows.into_iter()
        .flat_map(|(name, born)| std::iter::once(name).chain(born))
        .chain(staff.into_iter().map(|(name,)| name))
        .collect()
}

async fn an_admin_exports_every_member_month_with_nothing_that_names_anyone(kind: Kind) {
    let app = spawn(kind, Some(KEY)).await;
    let f = family(&app).await;
    let words = [
        "Get to school on time (evaluation test)",
        "Because mornings are hard (evaluation test)",
        "I will set an alarm (evaluation test)",
        "Charlie's worry (evaluation test)",
    ];
    assert_done(
        &app.call_as(
            "/api/new-goal",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("change", words[0]),
                ("why", words[1]),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    let goal = support::demo::space_of(&app, &f.alex).await.goals[0].id;
    assert_done(
        &app.call_as(
            "/api/check-in",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("goal", &goal.to_string()),
                ("now", "4"),
                ("want", "8"),
                ("importance", "9"),
                ("confidence", "6"),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    assert_done(
        &app.call_as(
            "/api/say",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", "commitment"),
                ("text", words[2]),
                ("share", "only_me"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    support::demo::child_adds(
        &app,
        &f.charlie,
        "/api/child-house",
        &[
            ("house", "worries"),
            ("words", words[3]),
            ("share", "workers"),
        ],
    )
    .await;
    let admin = staff_cookie(&app, "Drew Admin-Example").await;

    let (status, csv) = fetch(&app, "/admin/evaluation.csv", &admin).await;
    assert_eq!(status, 200);
    let rows = rows_of(&csv);
    let header: Vec<&str> = DICTIONARY.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(rows[0], header);
    // Four members, each added this month: one row each.
    assert_eq!(rows.len(), 5);
    let forbidden = names_and_births(&app).await;
    let exact_date =
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}|\b\d{10,}\b").unwrap();
    for row in &rows[1..] {
        assert_eq!(row.len(), header.len());
        for cell in row {
            for secret in forbidden.iter().chain(
                words
                    .iter()
                    .map(|w| (*w).to_owned())
                    .collect::<Vec<_>>()
                    .iter(),
            ) {
                assert!(!cell.contains(secret.as_str()), "{cell:?} holds {secret:?}");
            }
            assert!(
                !exact_date.is_match(cell),
                "{cell:?} looks like an exact date"
            );
            assert!(
                !cell.contains("evaluation test"),
                "{cell:?} holds someone's words"
            );
        }
    }
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let alex = rows
        .iter()
        .find(|r| r[column("goals_set")] == "1")
        .expect("Alex's row");
    assert_eq!(alex[column("role")], "parent_carer");
    assert_eq!(alex[column("age_band")], "adult");
    assert_eq!(alex[column("check_ins_made")], "1");
    assert_eq!(alex[column("score_now")], "4");
    assert_eq!(alex[column("importance")], "9");
    assert_eq!(alex[column("talk_commitment")], "1");
    let children: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[column("role")] == "child")
        .collect();
    assert_eq!(children.len(), 2);
    assert!(children.iter().all(|r| r[column("age_band")] != "adult"));

    // The same people under the same pseudonyms in a second export.
    let pseudonyms = |rows: &[Vec<String>]| {
        let mut p: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
        p.sort();
        p
    };
    let (_, again) = fetch(&app, "/admin/evaluation.csv", &admin).await;
    assert_eq!(pseudonyms(&rows_of(&again)), pseudonyms(&rows));
    // Another key gives everyone another pseudonym.
    let other = app
        .spawn_beside(|config| {
            config.evaluation.pseudonym_key = Some(server::config::Secret::new(
                "another council's key, not the same one (test)",
            ));
        })
        .await;
    let (_, elsewhere) = fetch(&other, "/admin/evaluation.csv", &admin).await;
    let theirs = pseudonyms(&rows_of(&elsewhere));
    assert_eq!(theirs.len(), 4);
    assert!(theirs.iter().all(|p| !pseudonyms(&rows).contains(p)));
    other.forget();

    // Parquet: the same rows and columns.
    let (status, bytes) = fetch(&app, "/admin/evaluation.parquet", &admin).await;
    assert_eq!(status, 200);
    let mut file = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut file, &bytes).unwrap();
    let reader = parquet::file::reader::SerializedFileReader::new(file).unwrap();
    use parquet::file::reader::FileReader;
    use parquet::record::RowAccessor;
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows(), 4);
    let names: Vec<&str> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name())
        .collect();
    assert_eq!(names, header);
    let mut people: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| row.unwrap().get_string(0).unwrap().clone())
        .collect();
    people.sort();
    assert_eq!(people, pseudonyms(&rows));

    // The dictionary names every column.
    let (status, dictionary) = fetch(&app, "/admin/evaluation-dictionary.csv", &admin).await;
    assert_eq!(status, 200);
    let dictionary = String::from_utf8(dictionary).unwrap();
    for name in &header {
        assert!(dictionary.contains(&format!("\r\n{name},")), "{name}");
    }
    // Each export is one audited read, of the council.
    let (exports,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'export_evaluation' AND outcome = 'allowed'",
    )
    .fetch_one(&mut *app.store.conn().await)
    .await
    .unwrap();
    assert_eq!(exports, 4);
    app.finish().await;
}

async fn the_export_is_for_a_councils_admins_and_says_plainly_when_it_is_not_set_up(kind: Kind) {
    let app = spawn(kind, Some(KEY)).await;
    let f = family(&app).await;
    // An admin of another council gets their own council's rows: none of these.
    let council = store::people::create_council(
        &mut *app.store.conn().await,
        "Elsewhere Council (test)",
        app.clock.now(),
    )
    .await
    .unwrap();
    store::people::create_staff(
        &mut *app.store.conn().await,
        council,
        app::backend::NewStaff {
            team: None,
            display_name: "Other Admin (test)",
            role: app::domain::people::StaffRole::Admin,
        },
        app.clock.now(),
    )
    .await
    .unwrap();
    let elsewhere = staff_cookie(&app, "Other Admin (test)").await;
    let (status, csv) = fetch(&app, "/admin/evaluation.csv", &elsewhere).await;
    assert_eq!(status, 200);
    assert_eq!(rows_of(&csv).len(), 1, "the header alone");
    // Nobody else at all: a worker, business support, a parent.
    let business = staff_cookie(&app, "Harper Dummy").await;
    for cookie in [&f.worker, &business, &f.alex] {
        for path in [
            "/admin/evaluation.csv",
            "/admin/evaluation.parquet",
            "/admin/evaluation-dictionary.csv",
        ] {
            assert_eq!(fetch(&app, path, cookie).await.0, 404, "{path}");
        }
    }
    assert_eq!(app.get("/admin/evaluation.csv").await.status(), 401);
    app.finish().await;

    // Without a key: the page says so in plain words, and the files are refused plainly.
    let app = spawn(kind, None).await;
    family(&app).await;
    let admin = staff_cookie(&app, "Drew Admin-Example").await;
    let (status, body) = fetch(&app, "/admin/evaluation.csv", &admin).await;
    assert_eq!(status, 422);
    assert!(String::from_utf8(body).unwrap().contains("not set up yet"));
    let page = app
        .get_as("/admin/evaluation", Some(&admin))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("The export is not set up yet."));
    assert!(!page.contains("Download as CSV"));
    app.finish().await;
}
