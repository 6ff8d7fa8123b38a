//! Passkeys, codes and sessions, with a real software authenticator
//! (webauthn-authenticator-rs's SoftPasskey) doing real WebAuthn cryptography against
//! the running application and against the service with an injected clock.
//!
//! SoftPasskey keeps no discoverable credentials, so where the portal asks for a
//! discoverable sign-in the test plays the browser's part by naming the credential the
//! "phone" holds, exactly as a browser does when it offers a stored passkey.

use crate::support;
use crate::support::Connect;
use crate::support::languages::{in_urdu, lang_and_dir};
use app::backend::store;
use support::demo::member;

use app::backend::Store;
use app::backend::auth::{Auth, AuthError, AuthSettings, Clock, CurrentSession, hash_secret};
use app::backend::policy::Actor;
use app::backend::store::CodePurpose;
use app::domain::ids::{FamilyId, MemberId, SubmissionId};
use server::seed;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use support::{Kind, TestApp, TestDb};
use webauthn_authenticator_rs::WebauthnAuthenticator;
use webauthn_authenticator_rs::softpasskey::SoftPasskey;
use webauthn_rs::prelude::{CreationChallengeResponse, RequestChallengeResponse, Url};

/// A phone with a software passkey on it.
struct Phone {
    key: SoftPasskey,
    credential: Option<String>,
}

impl Phone {
    fn new() -> Phone {
        // `true`: the soft key reports user verification, as a phone's screen lock does.
        Phone {
            key: SoftPasskey::new(true),
            credential: None,
        }
    }

    fn register(&mut self, origin: &Url, options: serde_json::Value) -> serde_json::Value {
        let mut options = options;
        // The portal asks for a discoverable passkey; the soft key cannot keep one, so
        // it is asked for an ordinary one, which the server accepts the same way.
        options["publicKey"]["authenticatorSelection"]["residentKey"] = "discouraged".into();
        options["publicKey"]["authenticatorSelection"]["requireResidentKey"] = false.into();
        let options: CreationChallengeResponse = serde_json::from_value(options).unwrap();
        let credential = self.key.do_registration(origin.clone(), options).unwrap();
        self.credential = Some(credential.id.clone());
        serde_json::to_value(credential).unwrap()
    }

    fn sign(&mut self, origin: &Url, options: serde_json::Value) -> serde_json::Value {
        let mut options = options;
        options["publicKey"]["allowCredentials"] = serde_json::json!([
            { "type": "public-key", "id": self.credential.clone().expect("registered") }
        ]);
        let options: RequestChallengeResponse = serde_json::from_value(options).unwrap();
        let assertion = self.key.do_authentication(origin.clone(), options).unwrap();
        serde_json::to_value(assertion).unwrap()
    }
}

fn origin_of(app: &TestApp) -> Url {
    Url::parse(&app.origin).unwrap()
}

/// A code for a member of staff, as the server's `issue-code` command makes one.
async fn staff_code(store: &Store, origin: Url, name: &str) -> String {
    let auth = Auth::new(
        AuthSettings::new(origin, "Sign-in".into()),
        app::backend::auth::system_clock(),
    )
    .unwrap();
    let staff = store::people::staff_by_name(&mut *store.conn().await, name)
        .await
        .unwrap()[0];
    auth.issue_bootstrap_code(store, app::backend::auth::CodeFor::Staff(staff))
        .await
        .unwrap()
        .code
}

async fn register_over_http(app: &TestApp, phone: &mut Phone, code: &str) -> reqwest::Response {
    let started = app
        .post_json("/auth/register/start", &serde_json::json!({ "code": code }))
        .await;
    assert_eq!(started.status(), 200, "the code is accepted");
    let started: serde_json::Value = started.json().await.unwrap();
    let credential = phone.register(&origin_of(app), started["options"].clone());
    app.post_json(
        "/auth/register/finish",
        &serde_json::json!({ "ceremony": started["ceremony"], "credential": credential }),
    )
    .await
}

async fn sign_in_over_http(app: &TestApp, phone: &mut Phone) -> reqwest::Response {
    let started: serde_json::Value = app
        .post_json("/auth/sign-in/start", &serde_json::json!({}))
        .await
        .json()
        .await
        .unwrap();
    let assertion = phone.sign(&origin_of(app), started["options"].clone());
    app.post_json(
        "/auth/sign-in/finish",
        &serde_json::json!({ "ceremony": started["ceremony"], "credential": assertion }),
    )
    .await
}

async fn a_worker_takes_a_code_registers_a_passkey_signs_out_and_signs_in_again(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    seed::seed_demo(&app.store).await.unwrap();
    let code = staff_code(&app.store, origin_of(&app), "Sam Sample").await;
    let mut phone = Phone::new();

    let finished = register_over_http(&app, &mut phone, &code).await;
    assert_eq!(finished.status(), 200);
    let home = app.get("/home").await;
    assert_eq!(home.status(), 200);
    let page = home.text().await.unwrap();
    assert!(page.contains("Your families"), "{page}");
    assert!(page.contains("The Example family (demo)"));

    let out = app.post_form("/sign-out", &[]).await;
    assert_eq!(out.status(), 303);
    assert!(out.headers().get("clear-site-data").is_some());
    assert_eq!(
        app.get("/home").await.status(),
        401,
        "signed out on the server"
    );

    let signed_in = sign_in_over_http(&app, &mut phone).await;
    assert_eq!(signed_in.status(), 200);
    assert!(
        app.get("/home")
            .await
            .text()
            .await
            .unwrap()
            .contains("Your families")
    );

    // The code worked once; it never works again.
    let again = app
        .post_json("/auth/register/start", &serde_json::json!({ "code": code }))
        .await;
    assert_eq!(again.status(), 422);
    let message: serde_json::Value = again.json().await.unwrap();
    assert!(
        message["error"]
            .as_str()
            .unwrap()
            .contains("has been used already")
    );
    app.finish().await;
}

async fn a_practitioner_invites_a_parent_who_then_sees_only_their_own_space(kind: Kind) {
    let worker = TestApp::spawn(kind).await;
    seed::seed_demo(&worker.store).await.unwrap();
    let code = staff_code(&worker.store, origin_of(&worker), "Sam Sample").await;
    let mut laptop = Phone::new();
    assert_eq!(
        register_over_http(&worker, &mut laptop, &code)
            .await
            .status(),
        200
    );

    let (shown_at, alex, family) = invite_alex(&worker).await;
    let jordan = member(&worker, "Jordan Example").await;
    let shown = worker.get(&shown_at).await.text().await.unwrap();
    let alex_code = code_on(&shown);
    assert!(shown.contains("Sign-up code for Alex Example"));
    assert!(shown.contains("<svg"), "a QR code is drawn");
    let again = worker.get(&shown_at).await.text().await.unwrap();
    assert!(!again.contains(&alex_code), "a code is shown only once");

    // Jordan wrote something private; Alex wrote something too.
    let private = support::create_entry(
        &worker.store,
        support::new_entry(
            family,
            jordan,
            &support::said("Jordan's private words (demo)"),
        ),
    )
    .await
    .unwrap();
    support::create_entry(
        &worker.store,
        support::new_entry(family, alex, &support::said("Alex's own words (demo)")),
    )
    .await
    .unwrap();

    // Alex's phone is another browser: a fresh client against the same server.
    let alex_phone = worker.with_new_browser();
    let mut phone = Phone::new();
    assert_eq!(
        register_over_http(&alex_phone, &mut phone, &alex_code)
            .await
            .status(),
        200
    );
    let home = alex_phone.get("/home").await.text().await.unwrap();
    assert!(home.contains("Your space"));
    assert!(
        home.contains("Alex&#x27;s own words (demo)") || home.contains("Alex's own words (demo)"),
        "{home}"
    );
    assert!(!home.contains("Jordan"), "nothing of Jordan's reaches Alex");
    let hidden = alex_phone.get(&format!("/entries/{private}")).await;
    assert_eq!(hidden.status(), 404);
    alex_phone.forget();
    worker.finish().await;
}

/// Issues the demo's Alex Example an invitation code as the signed-in `worker`, and
/// answers the page that shows it, with Alex's member and family.
async fn invite_alex(worker: &TestApp) -> (String, MemberId, FamilyId) {
    invite_alex_in(worker, "").await
}

