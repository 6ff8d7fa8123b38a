//! Passkeys, one-time codes and sessions. Nobody has a password.
//!
//! - Passkeys follow WebAuthn Level 3 through webauthn-rs's Passkey flow, with user
//!   verification required (<https://www.w3.org/TR/webauthn-3/>). Sign-in is discoverable:
//!   the browser offers the passkeys it holds for this site, so nobody types a name.
//! - Ceremony state lives in the database, is bound to the session that started it, is
//!   taken once, and expires (at most 300 s).
//! - Codes (invitations and resets) come from the operating system's random source, are
//!   shown once and stored only as SHA-256.
//! - Session tokens are 256 random bits; the database keeps only their SHA-256.
//! - Failure limits count failures; they never refuse a valid passkey, so a flood of bad
//!   guesses cannot lock the real person out of signing in.
//!
//! This module never logs a token, a code, passkey material or anything a family wrote.

use crate::backend::policy::{self, Actor};
use crate::backend::store::identity::{family_facts, mark_session_verified};
use crate::backend::store::{self, children, people};
use crate::backend::store::{
    AuditRecord, AuditedTx, CodePurpose, Outcome, PasskeyRow, Store, StoreError,
};
use crate::domain::ids::{AccountId, MemberId, PasskeyId, SessionId, StaffId};
use crate::domain::people::MemberKind;
use crate::dto::AppError;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder, WebauthnError,
};

/// The clock the passkey service reads: the store's, so both agree on the time.
pub use crate::backend::store::{Clock, system_clock};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

/// Settings that come from the service's configuration.
#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// The address people use, scheme, host and port, such as `https://portal.example.gov.uk`.
    pub origin: Url,
    /// The name passkey managers show. Neutral on purpose: someone looking at the phone
    /// should not learn what the service is.
    pub passkey_name: String,
    pub ceremony_ttl_ms: i64,
    pub code_ttl_ms: i64,
    pub family_idle_ms: i64,
    pub staff_idle_ms: i64,
    /// How long a child's supported session may sit untouched before the screen locks
    /// and the practitioner's passkey is needed again.
    pub child_idle_ms: i64,
    pub absolute_ms: i64,
    /// Failures per hour per account before failures are answered "too many attempts".
    pub account_failure_limit: i64,
    /// Failures per hour per address before codes are refused outright.
    pub address_failure_limit: i64,
    /// How recently a practitioner must have signed in to issue a reset code.
    pub confirm_window_ms: i64,
    /// The council's time zone, for the days and times written into labels and notices.
    pub zone: crate::domain::time::TimeZone,
    /// The service's name, said in a message about a new code only to a member who chose
    /// to have it said.
    pub service_name: String,
}

impl AuthSettings {
    pub fn new(origin: Url, passkey_name: String) -> Self {
        AuthSettings {
            origin,
            passkey_name,
            ceremony_ttl_ms: 5 * MINUTE_MS,
            code_ttl_ms: HOUR_MS,
            family_idle_ms: 15 * MINUTE_MS,
            staff_idle_ms: 30 * MINUTE_MS,
            child_idle_ms: 5 * MINUTE_MS,
            absolute_ms: 12 * HOUR_MS,
            account_failure_limit: 100,
            address_failure_limit: 100,
            confirm_window_ms: 10 * MINUTE_MS,
            zone: crate::domain::time::TimeZone::default(),
            service_name: String::new(),
        }
    }

    /// Cookies are `__Host-` and Secure over https; plain http is allowed only on
    /// localhost, for development, where the browser will not keep a Secure cookie.
    pub fn secure_cookies(&self) -> bool {
        self.origin.scheme() == "https"
    }

    /// `; Secure` for a cookie set over https, nothing on plain-http localhost.
    pub fn secure_attribute(&self) -> &'static str {
        if self.secure_cookies() {
            "; Secure"
        } else {
            ""
        }
    }

    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies() {
            "__Host-portal-session"
        } else {
            "portal-session"
        }
    }
}

/// Why an identity step was refused, in words the person can act on.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Nothing was typed: said on the field, as GOV.UK asks, and not counted as a guess.
    #[error("Enter the code your worker gave you")]
    CodeMissing,
    #[error(
        "That code is not right, has been used already or has expired. Ask your worker for a new one."
    )]
    CodeNotValid,
    #[error("That took too long or was already used. Start again.")]
    CeremonyNotValid,
    #[error("That passkey was not accepted. Try again, or ask your worker for help.")]
    PasskeyRefused,
    #[error("That passkey was not accepted.")]
    CounterRegression,
    #[error(
        "There have been too many attempts. Wait an hour and try again, or ask your worker for help."
    )]
    TooManyAttempts,
    #[error("Confirm it is you first.")]
    NeedsRecentSignIn,
    #[error(
        "They already have a passkey, so a sign-up code cannot add another. If their phone was lost or taken, create a reset code instead: it removes the old passkey."
    )]
    AlreadyHasPasskey,
    #[error("Page not found")]
    NotAllowed,
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<AuthError> for AppError {
    fn from(error: AuthError) -> Self {
        match error {
            AuthError::TooManyAttempts => AppError::TooManyAttempts,
            AuthError::NotAllowed => AppError::NotFound,
            AuthError::Store(store) => store.into(),
            AuthError::Internal(detail) => {
                tracing::error!(detail, "identity step failed");
                AppError::Internal
            }
            other => AppError::Invalid(crate::domain::FieldErrors::single(
                crate::domain::errors::FORM,
                other.to_string(),
            )),
        }
    }
}

