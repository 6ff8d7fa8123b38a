//! A property test of privacy inside families: random families, entries, sharing choices
//! and risk flags, checked through the running application's endpoints against a simple
//! oracle. No private entry may reach another member through a list, a count, a single
//! entry, a page, or the wording of an error.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly at the step that went wrong"
)]

mod support;

use app::backend::{NewEntry, NewFamily, NewMember, NewStaff};
use app::domain::ids::{CouncilId, EntryId, StaffId, SubmissionId, TeamId};
use app::domain::people::{MemberKind, StaffRole};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};
use support::{Kind, TestApp};

/// One random family: who is in it, who is flagged towards whom, and what they wrote.
#[derive(Debug, Clone)]
struct Family {
    /// `true` for a child.
    members: Vec<bool>,
    /// (flagged member, member at risk).
    flags: Vec<(usize, usize)>,
    /// (author, shared with workers, shared with these members by name).
    entries: Vec<(usize, bool, Vec<usize>)>,
}

fn family() -> impl Strategy<Value = Family> {
    (2usize..=4).prop_flat_map(|size| {
        (
            proptest::collection::vec(any::<bool>(), size),
            proptest::collection::vec((0..size, 0..size), 0..3),
            proptest::collection::vec(
                (
                    0..size,
                    any::<bool>(),
                    proptest::collection::vec(0..size, 0..3),
                ),
                0..6,
            ),
        )
            .prop_map(|(members, flags, entries)| Family {
                members,
                flags: flags.into_iter().filter(|(a, b)| a != b).collect(),
                entries,
            })
    })
}

/// The rules, written as simply as possible and separately from the policy module.
fn oracle_may_read(family: &Family, reader: usize, entry: usize) -> bool {
    let (author, _, shared_with) = &family.entries[entry];
    if reader == *author {
        return true;
    }
    let flagged = family
        .flags
        .iter()
        .any(|(from, to)| *from == reader && to == author);
    shared_with.contains(&reader) && !flagged
}

struct Setting {
    council: CouncilId,
    team: TeamId,
    worker: StaffId,
}

async fn check(app: &TestApp, setting: &Setting, case: Family) -> Result<(), TestCaseError> {
    let store = &app.store;
    let now = app::backend::store::now_ms();
    let reference = format!("PROP-{}", uuid::Uuid::new_v4().simple());
    let family = store
        .create_family(
            setting.council,
            NewFamily {
                team: setting.team,
                reference: &reference,
                display_name: "A random family (fictional)",
            },
        )
        .await
        .unwrap();
    let mut members = Vec::new();
    for (index, is_child) in case.members.iter().enumerate() {
        let name = format!("Member {index} (fictional)");
        let member = store
            .add_member(
                family,
                NewMember {
                    kind: if *is_child {
                        MemberKind::Child
                    } else {
                        MemberKind::ParentCarer
                    },
                    display_name: &name,
                    date_of_birth: is_child.then_some("2015-06-01"),
                },
            )
            .await
            .unwrap();
        members.push(member);
    }
    for (from, to) in &case.flags {
        store
            .flag_alleged_abuse(family, members[*from], members[*to], setting.worker)
            .await
            .unwrap();
    }
    let mut entries: Vec<(EntryId, String)> = Vec::new();
    for (author, workers, shared_with) in &case.entries {
        let words = format!("private-words-{}", uuid::Uuid::new_v4().simple());
        let entry = store
            .create_entry(NewEntry {
                family,
                author: members[*author],
                kind: "note",
                submission: SubmissionId::new(),
                body: &format!(r#"{{"text":"{words}"}}"#),
                by: app::backend::store::Who::operator(),
            })
            .await
            .unwrap();
        if *workers {
            store
                .share(entry, None, now, &app::backend::store::Who::operator())
                .await
                .unwrap();
        }
        for with in shared_with {
            store
                .share(
                    entry,
                    Some(members[*with]),
                    now,
                    &app::backend::store::Who::operator(),
                )
                .await
                .unwrap();
        }
        entries.push((entry, words));
    }

    let missing = EntryId::new().to_string();
    for (reader, member) in members.iter().enumerate() {
        let cookie = app
            .cookie_for(store.account_for_member(*member, now).await.unwrap())
            .await;
        let list = app
            .call_as("/api/my-entries", &[], Some(&cookie))
            .await
            .text()
            .await
            .unwrap();
        let absent = app
            .call_as("/api/entry", &[("id", &missing)], Some(&cookie))
            .await;
        let absent_status = absent.status();
        let absent_body = absent.text().await.unwrap();
        // A child's home is their own screens, where what was shared with them is shown.
        let home_page = if case.members[reader] {
            "/child"
        } else {
            "/home"
        };
        let home = app
            .get_as(home_page, Some(&cookie))
            .await
            .text()
            .await
            .unwrap();
        for (index, (entry, words)) in entries.iter().enumerate() {
            let may = oracle_may_read(&case, reader, index);
            prop_assert_eq!(
                list.contains(&entry.to_string()),
                may,
                "list: reader {} entry {}",
                reader,
                index
            );
            prop_assert_eq!(list.contains(words.as_str()), may);
            prop_assert_eq!(
                home.contains(words.as_str()),
                may,
                "home page: reader {} entry {}",
                reader,
                index
            );
            let one = app
                .call_as("/api/entry", &[("id", &entry.to_string())], Some(&cookie))
                .await;
            let status = one.status();
            let body = one.text().await.unwrap();
            if may {
                prop_assert_eq!(status.as_u16(), 200);
                prop_assert!(body.contains(words.as_str()));
            } else {
                // Hidden looks exactly like absent: same status, same words.
                prop_assert_eq!(status, absent_status);
                prop_assert_eq!(&body, &absent_body);
            }
        }
        // The count is the oracle's count: nothing extra, nothing missing.
        let expected = (0..entries.len())
            .filter(|i| oracle_may_read(&case, reader, *i))
            .count();
        let listed: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
        prop_assert_eq!(listed.len(), expected);
    }
    Ok(())
}

#[test]
fn no_private_entry_reaches_another_member_through_any_endpoint() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (app, setting) = runtime.block_on(async {
        let app = TestApp::spawn(Kind::Sqlite).await;
        let council = app
            .store
            .create_council("Propertyshire Council (test)")
            .await
            .unwrap();
        let team = app
            .store
            .create_team(council, "Property team (test)")
            .await
            .unwrap();
        let worker = app
            .store
            .create_staff(
                council,
                NewStaff {
                    team: Some(team),
                    display_name: "Property worker (test)",
                    role: StaffRole::SocialWorker,
                },
            )
            .await
            .unwrap();
        (
            app,
            Setting {
                council,
                team,
                worker,
            },
        )
    });
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 40,
        ..RunnerConfig::default()
    });
    let result = runner.run(&family(), |case| {
        runtime.block_on(check(&app, &setting, case))
    });
    runtime.block_on(app.finish());
    result.unwrap();
}