/// The same, with the language of Alex's sign-up page (`""`: as it is).
async fn invite_alex_in(worker: &TestApp, language: &str) -> (String, MemberId, FamilyId) {
    let (alex, family) =
        store::identity::member_named(&mut *worker.store.conn().await, "Alex Example")
            .await
            .unwrap()
            .unwrap();
    let issued = worker
        .post_form(
            &format!("/families/{family}"),
            &[
                ("__fn", "/api/issue-code"),
                ("family", &family.to_string()),
                ("member", &alex.to_string()),
                ("purpose", "invitation"),
                ("language", language),
            ],
        )
        .await;
    assert_eq!(issued.status(), 303);
    let shown_at = issued.headers()["location"].to_str().unwrap().to_owned();
    (shown_at, alex, family)
}

/// The code a "sign-up code" page shows.
fn code_on(page: &str) -> String {
    page.split("data-code=\"\"")
        .nth(1)
        .and_then(|rest| rest.split_once('>'))
        .and_then(|(_, rest)| rest.split('<').next())
        .unwrap_or_else(|| panic!("the code is on the page: {page}"))
        .to_owned()
}

// ---- the service itself, with a clock the test moves

struct Rig {
    db: TestDb,
    auth: Auth,
    now: Arc<AtomicI64>,
    origin: Url,
}

impl Rig {
    async fn new(kind: Kind) -> Rig {
        let db = TestDb::new(kind).await;
        seed::seed_demo(&db.store).await.unwrap();
        let now = Arc::new(AtomicI64::new(1_800_000_000_000));
        let clock: Clock = {
            let now = now.clone();
            Arc::new(move || now.load(Ordering::SeqCst))
        };
        let origin = Url::parse("https://portal.example.test").unwrap();
        let auth = Auth::new(AuthSettings::new(origin.clone(), "Sign-in".into()), clock).unwrap();
        Rig {
            db,
            auth,
            now,
            origin,
        }
    }

    fn advance_seconds(&self, seconds: i64) {
        self.now.fetch_add(seconds * 1000, Ordering::SeqCst);
    }

    async fn fresh_session(&self) -> CurrentSession {
        let token = self.auth.begin_session(&self.db.store).await.unwrap();
        self.auth
            .current(&self.db.store, &token)
            .await
            .unwrap()
            .unwrap()
    }

    async fn session_for(&self, token: &str) -> CurrentSession {
        self.auth
            .current(&self.db.store, token)
            .await
            .unwrap()
            .unwrap()
    }

    /// Registers a passkey for Sam Sample and returns the signed-in session's token.
    async fn registered(&self, phone: &mut Phone) -> String {
        let staff = store::people::staff_by_name(&mut *self.db.store.conn().await, "Sam Sample")
            .await
            .unwrap()[0];
        let code = self
            .auth
            .issue_bootstrap_code(&self.db.store, app::backend::auth::CodeFor::Staff(staff))
            .await
            .unwrap()
            .code;
        let session = self.fresh_session().await;
        let started = self
            .auth
            .start_registration(&self.db.store, &session, &code, "192.0.2.1")
            .await
            .unwrap();
        let credential = phone.register(&self.origin, started.options);
        let credential = serde_json::from_value(credential).unwrap();
        self.auth
            .finish_registration(&self.db.store, &session, &started.ceremony, &credential)
            .await
            .unwrap()
    }

    /// Takes a code on a new phone, as its owner does, and returns the new session's token.
    async fn take_code(&self, phone: &mut Phone, code: &str) -> Result<String, AuthError> {
        let session = self.fresh_session().await;
        let started = self
            .auth
            .start_registration(&self.db.store, &session, code, "192.0.2.1")
            .await?;
        let credential = phone.register(&self.origin, started.options);
        let credential = serde_json::from_value(credential).unwrap();
        self.auth
            .finish_registration(&self.db.store, &session, &started.ceremony, &credential)
            .await
    }

    /// A code from the server's command line for a family member.
    async fn member_code(&self, name: &str) -> (app::domain::ids::MemberId, String) {
        let (member, _) = store::identity::member_named(&mut *self.db.store.conn().await, name)
            .await
            .unwrap()
            .unwrap();
        let code = self
            .auth
            .issue_bootstrap_code(&self.db.store, app::backend::auth::CodeFor::Member(member))
            .await
            .unwrap()
            .code;
        (member, code)
    }

    /// Whether this phone's passkey still signs in.
    async fn signs_in(&self, phone: &mut Phone) -> bool {
        let session = self.fresh_session().await;
        let (ceremony, assertion) = self.sign_in(phone, &session).await;
        self.finish(&session, &ceremony, &assertion).await.is_ok()
    }

    async fn sign_in(
        &self,
        phone: &mut Phone,
        session: &CurrentSession,
    ) -> (String, serde_json::Value) {
        let started = self
            .auth
            .start_sign_in(&self.db.store, session, "sign_in")
            .await
            .unwrap();
        let assertion = phone.sign(&self.origin, started.options);
        (started.ceremony, assertion)
    }

    async fn finish(
        &self,
        session: &CurrentSession,
        ceremony: &str,
        assertion: &serde_json::Value,
    ) -> Result<Option<String>, AuthError> {
        let assertion = serde_json::from_value(assertion.clone()).unwrap();
        self.auth
            .finish_sign_in(
                &self.db.store,
                session,
                ceremony,
                "sign_in",
                &assertion,
                "192.0.2.1",
            )
            .await
    }
}

