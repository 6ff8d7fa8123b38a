//! Messages between visits, decided here and sent by the server's sender from the outbox.
//!
//! A message is put in the outbox in the same audited transaction as what caused it, so
//! a crash never loses one and never sends one for something that did not happen.
//!
//! Family members choose whether they are sent anything at all, and what it says. What can
//! cause a message to a member is about them alone (a response to what they shared, their
//! weekly reminder, a new code for them), so a risk flag changes nothing a member is
//! sent: nothing another member does reaches them as a message.
//!
//! "I don't feel safe right now" goes at once to every allocated practitioner with contact
//! details; if nobody opens the alert in time it goes to the family's team manager, then
//! to the council's out-of-hours duty contact. A step that reaches nobody is followed by
//! the next at once. Each step and each opening is audited and shown on the alert.

use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor};
use crate::backend::store::notices::{self as store, ChoiceReason, Contact, MessageKind, Queued};
use crate::backend::store::{AuditRecord, Audited, Conn, Outcome, Store, StoreError, Who, people};
use crate::domain::ids::{CouncilId, EntryId, FamilyId, MemberId, StaffId};
use crate::domain::notices::{
    AlertStep, Channel, Choices, REMINDER_HOUR, Trigger, alert_message, family_message,
};
use crate::domain::time::TimeZone;
use crate::dto::AppError;
use crate::dto::notices::{AlertPage, AlertStepView, ChoicesView, ContactsView, StaffContactView};

/// What the backend needs to word and time messages.
#[derive(Debug, Clone)]
pub struct Messaging {
    /// The service's name, said only to members who chose it.
    pub service_name: String,
    /// The portal's address, for links in messages to staff.
    pub origin: String,
    pub zone: TimeZone,
    /// How long an alert may go unopened before its next step, in milliseconds.
    pub escalate_after_ms: i64,
}

impl Messaging {
    pub fn from_services(services: &crate::backend::Services) -> Messaging {
        Messaging {
            service_name: services.brand.service_name.clone(),
            origin: services
                .auth
                .settings
                .origin
                .as_str()
                .trim_end_matches('/')
                .to_owned(),
            zone: services.zone.clone(),
            escalate_after_ms: services.escalate_after_ms,
        }
    }
}

fn member_recipient(member: MemberId) -> String {
    format!("member:{member}")
}

/// The family member's own message choices, for their page. Audited.
pub async fn my_choices(store: &Store, session: &CurrentSession) -> Result<ChoicesView, AppError> {
    let (family, member) = own_member(store, session, "read_message_choices").await?;
    let mut audited = store.begin_read().await?;
    let row = store::choices_of(&mut audited.tx, member).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_message_choices",
            Some(family),
            Some(member.to_string()),
            Outcome::Allowed,
            "",
        ))
        .await?;
    Ok(match row {
        Some(row) => ChoicesView {
            // As the form shows them: a mobile number as people write it.
            unproved: {
                let form = row.choices.form();
                row.choices
                    .unproved()
                    .into_iter()
                    .map(|(channel, _)| match channel {
                        Channel::Email => (channel.code().to_owned(), form.email.clone()),
                        Channel::Sms => (channel.code().to_owned(), form.mobile.clone()),
                    })
                    .collect()
            },
            on: row.choices.any(),
            form: row.choices.form(),
            // The same plain words whatever turned them off: a page someone else may
            // read never says that a worker was told a phone was taken.
            note: match row.why {
                ChoiceReason::PhoneTaken | ChoiceReason::NotifyOptOut => Some(
                    "Some of your messages are off. Choose how we should tell you to turn them on again."
                        .to_owned(),
                ),
                ChoiceReason::Chosen | ChoiceReason::Confirmed | ChoiceReason::Stopped => None,
            },
        },
        None => ChoicesView::default(),
    })
}

/// A family member, signed in on their own: child mode's handed-over tablet is the
/// practitioner's device, so nobody chooses messages from it. Anyone else is refused,
/// audited, as "not found".
async fn own_member(
    store: &Store,
    session: &CurrentSession,
    action: &'static str,
) -> Result<(FamilyId, MemberId), AppError> {
    match (&session.actor, &session.supported) {
        (Actor::Member { family, member, .. }, None) => Ok((*family, *member)),
        _ => {
            let audited = store.begin_audited().await?;
            Err(policy::refuse(
                audited,
                &session.actor,
                action,
                None,
                "not a family member on their own device",
            )
            .await)
        }
    }
}

