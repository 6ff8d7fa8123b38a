//! Messages between visits: members' choices, staff and duty contacts, the outbox and its
//! attempts, and urgent alerts with their steps and openings.
//!
//! Choices, contacts, attempts, steps and openings are only ever added (the database
//! refuses changes); the newest choice or contact is the one in force. The outbox and
//! the alerts each have one column that moves, when next to act, and every move is
//! explained by a row beside it. Whoever calls these has already asked the policy, and
//! writes its own audit rows in the same transaction.

use super::{Conn, StoreError, parse_id};
use crate::domain::ids::{CouncilId, EntryId, FamilyId, MemberId, StaffId, TeamId};
use crate::domain::notices::{AlertStep, Channel, Choices, Email, Mobile, QuietHours, Wording};

/// Where a member of staff, or a council's duty contact, is reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub email: Option<String>,
    pub mobile: Option<String>,
}

impl Contact {
    /// Each channel there is an address for.
    pub fn addresses(&self) -> Vec<(Channel, String)> {
        let mut to = Vec::new();
        if let Some(email) = &self.email {
            to.push((Channel::Email, email.clone()));
        }
        if let Some(mobile) = &self.mobile {
            to.push((Channel::Sms, mobile.clone()));
        }
        to
    }
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    owner: String,
    email: Option<String>,
    mobile: Option<String>,
}

/// The contact details in force for each of `staff` that has any.
pub async fn staff_contacts(
    conn: &mut Conn,
    staff: &[StaffId],
) -> Result<Vec<(StaffId, Contact)>, StoreError> {
    if staff.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = super::placeholders(1, staff.len());
    // Only numbered placeholders are added to the text; every value is bound.
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT c.staff_id AS owner, c.email, c.mobile FROM staff_contacts c \
         WHERE c.staff_id IN ({placeholders}) AND c.set_at = \
         (SELECT MAX(d.set_at) FROM staff_contacts d WHERE d.staff_id = c.staff_id)"
    ));
    let mut query = sqlx::query_as::<_, ContactRow>(sql);
    for id in staff {
        query = query.bind(id.to_string());
    }
    query
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| {
            Ok((
                parse_id(&row.owner, StaffId::parse)?,
                Contact {
                    email: row.email,
                    mobile: row.mobile,
                },
            ))
        })
        .collect()
}

/// Whose contact details: a member of staff, or a council's out-of-hours duty contact.
#[derive(Debug, Clone, Copy)]
pub enum ContactOf {
    Staff(StaffId),
    Duty(CouncilId),
}

/// Sets contact details, as a new row: the ones before stay on the record.
pub async fn set_contact(
    conn: &mut Conn,
    of: ContactOf,
    contact: &Contact,
    by: StaffId,
    at: i64,
) -> Result<(), StoreError> {
    let (sql, owner) = match of {
        ContactOf::Staff(staff) => (
            "INSERT INTO staff_contacts (id, staff_id, email, mobile, set_by_staff_id, set_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            staff.to_string(),
        ),
        ContactOf::Duty(council) => (
            "INSERT INTO duty_contacts (id, council_id, email, mobile, set_by_staff_id, set_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            council.to_string(),
        ),
    };
    sqlx::query(sql)
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(owner)
        .bind(contact.email.clone())
        .bind(contact.mobile.clone())
        .bind(by.to_string())
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The council's out-of-hours duty contact, if one was set.
pub async fn duty_contact(
    conn: &mut Conn,
    council: CouncilId,
) -> Result<Option<Contact>, StoreError> {
    let row: Option<ContactRow> = sqlx::query_as(
        "SELECT council_id AS owner, email, mobile FROM duty_contacts WHERE council_id = $1 \
         ORDER BY set_at DESC LIMIT 1",
    )
    .bind(council.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| Contact {
        email: row.email,
        mobile: row.mobile,
    }))
}

/// Why a member's choices changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceReason {
    /// The member chose.
    Chosen,
    /// The member proved an address with the code sent to it.
    Confirmed,
    /// The member pressed "Stop all messages".
    Stopped,
    /// Their worker was told their phone was taken: no more texts to it.
    PhoneTaken,
    /// GOV.UK Notify said the address refuses messages, or the member replied STOP.
    NotifyOptOut,
}