async fn a_parents_language_is_kept_on_their_account_through_signing_out_and_a_second_phone(
    kind: Kind,
) {
    let worker = support::languages::spawn_offering(kind, &["pl", "ur"]).await;
    seed::seed_demo(&worker.store).await.unwrap();
    let code = staff_code(&worker.store, origin_of(&worker), "Sam Sample").await;
    let mut laptop = Phone::new();
    assert_eq!(
        register_over_http(&worker, &mut laptop, &code)
            .await
            .status(),
        200
    );

    // The worker sets Urdu for Alex's sign-up page as they make the code; staff pages
    // stay in English.
    let (shown_at, _, family) = invite_alex_in(&worker, "ur").await;
    let shown = worker.get(&shown_at).await.text().await.unwrap();
    assert_eq!(lang_and_dir(&shown), ("en-GB".into(), "ltr".into()));
    let alex_code = code_on(&shown);
    assert!(
        shown.contains(&format!("start?code={alex_code}&amp;lang=ur")),
        "{shown}"
    );

    // Alex's phone opens the link: the sign-up page is in Urdu, right to left.
    let alex_phone = worker.with_new_browser();
    let start = alex_phone
        .get(&format!("/start?code={alex_code}&lang=ur"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(lang_and_dir(&start), ("ur".into(), "rtl".into()));
    assert!(start.contains(&in_urdu("start-title")));
    let mut phone = Phone::new();
    assert_eq!(
        register_over_http(&alex_phone, &mut phone, &alex_code)
            .await
            .status(),
        200
    );
    let home = alex_phone.get("/home").await.text().await.unwrap();
    assert_eq!(lang_and_dir(&home), ("ur".into(), "rtl".into()));
    assert!(home.contains(&in_urdu("home-heading")), "{home}");

    // Alex chooses Polish from the footer's page, then signs out and in again.
    let chosen = alex_phone
        .post_form(
            "/language",
            &[
                ("__fn", "/api/choose-language"),
                ("language", "pl"),
                ("back", "/home"),
            ],
        )
        .await;
    assert_eq!(chosen.status(), 303);
    assert_eq!(chosen.headers()["location"], "/home");
    let home = alex_phone.get("/home").await.text().await.unwrap();
    assert_eq!(lang_and_dir(&home), ("pl".into(), "ltr".into()));
    assert_eq!(alex_phone.post_form("/sign-out", &[]).await.status(), 303);
    assert_eq!(
        sign_in_over_http(&alex_phone, &mut phone).await.status(),
        200
    );
    let home = alex_phone.get("/home").await.text().await.unwrap();
    assert_eq!(lang_and_dir(&home), ("pl".into(), "ltr".into()));

    // A second phone with the same passkey and a browser that asks for Urdu: the
    // account's choice wins, whatever the device says.
    let second = worker.with_new_browser();
    assert_eq!(sign_in_over_http(&second, &mut phone).await.status(), 200);
    let home = second.get("/home").await.text().await.unwrap();
    assert_eq!(lang_and_dir(&home), ("pl".into(), "ltr".into()));

    // Every choice is an audited write in Alex's family's chain.
    let trail = worker.store.audit_rows().await.unwrap();
    let family_tag = family.to_string();
    let actions: Vec<&str> = trail
        .iter()
        .filter(|e| e.family.as_deref() == Some(family_tag.as_str()))
        .map(|e| e.action.as_str())
        .collect();
    assert!(actions.contains(&"set_member_language"), "{actions:?}");
    assert!(actions.contains(&"choose_language"), "{actions:?}");

    // Nobody signed in: the browser's languages are asked, then what was chosen on it.
    let anonymous = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = anonymous
        .get(worker.url("/"))
        .header("accept-language", "ur-PK, en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(lang_and_dir(&page), ("ur".into(), "rtl".into()));
    let page = anonymous
        .get(worker.url("/"))
        .header("accept-language", "ur-PK, en;q=0.5")
        .header("cookie", "portal-language=pl")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(lang_and_dir(&page), ("pl".into(), "ltr".into()));
    second.forget();
    alex_phone.forget();
    worker.finish().await;
}

on_both_backends!(
    a_parents_language_is_kept_on_their_account_through_signing_out_and_a_second_phone,
    a_worker_takes_a_code_registers_a_passkey_signs_out_and_signs_in_again,
    a_practitioner_invites_a_parent_who_then_sees_only_their_own_space,
    a_replayed_sign_in_is_refused,
    a_ceremony_older_than_five_minutes_is_refused,
    a_ceremony_cannot_be_finished_from_another_session,
    a_passkey_whose_counter_goes_backwards_is_refused_and_recorded,
    a_code_is_refused_after_it_expires_and_after_it_is_used,
    sessions_end_after_fifteen_idle_minutes_for_families_and_twelve_hours_for_anyone,
    a_reset_code_needs_a_recent_sign_in_and_ends_the_members_sessions,
    only_admins_issue_codes_for_staff,
    removing_a_passkey_ends_every_session_it_signed_in,
    a_flood_of_bad_sign_ins_never_locks_out_the_real_passkey,
    guessing_codes_is_stopped_after_the_limit_for_that_address,
    guessing_one_code_from_many_addresses_stops_after_ten_tries_at_it,
    a_device_handed_to_a_child_is_the_childs_alone_until_the_practitioners_passkey_takes_it_back,
    a_handed_over_device_locks_itself_after_five_idle_minutes,
    a_reset_locks_the_lost_phone_out_and_says_what_was_removed,
    a_phone_marked_taken_is_locked_out_at_once,
    a_code_never_adds_a_second_passkey_silently,
    staff_codes_need_confirming_stay_within_the_admins_council_and_are_told_to_their_owner,
    a_handed_over_tablet_shows_only_this_handover_and_ends_with_the_right_to_the_family,
    a_child_handed_the_tablet_in_urdu_reads_urdu_and_their_words_reach_module_8_as_written,
);

async fn a_replayed_sign_in_is_refused(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    rig.registered(&mut phone).await;
    let session = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &session).await;
    assert!(
        rig.finish(&session, &ceremony, &assertion)
            .await
            .unwrap()
            .is_some()
    );
    // The same answer again, even before the session it made has been used.
    let replay = rig.finish(&session, &ceremony, &assertion).await;
    assert!(
        matches!(replay, Err(AuthError::CeremonyNotValid)),
        "{replay:?}"
    );
    rig.db.finish().await;
}

async fn a_ceremony_older_than_five_minutes_is_refused(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    rig.registered(&mut phone).await;
    let session = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &session).await;
    rig.advance_seconds(301);
    let late = rig.finish(&session, &ceremony, &assertion).await;
    assert!(matches!(late, Err(AuthError::CeremonyNotValid)), "{late:?}");
    rig.db.finish().await;
}

async fn a_ceremony_cannot_be_finished_from_another_session(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    rig.registered(&mut phone).await;
    let started_here = rig.fresh_session().await;
    let elsewhere = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &started_here).await;
    let stolen = rig.finish(&elsewhere, &ceremony, &assertion).await;
    assert!(
        matches!(stolen, Err(AuthError::CeremonyNotValid)),
        "{stolen:?}"
    );
    rig.db.finish().await;
}

async fn a_passkey_whose_counter_goes_backwards_is_refused_and_recorded(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    rig.registered(&mut phone).await;
    let session = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &session).await;
    assert!(rig.finish(&session, &ceremony, &assertion).await.is_ok());

    // A copy of the passkey that has signed fewer times than the one the portal has seen:
    // the soft key's own counter is set back below what was stored.
    let cloned = rig.fresh_session().await;
    let mut copy = Phone {
        key: phone.key,
        credential: phone.credential.clone(),
    };
    let stored = store::identity::passkey_by_credential(
        &mut *rig.db.store.conn().await,
        copy.credential.as_ref().unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let mut credential: serde_json::Value = serde_json::from_str(&stored.credential).unwrap();
    credential["cred"]["counter"] = 1_000.into();
    rig.db
        .store
        .execute_admin(&format!(
            "UPDATE passkeys SET credential = '{}', sign_count = 1000 WHERE id = '{}'",
            credential.to_string().replace('\'', "''"),
            stored.id
        ))
        .await
        .unwrap();
    let (ceremony, assertion) = rig.sign_in(&mut copy, &cloned).await;
    let refused = rig.finish(&cloned, &ceremony, &assertion).await;
    assert!(
        matches!(refused, Err(AuthError::CounterRegression)),
        "{refused:?}"
    );
    let trail = rig.db.store.audit_rows().await.unwrap();
    assert!(
        trail
            .iter()
            .any(|row| row.action == "security_event" && row.outcome == "denied"),
        "the refusal is recorded as a security event"
    );
    rig.db.finish().await;
}

async fn a_code_is_refused_after_it_expires_and_after_it_is_used(kind: Kind) {
    let rig = Rig::new(kind).await;
    let staff = store::people::staff_by_name(&mut *rig.db.store.conn().await, "Casey Placeholder")
        .await
        .unwrap()[0];
    let session = rig.fresh_session().await;

    let expiring = rig
        .auth
        .issue_bootstrap_code(&rig.db.store, app::backend::auth::CodeFor::Staff(staff))
        .await
        .unwrap()
        .code;
    rig.advance_seconds(3_601);
    let late = rig
        .auth
        .start_registration(&rig.db.store, &session, &expiring, "192.0.2.1")
        .await;
    assert!(matches!(late, Err(AuthError::CodeNotValid)), "{late:?}");

    let mut phone = Phone::new();
    let code = rig
        .auth
        .issue_bootstrap_code(&rig.db.store, app::backend::auth::CodeFor::Staff(staff))
        .await
        .unwrap()
        .code;
    let started = rig
        .auth
        .start_registration(&rig.db.store, &session, &code, "192.0.2.1")
        .await
        .unwrap();
    let credential = serde_json::from_value(phone.register(&rig.origin, started.options)).unwrap();
    rig.auth
        .finish_registration(&rig.db.store, &session, &started.ceremony, &credential)
        .await
        .unwrap();
    let second = rig.fresh_session().await;
    let twice = rig
        .auth
        .start_registration(&rig.db.store, &second, &code, "192.0.2.1")
        .await;
    assert!(matches!(twice, Err(AuthError::CodeNotValid)), "{twice:?}");
    rig.db.finish().await;
}

async fn sessions_end_after_fifteen_idle_minutes_for_families_and_twelve_hours_for_anyone(
    kind: Kind,
) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    let staff_token = rig.registered(&mut phone).await;
    // A family member's session, made directly: how they signed in does not matter here.
    let (alex, _) = store::identity::member_named(&mut *rig.db.store.conn().await, "Alex Example")
        .await
        .unwrap()
        .unwrap();
    let account =
        store::identity::account_for_member(&mut *rig.db.store.conn().await, alex, rig.auth.now())
            .await
            .unwrap();
    let family_token = "family-session-token-for-a-test";
    store::identity::create_session(
        &mut *rig.db.store.conn().await,
        &app::backend::auth::hash_secret(family_token),
        Some(account),
        None,
        rig.auth.now(),
    )
    .await
    .unwrap();

    rig.advance_seconds(14 * 60);
    assert!(
        rig.auth
            .current(&rig.db.store, family_token)
            .await
            .unwrap()
            .is_some()
    );
    rig.advance_seconds(15 * 60);
    assert!(
        rig.auth
            .current(&rig.db.store, family_token)
            .await
            .unwrap()
            .is_none(),
        "idle family session ends"
    );
    assert!(
        rig.auth
            .current(&rig.db.store, &staff_token)
            .await
            .unwrap()
            .is_some(),
        "staff get 30 minutes"
    );

    // Kept busy, a session still ends 12 hours after sign-in.
    for _ in 0..(12 * 60 / 20) {
        rig.advance_seconds(20 * 60);
        let _ = rig.auth.current(&rig.db.store, &staff_token).await.unwrap();
    }
    assert!(
        rig.auth
            .current(&rig.db.store, &staff_token)
            .await
            .unwrap()
            .is_none()
    );
    rig.db.finish().await;
}