/// Saves the member's choices, as a new row: the old ones stay on the record. What was
/// waiting to go to an address no longer chosen is cancelled in the same transaction. An
/// address not proved before is sent a code, and nothing else, until the member enters
/// it. Answers whether a code was sent.
pub async fn save_choices(
    store: &Store,
    session: &CurrentSession,
    choices: &Choices,
    why: ChoiceReason,
) -> Result<bool, AppError> {
    let (family, member) = own_member(store, session, "choose_messages").await?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let mut choices = choices.clone();
    if let Some(before) = store::choices_of(&mut audited.tx, member).await? {
        choices.keep_proved(&before.choices);
    }
    store::add_choices(&mut audited.tx, member, &choices, why, at).await?;
    let cancelled = store::cancel_waiting(
        &mut audited.tx,
        &member_recipient(member),
        &choices.chosen(),
        at,
    )
    .await?;
    let unproved = choices.unproved();
    if !unproved.is_empty() {
        too_many_codes(&mut audited.tx, member, at).await?;
    }
    let mut records = Vec::new();
    for (channel, address) in &unproved {
        records.push(send_code(&mut audited.tx, family, member, *channel, address, at).await?);
    }
    audited
        .finish_with(
            AuditRecord::new(
                &Who::actor(&session.actor),
                "choose_messages",
                Some(family),
                Some(member.to_string()),
                Outcome::Allowed,
                format!("{}; {cancelled} waiting cancelled", describe(&choices)),
            ),
            records,
        )
        .await?;
    Ok(!unproved.is_empty())
}

/// At most this many codes an hour go to prove one member's addresses, so nobody can use
/// the form to send a stream of texts to someone else's phone.
const CODES_AN_HOUR: i64 = 5;

async fn too_many_codes(conn: &mut Conn, member: MemberId, at: i64) -> Result<(), AppError> {
    if store::address_codes_since(conn, member, at - 60 * 60_000).await? >= CODES_AN_HOUR {
        return Err(AppError::Invalid(crate::domain::FieldErrors::single(
            crate::domain::errors::FORM,
            "We have sent you too many codes in the last hour. Try again later.",
        )));
    }
    Ok(())
}

/// Makes a code for one address, keeps its hash, and queues the message that carries it.
async fn send_code(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
    channel: Channel,
    address: &str,
    at: i64,
) -> Result<AuditRecord, StoreError> {
    use rand::Rng;
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
    let expires = at + crate::domain::notices::ADDRESS_CODE_MINUTES * 60_000;
    let hash = crate::backend::auth::hash_secret(&code);
    let id = store::add_address_code(conn, member, channel, address, &hash, at, expires).await?;
    let words = crate::domain::notices::code_message(&code);
    store::queue(
        conn,
        &Queued {
            cause: format!("confirm:{id}"),
            kind: MessageKind::Confirm,
            family: Some(family),
            alert: None,
            recipient: member_recipient(member),
            channel,
            address: address.to_owned(),
            subject: words.subject,
            body: words.body,
            quiet: None,
        },
        at,
    )
    .await?;
    Ok(AuditRecord::new(
        &Who::operator(),
        "queue_message",
        Some(family),
        Some(member.to_string()),
        Outcome::Allowed,
        format!("a code to prove the {} address", channel.code()),
    ))
}

/// Wrong codes a member may enter in an hour.
const WRONG_CODES_AN_HOUR: i64 = 10;