impl ChoiceReason {
    pub fn code(self) -> &'static str {
        match self {
            ChoiceReason::Chosen => "chosen",
            ChoiceReason::Confirmed => "confirmed",
            ChoiceReason::Stopped => "stopped",
            ChoiceReason::PhoneTaken => "phone_taken",
            ChoiceReason::NotifyOptOut => "notify_opt_out",
        }
    }

    fn parse(code: &str) -> Option<ChoiceReason> {
        [
            ChoiceReason::Chosen,
            ChoiceReason::Confirmed,
            ChoiceReason::Stopped,
            ChoiceReason::PhoneTaken,
            ChoiceReason::NotifyOptOut,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

/// A member's choices in force, why they last changed, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoicesRow {
    pub member: MemberId,
    pub family: FamilyId,
    pub choices: Choices,
    pub why: ChoiceReason,
}

#[derive(sqlx::FromRow)]
struct RawChoices {
    member_id: String,
    family_id: String,
    email: Option<String>,
    mobile: Option<String>,
    email_confirmed: i64,
    mobile_confirmed: i64,
    wording: String,
    say_service: i64,
    on_response: i64,
    on_code: i64,
    reminder_day: Option<i64>,
    quiet_from: Option<i64>,
    quiet_to: Option<i64>,
    why: String,
}

impl RawChoices {
    fn decode(self) -> Result<ChoicesRow, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("message choices: {what}"));
        let hour = |h: Option<i64>| h.and_then(|h| u8::try_from(h).ok());
        Ok(ChoicesRow {
            member: parse_id(&self.member_id, MemberId::parse)?,
            family: parse_id(&self.family_id, FamilyId::parse)?,
            choices: Choices {
                email: self
                    .email
                    .map(|e| Email::parse(&e).map_err(|_| corrupt("email")))
                    .transpose()?,
                mobile: self
                    .mobile
                    .map(|m| Mobile::parse(&m).map_err(|_| corrupt("mobile")))
                    .transpose()?,
                email_confirmed: self.email_confirmed == 1,
                mobile_confirmed: self.mobile_confirmed == 1,
                wording: Wording::parse(&self.wording).ok_or_else(|| corrupt("wording"))?,
                say_service: self.say_service == 1,
                on_response: self.on_response == 1,
                on_code: self.on_code == 1,
                reminder_day: hour(self.reminder_day),
                quiet: match (hour(self.quiet_from), hour(self.quiet_to)) {
                    (Some(from), Some(to)) => Some(QuietHours { from, to }),
                    _ => None,
                },
            },
            why: ChoiceReason::parse(&self.why).ok_or_else(|| corrupt("why"))?,
        })
    }
}

const CHOICE_COLUMNS: &str = "c.member_id, m.family_id, c.email, c.mobile, \
     c.email_confirmed, c.mobile_confirmed, c.wording, \
     c.say_service, c.on_response, c.on_code, c.reminder_day, c.quiet_from, c.quiet_to, \
     c.why";

/// The newest of the member's choices, if they ever made any.
pub async fn choices_of(
    conn: &mut Conn,
    member: MemberId,
) -> Result<Option<ChoicesRow>, StoreError> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {CHOICE_COLUMNS} FROM message_choices c JOIN members m ON m.id = c.member_id \
         WHERE c.member_id = $1 ORDER BY c.chosen_at DESC LIMIT 1"
    ));
    let row: Option<RawChoices> = sqlx::query_as(sql)
        .bind(member.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(RawChoices::decode).transpose()
}

pub async fn add_choices(
    conn: &mut Conn,
    member: MemberId,
    choices: &Choices,
    why: ChoiceReason,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO message_choices (id, member_id, email, mobile, email_confirmed, \
         mobile_confirmed, wording, say_service, on_response, on_code, reminder_day, \
         quiet_from, quiet_to, why, chosen_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(member.to_string())
    .bind(choices.email.as_ref().map(|e| e.as_str().to_owned()))
    .bind(choices.mobile.as_ref().map(|m| m.as_str().to_owned()))
    .bind(i64::from(choices.email_confirmed))
    .bind(i64::from(choices.mobile_confirmed))
    .bind(choices.wording.code())
    .bind(i64::from(choices.say_service))
    .bind(i64::from(choices.on_response))
    .bind(i64::from(choices.on_code))
    .bind(choices.reminder_day.map(i64::from))
    .bind(choices.quiet.map(|q| i64::from(q.from)))
    .bind(choices.quiet.map(|q| i64::from(q.to)))
    .bind(why.code())
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every member whose choices in force ask for a reminder on `day` (0 is Monday), by a
/// channel they still have, in a family still open, whose reminder for `date` is not
/// queued yet. Indexed by the day, and the outbox by cause: a member whose reminder went
/// is not read again that day, however often this runs.
pub async fn reminders_due(
    conn: &mut Conn,
    day: u8,
    date: &str,
) -> Result<Vec<ChoicesRow>, StoreError> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {CHOICE_COLUMNS} FROM message_choices c JOIN members m ON m.id = c.member_id \
         JOIN families f ON f.id = m.family_id \
         WHERE c.reminder_day = $1 AND f.closed_at IS NULL \
         AND (c.email_confirmed = 1 OR c.mobile_confirmed = 1) \
         AND c.chosen_at = \
         (SELECT MAX(d.chosen_at) FROM message_choices d WHERE d.member_id = c.member_id) \
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.cause IN \
           ('reminder:' || $2 || ':' || c.member_id || ':email', \
            'reminder:' || $2 || ':' || c.member_id || ':sms'))"
    ));
    let rows: Vec<RawChoices> = sqlx::query_as(sql)
        .bind(i64::from(day))
        .bind(date)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(RawChoices::decode).collect()
}