/// The session a request carries, with who it belongs to.
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub token_hash: String,
    pub id: SessionId,
    pub actor: Actor,
    pub passkey: Option<PasskeyId>,
    pub verified_at: Option<i64>,
    /// Set while a practitioner's session is handed to a child: `actor` is then the
    /// child, and this says whose device it is.
    pub supported: Option<Supported>,
    /// Seals the codes this session issues until they are shown (`shown_codes`).
    pub code_key: super::shown_codes::CodeKey,
    /// The language the account chose for family pages, if it has chosen one.
    pub language: Option<crate::domain::language::Lang>,
    /// Whether the account chose easy read.
    pub easy_read: bool,
}

/// A child's session on a practitioner's device ("hand to child").
#[derive(Debug, Clone)]
pub struct Supported {
    pub id: String,
    /// The practitioner, who alone can take the device back, with their passkey.
    pub staff: Actor,
    /// "Sam Sample (Social worker)": kept with what the child records.
    pub present: String,
    /// The language the child reads their screens in, if one was chosen for them: on the
    /// practitioner's device their screens are in the child's language, not the device's.
    pub language: Option<crate::domain::language::Lang>,
}

/// A code, shown once to the person who issued it.
#[derive(Debug, Clone)]
pub struct IssuedCode {
    pub code: String,
    pub expires_at: i64,
}

/// Whose account a code opens.
#[derive(Debug, Clone, Copy)]
pub enum CodeFor {
    Member(MemberId),
    Staff(StaffId),
}

/// A started ceremony: its id and the options for the browser.
#[derive(Debug, Clone)]
pub struct Started {
    pub ceremony: String,
    pub options: serde_json::Value,
}

pub struct Auth {
    webauthn: Webauthn,
    pub settings: AuthSettings,
    clock: Clock,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// SHA-256 of a secret, as stored.
pub fn hash_secret(secret: &str) -> String {
    crate::backend::store::audit::hex(&Sha256::digest(secret.as_bytes()))
}

/// A new session token: 256 bits from the operating system's generator.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Letters and digits that cannot be mistaken for each other when read aloud or copied.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";
const CODE_LENGTH: usize = 10;

/// A new one-time code, such as `K7PQ2-XM4RT`: about 49 bits.
pub fn new_code() -> String {
    let mut rng = rand::rng();
    let mut code = String::with_capacity(CODE_LENGTH + 1);
    for index in 0..CODE_LENGTH {
        if index == CODE_LENGTH / 2 {
            code.push('-');
        }
        // Rejection sampling keeps every character equally likely.
        loop {
            let byte = u8::try_from(rng.next_u32() & 0xff).unwrap_or(u8::MAX);
            if usize::from(byte) < 240 {
                code.push(char::from(
                    CODE_ALPHABET[usize::from(byte) % CODE_ALPHABET.len()],
                ));
                break;
            }
        }
    }
    code
}

/// A code as typed, the way it was made: capitals, no spaces or dashes.
pub fn normalise_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn code_hash(typed: &str) -> String {
    hash_secret(&normalise_code(typed))
}

/// The counter and backup flags of a passkey, read from its serialised form (the library
/// keeps them private).
fn passkey_state(passkey: &Passkey) -> Result<(String, i64, (bool, bool)), AuthError> {
    let value = serde_json::to_value(passkey).map_err(|e| AuthError::Internal(e.to_string()))?;
    let cred = &value["cred"];
    let count = cred["counter"].as_i64().unwrap_or(0);
    let eligible = cred["backup_eligible"].as_bool().unwrap_or(false);
    let state = cred["backup_state"].as_bool().unwrap_or(false);
    Ok((value.to_string(), count, (eligible, state)))
}

/// Counts one refused request from someone not signed in, and appends `record` to the
/// audit chain only if it is the first of its (address, minute, action). Anyone can send
/// refusals as often as they like: counted beside the chain, they cannot grow evidence
/// that never goes away, or make audited work wait behind them for a chain's lock.
/// Answers the count so far that minute.
pub async fn refuse_anonymous(
    store: &Store,
    address: &str,
    now: i64,
    path: &str,
    record: AuditRecord,
) -> Result<i64, StoreError> {
    let count = store::refusals::count_refusal(
        &mut *store.pool_connection().await?,
        address,
        now,
        path,
        record.action,
    )
    .await?;
    if count == 1 {
        store.audit(record).await?;
    }
    Ok(count)
}

fn actor_record(
    actor: &Actor,
    action: &'static str,
    outcome: Outcome,
    detail: &str,
) -> AuditRecord {
    AuditRecord {
        actor_account: actor.account(),
        actor_name: actor.name().to_owned(),
        actor_role: actor.role_title().to_owned(),
        action,
        family: match actor {
            Actor::Member { family, .. } => Some(*family),
            _ => None,
        },
        subject: None,
        outcome,
        detail: detail.to_owned(),
    }
}

impl Auth {
    pub fn new(settings: AuthSettings, clock: Clock) -> Result<Self, String> {
        let rp_id = settings
            .origin
            .host_str()
            .ok_or_else(|| format!("{} has no host name", settings.origin))?
            .to_owned();
        let webauthn = WebauthnBuilder::new(&rp_id, &settings.origin)
            .and_then(|b| {
                b.rp_name(&settings.passkey_name)
                    .timeout(std::time::Duration::from_millis(
                        u64::try_from(settings.ceremony_ttl_ms).unwrap_or(300_000),
                    ))
                    .build()
            })
            .map_err(|e| format!("passkeys cannot work at {}: {e}", settings.origin))?;
        Ok(Auth {
            webauthn,
            settings,
            clock,
        })
    }

    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    /// A new session before sign-in, to bind ceremonies to. Returns the cookie's token.
    pub async fn begin_session(&self, store: &Store) -> Result<String, AuthError> {
        let token = new_token();
        store::identity::create_session(
            &mut *store.pool_connection().await?,
            &hash_secret(&token),
            None,
            None,
            self.now(),
        )
        .await?;
        Ok(token)
    }