/// The member enters the codes sent to their unproved addresses (either or both). Each
/// right one proves its address from now on; a wrong, old or used one is refused in plain
/// words, and counted.
pub async fn prove_addresses(
    store: &Store,
    session: &CurrentSession,
    typed: &[(Channel, String)],
) -> Result<(), AppError> {
    let (family, member) = own_member(store, session, "prove_address").await?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let Some(row) = store::choices_of(&mut audited.tx, member).await? else {
        // Nothing chosen, so nothing to prove.
        audited.commit().await?;
        return Ok(());
    };
    let key = format!("address_code:{member}");
    let wrong_so_far =
        crate::backend::store::identity::failures_since(&mut audited.tx, &key, at - 60 * 60_000)
            .await?;
    let mut choices = row.choices.clone();
    let mut errors = crate::domain::FieldErrors::new();
    for (channel, raw) in typed {
        let field = match channel {
            Channel::Email => "email_code",
            Channel::Sms => "sms_code",
        };
        let Some((_, address)) = choices.unproved().into_iter().find(|(c, _)| c == channel) else {
            continue;
        };
        let right = match crate::domain::notices::typed_code(raw) {
            None => {
                errors.push(field, "Enter the 6-digit code we sent you");
                continue;
            }
            Some(code) => store::newest_address_code(&mut audited.tx, member, *channel)
                .await?
                .is_some_and(|kept| {
                    kept.address == address
                        && kept.expires_at > at
                        && kept.code_hash == crate::backend::auth::hash_secret(&code)
                }),
        };
        if right && wrong_so_far < WRONG_CODES_AN_HOUR {
            match channel {
                Channel::Email => choices.email_confirmed = true,
                Channel::Sms => choices.mobile_confirmed = true,
            }
        } else {
            crate::backend::store::identity::record_failure(&mut audited.tx, &key, at).await?;
            errors.push(
                field,
                "That code is not right, or it is more than 30 minutes old. Check it, or send a new code",
            );
        }
    }
    if choices != row.choices {
        store::add_choices(
            &mut audited.tx,
            member,
            &choices,
            ChoiceReason::Confirmed,
            at,
        )
        .await?;
    }
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "prove_address",
            Some(family),
            Some(member.to_string()),
            if errors.is_empty() {
                Outcome::Allowed
            } else {
                Outcome::Denied
            },
            if errors.is_empty() {
                "proved"
            } else {
                "a code was not right"
            },
        ))
        .await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// Sends new codes to every address the member has not proved yet.
pub async fn resend_codes(store: &Store, session: &CurrentSession) -> Result<(), AppError> {
    let (family, member) = own_member(store, session, "prove_address").await?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let unproved = store::choices_of(&mut audited.tx, member)
        .await?
        .map(|row| row.choices.unproved())
        .unwrap_or_default();
    if unproved.is_empty() {
        audited.commit().await?;
        return Ok(());
    }
    too_many_codes(&mut audited.tx, member, at).await?;
    let mut records = Vec::new();
    for (channel, address) in &unproved {
        records.push(send_code(&mut audited.tx, family, member, *channel, address, at).await?);
    }
    audited.keep(Audited { value: (), records }).await?;
    Ok(())
}

/// What the audit row says of a choice: which channels and triggers, never the addresses.
fn describe(choices: &Choices) -> String {
    if !choices.any() {
        return "no messages".to_owned();
    }
    let mut said: Vec<&str> = choices.chosen().iter().map(|(c, _)| c.code()).collect();
    for trigger in Trigger::ALL {
        if choices.wants(trigger) {
            said.push(trigger.code());
        }
    }
    said.join(",")
}

/// Queues a message to `member` about something of their own, if they chose messages for
/// `trigger`, inside the caller's audited transaction. `service_name` is said only if the
/// member chose it. Answers the audit rows to keep.
pub async fn tell_member(
    conn: &mut Conn,
    service_name: &str,
    member: MemberId,
    trigger: Trigger,
    cause: &str,
    at: i64,
) -> Result<Vec<AuditRecord>, StoreError> {
    let Some(row) = store::choices_of(conn, member).await? else {
        return Ok(Vec::new());
    };
    if !row.choices.wants(trigger) {
        return Ok(Vec::new());
    }
    let kind = match trigger {
        Trigger::Response => MessageKind::Response,
        Trigger::Reminder => MessageKind::Reminder,
        Trigger::Code => MessageKind::Code,
    };
    let words = family_message(
        row.choices.wording,
        row.choices.say_service.then_some(service_name),
    );
    let mut records = Vec::new();
    for (channel, address) in row.choices.addresses() {
        let queued = store::queue(
            conn,
            &Queued {
                cause: format!("{}:{cause}:{member}:{}", trigger.code(), channel.code()),
                kind,
                family: Some(row.family),
                alert: None,
                recipient: member_recipient(member),
                channel,
                address,
                subject: words.subject.clone(),
                body: words.body.clone(),
                quiet: row.choices.quiet,
            },
            at,
        )
        .await?;
        if queued {
            records.push(AuditRecord::new(
                &Who::operator(),
                "queue_message",
                Some(row.family),
                Some(member.to_string()),
                Outcome::Allowed,
                format!("{} {}", trigger.code(), channel.code()),
            ));
        }
    }
    Ok(records)
}