async fn a_reset_code_needs_a_recent_sign_in_and_ends_the_members_sessions(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    let worker_token = rig.registered(&mut phone).await;
    let (alex, _) = store::identity::member_named(&mut *rig.db.store.conn().await, "Alex Example")
        .await
        .unwrap()
        .unwrap();
    let account =
        store::identity::account_for_member(&mut *rig.db.store.conn().await, alex, rig.auth.now())
            .await
            .unwrap();
    let lost_phone = "the-lost-phone-session";
    store::identity::create_session(
        &mut *rig.db.store.conn().await,
        &app::backend::auth::hash_secret(lost_phone),
        Some(account),
        None,
        rig.auth.now(),
    )
    .await
    .unwrap();

    rig.advance_seconds(11 * 60);
    let worker = rig.session_for(&worker_token).await;
    let stale = rig
        .auth
        .issue_code(
            &rig.db.store,
            &worker,
            app::backend::auth::CodeFor::Member(alex),
            CodePurpose::Reset,
        )
        .await;
    assert!(
        matches!(stale, Err(AuthError::NeedsRecentSignIn)),
        "{stale:?}"
    );

    // Confirming with the passkey again makes it recent.
    let started = rig
        .auth
        .start_sign_in(&rig.db.store, &worker, "confirm")
        .await
        .unwrap();
    let assertion = serde_json::from_value(phone.sign(&rig.origin, started.options)).unwrap();
    let confirmed = rig
        .auth
        .finish_sign_in(
            &rig.db.store,
            &worker,
            &started.ceremony,
            "confirm",
            &assertion,
            "192.0.2.1",
        )
        .await
        .unwrap();
    assert!(confirmed.is_none(), "confirming keeps the same session");
    let worker = rig.session_for(&worker_token).await;
    rig.auth
        .issue_code(
            &rig.db.store,
            &worker,
            app::backend::auth::CodeFor::Member(alex),
            CodePurpose::Reset,
        )
        .await
        .unwrap();
    assert!(
        rig.auth
            .current(&rig.db.store, lost_phone)
            .await
            .unwrap()
            .is_none(),
        "the lost phone is signed out"
    );
    rig.db.finish().await;
}

async fn only_admins_issue_codes_for_staff(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    let worker = rig.session_for(&rig.registered(&mut phone).await).await;
    let other_staff = store::people::staff_by_name(&mut *rig.db.store.conn().await, "Quinn Dummy")
        .await
        .unwrap()[0];
    let refused = rig
        .auth
        .issue_code(
            &rig.db.store,
            &worker,
            app::backend::auth::CodeFor::Staff(other_staff),
            CodePurpose::Invitation,
        )
        .await;
    assert!(matches!(refused, Err(AuthError::NotAllowed)), "{refused:?}");
    rig.db.finish().await;
}

async fn removing_a_passkey_ends_every_session_it_signed_in(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    let first = rig.registered(&mut phone).await;
    let fresh = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &fresh).await;
    let second = rig
        .finish(&fresh, &ceremony, &assertion)
        .await
        .unwrap()
        .unwrap();
    let session = rig.session_for(&second).await;
    let passkey = session.passkey.expect("signed in with a passkey");
    rig.auth
        .revoke_passkey(&rig.db.store, &session, passkey)
        .await
        .unwrap();
    assert!(
        rig.auth
            .current(&rig.db.store, &first)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        rig.auth
            .current(&rig.db.store, &second)
            .await
            .unwrap()
            .is_none()
    );
    // And the passkey no longer signs in.
    let again = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &again).await;
    assert!(matches!(
        rig.finish(&again, &ceremony, &assertion).await,
        Err(AuthError::PasskeyRefused)
    ));
    rig.db.finish().await;
}

async fn a_flood_of_bad_sign_ins_never_locks_out_the_real_passkey(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    rig.registered(&mut phone).await;
    let limit = rig.auth.settings.account_failure_limit;
    assert!(limit <= 100, "at most 100 failures an hour per account");
    let mut refused_as_too_many = 0;
    for _ in 0..(limit + 5) {
        let session = rig.fresh_session().await;
        let (ceremony, mut assertion) = rig.sign_in(&mut phone, &session).await;
        // A forged signature: the right passkey's name, the wrong proof.
        let signature = assertion["response"]["signature"]
            .as_str()
            .unwrap()
            .to_owned();
        let forged = format!(
            "{}{}",
            if signature.starts_with('A') { "B" } else { "A" },
            &signature[1..]
        );
        assertion["response"]["signature"] = forged.into();
        match rig.finish(&session, &ceremony, &assertion).await {
            Err(AuthError::PasskeyRefused) => {}
            Err(AuthError::TooManyAttempts) => refused_as_too_many += 1,
            other => panic!("a forged signature got {other:?}"),
        }
    }
    assert_eq!(
        refused_as_too_many, 5,
        "past the limit, failures are answered 'too many'"
    );
    // The real passkey, from the same place, still signs in at once.
    let session = rig.fresh_session().await;
    let (ceremony, assertion) = rig.sign_in(&mut phone, &session).await;
    assert!(
        rig.finish(&session, &ceremony, &assertion)
            .await
            .unwrap()
            .is_some()
    );
    rig.db.finish().await;
}

async fn guessing_codes_is_stopped_after_the_limit_for_that_address(kind: Kind) {
    let rig = Rig::new(kind).await;
    let staff = store::people::staff_by_name(&mut *rig.db.store.conn().await, "Quinn Dummy")
        .await
        .unwrap()[0];
    let code = rig
        .auth
        .issue_bootstrap_code(&rig.db.store, app::backend::auth::CodeFor::Staff(staff))
        .await
        .unwrap()
        .code;
    let session = rig.fresh_session().await;
    for guess in 0..rig.auth.settings.address_failure_limit {
        // Each guess has a first half of its own, so only the address limit is at work.
        let wrong = format!("{guess:05}-WRONG");
        let result = rig
            .auth
            .start_registration(&rig.db.store, &session, &wrong, "198.51.100.7")
            .await;
        assert!(matches!(result, Err(AuthError::CodeNotValid)), "{result:?}");
    }
    let blocked = rig
        .auth
        .start_registration(&rig.db.store, &session, &code, "198.51.100.7")
        .await;
    assert!(
        matches!(blocked, Err(AuthError::TooManyAttempts)),
        "{blocked:?}"
    );
    let elsewhere = rig
        .auth
        .start_registration(&rig.db.store, &session, &code, "203.0.113.9")
        .await;
    assert!(
        elsewhere.is_ok(),
        "the real person, elsewhere, is not blocked"
    );
    rig.db.finish().await;
}

/// Takes a device back from a child with this phone's passkey.
async fn hand_back_over_http(app: &TestApp, phone: &mut Phone) -> reqwest::Response {
    let started = app
        .post_json("/auth/hand-back/start", &serde_json::json!({}))
        .await;
    assert_eq!(started.status(), 200, "a hand-back can start in child mode");
    let started: serde_json::Value = started.json().await.unwrap();
    let assertion = phone.sign(&origin_of(app), started["options"].clone());
    app.post_json(
        "/auth/hand-back/finish",
        &serde_json::json!({ "ceremony": started["ceremony"], "credential": assertion }),
    )
    .await
}