    /// The session for a cookie's token, if it is open and within its limits. A session
    /// past its idle or absolute limit is ended here and then.
    pub async fn current(
        &self,
        store: &Store,
        token: &str,
    ) -> Result<Option<CurrentSession>, AuthError> {
        let token_hash = hash_secret(token);
        let Some((row, actor)) =
            store::identity::session_and_actor(&mut *store.pool_connection().await?, &token_hash)
                .await?
        else {
            return Ok(None);
        };
        if row.ended_at.is_some() {
            return Ok(None);
        }
        let now = self.now();
        let actor = match (row.account, actor) {
            (None, _) => Actor::Anonymous,
            (Some(_), Some(actor)) => actor,
            (Some(_), None) => {
                store::identity::end_session(
                    &mut *store.pool_connection().await?,
                    &token_hash,
                    "revoked",
                    now,
                )
                .await?;
                return Ok(None);
            }
        };
        let (actor, supported) = match actor {
            staff @ Actor::Staff { .. } => match self.supported(store, &token_hash, staff).await? {
                Some(found) => found,
                None => return Ok(None),
            },
            other => (other, None),
        };
        let idle = match (&actor, &supported) {
            (_, Some(_)) => self.settings.child_idle_ms,
            (Actor::Member { .. }, None) => self.settings.family_idle_ms,
            _ => self.settings.staff_idle_ms,
        };
        if now - row.created_at >= self.settings.absolute_ms {
            store::identity::end_session(
                &mut *store.pool_connection().await?,
                &token_hash,
                "expired",
                now,
            )
            .await?;
            return Ok(None);
        }
        if now - row.last_seen_at >= idle {
            store::identity::end_session(
                &mut *store.pool_connection().await?,
                &token_hash,
                "idle",
                now,
            )
            .await?;
            return Ok(None);
        }
        // A page view writes nothing more than its audit row: the session's last use is
        // written only once it is a minute old (a tenth of the idle limit, if that is
        // shorter). So a session may end up to that long before its idle limit, never after.
        if now - row.last_seen_at >= (idle / 10).min(MINUTE_MS) {
            store::identity::touch_session(&mut *store.pool_connection().await?, &token_hash, now)
                .await?;
        }
        Ok(Some(CurrentSession {
            token_hash,
            id: row.id,
            actor,
            passkey: row.passkey,
            verified_at: row.verified_at,
            supported,
            code_key: super::shown_codes::CodeKey::of_token(token),
            language: row
                .language
                .as_deref()
                .and_then(crate::domain::language::Lang::parse),
            easy_read: row.easy_read == Some(1),
        }))
    }

    /// A staff session handed to a child acts as that child. If the practitioner may no
    /// longer work with the child's family, the whole session ends: the device is in a
    /// child's hands, so it must never fall back to the practitioner's own session.
    /// `None` means the session has just been ended.
    async fn supported(
        &self,
        store: &Store,
        token_hash: &str,
        staff: Actor,
    ) -> Result<Option<(Actor, Option<Supported>)>, AuthError> {
        let mut conn = store.pool_connection().await?;
        let Some(open) = children::open_supported(&mut conn, token_hash).await? else {
            return Ok(Some((staff, None)));
        };
        let child = people::member(&mut conn, open.member).await?;
        let facts = match &child {
            Some(child) => family_facts(&mut conn, child.family).await?,
            None => None,
        };
        let allowed = matches!(&staff, Actor::Staff { staff: id, .. } if *id == open.staff)
            && child
                .as_ref()
                .zip(facts.as_ref())
                .is_some_and(|(child, facts)| {
                    policy::may_hand_to_child(&staff, facts, child.id, child.kind)
                });
        let (Some(child), true) = (child, allowed) else {
            drop(conn);
            store::identity::end_session(
                &mut *store.pool_connection().await?,
                token_hash,
                "revoked",
                self.now(),
            )
            .await?;
            let mut record = actor_record(
                &staff,
                "child_mode_ended",
                Outcome::Denied,
                "the practitioner may no longer work with the child's family: the session ended",
            );
            record.subject = Some(open.id.clone());
            store.audit(record).await?;
            return Ok(None);
        };
        let present = format!("{} ({})", staff.name(), staff.role_title());
        let language = open
            .language
            .as_deref()
            .and_then(crate::domain::language::Lang::parse);
        let Actor::Staff { role, .. } = &staff else {
            return Ok(None);
        };
        let actor = Actor::Member {
            // The device and the passkey that will take it back are the practitioner's.
            account: staff.account().ok_or(AuthError::CeremonyNotValid)?,
            member: child.id,
            family: child.family,
            kind: MemberKind::Child,
            // As the audit trail, and the child's "who has seen", show it: the
            // practitioner, with the child they handed the device to.
            name: format!("{}, with {}", staff.name(), child.name),
            supported_by: Some(*role),
        };
        Ok(Some((
            actor,
            Some(Supported {
                id: open.id,
                staff,
                present,
                language,
            }),
        )))
    }

    /// Ends a session: signing out, or "Exit this page".
    pub async fn end(
        &self,
        store: &Store,
        session: &CurrentSession,
        reason: &'static str,
    ) -> Result<(), AuthError> {
        if session.actor.account().is_none() {
            // Nobody's session: nothing to record, and no place in the audit chain is
            // taken (one taken and left empty would read as a row cut from the trail).
            store::identity::end_session(
                &mut *store.pool_connection().await?,
                &session.token_hash,
                reason,
                self.now(),
            )
            .await?;
            return Ok(());
        }
        let mut audited = store.begin_audited().await?;
        store::identity::end_session(&mut audited.tx, &session.token_hash, reason, self.now())
            .await?;
        let mut record = actor_record(&session.actor, "sign_out", Outcome::Allowed, reason);
        record.subject = Some(session.id.to_string());
        audited.finish(record).await?;
        Ok(())
    }