/// Puts this week's reminders in the outbox: every member whose day it is, once the
/// reminder hour has come (local time). Each member's reminder for a day is queued once,
/// however often this runs.
pub async fn queue_reminders(store: &Store, messaging: &Messaging) -> Result<usize, StoreError> {
    let now = store.now();
    let Some(local) = messaging.zone.local(now) else {
        return Ok(0);
    };
    use chrono::{Datelike, Timelike};
    if local.hour() < REMINDER_HOUR {
        return Ok(0);
    }
    let day = u8::try_from(local.weekday().num_days_from_monday()).unwrap_or(0);
    let cause = local.date().to_string();
    let due = store::reminders_due(&mut *store.pool_connection().await?, day, &cause).await?;
    let mut queued = 0;
    for row in due {
        let mut audited = store.begin_audited().await?;
        let at = audited.now();
        let records = tell_member(
            &mut audited.tx,
            &messaging.service_name,
            row.member,
            Trigger::Reminder,
            &cause,
            at,
        )
        .await?;
        queued += records.len();
        audited.keep(Audited { value: (), records }).await?;
    }
    Ok(queued)
}

/// Messages to a phone that was taken stop, by text and by email (its email app may be
/// open), and so does anything waiting to go: whoever holds it must not be told anything.
/// The member chooses again once they have a phone back.
pub async fn phone_taken(
    conn: &mut Conn,
    member: MemberId,
    at: i64,
) -> Result<Vec<AuditRecord>, StoreError> {
    let Some(row) = store::choices_of(conn, member).await? else {
        return Ok(Vec::new());
    };
    if row.choices.chosen().is_empty() {
        return Ok(Vec::new());
    }
    let choices = Choices {
        mobile: None,
        email: None,
        ..row.choices
    };
    store::add_choices(conn, member, &choices, ChoiceReason::PhoneTaken, at).await?;
    let cancelled = store::cancel_waiting(conn, &member_recipient(member), &[], at).await?;
    Ok(vec![AuditRecord::new(
        &Who::operator(),
        "choose_messages",
        Some(row.family),
        Some(member.to_string()),
        Outcome::Allowed,
        format!("messages stopped: the phone was taken; {cancelled} waiting cancelled"),
    )])
}

/// GOV.UK Notify said a message could never be delivered, or the person replied STOP:
/// that channel stops for the member it was sent to. Anything else is ignored.
pub async fn opted_out(
    store: &Store,
    reference: Option<&str>,
    mobile: Option<&str>,
) -> Result<usize, StoreError> {
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let mut targets: Vec<(MemberId, Channel)> = Vec::new();
    if let Some(reference) = reference
        && let Some((recipient, channel)) =
            store::message_by_reference(&mut audited.tx, reference).await?
        && let Some(member) = recipient
            .strip_prefix("member:")
            .and_then(|m| MemberId::parse(m).ok())
    {
        targets.push((member, channel));
    }
    if let Some(mobile) = mobile.and_then(|m| crate::domain::notices::Mobile::parse(m).ok()) {
        for row in store::choices_by_mobile(&mut audited.tx, mobile.as_str()).await? {
            targets.push((row.member, Channel::Sms));
        }
    }
    let mut records = Vec::new();
    for (member, channel) in targets {
        let Some(row) = store::choices_of(&mut audited.tx, member).await? else {
            continue;
        };
        let mut choices = row.choices.clone();
        match channel {
            Channel::Email => choices.email = None,
            Channel::Sms => choices.mobile = None,
        }
        if choices == row.choices {
            continue;
        }
        store::add_choices(
            &mut audited.tx,
            member,
            &choices,
            ChoiceReason::NotifyOptOut,
            at,
        )
        .await?;
        store::cancel_waiting(
            &mut audited.tx,
            &member_recipient(member),
            &choices.chosen(),
            at,
        )
        .await?;
        records.push(AuditRecord::new(
            &Who::operator(),
            "choose_messages",
            Some(row.family),
            Some(member.to_string()),
            Outcome::Allowed,
            format!("{} stopped by GOV.UK Notify", channel.code()),
        ));
    }
    let stopped = records.len();
    audited.keep(Audited { value: (), records }).await?;
    Ok(stopped)
}

