//! Messages between visits: what a family member chooses to be sent, and the words of
//! every message the portal sends.
//!
//! A message to a family member may be read over their shoulder or on a phone someone
//! else picks up, so it never holds a name, a family's words, a link or (unless they
//! choose it) the service's name: only one of a few neutral sentences the member picked.
//! Messages to staff about an urgent alert carry the family's case reference and a link,
//! never a name.

use crate::domain::FieldErrors;
use serde::{Deserialize, Serialize};

/// How a message is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    pub fn parse(code: &str) -> Option<Channel> {
        match code {
            "email" => Some(Channel::Email),
            "sms" => Some(Channel::Sms),
            _ => None,
        }
    }

    /// As a list of who was told says it: "by text" or "by email".
    pub fn by(self) -> &'static str {
        match self {
            Channel::Email => "by email",
            Channel::Sms => "by text",
        }
    }
}

/// The neutral sentences a family member chooses from. Each says nothing about what
/// happened, who wrote, or what the service is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Wording {
    #[default]
    NewMessage,
    SomethingWaiting,
    Reminder,
}

impl Wording {
    pub const ALL: [Wording; 3] = [
        Wording::NewMessage,
        Wording::SomethingWaiting,
        Wording::Reminder,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Wording::NewMessage => "new_message",
            Wording::SomethingWaiting => "something_waiting",
            Wording::Reminder => "reminder",
        }
    }

    pub fn parse(code: &str) -> Option<Wording> {
        Wording::ALL.into_iter().find(|w| w.code() == code)
    }

    /// The whole message.
    pub fn sentence(self) -> &'static str {
        match self {
            Wording::NewMessage => "You have a new message. Sign in to read it.",
            Wording::SomethingWaiting => "Something is waiting for you. Sign in to see it.",
            Wording::Reminder => "This is your reminder.",
        }
    }

    /// An email's subject line.
    pub fn subject(self) -> &'static str {
        match self {
            Wording::NewMessage => "You have a new message",
            Wording::SomethingWaiting => "Something is waiting for you",
            Wording::Reminder => "Your reminder",
        }
    }
}

/// What can cause a message to a family member. Each is about the member alone: never
/// anything another member did or wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    /// A practitioner answered something the member shared.
    Response,
    /// The weekly reminder to check in, on the day the member chose.
    Reminder,
    /// A new code for the member.
    Code,
}

impl Trigger {
    pub const ALL: [Trigger; 3] = [Trigger::Response, Trigger::Reminder, Trigger::Code];

    pub fn code(self) -> &'static str {
        match self {
            Trigger::Response => "response",
            Trigger::Reminder => "reminder",
            Trigger::Code => "code",
        }
    }
}