    /// Issues a one-time code for a family member (by an allocated practitioner or the
    /// team manager) or a member of staff (by an admin only). A reset also needs the
    /// issuer to have proved it was them within the last ten minutes, and ends every
    /// session of the person whose phone was lost.
    pub async fn issue_code(
        &self,
        store: &Store,
        issuer: &CurrentSession,
        target: CodeFor,
        purpose: CodePurpose,
    ) -> Result<IssuedCode, AuthError> {
        let now = self.now();
        let allowed = self.may_issue(store, &issuer.actor, target).await?;
        let subject = match target {
            CodeFor::Member(m) => m.to_string(),
            CodeFor::Staff(s) => s.to_string(),
        };
        if !allowed {
            let mut record =
                actor_record(&issuer.actor, "issue_code", Outcome::Denied, purpose.code());
            record.subject = Some(subject);
            store.audit(record).await?;
            return Err(AuthError::NotAllowed);
        }
        // A reset locks someone out of their own account, and a staff code opens an
        // account that may see families' words: both need the issuer to have proved it
        // was them within the last ten minutes, not just an open session.
        let needs_confirming = purpose == CodePurpose::Reset || matches!(target, CodeFor::Staff(_));
        if needs_confirming && !self.recently_confirmed(issuer) {
            return Err(AuthError::NeedsRecentSignIn);
        }
        let account = match target {
            CodeFor::Member(member) => {
                store::identity::account_for_member(
                    &mut *store.pool_connection().await?,
                    member,
                    now,
                )
                .await?
            }
            CodeFor::Staff(staff) => {
                store::identity::account_for_staff(&mut *store.pool_connection().await?, staff, now)
                    .await?
            }
        };
        // A code never adds a second way in silently: an account with a passkey needs a
        // reset, which removes the old one and so is noticed by its owner.
        if purpose == CodePurpose::Invitation
            && store::identity::has_active_passkey(&mut *store.pool_connection().await?, account)
                .await?
        {
            let mut record = actor_record(
                &issuer.actor,
                "issue_code",
                Outcome::Denied,
                "refused: the account already has a passkey",
            );
            record.subject = Some(subject);
            store.audit(record).await?;
            return Err(AuthError::AlreadyHasPasskey);
        }
        let code = new_code();
        let expires_at = now + self.settings.code_ttl_ms;
        let mut audited = store.begin_audited().await?;
        store::identity::create_code(
            &mut audited.tx,
            &code_hash(&code),
            account,
            purpose,
            issuer.actor.account(),
            now,
            expires_at,
        )
        .await?;
        if purpose == CodePurpose::Reset {
            store::identity::end_sessions_of_account(&mut audited.tx, account, None, "reset", now)
                .await?;
        }
        // A member who chose to hear about new codes is sent their neutral sentence (never
        // the code), queued with the code itself.
        let told = match target {
            CodeFor::Member(member) => {
                crate::backend::notices::tell_member(
                    &mut audited.tx,
                    &self.settings.service_name,
                    member,
                    crate::domain::notices::Trigger::Code,
                    &uuid::Uuid::new_v4().to_string(),
                    now,
                )
                .await?
            }
            CodeFor::Staff(_) => Vec::new(),
        };
        let mut record = actor_record(
            &issuer.actor,
            "issue_code",
            Outcome::Allowed,
            purpose.code(),
        );
        record.subject = Some(subject);
        audited.finish_with(record, told).await?;
        Ok(IssuedCode { code, expires_at })
    }

    /// Whether the session's owner proved it was them with their passkey within the
    /// confirmation window (ten minutes).
    pub fn recently_confirmed(&self, session: &CurrentSession) -> bool {
        session
            .verified_at
            .is_some_and(|at| self.now() - at <= self.settings.confirm_window_ms)
    }

    /// "This phone was taken": an allocated practitioner (or the team manager) removes
    /// every passkey of a family member and ends all their sessions at once, without a
    /// code, so whoever holds the phone is locked out now. The member gets back in with
    /// a reset code later. Needs the practitioner to have confirmed it is them recently.
    pub async fn phone_taken(
        &self,
        store: &Store,
        issuer: &CurrentSession,
        member: MemberId,
    ) -> Result<u64, AuthError> {
        let now = self.now();
        if !self
            .may_issue(store, &issuer.actor, CodeFor::Member(member))
            .await?
        {
            let mut record = actor_record(
                &issuer.actor,
                "phone_taken",
                Outcome::Denied,
                "not found or not permitted",
            );
            record.subject = Some(member.to_string());
            store.audit(record).await?;
            return Err(AuthError::NotAllowed);
        }
        if !self.recently_confirmed(issuer) {
            return Err(AuthError::NeedsRecentSignIn);
        }
        let account =
            store::identity::account_for_member(&mut *store.pool_connection().await?, member, now)
                .await?;
        let mut audited = store.begin_audited().await?;
        let revoked =
            store::identity::revoke_all_passkeys(&mut audited.tx, account, "phone_taken", now)
                .await?;
        let mut record = actor_record(
            &issuer.actor,
            "phone_taken",
            Outcome::Allowed,
            &format!("{revoked} passkeys revoked and every session ended"),
        );
        record.subject = Some(member.to_string());
        record.family =
            crate::backend::store::identity::member_family(&mut audited.tx, member).await?;
        // Whoever holds the phone must not be sent anything: texts to it stop.
        let stopped = crate::backend::notices::phone_taken(&mut audited.tx, member, now).await?;
        audited.finish_with(record, stopped).await?;
        Ok(revoked)
    }