/// Starts an urgent alert, inside the audited transaction that recorded it: tells every
/// allocated practitioner at once, and sets when it escalates. A repeat of the same alert
/// does nothing more.
pub async fn alert_raised(
    conn: &mut Conn,
    messaging: &Messaging,
    entry: EntryId,
    family: FamilyId,
    at: i64,
) -> Result<Vec<AuditRecord>, StoreError> {
    let new = store::add_alert(
        conn,
        entry,
        family,
        at,
        AlertStep::TeamManager,
        at + messaging.escalate_after_ms,
    )
    .await?;
    if !new {
        return Ok(Vec::new());
    }
    take_steps(conn, messaging, entry, family, at, AlertStep::Workers, at).await
}

/// Takes `step` and, while a step reaches nobody, the ones after it; then sets when the
/// next is due.
async fn take_steps(
    conn: &mut Conn,
    messaging: &Messaging,
    entry: EntryId,
    family: FamilyId,
    raised_at: i64,
    mut step: AlertStep,
    at: i64,
) -> Result<Vec<AuditRecord>, StoreError> {
    let mut records = Vec::new();
    loop {
        let (reached, told) =
            tell_step(conn, messaging, entry, family, raised_at, step, at).await?;
        let next = step.next();
        let due = next.map(|next| {
            (
                next,
                if reached == 0 {
                    at
                } else {
                    at + messaging.escalate_after_ms
                },
            )
        });
        store::add_step(conn, entry, step, &told, at, due).await?;
        records.push(AuditRecord::new(
            &Who::operator(),
            "alert_step",
            Some(family),
            Some(entry.to_string()),
            Outcome::Allowed,
            format!("{}: {told}", step.code()),
        ));
        match next {
            Some(next) if reached == 0 => step = next,
            _ => return Ok(records),
        }
    }
}

/// Queues the messages of one step. Answers how many people or contacts it reached, and
/// the words the alert's page shows for it.
async fn tell_step(
    conn: &mut Conn,
    messaging: &Messaging,
    entry: EntryId,
    family: FamilyId,
    raised_at: i64,
    step: AlertStep,
    at: i64,
) -> Result<(usize, String), StoreError> {
    let Some((council, reference)) = store::family_council(conn, family).await? else {
        return Ok((0, "the family was not found".to_owned()));
    };
    let raised = messaging.zone.time(raised_at);
    let link = format!("{}/alerts/{entry}", messaging.origin);
    let (recipients, with_link): (Vec<(String, String, Contact)>, bool) = match step {
        AlertStep::Workers | AlertStep::TeamManager => {
            let facts = crate::backend::store::identity::family_facts(conn, family).await?;
            let staff = match (step, facts) {
                (_, None) => Vec::new(),
                (AlertStep::Workers, Some(facts)) => facts.allocated,
                (_, Some(facts)) => store::team_managers(conn, facts.team).await?,
            };
            (staff_recipients(conn, &staff).await?, true)
        }
        AlertStep::OutOfHours => (duty_recipient(conn, council).await?, false),
    };
    let words = alert_message(
        step,
        &reference,
        &raised,
        with_link.then_some(link.as_str()),
    );
    let kind = match step {
        AlertStep::Workers => MessageKind::Alert,
        _ => MessageKind::AlertEscalated,
    };
    let mut reached = 0;
    let mut told = Vec::new();
    for (recipient, label, contact) in recipients {
        let addresses = contact.addresses();
        if addresses.is_empty() {
            told.push(format!("{label}: no contact details set"));
            continue;
        }
        reached += 1;
        let ways: Vec<&str> = addresses.iter().map(|(c, _)| c.by()).collect();
        told.push(format!("{label} {}", ways.join(" and ")));
        for (channel, address) in addresses {
            store::queue(
                conn,
                &Queued {
                    cause: format!(
                        "alert:{entry}:{}:{recipient}:{}",
                        step.code(),
                        channel.code()
                    ),
                    kind,
                    family: Some(family),
                    alert: Some(entry),
                    recipient: recipient.clone(),
                    channel,
                    address,
                    subject: words.subject.clone(),
                    body: words.body.clone(),
                    quiet: None,
                },
                at,
            )
            .await?;
        }
    }
    if told.is_empty() {
        told.push(match step {
            AlertStep::Workers => "nobody is allocated".to_owned(),
            AlertStep::TeamManager => "the team has no team manager".to_owned(),
            AlertStep::OutOfHours => "the council has no out-of-hours contact set".to_owned(),
        });
    }
    Ok((reached, told.join("; ")))
}

