//! An urgent alert, opened: who does not feel safe, in which family, and everything that
//! happened since, each step of who was sent it and each opening. Opening it is recorded
//! and stops it going to anyone else.

use crate::api::notices::open_alert;
use crate::ui::shared::dates::at_time;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AlertPage() -> impl IntoView {
    let params = use_params_map();
    let alert = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        open_alert,
    );
    view! {
        <PageTitle text="Urgent alert" />
        {loaded(alert, |alert, _| {
            let family = format!("/families/{}", alert.family);
            view! {
                <span class="govuk-caption-l">{alert.family_name.clone()}</span>
                <h1 class="govuk-heading-l">
                    {alert.member_name.clone()} " does not feel safe right now"
                </h1>
                <p class="govuk-body">"They pressed “I don't feel safe right now” at " {at_time(alert.raised_at)} "."</p>
                <div class="govuk-inset-text">
                    "You have opened this alert, so it will not be sent to anyone else. Contact the family or follow your safeguarding procedure."
                </div>
                <h2 class="govuk-heading-m">"What has happened"</h2>
                <crate::ui::shared::table::ScrollRegion label="What has happened">
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-visually-hidden">"What has happened, oldest first"</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"When"</th>
                                <th scope="col" class="govuk-table__header">"What"</th>
                                <th scope="col" class="govuk-table__header">"Who"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            {alert
                                .steps
                                .into_iter()
                                .map(|step| view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell">{at_time(step.at)}</td>
                                        <td class="govuk-table__cell">{step.what}</td>
                                        <td class="govuk-table__cell">
                                            // One line for each person a step went to.
                                            <ul class="govuk-list">
                                                {step.detail.split("; ").map(|who| view! { <li>{who.to_owned()}</li> }).collect_view()}
                                            </ul>
                                        </td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </crate::ui::shared::table::ScrollRegion>
                <h2 class="govuk-heading-m">"Messages"</h2>
                {if alert.messages.is_empty() {
                    view! { <p class="govuk-body">"Nobody could be sent a message: no contact details are set."</p> }.into_any()
                } else {
                    view! { <Messages list=alert.messages /> }.into_any()
                }}
                <p class="govuk-body"><a href=family class="govuk-link">"Go to the family’s page"</a></p>
            }
        })}
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to your families"</a></p>
    }
}

/// Each message about the alert, and whether it went.
#[component]
fn Messages(list: Vec<crate::api::notices::AlertMessageView>) -> impl IntoView {
    view! {
        <crate::ui::shared::table::ScrollRegion label="Messages">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">"Each message about this alert, and whether it went"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"To"</th>
                        <th scope="col" class="govuk-table__header">"How"</th>
                        <th scope="col" class="govuk-table__header">"Where it stands"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {list
                        .into_iter()
                        .map(|m| view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{m.to}</td>
                                <td class="govuk-table__cell">{m.how}</td>
                                <td class="govuk-table__cell">{m.state}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </crate::ui::shared::table::ScrollRegion>
    }
}