    /// Whether `actor` may issue (and so see) a code for `target`: admins for staff; the
    /// practitioners allocated to a member's family, and its team manager, for members.
    pub async fn may_issue(
        &self,
        store: &Store,
        actor: &Actor,
        target: CodeFor,
    ) -> Result<bool, AuthError> {
        Ok(match target {
            CodeFor::Staff(target) => {
                let Actor::Staff { staff, .. } = actor else {
                    return Ok(false);
                };
                policy::may_manage_staff(
                    actor,
                    store::people::staff_council(&mut *store.pool_connection().await?, *staff)
                        .await?,
                    store::people::staff_council(&mut *store.pool_connection().await?, target)
                        .await?,
                )
            }
            CodeFor::Member(member) => {
                let mut conn = store.pool_connection().await?;
                match crate::backend::store::identity::member_family(&mut conn, member).await? {
                    Some(family) => {
                        crate::backend::store::identity::family_facts(&mut conn, family)
                            .await?
                            .is_some_and(|f| policy::may_issue_family_code(actor, &f))
                    }
                    None => false,
                }
            }
        })
    }

    /// Issues a code from the command line, on the server itself: how the first
    /// administrator gets in, and how demonstrations and tests set people up.
    pub async fn issue_bootstrap_code(
        &self,
        store: &Store,
        target: CodeFor,
    ) -> Result<IssuedCode, AuthError> {
        let now = self.now();
        let (account, subject) = match target {
            CodeFor::Staff(staff) => (
                store::identity::account_for_staff(
                    &mut *store.pool_connection().await?,
                    staff,
                    now,
                )
                .await?,
                staff.to_string(),
            ),
            CodeFor::Member(member) => (
                store::identity::account_for_member(
                    &mut *store.pool_connection().await?,
                    member,
                    now,
                )
                .await?,
                member.to_string(),
            ),
        };
        let code = new_code();
        let expires_at = now + self.settings.code_ttl_ms;
        let mut audited = store.begin_audited().await?;
        store::identity::create_code(
            &mut audited.tx,
            &code_hash(&code),
            account,
            CodePurpose::Invitation,
            None,
            now,
            expires_at,
        )
        .await?;
        audited
            .finish(AuditRecord {
                actor_account: None,
                actor_name: "Server command line".into(),
                actor_role: "Operator".into(),
                action: "issue_code",
                family: None,
                subject: Some(subject),
                outcome: Outcome::Allowed,
                detail: "invitation".into(),
            })
            .await?;
        Ok(IssuedCode { code, expires_at })
    }

    async fn too_many(&self, store: &Store, key: &str, limit: i64) -> Result<bool, AuthError> {
        let now = self.now();
        store::identity::prune_failures(&mut *store.pool_connection().await?, now - HOUR_MS)
            .await?;
        Ok(store::identity::failures_since(
            &mut *store.pool_connection().await?,
            key,
            now - HOUR_MS,
        )
        .await?
            >= limit)
    }

    /// Step one of taking a code: checks it and starts a passkey registration.
    ///
    /// Two limits, each counting wrong codes for an hour:
    /// - per client address (`ip:`), `address_failure_limit`: one person typing badly, or
    ///   one machine guessing, is stopped without touching anyone else;
    /// - per first half of the code (`code:` and a hash of its first five characters), 10:
    ///   this one holds whatever the address. Every guess at a particular code shares that
    ///   code's first half, so however many addresses an attacker has, no code is tried
    ///   more than 10 times an hour: at most 240 guesses at the other half's 30^5 (about
    ///   24 million) values over a code's longest life of a day. A flood of random guesses
    ///   spreads over 24 million halves, so it locks nobody out; someone who already knows
    ///   the first half of one code can stop that one code for an hour, and the worker
    ///   can issue another. Codes keep their format, so nothing changes for the person.
    pub async fn start_registration(
        &self,
        store: &Store,
        session: &CurrentSession,
        typed_code: &str,
        address: &str,
    ) -> Result<Started, AuthError> {
        const CODE_HALF_LIMIT: i64 = 10;
        if normalise_code(typed_code).is_empty() {
            return Err(AuthError::CodeMissing);
        }
        let now = self.now();
        let address_key = format!("ip:{address}");
        let half: String = normalise_code(typed_code)
            .chars()
            .take(CODE_LENGTH / 2)
            .collect();
        let half_key = format!("code:{}", hash_secret(&half));
        if self
            .too_many(store, &address_key, self.settings.address_failure_limit)
            .await?
            || self.too_many(store, &half_key, CODE_HALF_LIMIT).await?
        {
            return Err(AuthError::TooManyAttempts);
        }
        let Some(code) = store::identity::open_code(
            &mut *store.pool_connection().await?,
            &code_hash(typed_code),
            now,
        )
        .await?
        else {
            store::identity::record_failure(
                &mut *store.pool_connection().await?,
                &address_key,
                now,
            )
            .await?;
            store::identity::record_failure(&mut *store.pool_connection().await?, &half_key, now)
                .await?;
            let record = actor_record(
                &session.actor,
                "redeem_code",
                Outcome::Denied,
                "unknown, used or expired code; more from this address this minute are counted in refusal_counts",
            );
            // A stranger's wrong guesses are counted beside the chain, not each in it.
            refuse_anonymous(store, address, now, "/auth/register/start", record).await?;
            return Err(AuthError::CodeNotValid);
        };
        if code.purpose == CodePurpose::Invitation
            && self
                .invitation_would_add_a_second_passkey(store, code.issued_by, code.account)
                .await?
        {
            return Err(AuthError::AlreadyHasPasskey);
        }
        let existing: Vec<_> = store::identity::passkeys_of_account(
            &mut *store.pool_connection().await?,
            code.account,
        )
        .await?
        .into_iter()
        .filter(|p| p.revoked_at.is_none())
        .filter_map(|p| match serde_json::from_str::<Passkey>(&p.credential) {
            Ok(passkey) => Some(passkey),
            Err(error) => {
                // Not excluded from the new ceremony, so it could be registered twice;
                // logged, never silent. The credential itself is never logged.
                tracing::error!(%error, "a kept passkey does not read");
                None
            }
        })
        .map(|p| p.cred_id().clone())
        .collect();
        let handle = code.account.as_uuid();
        let label = format!(
            "{} {}",
            self.settings.passkey_name,
            &handle.simple().to_string()[..4]
        );
        let (options, state) = self
            .webauthn
            .start_passkey_registration(handle, &label, &label, Some(existing))
            .map_err(|e| AuthError::Internal(e.to_string()))?;
        let mut options =
            serde_json::to_value(options).map_err(|e| AuthError::Internal(e.to_string()))?;
        // Ask for a discoverable passkey, so that signing in needs no name typed.
        if let Some(selection) = options["publicKey"]["authenticatorSelection"].as_object_mut() {
            selection.insert("residentKey".into(), "required".into());
            selection.insert("requireResidentKey".into(), true.into());
        }
        let state =
            serde_json::to_string(&state).map_err(|e| AuthError::Internal(e.to_string()))?;
        let ceremony = Uuid::new_v4().to_string();
        store::identity::save_ceremony(
            &mut *store.pool_connection().await?,
            &ceremony,
            &session.token_hash,
            "register",
            &state,
            Some(code.account),
            Some(code.id),
            now,
            now + self.settings.ceremony_ttl_ms,
        )
        .await?;
        Ok(Started { ceremony, options })
    }