/// An email address, checked the way GOV.UK asks: something before one `@`, a domain
/// with a dot after it, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, String> {
        let text = raw.trim();
        let wrong = || "Enter an email address in the correct format, like name@example.com";
        let (local, domain) = text.split_once('@').ok_or_else(wrong)?;
        let fine = !local.is_empty()
            && text.len() <= 254
            && !domain.contains('@')
            && !text.chars().any(char::is_whitespace)
            && domain.split('.').count() >= 2
            && domain.split('.').all(|part| !part.is_empty());
        if fine {
            Ok(Email(text.to_owned()))
        } else {
            Err(wrong().to_owned())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A UK mobile number, kept as `+447…` however it was typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mobile(String);

impl Mobile {
    pub fn parse(raw: &str) -> Result<Mobile, String> {
        let digits: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
            .collect();
        let national = digits
            .strip_prefix("+44")
            .map(|rest| format!("0{rest}"))
            .or_else(|| digits.strip_prefix("0044").map(|rest| format!("0{rest}")))
            // As GOV.UK Notify gives a number that sent a text: 447700900982.
            .or_else(|| {
                (digits.len() == 12)
                    .then(|| digits.strip_prefix("44").map(|rest| format!("0{rest}")))
                    .flatten()
            })
            .unwrap_or(digits);
        if national.len() == 11
            && national.starts_with("07")
            && national.chars().all(|c| c.is_ascii_digit())
        {
            Ok(Mobile(format!("+44{}", &national[1..])))
        } else {
            Err("Enter a UK mobile number, like 07700 900 982".to_owned())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As people write it: "07700 900982".
    pub fn national(&self) -> String {
        let rest = self.0.trim_start_matches("+44");
        format!(
            "0{} {}",
            &rest[..4.min(rest.len())],
            &rest[4.min(rest.len())..]
        )
    }
}

/// Hours when no message is sent, in the council's local time: from `from` o'clock until
/// `to` o'clock, across midnight if `to` is earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietHours {
    pub from: u8,
    pub to: u8,
}

impl QuietHours {
    /// Minutes from the local time `hour:minute` until quiet hours end, or `None` if
    /// messages may go now.
    pub fn wait_from(self, hour: u32, minute: u32) -> Option<u32> {
        let (from, to, now) = (
            u32::from(self.from) * 60,
            u32::from(self.to) * 60,
            hour * 60 + minute,
        );
        let quiet = if from <= to {
            now >= from && now < to
        } else {
            now >= from || now < to
        };
        quiet.then(|| (to + 24 * 60 - now) % (24 * 60))
    }
}

/// The days a weekly reminder can be on, Monday first.
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The local hour a weekly reminder is sent, unless quiet hours hold it back.
pub const REMINDER_HOUR: u32 = 10;

/// A family member's choices, as checked. No channel means no messages, and nothing but
/// a code to prove it goes to an address the member has not proved is theirs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Choices {
    pub email: Option<Email>,
    pub mobile: Option<Mobile>,
    /// Whether the member entered the code sent to the email address.
    #[serde(default)]
    pub email_confirmed: bool,
    /// Whether the member entered the code sent to the mobile number.
    #[serde(default)]
    pub mobile_confirmed: bool,
    pub wording: Wording,
    pub say_service: bool,
    pub on_response: bool,
    pub on_code: bool,
    /// 0 is Monday.
    pub reminder_day: Option<u8>,
    pub quiet: Option<QuietHours>,
}

/// The choices form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoicesForm {
    pub by_email: bool,
    pub email: String,
    pub by_text: bool,
    pub mobile: String,
    pub wording: String,
    pub say_service: bool,
    pub on_response: bool,
    pub on_code: bool,
    pub on_reminder: bool,
    pub reminder_day: String,
    pub quiet_from: String,
    pub quiet_to: String,
}

impl Choices {
    /// Whether anything at all will be sent.
    pub fn any(&self) -> bool {
        (self.email.is_some() || self.mobile.is_some())
            && (self.on_response || self.on_code || self.reminder_day.is_some())
    }

    /// Whether a message for `trigger` goes to this member.
    pub fn wants(&self, trigger: Trigger) -> bool {
        match trigger {
            Trigger::Response => self.on_response,
            Trigger::Code => self.on_code,
            Trigger::Reminder => self.reminder_day.is_some(),
        }
    }

    /// Where messages go: each channel chosen whose address the member proved.
    pub fn addresses(&self) -> Vec<(Channel, String)> {
        self.chosen()
            .into_iter()
            .filter(|(channel, _)| self.confirmed(*channel))
            .collect()
    }

    /// Each channel chosen and its address, proved or not.
    pub fn chosen(&self) -> Vec<(Channel, String)> {
        let mut to = Vec::new();
        if let Some(email) = &self.email {
            to.push((Channel::Email, email.as_str().to_owned()));
        }
        if let Some(mobile) = &self.mobile {
            to.push((Channel::Sms, mobile.as_str().to_owned()));
        }
        to
    }

    /// The addresses chosen but not yet proved: each waits for its code.
    pub fn unproved(&self) -> Vec<(Channel, String)> {
        self.chosen()
            .into_iter()
            .filter(|(channel, _)| !self.confirmed(*channel))
            .collect()
    }