fn location_of(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// The demo world, with Sam Sample signed in on this browser (the tablet) with a passkey
/// on Sam's phone; and Robin, the demo six-year-old, and Robin's family.
async fn sam_with_robins_family(
    app: &TestApp,
) -> (
    Phone,
    app::domain::ids::MemberId,
    app::domain::ids::FamilyId,
) {
    seed::seed_demo(&app.store).await.unwrap();
    let mut sam = Phone::new();
    let code = staff_code(&app.store, origin_of(app), "Sam Sample").await;
    assert_eq!(register_over_http(app, &mut sam, &code).await.status(), 200);
    let (robin, family) =
        store::identity::member_named(&mut *app.store.conn().await, "Robin Example")
            .await
            .unwrap()
            .unwrap();
    (sam, robin, family)
}

async fn a_device_handed_to_a_child_is_the_childs_alone_until_the_practitioners_passkey_takes_it_back(
    kind: Kind,
) {
    let app = TestApp::spawn(kind).await;
    let (mut sam, robin, family) = sam_with_robins_family(&app).await;
    let family_page = format!("/families/{family}");
    let page = app.get(&family_page).await.text().await.unwrap();
    assert!(page.contains("Hand the tablet to Robin Example"), "{page}");

    // "Hand the tablet to Robin", as the family page's plain form posts it.
    let handed = app
        .post_form(
            &family_page,
            &[
                ("__fn", "/api/hand-to-child"),
                ("member", &robin.to_string()),
            ],
        )
        .await;
    assert_eq!(handed.status(), 303);
    assert_eq!(location_of(&handed), "/child");
    let child = app.get("/child").await;
    assert_eq!(child.status(), 200);
    let child = child.text().await.unwrap();
    assert!(child.contains("Hello Robin"), "{child}");
    assert!(child.contains("Give the tablet back to Sam Sample"));
    assert!(
        child.contains("data-read-aloud-auto"),
        "a six-year-old's pages read themselves"
    );
    assert!(
        child.contains("data-idle-lock=\"300\""),
        "and lock after five minutes"
    );

    // By address, or by the history's pages: every practitioner page leads to the child's start.
    for path in [
        "/",
        "/home",
        family_page.as_str(),
        &format!("{family_page}/views"),
        &format!("{family_page}/pack"),
        "/account",
        "/supervision",
        "/admin/staff",
        "/sign-in",
    ] {
        let answer = app.get(path).await;
        assert_eq!(answer.status(), 303, "{path}");
        assert_eq!(location_of(&answer), "/child", "{path}");
        assert!(!answer.text().await.unwrap().contains("Example family"));
    }
    // By calling a practitioner's server function directly.
    for function in [
        "/api/my-families",
        "/api/family",
        "/api/my-account",
        "/api/issue-code",
        "/api/urgent",
        "/api/who-am-i",
        "/api/hand-to-child",
    ] {
        let answer = app
            .post_form(function, &[("id", &family.to_string())])
            .await;
        assert_eq!(answer.status(), 403, "{function}");
    }
    // By a child page's form naming a practitioner's server function.
    let smuggled = app
        .post_form("/child", &[("__fn", "/api/my-families")])
        .await;
    assert_eq!(smuggled.status(), 400);
    assert!(!smuggled.text().await.unwrap().contains("Example family"));
    // By signing in or confirming without giving the device back.
    for ceremony in [
        "/auth/sign-in/start",
        "/auth/confirm/start",
        "/auth/register/start",
    ] {
        let answer = app.post_json(ceremony, &serde_json::json!({})).await;
        assert_eq!(answer.status(), 403, "{ceremony}");
    }
    // Reloading keeps the child's screens.
    assert!(
        app.get("/child")
            .await
            .text()
            .await
            .unwrap()
            .contains("Hello Robin")
    );

    // Robin puts a worry in the house of worries by pictures alone, and shows the worker.
    let submission = app::domain::ids::SubmissionId::new().to_string();
    let added = app
        .post_form(
            "/child/houses/worries",
            &[
                ("__fn", "/api/child-house"),
                ("submission", &submission),
                ("house", "worries"),
                ("symbols[]", "school"),
                ("symbols[]", "alone"),
                ("words", ""),
                ("share", "workers"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    assert_eq!(location_of(&added), "/child/houses/worries");
    let house = app.get("/child/houses/worries").await.text().await.unwrap();
    assert!(house.contains("Being on my own"), "{house}");
    assert!(house.contains("You showed this to your worker."));

    // Another practitioner's passkey does not take the device back.
    let mut casey = Phone::new();
    let other = app.with_new_browser();
    let casey_code = staff_code(&app.store, origin_of(&app), "Casey Placeholder").await;
    assert_eq!(
        register_over_http(&other, &mut casey, &casey_code)
            .await
            .status(),
        200
    );
    other.forget();
    let wrong = hand_back_over_http(&app, &mut casey).await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(app.get("/home").await.status(), 303, "still the child's");

    // Sam's passkey does, and goes back to the family.
    let back = hand_back_over_http(&app, &mut sam).await;
    assert_eq!(back.status(), 200);
    let next: serde_json::Value = back.json().await.unwrap();
    assert_eq!(next["next"], family_page.as_str());
    assert_eq!(app.get(&family_page).await.status(), 200);
    // What Robin shared reaches Module 8 in Robin's name, with who was present.
    let views = app
        .get(&format!("{family_page}/views"))
        .await
        .text()
        .await
        .unwrap();
    assert!(views.contains("Robin Example"), "{views}");
    assert!(views.contains("School, Being on my own"));
    assert!(views.contains("Sam Sample (Social worker) present"));

    let rows = app.store.audit_rows().await.unwrap();
    let actions = |action: &str, outcome: &str| {
        rows.iter()
            .filter(|r| r.action == action && r.outcome == outcome)
            .count()
    };
    assert_eq!(actions("hand_to_child", "allowed"), 1);
    assert_eq!(actions("hand_back", "allowed"), 1);
    assert_eq!(actions("hand_back", "denied"), 1);
    assert!(actions("child_mode_refused", "denied") >= 20);
    let written = rows
        .iter()
        .find(|r| r.action == "write_entry" && r.outcome == "allowed")
        .expect("the worry's write is audited");
    assert!(
        written
            .actor_name
            .starts_with("Sam Sample, with Robin Example"),
        "{}",
        written.actor_name
    );
    app.finish().await;
}

/// A practitioner hands the tablet to Robin with Urdu chosen for Robin's screens: they
/// are in Urdu, right to left; what Robin writes in Urdu and English reaches Module 8 as
/// written; and the practitioner's own pages, once the passkey takes the tablet back, are
/// in English.
async fn a_child_handed_the_tablet_in_urdu_reads_urdu_and_their_words_reach_module_8_as_written(
    kind: Kind,
) {
    use app::domain::language::Lang;
    let app = support::languages::spawn_offering(kind, &["ur"]).await;
    let (mut sam, robin, family) = sam_with_robins_family(&app).await;
    let urdu = |key: &str, args: &[(&str, &str)]| app::ui::i18n::tr(Lang::Ur, key, args);
    let family_page = format!("/families/{family}");
    let page = app.get(&family_page).await.text().await.unwrap();
    assert!(page.contains("Language of their screens"), "{page}");

    let handed = app
        .post_form(
            &family_page,
            &[
                ("__fn", "/api/hand-to-child"),
                ("member", &robin.to_string()),
                ("language", "ur"),
            ],
        )
        .await;
    assert_eq!(handed.status(), 303);
    assert_eq!(location_of(&handed), "/child");
    let start = app.get("/child").await.text().await.unwrap();
    assert_eq!(lang_and_dir(&start), ("ur".into(), "rtl".into()));
    for words in [
        urdu("child-hello", &[("name", "Robin")]),
        urdu("child-intro", &[]),
        urdu("child-house-worries", &[]),
        urdu("child-give-back", &[("name", "Sam Sample")]),
        urdu("child-not-safe", &[]),
    ] {
        assert!(start.contains(&words), "{words}: {start}");
    }
    assert!(!start.contains("Hello Robin"), "{start}");

    // Robin puts a worry in the house of worries, in Urdu and English, with a picture,
    // and shows their worker.
    let words = "مجھے اسکول میں ڈر لگتا ہے when it is loud & <noisy> (demo)";
    let added = app
        .post_form(
            "/child/houses/worries",
            &[
                ("__fn", "/api/child-house"),
                ("submission", &SubmissionId::new().to_string()),
                ("house", "worries"),
                ("symbols[]", "school"),
                ("words", words),
                ("share", "workers"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let escaped = words
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let house = app.get("/child/houses/worries").await.text().await.unwrap();
    assert_eq!(lang_and_dir(&house), ("ur".into(), "rtl".into()));
    assert!(
        house.contains(&format!(
            "<p dir=\"auto\" class=\"govuk-body app-own-words\">{escaped}</p>"
        )),
        "Robin's words as written, in their own direction: {house}"
    );
    let shown = urdu(
        "child-showed-to",
        &[("who", &urdu("child-your-worker", &[]))],
    );
    for words in [urdu("child-symbol-school", &[]), shown] {
        assert!(house.contains(&words), "{words}: {house}");
    }

    // A problem is in Urdu too, and keeps what was written.
    let kept = "صرف الفاظ (demo)";
    let again = app
        .post_form(
            "/child/houses/worries",
            &[
                ("__fn", "/api/child-house"),
                ("submission", &SubmissionId::new().to_string()),
                ("house", "worries"),
                ("symbols[]", "dragon"),
                ("words", kept),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(again.contains(&urdu("child-try-again", &[])), "{again}");
    assert!(
        again.contains(&urdu("error-child-pictures", &[])),
        "{again}"
    );
    assert!(again.contains(kept), "{again}");

    // Sam's passkey takes the tablet back: Sam's pages are in English.
    let back = hand_back_over_http(&app, &mut sam).await;
    assert_eq!(back.status(), 200);
    let page = app.get(&family_page).await.text().await.unwrap();
    assert_eq!(lang_and_dir(&page), ("en-GB".into(), "ltr".into()));
    assert!(page.contains("Hand the tablet to Robin Example"), "{page}");
    // Module 8 has Robin's words byte for byte, with the pictures' English words.
    let view = app
        .post_form(
            "/api/module-8",
            &[("family", &family.to_string()), ("period", "all")],
        )
        .await
        .text()
        .await
        .unwrap();
    let view: app::dto::views::Module8View = serde_json::from_str(&view).unwrap();
    let said: Vec<(&str, &str)> = view
        .members
        .iter()
        .flat_map(|m| &m.items)
        .flat_map(|i| &i.parts)
        .map(|p| (p.label.as_str(), p.words.as_str()))
        .collect();
    for part in [
        ("Three Houses", "House of worries"),
        ("Pictures chosen", "School"),
        ("In their own words", words),
    ] {
        assert!(said.contains(&part), "{part:?}: {said:?}");
    }
    let views = app
        .get(&format!("{family_page}/views?period=all"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(lang_and_dir(&views), ("en-GB".into(), "ltr".into()));
    assert!(views.contains(&escaped), "{views}");
    app.finish().await;
}

async fn a_handed_over_device_locks_itself_after_five_idle_minutes(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut phone = Phone::new();
    let token = rig.registered(&mut phone).await;
    let session = rig.session_for(&token).await;
    let Actor::Staff { staff, .. } = &session.actor else {
        panic!("Sam is staff");
    };
    let (robin, _) =
        store::identity::member_named(&mut *rig.db.store.conn().await, "Robin Example")
            .await
            .unwrap()
            .unwrap();
    let mut conn = rig.db.store.conn().await;
    app::backend::store::children::start_supported(
        &mut conn,
        &session.token_hash,
        *staff,
        robin,
        rig.auth.now(),
    )
    .await
    .unwrap();
    drop(conn);
    let child = rig.session_for(&token).await;
    assert!(child.supported.is_some());
    assert!(matches!(child.actor, Actor::Member { member, .. } if member == robin));
    // Four minutes untouched is fine; five more is past the limit, and the session ends
    // (a practitioner alone would have thirty minutes).
    rig.advance_seconds(4 * 60);
    assert!(
        rig.auth
            .current(&rig.db.store, &token)
            .await
            .unwrap()
            .is_some()
    );
    rig.advance_seconds(5 * 60);
    assert!(
        rig.auth
            .current(&rig.db.store, &token)
            .await
            .unwrap()
            .is_none()
    );
    let mut conn = rig.db.store.conn().await;
    let open = app::backend::store::children::open_supported(&mut conn, &session.token_hash)
        .await
        .unwrap();
    assert!(open.is_none(), "child mode ended with the session");
    drop(conn);
    rig.db.finish().await;
}

async fn a_reset_locks_the_lost_phone_out_and_says_what_was_removed(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut sams = Phone::new();
    let worker = rig.session_for(&rig.registered(&mut sams).await).await;
    let (alex, code) = rig.member_code("Alex Example").await;
    let mut lost = Phone::new();
    let lost_session = rig.take_code(&mut lost, &code).await.unwrap();
    assert!(rig.signs_in(&mut lost).await);

    // The worker, just signed in, gives Alex a reset code for a new phone.
    let reset = rig
        .auth
        .issue_code(
            &rig.db.store,
            &worker,
            app::backend::auth::CodeFor::Member(alex),
            CodePurpose::Reset,
        )
        .await
        .unwrap()
        .code;
    let mut new_phone = Phone::new();
    rig.take_code(&mut new_phone, &reset).await.unwrap();

    // Whoever holds the old phone cannot sign back in, and its session is over.
    assert!(
        !rig.signs_in(&mut lost).await,
        "the lost phone's passkey is refused"
    );
    assert!(rig.signs_in(&mut new_phone).await);
    assert!(
        rig.auth
            .current(&rig.db.store, &lost_session)
            .await
            .unwrap()
            .is_none()
    );
    let account = store::identity::account_for_member(&mut *rig.db.store.conn().await, alex, 0)
        .await
        .unwrap();
    let passkeys = store::identity::passkeys_of_account(&mut *rig.db.store.conn().await, account)
        .await
        .unwrap();
    assert_eq!(passkeys.len(), 2);
    assert_eq!(passkeys[0].revoked_reason.as_deref(), Some("reset"));
    assert!(passkeys[1].revoked_at.is_none());
    rig.db.finish().await;
}

async fn a_phone_marked_taken_is_locked_out_at_once(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut sams = Phone::new();
    let worker_token = rig.registered(&mut sams).await;
    let (alex, code) = rig.member_code("Alex Example").await;
    let mut taken = Phone::new();
    let alex_session = rig.take_code(&mut taken, &code).await.unwrap();

    // Someone who does not work with the family cannot, and is told nothing.
    let support = store::people::staff_by_name(&mut *rig.db.store.conn().await, "Harper Dummy")
        .await
        .unwrap()[0];
    let support_account = store::identity::account_for_staff(
        &mut *rig.db.store.conn().await,
        support,
        rig.auth.now(),
    )
    .await
    .unwrap();
    let token = "a-support-officers-session";
    store::identity::create_session(
        &mut *rig.db.store.conn().await,
        &hash_secret(token),
        Some(support_account),
        None,
        rig.auth.now(),
    )
    .await
    .unwrap();
    let refused = rig
        .auth
        .phone_taken(&rig.db.store, &rig.session_for(token).await, alex)
        .await;
    assert!(matches!(refused, Err(AuthError::NotAllowed)), "{refused:?}");
    assert!(rig.signs_in(&mut taken).await);

    // Alex had chosen texts to that phone: whoever holds it must be sent nothing.
    let texts = app::domain::notices::Choices {
        mobile: Some(app::domain::notices::Mobile::parse("07700 900982").unwrap()),
        on_response: true,
        ..Default::default()
    };
    store::notices::add_choices(
        &mut *rig.db.store.conn().await,
        alex,
        &texts,
        store::notices::ChoiceReason::Chosen,
        rig.auth.now(),
    )
    .await
    .unwrap();

    // The allocated worker, having confirmed it is them, locks the phone out at once.
    let worker = rig.session_for(&worker_token).await;
    assert_eq!(
        rig.auth
            .phone_taken(&rig.db.store, &worker, alex)
            .await
            .unwrap(),
        1
    );
    assert!(
        rig.auth
            .current(&rig.db.store, &alex_session)
            .await
            .unwrap()
            .is_none(),
        "the taken phone's session is over"
    );
    assert!(
        !rig.signs_in(&mut taken).await,
        "and its passkey is refused"
    );
    let account = store::identity::account_for_member(&mut *rig.db.store.conn().await, alex, 0)
        .await
        .unwrap();
    let passkeys = store::identity::passkeys_of_account(&mut *rig.db.store.conn().await, account)
        .await
        .unwrap();
    assert_eq!(passkeys[0].revoked_reason.as_deref(), Some("phone_taken"));
    let now_chosen = store::notices::choices_of(&mut *rig.db.store.conn().await, alex)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        now_chosen.choices.mobile, None,
        "no more texts to the taken phone"
    );
    assert_eq!(now_chosen.why, store::notices::ChoiceReason::PhoneTaken);

    // Later, without confirming again, it needs the passkey first.
    rig.advance_seconds(11 * 60);
    let worker = rig.session_for(&worker_token).await;
    let stale = rig.auth.phone_taken(&rig.db.store, &worker, alex).await;
    assert!(
        matches!(stale, Err(AuthError::NeedsRecentSignIn)),
        "{stale:?}"
    );
    rig.db.finish().await;
}

async fn a_code_never_adds_a_second_passkey_silently(kind: Kind) {
    let rig = Rig::new(kind).await;
    let mut sams = Phone::new();
    let worker = rig.session_for(&rig.registered(&mut sams).await).await;
    let invite = |member| {
        let (rig, worker) = (&rig, &worker);
        async move {
            rig.auth
                .issue_code(
                    &rig.db.store,
                    worker,
                    app::backend::auth::CodeFor::Member(member),
                    CodePurpose::Invitation,
                )
                .await
        }
    };
    // Jordan has no passkey yet: two invitations go out, and the first is taken.
    let (jordan, _) =
        store::identity::member_named(&mut *rig.db.store.conn().await, "Jordan Example")
            .await
            .unwrap()
            .unwrap();
    let first = invite(jordan).await.unwrap().code;
    let second = invite(jordan).await.unwrap().code;
    let mut jordans = Phone::new();
    rig.take_code(&mut jordans, &first).await.unwrap();

    // Now an invitation is refused, with what to do instead, and so is the one still out.
    let refused = invite(jordan).await;
    assert!(
        matches!(refused, Err(AuthError::AlreadyHasPasskey)),
        "{refused:?}"
    );
    let message = AuthError::AlreadyHasPasskey.to_string();
    assert!(message.contains("create a reset code instead"), "{message}");
    let mut another = Phone::new();
    let late = rig.take_code(&mut another, &second).await;
    assert!(
        matches!(late, Err(AuthError::AlreadyHasPasskey)),
        "{late:?}"
    );
    let account = store::identity::account_for_member(&mut *rig.db.store.conn().await, jordan, 0)
        .await
        .unwrap();
    assert_eq!(
        store::identity::passkeys_of_account(&mut *rig.db.store.conn().await, account)
            .await
            .unwrap()
            .len(),
        1
    );
    rig.db.finish().await;
}

async fn staff_codes_need_confirming_stay_within_the_admins_council_and_are_told_to_their_owner(
    kind: Kind,
) {
    let rig = Rig::new(kind).await;
    let store = &rig.db.store;
    let admin = store::people::staff_by_name(&mut *store.conn().await, "Drew Admin-Example")
        .await
        .unwrap()[0];
    let code = rig
        .auth
        .issue_bootstrap_code(store, app::backend::auth::CodeFor::Staff(admin))
        .await
        .unwrap()
        .code;
    let mut admins = Phone::new();
    let admin_token = rig.take_code(&mut admins, &code).await.unwrap();

    // Another council on the same deployment, with staff of its own.
    let elsewhere = store::people::create_council(
        &mut *store.conn().await,
        "Otherplace Council (demo)",
        store.now(),
    )
    .await
    .unwrap();
    let team = store::people::create_team(
        &mut *store.conn().await,
        elsewhere,
        "Otherplace Team (demo)",
        store.now(),
    )
    .await
    .unwrap();
    let outsider = store::people::create_staff(
        &mut *store.conn().await,
        elsewhere,
        app::backend::store::NewStaff {
            team: Some(team),
            display_name: "Morgan Otherplace (demo)",
            role: app::domain::people::StaffRole::TeamManager,
        },
        store.now(),
    )
    .await
    .unwrap();
    let quinn = store::people::staff_by_name(&mut *store.conn().await, "Quinn Dummy")
        .await
        .unwrap()[0];
    let staff_code = |staff| {
        let rig = &rig;
        let token = admin_token.clone();
        async move {
            rig.auth
                .issue_code(
                    &rig.db.store,
                    &rig.session_for(&token).await,
                    app::backend::auth::CodeFor::Staff(staff),
                    CodePurpose::Invitation,
                )
                .await
        }
    };
    let other = staff_code(outsider).await;
    assert!(matches!(other, Err(AuthError::NotAllowed)), "{other:?}");
    let quinns = staff_code(quinn).await.unwrap().code;

    // Quinn's account gets a passkey from the admin's code; the server's operator later
    // adds another. Signed in with that one, Quinn is told, once, who added the first.
    let mut by_admin = Phone::new();
    let admin_added = rig.take_code(&mut by_admin, &quinns).await.unwrap();
    let with_added = rig.session_for(&admin_added).await;
    let account = with_added.actor.account().unwrap();
    assert!(
        store::identity::notices_for(
            &mut *store.conn().await,
            account,
            with_added.passkey,
            rig.auth.now()
        )
        .await
        .unwrap()
        .is_empty(),
        "whoever holds the passkey added cannot clear the warning"
    );
    let operator = rig
        .auth
        .issue_bootstrap_code(store, app::backend::auth::CodeFor::Staff(quinn))
        .await
        .unwrap()
        .code;
    let mut own = Phone::new();
    let own_token = rig.take_code(&mut own, &operator).await.unwrap();
    let own_session = rig.session_for(&own_token).await;
    let notices = store::identity::notices_for(
        &mut *store.conn().await,
        account,
        own_session.passkey,
        rig.auth.now(),
    )
    .await
    .unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("by Drew Admin-Example ("),
        "{notices:?}"
    );
    assert!(
        store::identity::notices_for(
            &mut *store.conn().await,
            account,
            own_session.passkey,
            rig.auth.now()
        )
        .await
        .unwrap()
        .is_empty()
    );

    // Ten minutes on, a staff code needs the admin's passkey again.
    rig.advance_seconds(11 * 60);
    let stale = staff_code(quinn).await;
    assert!(
        matches!(stale, Err(AuthError::NeedsRecentSignIn)),
        "{stale:?}"
    );
    rig.db.finish().await;
}

async fn a_handed_over_tablet_shows_only_this_handover_and_ends_with_the_right_to_the_family(
    kind: Kind,
) {
    let app = TestApp::spawn(kind).await;
    let (_, robin, family) = sam_with_robins_family(&app).await;
    let robins_phone = app
        .cookie_for(
            store::identity::account_for_member(&mut *app.store.conn().await, robin, 0)
                .await
                .unwrap(),
        )
        .await;
    // On Robin's own phone, a private worry.
    let private = "A worry from my own phone (demo)";
    let added = app
        .call_as(
            "/api/child-house",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("house", "worries"),
                ("words", private),
            ],
            Some(&robins_phone),
        )
        .await;
    assert!(added.status().is_success() || added.status().is_redirection());
    let own = app
        .call_as("/api/child-space", &[], Some(&robins_phone))
        .await
        .json::<app::dto::child::ChildSpace>()
        .await
        .unwrap();
    let earlier = own.items[0].id.to_string();

    let family_page = format!("/families/{family}");
    let handed = app
        .post_form(
            &family_page,
            &[
                ("__fn", "/api/hand-to-child"),
                ("member", &robin.to_string()),
            ],
        )
        .await;
    assert_eq!(handed.status(), 303);
    // The tablet shows none of it, and cannot show it to anyone.
    let space = app
        .post_form("/api/child-space", &[])
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !space.contains(private) && !space.contains(&earlier),
        "{space}"
    );
    let page = app.get("/child/houses/worries").await.text().await.unwrap();
    assert!(!page.contains(private));
    let share = app
        .post_form(
            "/api/child-share",
            &[("entry", &earlier), ("with", "workers")],
        )
        .await;
    assert_eq!(share.status(), 404);
    // What Robin does in this handover is there.
    let made = "Made on the tablet (demo)";
    let added = app
        .post_form(
            "/api/child-house",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("house", "good_things"),
                ("words", made),
            ],
        )
        .await;
    assert!(added.status().is_success() || added.status().is_redirection());
    let space = app
        .post_form("/api/child-space", &[])
        .await
        .text()
        .await
        .unwrap();
    assert!(space.contains(made) && !space.contains(private), "{space}");

    // Robin's own "who has seen" names the practitioner who held the tablet.
    let seen = app
        .call_as("/api/who-has-seen", &[], Some(&robins_phone))
        .await
        .text()
        .await
        .unwrap();
    assert!(seen.contains("Sam Sample, with Robin Example"), "{seen}");
    assert!(seen.contains("Social worker"), "{seen}");

    // Sam stops working with the family while Robin holds the tablet: the whole session
    // ends, and the tablet never falls back to Sam's own pages.
    let sam_id = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let ended = store::people::end_allocation(
        &mut *app.store.conn().await,
        family,
        sam_id,
        app.clock.now(),
    )
    .await
    .unwrap();
    assert!(ended);
    for path in ["/api/my-families", "/api/child-space", "/api/who-am-i"] {
        let answer = app.post_form(path, &[]).await;
        let body = answer.text().await.unwrap();
        assert!(
            !body.contains("Example family") && !body.contains(made),
            "{path}: {body}"
        );
    }
    let home = app.get("/home").await;
    assert_eq!(home.status(), 401);
    app.finish().await;
}

async fn guessing_one_code_from_many_addresses_stops_after_ten_tries_at_it(kind: Kind) {
    let rig = Rig::new(kind).await;
    let staff = store::people::staff_by_name(&mut *rig.db.store.conn().await, "Quinn Dummy")
        .await
        .unwrap()[0];
    let issue = || async {
        rig.auth
            .issue_bootstrap_code(&rig.db.store, app::backend::auth::CodeFor::Staff(staff))
            .await
            .unwrap()
            .code
    };
    let code = issue().await;
    let other = issue().await;
    let session = rig.fresh_session().await;
    let (half, _) = code.split_once('-').unwrap();
    // Ten wrong second halves, each from an address of its own.
    for guess in 0..10 {
        let wrong = format!("{half}-{guess:05}");
        let result = rig
            .auth
            .start_registration(
                &rig.db.store,
                &session,
                &wrong,
                &format!("198.51.100.{guess}"),
            )
            .await;
        assert!(matches!(result, Err(AuthError::CodeNotValid)), "{result:?}");
    }
    let blocked = rig
        .auth
        .start_registration(&rig.db.store, &session, &code, "203.0.113.50")
        .await;
    assert!(
        matches!(blocked, Err(AuthError::TooManyAttempts)),
        "the code being guessed is held for the hour, from any address: {blocked:?}"
    );
    let unrelated = rig
        .auth
        .start_registration(&rig.db.store, &session, &other, "203.0.113.51")
        .await;
    assert!(
        unrelated.is_ok(),
        "other codes are untouched: {unrelated:?}"
    );
    rig.db.finish().await;
}

/// A code's expiry, like every time a person reads, is in the council's time zone, and
/// never says UTC.
#[tokio::test]
async fn a_codes_expiry_reads_in_the_councils_own_time() {
    // A zone an hour or two ahead of UTC all year, so the test tells the two apart on
    // any day it runs.
    let zone = app::domain::time::TimeZone::parse("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
    let worker = TestApp::spawn_with(Kind::Sqlite, |config| {
        config.time_zone = zone.clone();
    })
    .await;
    seed::seed_demo(&worker.store).await.unwrap();
    let code = staff_code(&worker.store, origin_of(&worker), "Sam Sample").await;
    let mut laptop = Phone::new();
    assert_eq!(
        register_over_http(&worker, &mut laptop, &code)
            .await
            .status(),
        200
    );
    let before = worker.clock.now();
    let (shown_at, _, _) = invite_alex(&worker).await;
    let after = worker.clock.now();
    let shown = worker.get(&shown_at).await.text().await.unwrap();
    const HOUR: i64 = 60 * 60 * 1000;
    let local = [before + HOUR, after + HOUR].map(|at| zone.time(at));
    assert!(
        local.iter().any(|time| shown.contains(time.as_str())),
        "the expiry is in the council's time ({local:?}): {shown}"
    );
    let utc = app::domain::time::TimeZone::parse("UTC").unwrap();
    assert!(
        !shown.contains(&utc.time(before + HOUR)) && !shown.contains("UTC"),
        "{shown}"
    );
    worker.finish().await;
}

/// Several servers behind one address, on one PostgreSQL database: whatever server a
/// request reaches, the person is the same person, their ceremony the same ceremony, the
/// limits on guessing the same limits, and the trail one whole trail.
#[tokio::test]
async fn two_servers_on_one_database_share_sessions_ceremonies_limits_and_the_trail() {
    let one = TestApp::spawn_with(Kind::Postgres, |config| config.identity.failure_limit = 3).await;
    seed::seed_demo(&one.store).await.unwrap();
    let two = one
        .spawn_beside(|config| config.identity.failure_limit = 3)
        .await;
    let origin = origin_of(&one);
    assert_eq!(origin, origin_of(&two), "one public address");

    // A passkey registration started on one server finishes on the other.
    let code = staff_code(&one.store, origin.clone(), "Sam Sample").await;
    let mut phone = Phone::new();
    let started: serde_json::Value = one
        .post_json("/auth/register/start", &serde_json::json!({ "code": code }))
        .await
        .json()
        .await
        .unwrap();
    let credential = phone.register(&origin, started["options"].clone());
    let finished = two
        .post_json(
            "/auth/register/finish",
            &serde_json::json!({ "ceremony": started["ceremony"], "credential": credential }),
        )
        .await;
    assert_eq!(finished.status(), 200);
    // The session the second server made is used on the first.
    let home = one.get("/home").await;
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("Your families"));

    // Signed out on one, it is over on both; a sign-in started on two finishes on one.
    assert_eq!(one.post_form("/sign-out", &[]).await.status(), 303);
    assert_eq!(two.get("/home").await.status(), 401);
    let started: serde_json::Value = two
        .post_json("/auth/sign-in/start", &serde_json::json!({}))
        .await
        .json()
        .await
        .unwrap();
    let assertion = phone.sign(&origin, started["options"].clone());
    let signed_in = one
        .post_json(
            "/auth/sign-in/finish",
            &serde_json::json!({ "ceremony": started["ceremony"], "credential": assertion }),
        )
        .await;
    assert_eq!(signed_in.status(), 200);
    assert_eq!(two.get("/home").await.status(), 200);

    // A code issued on one server is shown, once, by the other; the database held it
    // only sealed, and it works.
    let (shown_at, _, _) = invite_alex(&one).await;
    let kept: Vec<(String, String)> = sqlx::query_as("SELECT person_id, sealed FROM codes_to_show")
        .fetch_all(&mut *one.store.conn().await)
        .await
        .unwrap();
    assert_eq!(kept.len(), 1);
    let alex_code = code_on(&two.get(&shown_at).await.text().await.unwrap());
    let as_stored = app::backend::store::audit::hex(alex_code.as_bytes());
    assert!(
        !kept[0].1.contains(&alex_code) && kept[0].1 != as_stored,
        "the database never held the code as it is"
    );
    let again = one.get(&shown_at).await.text().await.unwrap();
    assert!(
        !again.contains(&alex_code),
        "shown once, whichever server is asked"
    );
    let alex_phone = two.with_new_browser();
    let mut alex_key = Phone::new();
    assert_eq!(
        register_over_http(&alex_phone, &mut alex_key, &alex_code)
            .await
            .status(),
        200
    );
    alex_phone.forget();

    // Guessing codes on both servers in turn meets one limit, not one each.
    let guesser = one.with_new_browser();
    let guesser_two = two.with_new_browser();
    for guess in 0..3 {
        let server = if guess % 2 == 0 {
            &guesser
        } else {
            &guesser_two
        };
        let wrong = server
            .post_json(
                "/auth/register/start",
                &serde_json::json!({ "code": format!("{guess:05}-WRONG") }),
            )
            .await;
        assert_eq!(wrong.status(), 422, "guess {guess}");
    }
    for server in [&guesser, &guesser_two] {
        let blocked = server
            .post_json(
                "/auth/register/start",
                &serde_json::json!({ "code": "99999-WRONG" }),
            )
            .await;
        assert_eq!(
            blocked.status(),
            429,
            "the limit holds on {}",
            server.address
        );
    }

    // Both servers wrote to the trail, and it is whole.
    for server in [&one, &two] {
        assert_eq!(server.get("/home").await.status(), 200);
    }
    let report = one.store.verify_audit().await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    guesser.forget();
    guesser_two.forget();
    let mut two = two;
    two.stop().await;
    one.finish().await;
}