    /// Step two: checks the new passkey, uses up the code, and signs the person in with a
    /// new session. Returns the new session's token.
    pub async fn finish_registration(
        &self,
        store: &Store,
        session: &CurrentSession,
        ceremony: &str,
        credential: &RegisterPublicKeyCredential,
    ) -> Result<String, AuthError> {
        let now = self.now();
        let Some(taken) = store::identity::take_ceremony(
            &mut *store.pool_connection().await?,
            ceremony,
            &session.token_hash,
            "register",
            now,
        )
        .await?
        else {
            return Err(AuthError::CeremonyNotValid);
        };
        let (Some(account), Some(code)) = (taken.account, taken.invitation) else {
            return Err(AuthError::CeremonyNotValid);
        };
        let state: PasskeyRegistration =
            serde_json::from_str(&taken.state).map_err(|e| AuthError::Internal(e.to_string()))?;
        let passkey = self
            .webauthn
            .finish_passkey_registration(credential, &state)
            .map_err(|error| {
                tracing::info!(%error, "a passkey registration was refused");
                AuthError::PasskeyRefused
            })?;
        let credential_id = URL_SAFE_NO_PAD.encode(passkey.cred_id().as_slice());
        if store::identity::credential_exists(&mut *store.pool_connection().await?, &credential_id)
            .await?
        {
            return Err(AuthError::PasskeyRefused);
        }
        let (serialised, count, backup) = passkey_state(&passkey)?;
        let (purpose, issued_by) =
            store::identity::code_purpose(&mut *store.pool_connection().await?, code)
                .await?
                .ok_or(AuthError::CodeNotValid)?;
        if purpose == CodePurpose::Invitation
            && self
                .invitation_would_add_a_second_passkey(store, issued_by, account)
                .await?
        {
            return Err(AuthError::AlreadyHasPasskey);
        }
        let token = new_token();
        let mut audited = store.begin_audited().await?;
        if !store::identity::redeem_code(&mut audited.tx, code, now).await? {
            return Err(AuthError::CodeNotValid);
        }
        if purpose == CodePurpose::Reset {
            // The lost (or taken) phone's passkeys stop working with this same commit,
            // and every session ends: whoever holds that phone cannot sign back in.
            store::identity::revoke_all_passkeys(&mut audited.tx, account, "reset", now).await?;
        }
        let label = format!("Passkey added {}", self.settings.zone.day(now));
        let passkey_id = store::identity::add_passkey(
            &mut audited.tx,
            account,
            &credential_id,
            &serialised,
            count,
            backup,
            &label,
            issued_by,
            now,
        )
        .await?;
        store::identity::end_session(&mut audited.tx, &session.token_hash, "replaced", now).await?;
        // A member of staff is told, the next time they sign in with another passkey,
        // that someone else's code added one to their account.
        if let (Some(by), Some(Actor::Staff { .. })) = (
            issued_by.filter(|by| *by != account),
            store::identity::actor(&mut *store.pool_connection().await?, account).await?,
        ) {
            let issuer = store::identity::actor(&mut *store.pool_connection().await?, by)
                .await?
                .unwrap_or(Actor::Anonymous);
            let message = format!(
                "A passkey was added to your account on {} by {} ({}). If you did not ask for this, tell your manager straight away.",
                self.settings.zone.day(now),
                issuer.name(),
                issuer.role_title()
            );
            store::identity::add_notice(&mut audited.tx, account, passkey_id, &message, now)
                .await?;
        }
        let new_session = store::identity::create_session(
            &mut audited.tx,
            &hash_secret(&token),
            Some(account),
            Some(passkey_id),
            now,
        )
        .await?;
        let actor = store::identity::actor(&mut *store.pool_connection().await?, account)
            .await?
            .unwrap_or(Actor::Anonymous);
        let mut record = actor_record(
            &actor,
            "register_passkey",
            Outcome::Allowed,
            "passkey registered with a code",
        );
        record.subject = Some(new_session.to_string());
        audited.finish(record).await?;
        Ok(token)
    }

    /// Whether taking this invitation would add a passkey beside one that still works.
    /// Codes from the server's command line are the operator's own and are not refused
    /// (whoever runs commands on the server holds the database already); they are in
    /// the audit trail all the same.
    async fn invitation_would_add_a_second_passkey(
        &self,
        store: &Store,
        issued_by: Option<AccountId>,
        account: AccountId,
    ) -> Result<bool, AuthError> {
        Ok(issued_by.is_some()
            && store::identity::has_active_passkey(&mut *store.pool_connection().await?, account)
                .await?)
    }