/// Every member whose choices in force send texts to `mobile`, which they proved is theirs.
pub async fn choices_by_mobile(
    conn: &mut Conn,
    mobile: &str,
) -> Result<Vec<ChoicesRow>, StoreError> {
    let sql = sqlx::AssertSqlSafe(format!(
        "SELECT {CHOICE_COLUMNS} FROM message_choices c JOIN members m ON m.id = c.member_id \
         WHERE c.mobile = $1 AND c.mobile_confirmed = 1 AND c.chosen_at = \
         (SELECT MAX(d.chosen_at) FROM message_choices d WHERE d.member_id = c.member_id)"
    ));
    let rows: Vec<RawChoices> = sqlx::query_as(sql)
        .bind(mobile)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(RawChoices::decode).collect()
}

/// What kind of message, for the record and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Response,
    Reminder,
    Code,
    /// A code that proves an address.
    Confirm,
    Alert,
    AlertEscalated,
}

impl MessageKind {
    pub fn code(self) -> &'static str {
        match self {
            MessageKind::Response => "response",
            MessageKind::Reminder => "reminder",
            MessageKind::Code => "code",
            MessageKind::Confirm => "confirm",
            MessageKind::Alert => "alert",
            MessageKind::AlertEscalated => "alert_escalated",
        }
    }
}

/// A message to put in the outbox.
#[derive(Debug, Clone)]
pub struct Queued {
    /// What caused it: the same cause never queues twice.
    pub cause: String,
    pub kind: MessageKind,
    pub family: Option<FamilyId>,
    /// The urgent alert it is about, if any.
    pub alert: Option<EntryId>,
    /// `member:<id>`, `staff:<id>` or `duty:<council>`.
    pub recipient: String,
    pub channel: Channel,
    pub address: String,
    pub subject: String,
    pub body: String,
    pub quiet: Option<QuietHours>,
}

/// Puts a message in the outbox, to be sent from `at`. Answers whether it was new: a
/// cause already queued adds nothing.
pub async fn queue(conn: &mut Conn, message: &Queued, at: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO outbox (id, cause, kind, family_id, alert_id, recipient, channel, address, \
         subject, body, quiet_from, quiet_to, created_at, next_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) \
         ON CONFLICT (cause) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(&message.cause)
    .bind(message.kind.code())
    .bind(message.family.map(|f| f.to_string()))
    .bind(message.alert.map(|a| a.to_string()))
    .bind(&message.recipient)
    .bind(message.channel.code())
    .bind(&message.address)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(message.quiet.map(|q| i64::from(q.from)))
    .bind(message.quiet.map(|q| i64::from(q.to)))
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A message in the outbox, as the sender reads it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: String,
    pub kind: String,
    pub family_id: Option<String>,
    /// The urgent alert it is about, if any.
    pub alert_id: Option<String>,
    pub recipient: String,
    pub channel: String,
    pub address: String,
    pub subject: String,
    pub body: String,
    pub quiet_from: Option<i64>,
    pub quiet_to: Option<i64>,
    /// When it was due, as read: the sender claims it by moving this on.
    pub next_at: Option<i64>,
    /// How many tries failed before.
    pub tries: i64,
    /// How many requests were started before. Any at all, and Notify may already hold
    /// the message (a cut-short attempt, a timeout, a 5xx after taking it): it is looked
    /// up by reference before it is sent again.
    pub started: i64,
}