    pub fn confirmed(&self, channel: Channel) -> bool {
        match channel {
            Channel::Email => self.email_confirmed,
            Channel::Sms => self.mobile_confirmed,
        }
    }

    /// Keeps each address proved before, if it is the same address now.
    pub fn keep_proved(&mut self, before: &Choices) {
        self.email_confirmed =
            self.email.is_some() && self.email == before.email && before.email_confirmed;
        self.mobile_confirmed =
            self.mobile.is_some() && self.mobile == before.mobile && before.mobile_confirmed;
    }

    /// Checks the form. Every problem is reported at once, in the order the page asks.
    pub fn parse(form: &ChoicesForm) -> Result<Choices, FieldErrors> {
        let mut errors = FieldErrors::new();
        if !form.by_email && !form.by_text {
            errors.push(
                "by_email",
                "Choose email or text message, or choose “Stop all messages”",
            );
        }
        let email = if form.by_email {
            if form.email.trim().is_empty() {
                errors.push("email", "Enter your email address");
                None
            } else {
                errors.check("email", Email::parse(&form.email))
            }
        } else {
            None
        };
        let mobile = if form.by_text {
            if form.mobile.trim().is_empty() {
                errors.push("mobile", "Enter your mobile number");
                None
            } else {
                errors.check("mobile", Mobile::parse(&form.mobile))
            }
        } else {
            None
        };
        let wording = Wording::parse(&form.wording);
        if wording.is_none() {
            errors.push("wording", "Choose what the message should say");
        }
        if !form.on_response && !form.on_code && !form.on_reminder {
            errors.push(
                "on_response",
                "Choose when we should send you a message, or choose “Stop all messages”",
            );
        }
        let reminder_day = if form.on_reminder {
            let day = form
                .reminder_day
                .parse::<u8>()
                .ok()
                .filter(|day| usize::from(*day) < DAYS.len());
            if day.is_none() {
                errors.push("reminder_day", "Choose the day for your reminder");
            }
            day
        } else {
            None
        };
        let hour = |raw: &str| raw.parse::<u8>().ok().filter(|h| *h < 24);
        let quiet = match (form.quiet_from.trim(), form.quiet_to.trim()) {
            ("", "") => None,
            (from, to) => match (hour(from), hour(to)) {
                (Some(from), Some(to)) if from != to => Some(QuietHours { from, to }),
                (Some(_), Some(_)) => {
                    errors.push(
                        "quiet_from",
                        "Quiet hours must start and end at different times",
                    );
                    None
                }
                (None, _) => {
                    errors.push(
                        "quiet_from",
                        "Choose when quiet hours start, or choose no quiet hours",
                    );
                    None
                }
                (_, None) => {
                    errors.push("quiet_to", "Choose when quiet hours end");
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Choices {
            email,
            mobile,
            email_confirmed: false,
            mobile_confirmed: false,
            wording: wording.unwrap_or_default(),
            say_service: form.say_service,
            on_response: form.on_response,
            on_code: form.on_code,
            reminder_day,
            quiet,
        })
    }

    /// The form showing these choices, for the page to open with.
    pub fn form(&self) -> ChoicesForm {
        ChoicesForm {
            by_email: self.email.is_some(),
            email: self
                .email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
            by_text: self.mobile.is_some(),
            mobile: self
                .mobile
                .as_ref()
                .map(Mobile::national)
                .unwrap_or_default(),
            wording: self.wording.code().to_owned(),
            say_service: self.say_service,
            on_response: self.on_response,
            on_code: self.on_code,
            on_reminder: self.reminder_day.is_some(),
            reminder_day: self.reminder_day.map(|d| d.to_string()).unwrap_or_default(),
            quiet_from: self.quiet.map(|q| q.from.to_string()).unwrap_or_default(),
            quiet_to: self.quiet.map(|q| q.to.to_string()).unwrap_or_default(),
        }
    }
}

/// A message's words: a subject (for email) and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub subject: String,
    pub body: String,
}

/// The message a family member is sent, whatever caused it: their chosen sentence, after
/// the service's name only if they chose that. The trigger is not in it, so the message
/// cannot say what happened.
pub fn family_message(wording: Wording, service: Option<&str>) -> Words {
    match service {
        Some(service) => Words {
            subject: format!("{service}: {}", wording.subject()),
            body: format!("{service}: {}", wording.sentence()),
        },
        None => Words {
            subject: wording.subject().to_owned(),
            body: wording.sentence().to_owned(),
        },
    }
}

/// How long a code that proves an address works, in minutes.
pub const ADDRESS_CODE_MINUTES: i64 = 30;

/// The message that proves an address: the code and nothing else.
pub fn code_message(code: &str) -> Words {
    Words {
        subject: "Your code".to_owned(),
        body: format!("Your code is {code}. It works for {ADDRESS_CODE_MINUTES} minutes."),
    }
}

/// A code as typed: six digits, with any spaces left out.
pub fn typed_code(raw: &str) -> Option<String> {
    let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    (code.len() == 6 && code.chars().all(|c| c.is_ascii_digit())).then_some(code)
}

/// The steps an unopened urgent alert goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AlertStep {
    /// Every allocated practitioner, at once.
    Workers,
    /// The family's team manager, when nobody opened it in time.
    TeamManager,
    /// The council's out-of-hours duty contact, when still nobody opened it.
    OutOfHours,
}

