//! A property test of privacy inside families: random families, entries, sharing choices
//! and risk flags, checked through the running application's endpoints against a simple
//! oracle. No private entry may reach another member through a list, a count, a single
//! entry, a page, their own copy of their data, or the wording of an error. Nor may a
//! flag leave any trace the two people it joins can see, in what they wrote or in what
//! the chair told them after the meeting.

use crate::support;
use crate::support::Connect;
use app::backend::store;

use app::backend::{NewFamily, NewMember, NewStaff};
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
    // A flag keeps the two people it joins apart, whichever way it points.
    let flagged = family
        .flags
        .iter()
        .any(|(from, to)| (*from == reader && to == author) || (from == author && *to == reader));
    shared_with.contains(&reader) && !flagged
}

struct Setting {
    council: CouncilId,
    team: TeamId,
    worker: StaffId,
    /// The team manager who chairs the team's group case supervision.
    chair: StaffId,
}

/// A fictional council with one team and its social worker, for random families.
async fn setting(app: &TestApp, place: &str) -> Setting {
    let council = store::people::create_council(
        &mut *app.store.conn().await,
        &format!("{place} Council (test)"),
        app.store.now(),
    )
    .await
    .unwrap();
    let team = store::people::create_team(
        &mut *app.store.conn().await,
        council,
        &format!("{place} team (test)"),
        app.store.now(),
    )
    .await
    .unwrap();
    let worker = store::people::create_staff(
        &mut *app.store.conn().await,
        council,
        NewStaff {
            team: Some(team),
            display_name: &format!("{place} worker (test)"),
            role: StaffRole::SocialWorker,
        },
        app.store.now(),
    )
    .await
    .unwrap();
    let chair = store::people::create_staff(
        &mut *app.store.conn().await,
        council,
        NewStaff {
            team: Some(team),
            display_name: &format!("{place} chair (test)"),
            role: StaffRole::TeamManager,
        },
        app.store.now(),
    )
    .await
    .unwrap();
    Setting {
        council,
        team,
        worker,
        chair,
    }
}