impl OutboxRow {
    pub fn family(&self) -> Option<FamilyId> {
        self.family_id
            .as_deref()
            .and_then(|f| FamilyId::parse(f).ok())
    }

    pub fn quiet(&self) -> Option<QuietHours> {
        match (self.quiet_from, self.quiet_to) {
            (Some(from), Some(to)) => Some(QuietHours {
                from: u8::try_from(from).ok()?,
                to: u8::try_from(to).ok()?,
            }),
            _ => None,
        }
    }
}

/// Up to `limit` messages due by `now`: urgent alerts first, then oldest due first.
/// Indexed by when each is due.
pub async fn due(conn: &mut Conn, now: i64, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT o.id, o.kind, o.family_id, o.alert_id, o.recipient, o.channel, o.address, o.subject, \
         o.body, o.quiet_from, o.quiet_to, o.next_at, \
         (SELECT COUNT(*) FROM outbox_attempts a WHERE a.outbox_id = o.id AND a.outcome = 'failed') AS tries, \
         (SELECT COUNT(*) FROM outbox_attempts a WHERE a.outbox_id = o.id AND a.outcome = 'started') AS started \
         FROM outbox o WHERE o.next_at IS NOT NULL AND o.next_at <= $1 \
         ORDER BY CASE WHEN o.kind IN ('alert', 'alert_escalated') THEN 0 ELSE 1 END, o.next_at \
         LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?)
}

/// What an attempt to send came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Started,
    Sent,
    /// Found already sent, when a cut-short attempt was looked up.
    Found,
    Failed,
    GaveUp,
    /// Put off until quiet hours end.
    Held,
    /// Not sent: the member stopped that channel, or that address, while it waited.
    Cancelled,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Started => "started",
            Outcome::Sent => "sent",
            Outcome::Found => "found",
            Outcome::Failed => "failed",
            Outcome::GaveUp => "gave_up",
            Outcome::Held => "held",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// Records an attempt and when to try next (`None`: not again).
pub async fn attempt(
    conn: &mut Conn,
    message: &str,
    outcome: Outcome,
    notify_id: Option<&str>,
    detail: &str,
    at: i64,
    next: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox_attempts (id, outbox_id, at, outcome, notify_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(message)
    .bind(at)
    .bind(outcome.code())
    .bind(notify_id)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    if outcome != Outcome::Started {
        put_off(conn, message, next).await?;
    }
    Ok(())
}

/// Moves when a message is next tried; the attempt row beside it says why.
async fn put_off(conn: &mut Conn, message: &str, next: Option<i64>) -> Result<(), StoreError> {
    sqlx::query("UPDATE outbox SET next_at = $1 WHERE id = $2")
        .bind(next)
        .bind(message)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Takes a due message for this sender alone until `until`: answers false if another
/// sender (another copy of the server on the same database) took it first. A sender
/// that stops while holding it leaves it due again at `until`.
pub async fn claim(conn: &mut Conn, message: &OutboxRow, until: i64) -> Result<bool, StoreError> {
    Ok(
        sqlx::query("UPDATE outbox SET next_at = $1 WHERE id = $2 AND next_at = $3")
            .bind(until)
            .bind(&message.id)
            .bind(message.next_at)
            .execute(&mut *conn)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Cancels every message waiting for `recipient` that would go by a channel and address
/// not in `keep`, with a row saying so. Answers how many.
pub async fn cancel_waiting(
    conn: &mut Conn,
    recipient: &str,
    keep: &[(Channel, String)],
    at: i64,
) -> Result<usize, StoreError> {
    let waiting: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, channel, address FROM outbox WHERE recipient = $1 AND next_at IS NOT NULL",
    )
    .bind(recipient)
    .fetch_all(&mut *conn)
    .await?;
    let mut cancelled = 0;
    for (id, channel, address) in waiting {
        let kept = keep
            .iter()
            .any(|(c, a)| c.code() == channel && *a == address);
        if !kept {
            attempt(
                conn,
                &id,
                Outcome::Cancelled,
                None,
                "stopped by the member",
                at,
                None,
            )
            .await?;
            cancelled += 1;
        }
    }
    Ok(cancelled)
}

/// The messages about an urgent alert: to whom (`staff:<id>` or `duty:<council>`), how,
/// and how each stands (`waiting`, or the outcome of its last attempt).
pub async fn alert_messages(
    conn: &mut Conn,
    alert: EntryId,
) -> Result<Vec<(String, Channel, String)>, StoreError> {
    let rows: Vec<(String, String, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT o.recipient, o.channel, o.next_at, \
         (SELECT a.outcome FROM outbox_attempts a WHERE a.outbox_id = o.id \
          ORDER BY a.at DESC, a.id DESC LIMIT 1) AS last \
         FROM outbox o WHERE o.alert_id = $1 ORDER BY o.created_at, o.recipient, o.channel",
    )
    .bind(alert.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(recipient, channel, next_at, last)| {
            let state = match (next_at, last.as_deref()) {
                (_, Some("sent" | "found")) => "sent",
                (None, _) => "not sent",
                (Some(_), Some("failed")) => "trying again",
                (Some(_), _) => "waiting to be sent",
            };
            Some((recipient, Channel::parse(&channel)?, state.to_owned()))
        })
        .collect())
}

/// The recipient and channel of the outbox message with this reference.
pub async fn message_by_reference(
    conn: &mut Conn,
    reference: &str,
) -> Result<Option<(String, Channel)>, StoreError> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT recipient, channel FROM outbox WHERE id = $1")
            .bind(reference)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.and_then(|(recipient, channel)| Some((recipient, Channel::parse(&channel)?))))
}