    /// Starts a sign-in (`sign_in`) or a "confirm it is you" (`confirm`).
    pub async fn start_sign_in(
        &self,
        store: &Store,
        session: &CurrentSession,
        purpose: &'static str,
    ) -> Result<Started, AuthError> {
        let now = self.now();
        let (mut options, state) = self
            .webauthn
            .start_discoverable_authentication()
            .map_err(|e| AuthError::Internal(e.to_string()))?;
        // A button press, not an autofill prompt.
        options.mediation = None;
        let options =
            serde_json::to_value(options).map_err(|e| AuthError::Internal(e.to_string()))?;
        let state =
            serde_json::to_string(&state).map_err(|e| AuthError::Internal(e.to_string()))?;
        let ceremony = Uuid::new_v4().to_string();
        store::identity::save_ceremony(
            &mut *store.pool_connection().await?,
            &ceremony,
            &session.token_hash,
            purpose,
            &state,
            None,
            None,
            now,
            now + self.settings.ceremony_ttl_ms,
        )
        .await?;
        Ok(Started { ceremony, options })
    }

    /// Finishes a sign-in. On success the old session ends and a new one (with a new
    /// token) begins; for `confirm`, the same session is marked as just verified and
    /// `None` is returned.
    pub async fn finish_sign_in(
        &self,
        store: &Store,
        session: &CurrentSession,
        ceremony: &str,
        purpose: &'static str,
        assertion: &PublicKeyCredential,
        address: &str,
    ) -> Result<Option<String>, AuthError> {
        let now = self.now();
        let Some(taken) = store::identity::take_ceremony(
            &mut *store.pool_connection().await?,
            ceremony,
            &session.token_hash,
            purpose,
            now,
        )
        .await?
        else {
            return Err(AuthError::CeremonyNotValid);
        };
        let state: DiscoverableAuthentication =
            serde_json::from_str(&taken.state).map_err(|e| AuthError::Internal(e.to_string()))?;
        let credential_id = URL_SAFE_NO_PAD.encode(assertion.get_credential_id());
        let stored = store::identity::passkey_by_credential(
            &mut *store.pool_connection().await?,
            &credential_id,
        )
        .await?;
        let address_key = format!("ip:{address}");
        let Some(stored) = stored.filter(|p| p.revoked_at.is_none()) else {
            return self
                .refuse_sign_in(store, None, &address_key, "unknown or revoked passkey")
                .await;
        };
        let account_key = format!("account:{}", stored.account);
        // The user handle, when the browser sends one, must name the passkey's owner.
        if let Some(handle) = assertion.get_user_unique_id()
            && handle != stored.account.as_uuid().as_bytes()
        {
            return self
                .refuse_sign_in(
                    store,
                    Some(&account_key),
                    &address_key,
                    "user handle does not match",
                )
                .await;
        }
        let mut passkey: Passkey = serde_json::from_str(&stored.credential)
            .map_err(|e| AuthError::Internal(e.to_string()))?;
        let result = match self
            .webauthn
            .finish_discoverable_authentication_v2(assertion, state, &passkey)
        {
            Ok(result) => result,
            Err(WebauthnError::CredentialPossibleCompromise) => {
                return Err(counter_went_backwards(store, &stored).await?);
            }
            Err(error) => {
                tracing::info!(%error, "a sign-in was refused");
                return self
                    .refuse_sign_in(
                        store,
                        Some(&account_key),
                        &address_key,
                        "signature not accepted",
                    )
                    .await;
            }
        };
        passkey.update_credential(&result);
        let (serialised, _, backup) = passkey_state(&passkey)?;
        let count = i64::from(result.counter());
        let actor = store::identity::actor(&mut *store.pool_connection().await?, stored.account)
            .await?
            .ok_or(AuthError::PasskeyRefused)?;
        let mut audited = store.begin_audited().await?;
        store::identity::update_passkey_use(
            &mut audited.tx,
            stored.id,
            &serialised,
            count,
            backup,
            now,
        )
        .await?;
        match purpose {
            "hand_back" => {
                hand_back(store, audited, session, stored.account, now).await?;
                Ok(None)
            }
            "confirm" => {
                confirm(audited, session, &actor, stored.account, now).await?;
                Ok(None)
            }
            _ => Ok(Some(sign_in(audited, session, &actor, &stored, now).await?)),
        }
    }

    async fn refuse_sign_in(
        &self,
        store: &Store,
        account_key: Option<&str>,
        address_key: &str,
        detail: &str,
    ) -> Result<Option<String>, AuthError> {
        let now = self.now();
        let over_account = match account_key {
            Some(key) => {
                self.too_many(store, key, self.settings.account_failure_limit)
                    .await?
            }
            None => false,
        };
        let over_address = self
            .too_many(store, address_key, self.settings.address_failure_limit)
            .await?;
        if over_account || over_address {
            // Past the limit, failures are no longer written: a flood cannot fill the
            // database or the audit trail. A valid passkey still signs in.
            return Err(AuthError::TooManyAttempts);
        }
        if let Some(key) = account_key {
            store::identity::record_failure(&mut *store.pool_connection().await?, key, now).await?;
        }
        store::identity::record_failure(&mut *store.pool_connection().await?, address_key, now)
            .await?;
        let record = AuditRecord {
            actor_account: None,
            actor_name: "Someone not signed in".into(),
            actor_role: "Not signed in".into(),
            action: "sign_in",
            family: None,
            subject: None,
            outcome: Outcome::Denied,
            detail: format!(
                "{detail}; more from this address this minute are counted in refusal_counts"
            ),
        };
        // Counted beside the chain, with one chained row a minute for each address.
        let address = address_key.trim_start_matches("ip:");
        refuse_anonymous(store, address, now, "/auth/sign-in/finish", record).await?;
        Err(AuthError::PasskeyRefused)
    }

