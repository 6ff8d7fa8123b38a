//! Messages between visits: a family member's choices, an urgent alert opened by a member
//! of staff, and the contacts an admin sets for alerts.

// A form's server function takes one argument per field, and the framework generates
// code from each, so the lint is silenced for the module rather than per function.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per field of the form"
)]

use super::AppError;
pub use crate::dto::notices::*;
use leptos::prelude::*;

/// The signed-in member's own message choices.
#[server(prefix = "/api", endpoint = "my-messages")]
pub async fn my_messages() -> Result<ChoicesView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::notices::my_choices(&services.store, &session).await
}

/// Saves the member's choices. Each box ticked arrives with a value; one not ticked does
/// not arrive at all.
#[server(prefix = "/api", endpoint = "save-messages")]
pub async fn save_messages(
    #[server(default)] by_email: String,
    #[server(default)] email: String,
    #[server(default)] by_text: String,
    #[server(default)] mobile: String,
    #[server(default)] wording: String,
    #[server(default)] say_service: String,
    #[server(default)] on_response: String,
    #[server(default)] on_code: String,
    #[server(default)] on_reminder: String,
    #[server(default)] reminder_day: String,
    #[server(default)] quiet_from: String,
    #[server(default)] quiet_to: String,
) -> Result<(), AppError> {
    use crate::backend::store::notices::ChoiceReason;
    use crate::domain::notices::{Choices, ChoicesForm};
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let choices = Choices::parse(&ChoicesForm {
        by_email: !by_email.is_empty(),
        email,
        by_text: !by_text.is_empty(),
        mobile,
        wording,
        say_service: !say_service.is_empty(),
        on_response: !on_response.is_empty(),
        on_code: !on_code.is_empty(),
        on_reminder: !on_reminder.is_empty(),
        reminder_day,
        quiet_from,
        quiet_to,
    })
    .map_err(AppError::Invalid)?;
    let sent = crate::backend::notices::save_choices(
        &services.store,
        &session,
        &choices,
        ChoiceReason::Chosen,
    )
    .await?;
    leptos_axum::redirect(if sent {
        "/messages?sent=yes"
    } else {
        "/messages?saved=yes"
    });
    Ok(())
}

/// The codes sent to prove the member's new addresses, as typed.
#[server(prefix = "/api", endpoint = "prove-addresses")]
pub async fn prove_addresses(
    #[server(default)] email_code: String,
    #[server(default)] sms_code: String,
) -> Result<(), AppError> {
    use crate::domain::notices::Channel;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let typed = [(Channel::Email, email_code), (Channel::Sms, sms_code)];
    crate::backend::notices::prove_addresses(&services.store, &session, &typed).await?;
    leptos_axum::redirect("/messages?proved=yes");
    Ok(())
}

/// Sends new codes to the member's addresses not yet proved.
#[server(prefix = "/api", endpoint = "resend-codes")]
pub async fn resend_codes() -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::notices::resend_codes(&services.store, &session).await?;
    leptos_axum::redirect("/messages?sent=yes");
    Ok(())
}

/// "Stop all messages": one press, nothing to fill in.
#[server(prefix = "/api", endpoint = "stop-messages")]
pub async fn stop_messages() -> Result<(), AppError> {
    use crate::backend::store::notices::ChoiceReason;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::notices::save_choices(
        &services.store,
        &session,
        &crate::domain::notices::Choices::default(),
        ChoiceReason::Stopped,
    )
    .await?;
    leptos_axum::redirect("/messages?stopped=yes");
    Ok(())
}

/// An urgent alert, opened by a member of staff who may read it. Opening it is recorded
/// and stops its escalation.
#[server(prefix = "/api", endpoint = "open-alert")]
pub async fn open_alert(id: String) -> Result<AlertPage, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = crate::domain::ids::EntryId::parse(&id).map_err(|_| AppError::NotFound)?;
    crate::backend::notices::open_alert(&services.store, &session, id).await
}

/// The contacts for urgent alerts, for an admin of the council.
#[server(prefix = "/api", endpoint = "alert-contacts")]
pub async fn alert_contacts() -> Result<ContactsView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::notices::contacts(&services.store, &session).await
}

/// An email address and a mobile number, either or both left empty.
#[cfg(feature = "ssr")]
fn contact(email: &str, mobile: &str) -> Result<crate::backend::store::notices::Contact, AppError> {
    use crate::domain::notices::{Email, Mobile};
    let mut errors = crate::domain::FieldErrors::new();
    let email = (!email.trim().is_empty())
        .then(|| errors.check("email", Email::parse(email)))
        .flatten();
    let mobile = (!mobile.trim().is_empty())
        .then(|| errors.check("mobile", Mobile::parse(mobile)))
        .flatten();
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(crate::backend::store::notices::Contact {
        email: email.map(|e| e.as_str().to_owned()),
        mobile: mobile.map(|m| m.as_str().to_owned()),
    })
}

/// Sets how a member of staff is reached about urgent alerts (admins only).
#[server(prefix = "/api", endpoint = "set-staff-contact")]
pub async fn set_staff_contact(
    #[server(default)] staff: String,
    #[server(default)] email: String,
    #[server(default)] mobile: String,
) -> Result<(), AppError> {
    use crate::backend::notices::ContactFor;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let staff = crate::domain::ids::StaffId::parse(&staff).map_err(|_| AppError::NotFound)?;
    let contact = contact(&email, &mobile)?;
    crate::backend::notices::set_contact(
        &services.store,
        &session,
        ContactFor::Staff(staff),
        &contact,
    )
    .await?;
    leptos_axum::redirect("/admin/contacts?saved=yes");
    Ok(())
}

/// Sets the council's out-of-hours duty contact (admins only).
#[server(prefix = "/api", endpoint = "set-duty-contact")]
pub async fn set_duty_contact(
    #[server(default)] email: String,
    #[server(default)] mobile: String,
) -> Result<(), AppError> {
    use crate::backend::notices::ContactFor;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let contact = contact(&email, &mobile)?;
    crate::backend::notices::set_contact(&services.store, &session, ContactFor::Duty, &contact)
        .await?;
    leptos_axum::redirect("/admin/contacts?saved=yes");
    Ok(())
}