impl AlertStep {
    pub fn code(self) -> &'static str {
        match self {
            AlertStep::Workers => "workers",
            AlertStep::TeamManager => "team_manager",
            AlertStep::OutOfHours => "out_of_hours",
        }
    }

    pub fn parse(code: &str) -> Option<AlertStep> {
        [
            AlertStep::Workers,
            AlertStep::TeamManager,
            AlertStep::OutOfHours,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<AlertStep> {
        match self {
            AlertStep::Workers => Some(AlertStep::TeamManager),
            AlertStep::TeamManager => Some(AlertStep::OutOfHours),
            AlertStep::OutOfHours => None,
        }
    }

    /// How the alert's page names the step.
    pub fn title(self) -> &'static str {
        match self {
            AlertStep::Workers => "Messages to the family's workers",
            AlertStep::TeamManager => "Not opened in time: messages to the team manager",
            AlertStep::OutOfHours => "Still not opened: messages to the out-of-hours duty contact",
        }
    }
}

/// The message staff are sent about an urgent alert: the family's case reference, when it
/// was raised, and (for those who can open it) where. Never a name: a work phone's screen
/// can be read by anyone nearby.
pub fn alert_message(step: AlertStep, reference: &str, raised: &str, link: Option<&str>) -> Words {
    let first = match step {
        AlertStep::Workers => format!(
            "Urgent: someone in family {reference} pressed “I don't feel safe right now” at {raised}."
        ),
        AlertStep::TeamManager => format!(
            "Urgent, not yet opened: someone in family {reference} pressed “I don't feel safe right now” at {raised}. None of the family's workers has opened it."
        ),
        AlertStep::OutOfHours => format!(
            "Urgent, not yet opened: someone in family {reference} pressed “I don't feel safe right now” at {raised}. Neither the family's workers nor their team manager has opened it. Please follow your out-of-hours procedure."
        ),
    };
    let body = match link {
        Some(link) => format!("{first}\n\nOpen it: {link}"),
        None => first,
    };
    Words {
        subject: format!("Urgent: family {reference}"),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ChoicesForm {
        ChoicesForm {
            by_text: true,
            mobile: "07700 900982".into(),
            wording: "new_message".into(),
            on_reminder: true,
            reminder_day: "2".into(),
            ..ChoicesForm::default()
        }
    }

    #[test]
    fn a_mobile_number_is_kept_one_way_however_it_was_typed() {
        for typed in [
            "07700 900982",
            "+44 7700 900982",
            "0044-7700-900982",
            "(07700) 900982",
            "447700900982",
        ] {
            assert_eq!(
                Mobile::parse(typed).map(|m| m.0),
                Ok("+447700900982".into()),
                "{typed}"
            );
        }
        assert_eq!(
            Mobile::parse("+447700900982").map(|m| m.national()),
            Ok("07700 900982".into())
        );
        for wrong in [
            "",
            "01632 960000",
            "0770090098",
            "07700 9009822",
            "07700 9OO982",
        ] {
            assert!(Mobile::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn an_email_address_needs_a_name_an_at_and_a_domain() {
        assert!(Email::parse(" someone@example.com ").is_ok());
        for wrong in [
            "someone",
            "@example.com",
            "a@b",
            "a@@b.com",
            "a b@example.com",
            "a@.com",
        ] {
            assert!(Email::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn choices_read_back_as_they_were_given() {
        let choices = Choices::parse(&form()).expect("the form is complete");
        assert_eq!(choices.reminder_day, Some(2));
        assert!(choices.any() && choices.wants(Trigger::Reminder));
        assert!(!choices.wants(Trigger::Response));
        assert_eq!(Choices::parse(&choices.form()), Ok(choices));
    }

    #[test]
    fn every_problem_is_named_at_once_in_the_pages_order() {
        let errors = Choices::parse(&ChoicesForm {
            by_email: true,
            email: "nope".into(),
            quiet_from: "22".into(),
            ..ChoicesForm::default()
        })
        .expect_err("the form is wrong in several ways");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "wording", "on_response", "quiet_to"]);
    }

    #[test]
    fn only_a_proved_address_is_sent_to_and_stays_proved_while_it_is_the_same() {
        let mut choices = Choices::parse(&form()).expect("the form is complete");
        assert!(choices.addresses().is_empty());
        assert_eq!(choices.unproved().len(), 1);
        choices.mobile_confirmed = true;
        assert_eq!(choices.addresses().len(), 1);
        let mut same = Choices::parse(&form()).expect("the form is complete");
        same.keep_proved(&choices);
        assert!(same.mobile_confirmed);
        let mut other = Choices::parse(&ChoicesForm {
            mobile: "07700 900983".into(),
            ..form()
        })
        .expect("the form is complete");
        other.keep_proved(&choices);
        assert!(!other.mobile_confirmed, "a new number is proved afresh");
        assert_eq!(typed_code(" 123 456 "), Some("123456".into()));
        assert_eq!(typed_code("12345"), None);
    }

    #[test]
    fn quiet_hours_hold_messages_until_they_end_across_midnight() {
        let night = QuietHours { from: 21, to: 8 };
        assert_eq!(night.wait_from(20, 59), None);
        assert_eq!(night.wait_from(21, 0), Some(11 * 60));
        assert_eq!(night.wait_from(7, 30), Some(30));
        assert_eq!(night.wait_from(8, 0), None);
        let lunch = QuietHours { from: 12, to: 14 };
        assert_eq!(lunch.wait_from(13, 0), Some(60));
        assert_eq!(lunch.wait_from(14, 0), None);
    }

    #[test]
    fn a_family_message_says_nothing_but_the_sentence_chosen() {
        for wording in Wording::ALL {
            let words = family_message(wording, None);
            assert_eq!(words.body, wording.sentence());
            assert!(!words.body.contains("http"));
            let named = family_message(wording, Some("Fictional Council Family Portal"));
            assert!(named.body.starts_with("Fictional Council Family Portal: "));
        }
    }

    #[test]
    fn an_alert_message_carries_the_reference_and_never_a_name() {
        let words = alert_message(
            AlertStep::Workers,
            "FIC-0001",
            "3:45pm on 6 December 2026",
            Some("https://portal.example/alerts/x"),
        );
        assert!(words.body.contains("FIC-0001") && words.body.contains("/alerts/x"));
        assert!(words.subject.contains("FIC-0001"));
    }
}