    /// Revokes one of the person's own passkeys and ends the sessions it signed in.
    pub async fn revoke_passkey(
        &self,
        store: &Store,
        session: &CurrentSession,
        passkey: PasskeyId,
    ) -> Result<(), AuthError> {
        let account = session.actor.account().ok_or(AuthError::NotAllowed)?;
        let mut audited = store.begin_audited().await?;
        if !store::identity::revoke_passkey(&mut audited.tx, account, passkey, self.now()).await? {
            return Err(AuthError::NotAllowed);
        }
        let mut record = actor_record(
            &session.actor,
            "revoke_passkey",
            Outcome::Allowed,
            "revoked by its owner",
        );
        record.subject = Some(passkey.to_string());
        audited.finish(record).await?;
        Ok(())
    }

    /// Ends one of the person's own sessions.
    pub async fn revoke_session(
        &self,
        store: &Store,
        session: &CurrentSession,
        target: SessionId,
    ) -> Result<(), AuthError> {
        let account = session.actor.account().ok_or(AuthError::NotAllowed)?;
        if !store::identity::revoke_session(
            &mut *store.pool_connection().await?,
            account,
            target,
            self.now(),
        )
        .await?
        {
            return Err(AuthError::NotAllowed);
        }
        let mut record = actor_record(
            &session.actor,
            "revoke_session",
            Outcome::Allowed,
            "ended by its owner",
        );
        record.subject = Some(target.to_string());
        store.audit(record).await?;
        Ok(())
    }
}

/// A passkey whose counter went backwards may have been copied: the sign-in is refused
/// and the trail says so.
async fn counter_went_backwards(
    store: &Store,
    stored: &PasskeyRow,
) -> Result<AuthError, AuthError> {
    let actor = store::identity::actor(&mut *store.pool_connection().await?, stored.account)
        .await?
        .unwrap_or(Actor::Anonymous);
    let mut record = actor_record(
        &actor,
        "security_event",
        Outcome::Denied,
        "passkey counter went backwards",
    );
    record.subject = Some(stored.id.to_string());
    store.audit(record).await?;
    tracing::warn!(passkey = %stored.id, "sign-in refused: the passkey's counter went backwards");
    Ok(AuthError::CounterRegression)
}

/// The practitioner takes their device back from the child: only the practitioner whose
/// device it is, with their own passkey.
async fn hand_back(
    store: &Store,
    mut audited: AuditedTx,
    session: &CurrentSession,
    account: AccountId,
    now: i64,
) -> Result<(), AuthError> {
    let Some(supported) = session
        .supported
        .as_ref()
        .filter(|s| s.staff.account() == Some(account))
    else {
        drop(audited);
        let mut record = actor_record(
            &session.actor,
            "hand_back",
            Outcome::Denied,
            "refused: not the passkey of the practitioner whose device it is",
        );
        record.subject = Some(session.id.to_string());
        store.audit(record).await?;
        return Err(AuthError::PasskeyRefused);
    };
    children::end_supported(&mut audited.tx, &session.token_hash, "handed_back", now).await?;
    mark_session_verified(&mut audited.tx, &session.token_hash, now).await?;
    let mut record = actor_record(
        &supported.staff,
        "hand_back",
        Outcome::Allowed,
        "the practitioner took the device back with their passkey",
    );
    record.family = match &session.actor {
        Actor::Member { family, .. } => Some(*family),
        _ => None,
    };
    record.subject = Some(supported.id.clone());
    audited.finish(record).await?;
    Ok(())
}

/// The person confirms who they are, in the session they are already in.
async fn confirm(
    mut audited: AuditedTx,
    session: &CurrentSession,
    actor: &Actor,
    account: AccountId,
    now: i64,
) -> Result<(), AuthError> {
    if session.actor.account() != Some(account) {
        return Err(AuthError::PasskeyRefused);
    }
    mark_session_verified(&mut audited.tx, &session.token_hash, now).await?;
    let mut record = actor_record(
        actor,
        "confirm_identity",
        Outcome::Allowed,
        "confirmed with a passkey",
    );
    record.subject = Some(session.id.to_string());
    audited.finish(record).await?;
    Ok(())
}

/// The old session ends and a new one, with a new token, begins.
async fn sign_in(
    mut audited: AuditedTx,
    session: &CurrentSession,
    actor: &Actor,
    stored: &PasskeyRow,
    now: i64,
) -> Result<String, AuthError> {
    let token = new_token();
    store::identity::end_session(&mut audited.tx, &session.token_hash, "replaced", now).await?;
    let new_session = store::identity::create_session(
        &mut audited.tx,
        &hash_secret(&token),
        Some(stored.account),
        Some(stored.id),
        now,
    )
    .await?;
    let mut record = actor_record(
        actor,
        "sign_in",
        Outcome::Allowed,
        "signed in with a passkey",
    );
    record.subject = Some(new_session.to_string());
    audited.finish(record).await?;
    Ok(token)
}

/// The account a session belongs to, for callers that need it.
pub fn account_of(session: &CurrentSession) -> Option<AccountId> {
    session.actor.account()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters_and_read_back_however_typed() {
        let code = new_code();
        assert_eq!(code.len(), CODE_LENGTH + 1);
        assert!(
            normalise_code(&code)
                .bytes()
                .all(|b| CODE_ALPHABET.contains(&b))
        );
        let typed = format!(" {} ", code.to_lowercase().replace('-', " "));
        assert_eq!(code_hash(&typed), code_hash(&code));
        assert_ne!(new_code(), new_code());
    }

    #[test]
    fn tokens_are_long_and_different() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
    }

    #[test]
    fn cookies_are_host_prefixed_over_https_only() {
        let https = AuthSettings::new(
            Url::parse("https://portal.example").unwrap(),
            "Portal".into(),
        );
        assert_eq!(https.cookie_name(), "__Host-portal-session");
        let http = AuthSettings::new(
            Url::parse("http://localhost:3000").unwrap(),
            "Portal".into(),
        );
        assert!(!http.secure_cookies());
    }
}
