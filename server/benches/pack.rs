//! `cargo bench -p server --bench pack` (run by `scripts/bench.sh`): figures, not a test.
//!
//! Server time for the supervision pack and for Module 8 on a large family: six members
//! and three years of weekly input, about 2,000 entries, all shared with the workers, and
//! no supervision yet, so the pack covers everything (its worst case). Each call is the
//! real audited read through the policy, on a SQLite file, as a request would make it.
//! The target for the pack is 50 ms at most.
#![expect(
    clippy::expect_used,
    reason = "a benchmark fails loudly at the step that went wrong"
)]

use app::backend::auth::CurrentSession;
use app::backend::store;
use app::backend::store::{NewFamily, NewMember, Store};
use app::domain::ids::{EntryId, FamilyId, SessionId};
use app::domain::people::MemberKind;
use app::domain::tools::{ChangeTalk, CheckInForm, Goal, GoalForm, Stage, StageChoice};

#[path = "support/team.rs"]
mod team;
#[path = "support/times.rs"]
mod times;

use times::{report, time};

const WEEKS: i64 = 156;
const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;
const RUNS: usize = 100;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let data = tempfile::TempDir::new().expect("a temporary directory");
        let store = Store::connect(&Store::sqlite_url(data.path()), 4)
            .await
            .expect("the store");
        store.migrate().await.expect("migrations");
        let (family, session, entries) = large_family(&store).await;
        println!();
        println!(
            "A family of 6 with {entries} shared entries over {WEEKS} weeks, SQLite, {RUNS} runs:"
        );
        let pack = time(RUNS, || async {
            app::backend::pack::pack(&store, &session, family, &Default::default())
                .await
                .expect("the pack");
        })
        .await;
        report("supervision pack", &pack);
        let module_8 = time(RUNS, || async {
            // The whole record, as the Word document has it: the most Module 8 reads.
            app::backend::views::module_8(
                &store,
                &session,
                family,
                &app::api::views::ViewFilter::everything(),
                app::backend::Reading::Page,
            )
            .await
            .expect("Module 8");
        })
        .await;
        report("Module 8", &module_8);
        let caseload = time(RUNS, || async {
            app::backend::caseload::caseload(&store, &session, 4)
                .await
                .expect("the caseload");
        })
        .await;
        report("caseload", &caseload);
    });
}