/// Those of `staff` still working, each with how they are reached: a leaver is never sent
/// an alert, nor counted as reached.
async fn staff_recipients(
    conn: &mut Conn,
    staff: &[StaffId],
) -> Result<Vec<(String, String, Contact)>, StoreError> {
    let working = people::staff_names(conn, staff).await?;
    let ids: Vec<StaffId> = working.iter().map(|(id, _, _)| *id).collect();
    let contacts = store::staff_contacts(conn, &ids).await?;
    Ok(working
        .into_iter()
        .map(|(id, name, role)| {
            let contact = contact_of(&contacts, id);
            let label = staff_label(&name, role);
            (format!("staff:{id}"), label, contact)
        })
        .collect())
}

async fn duty_recipient(
    conn: &mut Conn,
    council: CouncilId,
) -> Result<Vec<(String, String, Contact)>, StoreError> {
    Ok(store::duty_contact(conn, council)
        .await?
        .map(|contact| {
            vec![(
                format!("duty:{council}"),
                "the out-of-hours duty contact".to_owned(),
                contact,
            )]
        })
        .unwrap_or_default())
}

/// Takes every alert step that is due by the store's clock. Each alert's step is one
/// audited transaction. Answers how many steps were taken.
pub async fn escalate_due(store: &Store, messaging: &Messaging) -> Result<usize, StoreError> {
    let due = store::due_alerts(&mut *store.pool_connection().await?, store.now()).await?;
    let mut taken = 0;
    for alert in due {
        let mut audited = store.begin_audited().await?;
        let at = audited.now();
        // Read again inside the transaction: it may have been opened meanwhile.
        let still = store::alert_history(&mut audited.tx, alert.entry)
            .await?
            .and_then(|h| h.next)
            .is_some_and(|(step, when)| step == alert.step && when <= at);
        if !still {
            audited.commit().await?;
            continue;
        }
        let records = take_steps(
            &mut audited.tx,
            messaging,
            alert.entry,
            alert.family,
            alert.raised_at,
            alert.step,
            at,
        )
        .await?;
        taken += records.len();
        audited.keep(Audited { value: (), records }).await?;
    }
    Ok(taken)
}