async fn check(app: &TestApp, setting: &Setting, case: Family) -> Result<(), TestCaseError> {
    let store = &app.store;
    let now = app.clock.now();
    let reference = format!("PROP-{}", uuid::Uuid::new_v4().simple());
    let family = store::people::create_family(
        &mut *store.conn().await,
        setting.council,
        NewFamily {
            team: setting.team,
            reference: &reference,
            display_name: "A random family (fictional)",
        },
        store.now(),
    )
    .await
    .unwrap();
    let mut members = Vec::new();
    for (index, is_child) in case.members.iter().enumerate() {
        let name = format!("Member {index} (fictional)");
        let member = store::people::add_member(
            &mut *store.conn().await,
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
            store.now(),
        )
        .await
        .unwrap();
        members.push(member);
    }
    for (from, to) in &case.flags {
        store::people::flag_alleged_abuse(
            &mut *store.conn().await,
            family,
            members[*from],
            members[*to],
            setting.worker,
            store.now(),
        )
        .await
        .unwrap();
    }
    let mut entries: Vec<(EntryId, String)> = Vec::new();
    for (author, workers, shared_with) in &case.entries {
        let words = format!("private-words-{}", uuid::Uuid::new_v4().simple());
        let entry = support::create_entry(
            store,
            support::new_entry(family, members[*author], &support::said(&words)),
        )
        .await
        .unwrap();
        if *workers {
            support::share(
                store,
                entry,
                None,
                now,
                &app::backend::store::Who::operator(),
            )
            .await
            .unwrap();
        }
        for with in shared_with {
            support::share(
                store,
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
            .cookie_for(
                store::identity::account_for_member(&mut *store.conn().await, *member, now)
                    .await
                    .unwrap(),
            )
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
        // Their own copy of everything held about them ("Everything we hold about you")
        // holds each of their own entries, and no one else's words, whatever was shared
        // with them or flagged.
        let copy = app
            .call_as("/api/my-data", &[], Some(&cookie))
            .await
            .text()
            .await
            .unwrap();
        let own: app::dto::own_data::OwnData = serde_json::from_str(&copy).unwrap();
        for (index, (entry, words)) in entries.iter().enumerate() {
            let mine = case.entries[index].0 == reader;
            prop_assert_eq!(
                copy.contains(words.as_str()),
                mine,
                "copy: reader {} entry {}",
                reader,
                index
            );
            prop_assert_eq!(own.entries.iter().any(|e| e.id == *entry), mine);
        }
        prop_assert_eq!(
            own.entries.len(),
            case.entries
                .iter()
                .filter(|(author, _, _)| *author == reader)
                .count()
        );
        // The count is the oracle's count: nothing extra, nothing missing.
        let expected = (0..entries.len())
            .filter(|i| oracle_may_read(&case, reader, *i))
            .count();
        let listed: Vec<app::dto::family::EntryView> = serde_json::from_str(&list).unwrap();
        prop_assert_eq!(listed.len(), expected);
    }
    Ok(())
}

#[test]
fn no_private_entry_reaches_another_member_through_any_endpoint() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (app, setting) = runtime.block_on(async {
        let app = TestApp::spawn(Kind::Sqlite).await;
        let setting = setting(&app, "Propertyshire").await;
        (app, setting)
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

// ---- observation equivalence: a flag leaves no trace either of its two people can see

/// A random story in a family of parents, where member 0 and member 1 are the pair a
/// flag may join (which way it points is part of the story).
#[derive(Debug, Clone)]
struct Story {
    size: usize,
    /// `true`: member 0 is flagged as a risk to member 1; `false`: the other way round.
    first_is_flagged: bool,
    /// (author, shared with the workers, shared with these members by name), in order.
    goals: Vec<(usize, bool, Vec<usize>)>,
    /// (reader, goal): a member opens a goal, which works only if they may read it.
    reads: Vec<(usize, usize)>,
    /// Goals the allocated worker opens (only those shared with the workers open).
    worker_reads: Vec<usize>,
    /// After the meeting: whom the chair chooses to tell what was decided, by member.
    told: Vec<bool>,
}

fn story() -> impl Strategy<Value = Story> {
    (3usize..=4).prop_flat_map(|size| {
        (
            any::<bool>(),
            proptest::collection::vec(
                (
                    0..size,
                    any::<bool>(),
                    proptest::collection::vec(0..size, 0..3),
                ),
                1..5,
            ),
            proptest::collection::vec((0..size, 0..5usize), 0..6),
            proptest::collection::vec(0..5usize, 0..3),
            proptest::collection::vec(any::<bool>(), size),
        )
            .prop_map(
                move |(first_is_flagged, goals, reads, worker_reads, told)| Story {
                    size,
                    first_is_flagged,
                    goals,
                    reads,
                    worker_reads,
                    told,
                },
            )
    })
}

/// One family built from a story through the portal's own endpoints, as its members
/// would: with or without the flag, and leaving out whatever `skip` says.
struct Built {
    members: Vec<app::domain::ids::MemberId>,
    cookies: Vec<String>,
    goals: Vec<EntryId>,
    /// What each share request by the observer answered: (status, where it led).
    observer_shares: Vec<(u16, String)>,
    reference: String,
    /// The session whose record tells the family what was decided.
    session: String,
}

async fn build(
    app: &TestApp,
    setting: &Setting,
    story: &Story,
    flag: bool,
    observer: usize,
    worker_cookie: &str,
    chair_cookie: &str,
) -> Built {
    let store = &app.store;
    let now = app.clock.now();
    let other = 1 - observer;
    let reference = format!("PROP-{}", uuid::Uuid::new_v4().simple());
    let family = store::people::create_family(
        &mut *store.conn().await,
        setting.council,
        NewFamily {
            team: setting.team,
            reference: &reference,
            display_name: "A random family (fictional)",
        },
        store.now(),
    )
    .await
    .unwrap();
    store::people::allocate(
        &mut *store.conn().await,
        family,
        setting.worker,
        store.now(),
    )
    .await
    .unwrap();
    let mut members = Vec::new();
    let mut cookies = Vec::new();
    for index in 0..story.size {
        let name = format!("Member {index} (fictional)");
        let member = store::people::add_member(
            &mut *store.conn().await,
            family,
            NewMember {
                kind: MemberKind::ParentCarer,
                display_name: &name,
                date_of_birth: None,
            },
            store.now(),
        )
        .await
        .unwrap();
        members.push(member);
        cookies.push(
            app.cookie_for(
                store::identity::account_for_member(&mut *store.conn().await, member, now)
                    .await
                    .unwrap(),
            )
            .await,
        );
    }
    if flag {
        let (from, to) = if story.first_is_flagged {
            (0, 1)
        } else {
            (1, 0)
        };
        store::people::flag_alleged_abuse(
            &mut *store.conn().await,
            family,
            members[from],
            members[to],
            setting.worker,
            store.now(),
        )
        .await
        .unwrap();
    }
    let mut goals = Vec::new();
    let mut observer_shares = Vec::new();
    for (index, (author, workers, with)) in story.goals.iter().enumerate() {
        let made = app
            .call_as(
                "/api/new-goal",
                &[
                    ("submission", &SubmissionId::new().to_string()),
                    ("change", &format!("Goal {index} in my own words (demo)")),
                    ("share", if *workers { "workers" } else { "only_me" }),
                ],
                Some(&cookies[*author]),
            )
            .await;
        assert!(made.status().is_redirection() || made.status().is_success());
        let space = app
            .call_as("/api/my-space", &[], Some(&cookies[*author]))
            .await
            .json::<app::dto::tools::SpaceView>()
            .await
            .unwrap();
        let id = space.goals.last().unwrap().id;
        goals.push(id);
        for target in with {
            // Without the flag, the other person's actions towards the observer are
            // left out: with it, none of them could reach the observer anyway.
            if !flag && *author == other && *target == observer {
                continue;
            }
            let shared = app
                .call_as(
                    "/api/share-with-member",
                    &[
                        ("entry", &id.to_string()),
                        ("member", &members[*target].to_string()),
                    ],
                    Some(&cookies[*author]),
                )
                .await;
            if *author == observer {
                let status = shared.status().as_u16();
                let body = shared.text().await.unwrap();
                observer_shares.push((status, body.replace(&id.to_string(), "<goal>")));
            }
        }
        // Keeps the order of things written within one millisecond the same in both worlds.
        tokio::time::sleep(std::time::Duration::from_millis(3)).await;
    }
    for (reader, goal) in &story.reads {
        let Some(goal_id) = goals.get(*goal) else {
            continue;
        };
        let author = story.goals[*goal].0;
        if !flag && *reader == other && author == observer {
            continue;
        }
        app.call_as(
            "/api/goal",
            &[("id", &goal_id.to_string())],
            Some(&cookies[*reader]),
        )
        .await;
    }
    for goal in &story.worker_reads {
        if let Some(goal_id) = goals.get(*goal) {
            app.call_as(
                "/api/goal",
                &[("id", &goal_id.to_string())],
                Some(worker_cookie),
            )
            .await;
        }
    }
    // After the meeting: the chair tells the members the story chose. A member flagged as a
    // risk to another cannot be told: the chair is refused, and chooses again without them.
    let session = format!("prop-{}", uuid::Uuid::new_v4().simple());
    {
        let mut conn = store.conn().await;
        store::supervision::add_session(&mut conn, &session, setting.team, now, setting.chair, now)
            .await
            .unwrap();
        store::supervision::link_families(&mut conn, &session, &[family.to_string()])
            .await
            .unwrap();
    }
    let flagged = usize::from(!story.first_is_flagged);
    let choices = |with_flagged: bool| -> Vec<String> {
        (0..story.size)
            .map(|i| {
                let told = story.told[i] && (with_flagged || i != flagged);
                format!("{}:{}", members[i], if told { "family" } else { "none" })
            })
            .collect()
    };
    let finalise = |tell: Vec<String>| {
        let (family, session) = (family.to_string(), session.clone());
        async move {
            let mut form: Vec<(&str, &str)> = vec![("family", &family), ("session", &session)];
            for field in [
                "reflection",
                "child_views",
                "parent_views",
                "impact",
                "plan",
                "decisions",
                "reasons",
            ] {
                form.push((field, "Words (test)"));
            }
            form.extend([
                ("rating", "green"),
                ("finalise", "yes"),
                ("told_family", "What we decided and why (test)"),
            ]);
            for choice in &tell {
                form.push(("tell[]", choice));
            }
            app.call_as("/api/save-record", &form, Some(chair_cookie))
                .await
                .status()
        }
    };
    if flag && story.told[flagged] {
        assert_eq!(finalise(choices(true)).await.as_u16(), 422);
    }
    let saved = finalise(choices(false)).await;
    assert!(saved.is_redirection() || saved.is_success(), "{saved}");
    Built {
        members,
        cookies,
        goals,
        observer_shares,
        reference,
        session,
    }
}

/// Everything the observer can see, with what differs between any two families anyway
/// (ids, times, the family's reference, the page's nonce) replaced by labels.
async fn observe(app: &TestApp, built: &Built, observer: usize, without: Option<usize>) -> String {
    let cookie = &built.cookies[observer];
    let mut seen = Vec::new();
    for path in [
        "/api/my-entries",
        "/api/my-space",
        "/api/who-has-seen",
        "/api/my-data",
    ] {
        let answer = app.call_as(path, &[], Some(cookie)).await;
        seen.push(format!(
            "{path} {} {}",
            answer.status(),
            answer.text().await.unwrap()
        ));
    }
    let told = app
        .call_as("/api/told", &[("meeting", &built.session)], Some(cookie))
        .await;
    seen.push(format!(
        "told {} {}",
        told.status(),
        told.text().await.unwrap()
    ));
    let decided = format!("/decided/{}", built.session);
    for page in ["/home", "/seen", "/my-data", decided.as_str()] {
        let answer = app.get_as(page, Some(cookie)).await;
        seen.push(format!(
            "{page} {} {}",
            answer.status(),
            support::without_nonce(&answer.text().await.unwrap())
        ));
    }
    for goal in &built.goals {
        let answer = app
            .call_as("/api/goal", &[("id", &goal.to_string())], Some(cookie))
            .await;
        let status = answer.status();
        let mut body = answer.text().await.unwrap();
        // The one deliberate difference: the two are never offered to each other to
        // share with. Without the flag, the other person is taken out of the list.
        if let (Some(other), true) = (without, status.is_success()) {
            let mut view: serde_json::Value = serde_json::from_str(&body).unwrap();
            let other = built.members[other].to_string();
            if let Some(others) = view["others"].as_array_mut() {
                others.retain(|m| m["id"].as_str() != Some(other.as_str()));
            }
            body = view.to_string();
        } else if status.is_success() {
            body = serde_json::from_str::<serde_json::Value>(&body)
                .unwrap()
                .to_string();
        }
        seen.push(format!("goal {status} {body}"));
    }
    seen.push(format!("shares {:?}", built.observer_shares));
    let mut text = seen.join("\n");
    for (index, goal) in built.goals.iter().enumerate() {
        text = text.replace(&goal.to_string(), &format!("<goal {index}>"));
    }
    for (index, member) in built.members.iter().enumerate() {
        text = text.replace(&member.to_string(), &format!("<member {index}>"));
    }
    text = text.replace(&built.reference, "<reference>");
    text = text.replace(&built.session, "<session>");
    let uuid =
        regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").unwrap();
    let millis = regex::Regex::new(r"\b1[0-9]{12}\b").unwrap();
    let clock = regex::Regex::new(r"\b[0-9]{1,2}:[0-9]{2}(am|pm)").unwrap();
    let text = uuid.replace_all(&text, "<id>");
    let text = millis.replace_all(&text, "<ms>");
    let text = clock.replace_all(&text, "<time>").into_owned();
    // A page streams the data behind it in whichever order it resolved: the data is kept,
    // in a fixed order, and the order it happened to arrive in is not.
    let resolved =
        regex::Regex::new(r#"__RESOLVED_RESOURCES\[[0-9]+\] = "(?:[^"\\]|\\.)*";"#).unwrap();
    let mut data: Vec<String> = resolved
        .find_iter(&text)
        .map(|m| m.as_str().to_owned())
        .collect();
    data.sort();
    let text = resolved.replace_all(&text, "");
    let empty = regex::Regex::new(r#"<script nonce="">\s*</script>"#).unwrap();
    format!("{}\n{}", empty.replace_all(&text, ""), data.join("\n"))
}

async fn check_equivalence(
    app: &TestApp,
    setting: &Setting,
    cookies: &(String, String),
    story: Story,
) -> Result<(), TestCaseError> {
    let (worker, chair) = cookies;
    for observer in [0, 1] {
        let flagged = build(app, setting, &story, true, observer, worker, chair).await;
        let plain = build(app, setting, &story, false, observer, worker, chair).await;
        let with_flag = observe(app, &flagged, observer, None).await;
        let without_flag = observe(app, &plain, observer, Some(1 - observer)).await;
        prop_assert_eq!(
            with_flag,
            without_flag,
            "member {} can tell the flag is there",
            observer
        );
    }
    Ok(())
}

#[test]
fn neither_person_a_flag_joins_can_observe_that_it_is_there() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (app, setting, cookies) = runtime.block_on(async {
        let app = TestApp::spawn(Kind::Sqlite).await;
        let setting = setting(&app, "Equivalenceshire").await;
        let now = app.clock.now();
        let mut cookies = Vec::new();
        for staff in [setting.worker, setting.chair] {
            let account =
                store::identity::account_for_staff(&mut *app.store.conn().await, staff, now)
                    .await
                    .unwrap();
            cookies.push(app.cookie_for(account).await);
        }
        let [worker, chair]: [String; 2] = cookies.try_into().unwrap();
        (app, setting, (worker, chair))
    });
    let mut runner = TestRunner::new(RunnerConfig {
        cases: 12,
        ..RunnerConfig::default()
    });
    let result = runner.run(&story(), |story| {
        runtime.block_on(check_equivalence(&app, &setting, &cookies, story))
    });
    runtime.block_on(app.finish());
    result.unwrap();
}