/// Writes one entry as shared with the workers at a chosen time. Setting up the family
/// is not what is measured, so it writes the rows directly, without audit.
async fn shared(
    conn: &mut sqlx::AnyConnection,
    family: FamilyId,
    author: &str,
    kind: &str,
    body: &str,
    at: i64,
) -> EntryId {
    let id = EntryId::new();
    sqlx::query(
        "INSERT INTO entries (id, family_id, author_member_id, kind, submission_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(family.to_string())
    .bind(author)
    .bind(kind)
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(at)
    .execute(&mut *conn)
    .await
    .expect("an entry");
    sqlx::query(
        "INSERT INTO entry_versions (entry_id, version, body, written_at) VALUES ($1, 1, $2, $3)",
    )
    .bind(id.to_string())
    .bind(body)
    .bind(at)
    .execute(&mut *conn)
    .await
    .expect("a version");
    sqlx::query(
        "INSERT INTO entry_shares (id, entry_id, audience, member_id, shared_at) \
         VALUES ($1, $2, 'workers', NULL, $3)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(id.to_string())
    .bind(at)
    .execute(&mut *conn)
    .await
    .expect("a share");
    id
}

async fn large_family(store: &Store) -> (FamilyId, CurrentSession, usize) {
    let mut conn = store.pool_connection().await.expect("a connection");
    let team::Team {
        council,
        team,
        worker,
    } = team::team(
        store,
        &mut conn,
        "Benchmarkshire (demo)",
        "Bench Worker (demo)",
    )
    .await;
    let family = store::people::create_family(
        &mut conn,
        council,
        NewFamily {
            team,
            reference: "BENCH-1",
            display_name: "The Bench family (demo)",
        },
        store.now(),
    )
    .await
    .expect("a family");
    store::people::allocate(&mut conn, family, worker, store.now())
        .await
        .expect("an allocation");
    let mut members = Vec::new();
    for (name, kind, born) in [
        ("Parent One (demo)", MemberKind::ParentCarer, None),
        ("Parent Two (demo)", MemberKind::ParentCarer, None),
        ("Child One (demo)", MemberKind::Child, Some("2014-05-01")),
        ("Child Two (demo)", MemberKind::Child, Some("2016-05-01")),
        ("Child Three (demo)", MemberKind::Child, Some("2018-05-01")),
        ("Child Four (demo)", MemberKind::Child, Some("2020-05-01")),
    ] {
        let id = store::people::add_member(
            &mut conn,
            family,
            NewMember {
                kind,
                display_name: name,
                date_of_birth: born,
            },
            store.now(),
        )
        .await
        .expect("a member");
        members.push((id.to_string(), kind));
    }
    let start = store.now() - WEEKS * WEEK_MS;
    let mut count = 0;
    for (member, kind) in &members {
        if *kind == MemberKind::ParentCarer {
            let mut goals = Vec::new();
            for change in [
                "Mornings without shouting (demo)",
                "Keep the house safe (demo)",
            ] {
                let goal = Goal::try_from(GoalForm {
                    change: change.to_owned(),
                    why: "For the children (demo)".to_owned(),
                    ..GoalForm::default()
                })
                .expect("a goal");
                let body = serde_json::to_string(&goal).expect("JSON");
                goals.push(shared(&mut conn, family, member, "goal", &body, start).await);
                count += 1;
            }
            for week in 0..WEEKS {
                let at = start + week * WEEK_MS + 1;
                for goal in &goals {
                    let check_in = CheckInForm {
                        now: ((week % 10) as u8).to_string(),
                        want: "8".to_owned(),
                        importance: "9".to_owned(),
                        confidence: ((week % 11) as u8).to_string(),
                        note: "A week like any other (demo)".to_owned(),
                        ..CheckInForm::default()
                    }
                    .parse(*goal)
                    .expect("a check-in");
                    let body = serde_json::to_string(&check_in).expect("JSON");
                    shared(&mut conn, family, member, "check_in", &body, at).await;
                    count += 1;
                    if week % 4 == 0 {
                        let stage = StageChoice {
                            goal: *goal,
                            stage: Stage::ALL[(week as usize / 4) % Stage::ALL.len()],
                        };
                        let body = serde_json::to_string(&stage).expect("JSON");
                        shared(&mut conn, family, member, "stage", &body, at).await;
                        count += 1;
                    }
                }
                let said = ChangeTalk::parse("commitment", "walk them to school (demo)")
                    .expect("change talk");
                let body = serde_json::to_string(&said).expect("JSON");
                shared(&mut conn, family, member, "change_talk", &body, at).await;
                count += 1;
            }
        } else {
            for week in 0..WEEKS {
                let at = start + week * WEEK_MS + 2;
                let times = if week % 2 == 0 { 2 } else { 1 };
                for _ in 0..times {
                    let said = ChangeTalk::parse("desire", "go to the park more (demo)")
                        .expect("change talk");
                    let body = serde_json::to_string(&said).expect("JSON");
                    shared(&mut conn, family, member, "change_talk", &body, at).await;
                    count += 1;
                }
            }
        }
    }
    let account = store::identity::account_for_staff(&mut conn, worker, store.now())
        .await
        .expect("an account");
    let actor = store::identity::actor(&mut conn, account)
        .await
        .expect("the actor")
        .expect("an actor");
    let session = CurrentSession {
        token_hash: String::new(),
        id: SessionId::new(),
        actor,
        passkey: None,
        verified_at: None,
        supported: None,
        code_key: app::backend::shown_codes::CodeKey::of_token(""),
        language: None,
        easy_read: false,
    };
    (family, session, count)
}