/// Opens an alert for a member of staff who may read it: records their opening (which
/// stops its escalation) and answers its page, every step and opening with it. Anyone
/// else gets "not found", audited.
pub async fn open_alert(
    store: &Store,
    session: &CurrentSession,
    entry: EntryId,
) -> Result<AlertPage, AppError> {
    let Actor::Staff { staff, .. } = &session.actor else {
        return Err(AppError::NotFound);
    };
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let found = crate::backend::store::identity::entry_family(&mut audited.tx, entry).await?;
    let facts = match found {
        Some(family) => {
            crate::backend::store::identity::family_facts(&mut audited.tx, family).await?
        }
        None => None,
    };
    let entries = match &facts {
        Some(facts) => {
            crate::backend::store::identity::family_entries(&mut audited.tx, facts.id).await?
        }
        None => Vec::new(),
    };
    let alert = entries.iter().find(|e| e.id == entry);
    let allowed = match (&facts, alert) {
        (Some(facts), Some(alert)) => {
            alert.kind() == crate::domain::entries::EntryKind::SafetyAlert
                && policy::may_read_entry(&session.actor, facts, &alert.facts)
        }
        _ => false,
    };
    let (Some(facts), Some(alert), true) = (facts.as_ref(), alert, allowed) else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "open_alert",
            Some(entry.to_string()),
            "not an alert they may open",
        )
        .await);
    };
    let first = store::open_alert(&mut audited.tx, entry, *staff, at).await?;
    let history = store::alert_history(&mut audited.tx, entry)
        .await?
        .unwrap_or_default();
    let messages = message_views(&mut audited.tx, entry).await?;
    let header = people::family_header(&mut audited.tx, facts.id).await?;
    let author = people::member_name(&mut audited.tx, alert.facts.author)
        .await?
        .unwrap_or_default();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "open_alert",
            Some(facts.id),
            Some(entry.to_string()),
            Outcome::Allowed,
            if first {
                "first opening"
            } else {
                "opened again"
            },
        ))
        .await?;
    let mut steps: Vec<AlertStepView> = history
        .steps
        .iter()
        .map(|(step, told, at)| AlertStepView {
            at: *at,
            what: step.title().to_owned(),
            detail: told.clone(),
        })
        .collect();
    steps.extend(history.openings.iter().map(|(name, role, at)| {
        AlertStepView {
            at: *at,
            what: "Opened".to_owned(),
            detail: crate::domain::people::StaffRole::from_code(role)
                .map(|role| staff_label(name, role))
                .unwrap_or_else(|| name.clone()),
        }
    }));
    steps.sort_by_key(|s| s.at);
    Ok(AlertPage {
        family: facts.id,
        family_name: format!("{} ({})", header.display_name, header.reference),
        member_name: author,
        raised_at: history.raised_at.max(alert.created_at),
        steps,
        messages,
    })
}

/// Each message about an alert: to whom, how, and whether it went.
async fn message_views(
    conn: &mut Conn,
    entry: EntryId,
) -> Result<Vec<crate::dto::notices::AlertMessageView>, StoreError> {
    let messages = store::alert_messages(conn, entry).await?;
    let staff: Vec<StaffId> = messages
        .iter()
        .filter_map(|(to, _, _)| StaffId::parse(to.strip_prefix("staff:")?).ok())
        .collect();
    let names = people::staff_names(conn, &staff).await?;
    Ok(messages
        .into_iter()
        .map(
            |(to, channel, state)| crate::dto::notices::AlertMessageView {
                to: names
                    .iter()
                    .find(|(id, _, _)| to == format!("staff:{id}"))
                    .map(|(_, name, role)| staff_label(name, *role))
                    .unwrap_or_else(|| {
                        // Someone sent a message who has left since is not named among
                        // those still working; never mistaken for the duty contact.
                        if to.starts_with("duty:") {
                            "The out-of-hours duty contact".to_owned()
                        } else {
                            "A member of staff who has since left".to_owned()
                        }
                    }),
                how: match channel {
                    Channel::Email => "Email".to_owned(),
                    Channel::Sms => "Text message".to_owned(),
                },
                state,
            },
        )
        .collect())
}

/// The contact details of the admin's council's staff and its duty contact, for the
/// admin alone.
pub async fn contacts(store: &Store, session: &CurrentSession) -> Result<ContactsView, AppError> {
    let (council, _) = admin_council(store, session, "alert_contacts").await?;
    let conn = &mut *store.pool_connection().await?;
    let staff = people::staff_of_council(conn, council).await?;
    let ids: Vec<StaffId> = staff.iter().map(|(id, _, _)| *id).collect();
    let contacts = store::staff_contacts(conn, &ids).await?;
    let duty = store::duty_contact(conn, council)
        .await?
        .unwrap_or_default();
    Ok(ContactsView {
        staff: staff
            .into_iter()
            .filter(|(_, _, role)| {
                !matches!(
                    role,
                    crate::domain::people::StaffRole::Admin
                        | crate::domain::people::StaffRole::HeadOfService
                )
            })
            .map(|(id, name, role)| {
                let contact = contact_of(&contacts, id);
                StaffContactView {
                    id,
                    name,
                    role: role.title().to_owned(),
                    email: contact.email.unwrap_or_default(),
                    mobile: as_written(contact.mobile),
                }
            })
            .collect(),
        duty_email: duty.email.unwrap_or_default(),
        duty_mobile: as_written(duty.mobile),
    })
}

