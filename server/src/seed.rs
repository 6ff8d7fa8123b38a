//! The fictional demo council, team and family, for trying the portal and for training.
//!
//! Everything here is made up and says so: the council is "Exampleshire", every surname
//! is "Example" or a word like "Sample", and every record is marked "(demo)".

use app::backend::store::{AuditRecord, Outcome, Who, people};
use app::backend::{NewFamily, NewMember, NewStaff, Store, StoreError};
use app::domain::people::{MemberKind, StaffRole};
use chrono::{Datelike, Months, NaiveDate, Utc};

pub const DEMO_COUNCIL: &str = "Exampleshire Council (demo)";
pub const DEMO_TEAM: &str = "Family Safeguarding Team North (demo)";
pub const DEMO_FAMILY_REFERENCE: &str = "DEMO-0001";

/// One fictional member of staff in each Family Safeguarding role.
pub const DEMO_STAFF: [(&str, StaffRole); 10] = [
    ("Morgan Sample", StaffRole::TeamManager),
    ("Sam Sample", StaffRole::SocialWorker),
    ("Casey Placeholder", StaffRole::ChildAndFamilyPractitioner),
    ("Riley Placeholder", StaffRole::DomesticAbusePractitioner),
    ("Jamie Specimen", StaffRole::DomesticAbuseWorkerProbation),
    ("Avery Specimen", StaffRole::MentalHealthPractitioner),
    ("Quinn Dummy", StaffRole::RecoveryWorker),
    ("Harper Dummy", StaffRole::BusinessSupportOfficer),
    ("Drew Admin-Example", StaffRole::Admin),
    ("Rowan Head-Example", StaffRole::HeadOfService),
];

/// Adds the demo data unless it is there already; says which happened. All of it is
/// added in one audited transaction, or none of it.
pub async fn seed_demo(store: &Store) -> Result<String, StoreError> {
    let mut audited = store.begin_audited().await?;
    let now = audited.now();
    let conn = &mut *audited.tx;
    if people::council_by_name(conn, DEMO_COUNCIL).await?.is_some() {
        // Nothing was read or written: the transaction ends without a row.
        return Ok("The demo family is already there; nothing was added.".to_owned());
    }
    let council = people::create_council(conn, DEMO_COUNCIL, now).await?;
    let team = people::create_team(conn, council, DEMO_TEAM, now).await?;
    let mut staff = Vec::new();
    for (name, role) in DEMO_STAFF {
        // Admins and the head of service sit above the teams.
        let team = (!matches!(role, StaffRole::Admin | StaffRole::HeadOfService)).then_some(team);
        let new = NewStaff {
            team,
            display_name: name,
            role,
        };
        staff.push((people::create_staff(conn, council, new, now).await?, role));
    }
    let new = NewFamily {
        team,
        reference: DEMO_FAMILY_REFERENCE,
        display_name: "The Example family (demo)",
    };
    let family = people::create_family(conn, council, new, now).await?;
    let alex = people::add_member(conn, family, parent("Alex Example"), now).await?;
    let jordan = people::add_member(conn, family, parent("Jordan Example"), now).await?;
    let today = Utc::now().date_naive();
    let six = birthday_years_ago(today, 6);
    let thirteen = birthday_years_ago(today, 13);
    people::add_member(conn, family, child("Robin Example", &six), now).await?;
    people::add_member(conn, family, child("Charlie Example", &thirteen), now).await?;
    // The practitioners who work with families are allocated; business support and admin
    // are not, because they do not see what families write.
    for (id, role) in &staff {
        if role.works_with_families() {
            people::allocate(conn, family, *id, now).await?;
        }
    }
    // How the demo's urgent alerts reach people: numbers from the range kept for drama
    // (07700 900000 to 07700 900999) and addresses at example.com, which reach nobody.
    if let Some((admin, _)) = staff.iter().find(|(_, r)| *r == StaffRole::Admin) {
        use app::backend::store::notices::{Contact, ContactOf, set_contact};
        for (id, role) in &staff {
            let (email, mobile) = match role {
                StaffRole::SocialWorker => ("sam.sample@example.com", "+447700900001"),
                StaffRole::TeamManager => ("morgan.sample@example.com", "+447700900009"),
                _ => continue,
            };
            let contact = Contact {
                email: Some(email.to_owned()),
                mobile: Some(mobile.to_owned()),
            };
            set_contact(conn, ContactOf::Staff(*id), &contact, *admin, now).await?;
        }
        let duty = Contact {
            email: Some("out-of-hours.demo@example.com".to_owned()),
            mobile: Some("+447700900999".to_owned()),
        };
        set_contact(conn, ContactOf::Duty(council), &duty, *admin, now).await?;
    }
    // The social worker flags Jordan as alleged to pose a domestic-abuse risk to Alex, so
    // the portal must never show Alex's words to Jordan.
    if let Some((social_worker, _)) = staff.iter().find(|(_, r)| *r == StaffRole::SocialWorker) {
        people::flag_alleged_abuse(conn, family, jordan, alex, *social_worker, now).await?;
    }
    audited
        .finish(AuditRecord::new(
            &Who::operator(),
            "seed_demo",
            Some(family),
            None,
            Outcome::Allowed,
            "the demo council, team and family, and the contacts for urgent alerts",
        ))
        .await?;
    Ok("Added the demo council, team and family.".to_owned())
}

fn parent(name: &str) -> NewMember<'_> {
    NewMember {
        kind: MemberKind::ParentCarer,
        display_name: name,
        date_of_birth: None,
    }
}

fn child<'a>(name: &'a str, born: &'a str) -> NewMember<'a> {
    NewMember {
        kind: MemberKind::Child,
        display_name: name,
        date_of_birth: Some(born),
    }
}

/// A date of birth that makes someone `years` old today, a few months past a birthday.
fn birthday_years_ago(today: NaiveDate, years: u32) -> String {
    let months = years * 12 + 3;
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
        .with_day(1)
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_children_are_about_six_and_thirteen() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(birthday_years_ago(today, 6), "2020-08-01");
        assert_eq!(birthday_years_ago(today, 13), "2013-08-01");
    }

    #[test]
    fn there_is_demo_staff_in_every_role() {
        for role in StaffRole::ALL {
            assert!(DEMO_STAFF.iter().any(|(_, r)| *r == role), "{role:?}");
        }
    }
}