/// Every message sent or waiting for one recipient (`member:<id>`, say), oldest first, for
/// the tests.
pub async fn messages_to(conn: &mut Conn, recipient: &str) -> Result<Vec<OutboxRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT o.id, o.kind, o.family_id, o.alert_id, o.recipient, o.channel, o.address, o.subject, \
         o.body, o.quiet_from, o.quiet_to, o.next_at, 0 AS tries, 0 AS started \
         FROM outbox o WHERE o.recipient = $1 ORDER BY o.created_at, o.id",
    )
    .bind(recipient)
    .fetch_all(&mut *conn)
    .await?)
}

/// Starts an urgent alert's escalation: `next` is taken at `next_at` unless someone opens
/// it first. Answers false, and changes nothing, if the alert was started already.
pub async fn add_alert(
    conn: &mut Conn,
    entry: EntryId,
    family: FamilyId,
    at: i64,
    next: AlertStep,
    next_at: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "INSERT INTO urgent_alerts (entry_id, family_id, raised_at, next_step, next_step_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entry_id) DO NOTHING",
    )
    .bind(entry.to_string())
    .bind(family.to_string())
    .bind(at)
    .bind(next.code())
    .bind(next_at)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// Records a step taken, and what comes next (`None`: nothing).
pub async fn add_step(
    conn: &mut Conn,
    entry: EntryId,
    step: AlertStep,
    told: &str,
    at: i64,
    next: Option<(AlertStep, i64)>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO alert_steps (id, entry_id, step, told, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(entry.to_string())
    .bind(step.code())
    .bind(told)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE urgent_alerts SET next_step = $1, next_step_at = $2 WHERE entry_id = $3")
        .bind(next.map(|(step, _)| step.code()))
        .bind(next.map(|(_, at)| at))
        .bind(entry.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// An alert whose next step is due.
#[derive(Debug, Clone)]
pub struct DueAlert {
    pub entry: EntryId,
    pub family: FamilyId,
    pub raised_at: i64,
    pub step: AlertStep,
}

/// A message about an alert could not be sent: the alert's next step, if it is still to
/// come (nobody opened it), is due now rather than after the wait.
pub async fn bring_forward(conn: &mut Conn, alert: &str, at: i64) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "UPDATE urgent_alerts SET next_step_at = $1 WHERE entry_id = $2 AND next_step_at > $1",
    )
    .bind(at)
    .bind(alert)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// Alerts whose next step is due by `now`. Indexed by when.
pub async fn due_alerts(conn: &mut Conn, now: i64) -> Result<Vec<DueAlert>, StoreError> {
    let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
        "SELECT entry_id, family_id, raised_at, next_step FROM urgent_alerts \
         WHERE next_step_at IS NOT NULL AND next_step_at <= $1 ORDER BY next_step_at LIMIT 50",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(entry, family, raised_at, step)| {
            Ok(DueAlert {
                entry: parse_id(&entry, EntryId::parse)?,
                family: parse_id(&family, FamilyId::parse)?,
                raised_at,
                step: AlertStep::parse(&step)
                    .ok_or_else(|| StoreError::Corrupt(format!("alert step {step:?}")))?,
            })
        })
        .collect()
}

/// Records that a member of staff opened the alert (the first time only), and stops its
/// escalation. Answers whether this was their first opening of an escalating alert.
pub async fn open_alert(
    conn: &mut Conn,
    entry: EntryId,
    staff: StaffId,
    at: i64,
) -> Result<bool, StoreError> {
    // An alert raised before alerts escalated has no row to stop, nor openings to keep: its
    // opening is in the audit trail alone.
    let first = sqlx::query(
        "INSERT INTO alert_openings (entry_id, staff_id, opened_at) \
         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM urgent_alerts WHERE entry_id = $1) \
         ON CONFLICT (entry_id, staff_id) DO NOTHING",
    )
    .bind(entry.to_string())
    .bind(staff.to_string())
    .bind(at)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    sqlx::query(
        "UPDATE urgent_alerts SET next_step = NULL, next_step_at = NULL \
         WHERE entry_id = $1 AND next_step_at IS NOT NULL",
    )
    .bind(entry.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(first)
}

/// An alert's history: each step and each opening, in order.
#[derive(Debug, Clone, Default)]
pub struct AlertHistory {
    pub raised_at: i64,
    /// The step and whom it told, and when.
    pub steps: Vec<(AlertStep, String, i64)>,
    /// Who opened it (name, role code), and when.
    pub openings: Vec<(String, String, i64)>,
    /// The next step and when it is due, if it is still escalating.
    pub next: Option<(AlertStep, i64)>,
}

pub async fn alert_history(
    conn: &mut Conn,
    entry: EntryId,
) -> Result<Option<AlertHistory>, StoreError> {
    let alert: Option<(i64, Option<String>, Option<i64>)> = sqlx::query_as(
        "SELECT raised_at, next_step, next_step_at FROM urgent_alerts WHERE entry_id = $1",
    )
    .bind(entry.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((raised_at, next_step, next_at)) = alert else {
        return Ok(None);
    };
    let steps: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT step, told, at FROM alert_steps WHERE entry_id = $1 ORDER BY at, id",
    )
    .bind(entry.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let openings: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT s.display_name, s.role, o.opened_at FROM alert_openings o \
         JOIN staff s ON s.id = o.staff_id WHERE o.entry_id = $1 ORDER BY o.opened_at, s.id",
    )
    .bind(entry.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(AlertHistory {
        raised_at,
        steps: steps
            .into_iter()
            .filter_map(|(step, told, at)| Some((AlertStep::parse(&step)?, told, at)))
            .collect(),
        openings,
        next: next_step.as_deref().and_then(AlertStep::parse).zip(next_at),
    }))
}

/// The team managers of a team, still working.
pub async fn team_managers(conn: &mut Conn, team: TeamId) -> Result<Vec<StaffId>, StoreError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT id FROM staff WHERE team_id = $1 AND role = 'team_manager' \
         AND deactivated_at IS NULL ORDER BY id",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|(id,)| parse_id(id, StaffId::parse))
        .collect()
}

/// A family's council and case reference.
pub async fn family_council(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Option<(CouncilId, String)>, StoreError> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT council_id, reference FROM families WHERE id = $1")
            .bind(family.to_string())
            .fetch_optional(&mut *conn)
            .await?;
    row.map(|(council, reference)| Ok((parse_id(&council, CouncilId::parse)?, reference)))
        .transpose()
}

/// A code sent to prove an address, as kept.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AddressCode {
    pub address: String,
    pub code_hash: String,
    pub expires_at: i64,
}

pub async fn add_address_code(
    conn: &mut Conn,
    member: MemberId,
    channel: Channel,
    address: &str,
    code_hash: &str,
    at: i64,
    expires_at: i64,
) -> Result<String, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO address_codes (id, member_id, channel, address, code_hash, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(member.to_string())
    .bind(channel.code())
    .bind(address)
    .bind(code_hash)
    .bind(at)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The newest code sent to prove the member's address for `channel`.
pub async fn newest_address_code(
    conn: &mut Conn,
    member: MemberId,
    channel: Channel,
) -> Result<Option<AddressCode>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT address, code_hash, expires_at FROM address_codes \
         WHERE member_id = $1 AND channel = $2 ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(member.to_string())
    .bind(channel.code())
    .fetch_optional(&mut *conn)
    .await?)
}

/// How many codes were sent to prove the member's addresses since `since`.
pub async fn address_codes_since(
    conn: &mut Conn,
    member: MemberId,
    since: i64,
) -> Result<i64, StoreError> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM address_codes WHERE member_id = $1 AND created_at >= $2",
    )
    .bind(member.to_string())
    .bind(since)
    .fetch_one(&mut *conn)
    .await?;
    Ok(count)
}