/// A stored mobile number as people write it ("07700 900982"), or nothing.
fn as_written(mobile: Option<String>) -> String {
    mobile
        .and_then(|m| crate::domain::notices::Mobile::parse(&m).ok())
        .map(|m| m.national())
        .unwrap_or_default()
}

/// How a member of staff is named where an alert says whom it reached:
/// "Sam Sample (social worker)".
fn staff_label(name: &str, role: crate::domain::people::StaffRole) -> String {
    format!("{name} ({})", role.title().to_lowercase())
}

/// The contact details in force for `staff`, or none.
fn contact_of(contacts: &[(StaffId, Contact)], staff: StaffId) -> Contact {
    contacts
        .iter()
        .find(|(who, _)| *who == staff)
        .map(|(_, c)| c.clone())
        .unwrap_or_default()
}

/// The admin's council, or "not found", audited as a refusal of `action`, for anyone who
/// is not an admin.
pub(crate) async fn admin_council(
    store: &Store,
    session: &CurrentSession,
    action: &'static str,
) -> Result<(CouncilId, StaffId), AppError> {
    staff_council_where(
        store,
        session,
        action,
        policy::may_manage_staff,
        "not an admin",
    )
    .await
}

/// The council of a member of staff whom `may` (a policy rule over the actor, their own
/// council and a target council, given theirs for both) lets act for it; anyone else is
/// "not found", audited as a refusal of `action` with `rule`.
pub(crate) async fn staff_council_where(
    store: &Store,
    session: &CurrentSession,
    action: &'static str,
    may: fn(&policy::Actor, Option<CouncilId>, Option<CouncilId>) -> bool,
    rule: &'static str,
) -> Result<(CouncilId, StaffId), AppError> {
    if let Actor::Staff { staff, .. } = &session.actor {
        let council = people::staff_council(&mut *store.pool_connection().await?, *staff).await?;
        if let Some(council) = council
            && may(&session.actor, Some(council), Some(council))
        {
            return Ok((council, *staff));
        }
    }
    let audited = store.begin_audited().await?;
    Err(policy::refuse(audited, &session.actor, action, None, rule).await)
}

/// Which contact an admin sets.
#[derive(Debug, Clone, Copy)]
pub enum ContactFor {
    Staff(StaffId),
    Duty,
}

/// Sets a contact: a member of staff of the admin's own council, or the council's duty
/// contact. Anyone else, or staff of another council, is not found.
pub async fn set_contact(
    store: &Store,
    session: &CurrentSession,
    target: ContactFor,
    contact: &Contact,
) -> Result<(), AppError> {
    let (council, admin) = admin_council(store, session, "set_contact").await?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let subject = match target {
        ContactFor::Staff(staff) => {
            let theirs = people::staff_council(&mut audited.tx, staff).await?;
            if !policy::may_manage_staff(&session.actor, Some(council), theirs) {
                return Err(policy::refuse(
                    audited,
                    &session.actor,
                    "set_contact",
                    Some(staff.to_string()),
                    "not of the admin's council",
                )
                .await);
            }
            store::set_contact(
                &mut audited.tx,
                store::ContactOf::Staff(staff),
                contact,
                admin,
                at,
            )
            .await?;
            format!("staff {staff}")
        }
        ContactFor::Duty => {
            store::set_contact(
                &mut audited.tx,
                store::ContactOf::Duty(council),
                contact,
                admin,
                at,
            )
            .await?;
            format!("duty {council}")
        }
    };
    let ways: Vec<&str> = contact.addresses().iter().map(|(c, _)| c.code()).collect();
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "set_contact",
            None,
            Some(subject),
            Outcome::Allowed,
            ways.join(","),
        ))
        .await?;
    Ok(())
}
