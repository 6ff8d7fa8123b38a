//! For admins: the council's case system. The systems allowed to call the integration
//! API (each secret shown once, revoked in one press), and each family member's
//! reference in the case system, found by the family's case reference. For heads of
//! service: approving a system, without which its secret does not work. Plain forms that
//! post and reload; nothing here shows anything a family wrote.

use crate::api::case_system::{
    ApproveApiClient, ClientState, ClientView, MemberReference, ReferencesView, RegisterApiClient,
    RevokeApiClient, SetCaseReference, api_client_secret, api_clients, case_references,
    case_systems_to_approve,
};
use crate::domain::case_system::CALLS_PER_MINUTE;
use crate::ui::shared::dates::when;
use crate::ui::shared::fields::Checkboxes;
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, ProgressiveForm, echoed_error, field_error, with_error,
};
use crate::ui::shared::layout::{PageTitle, Success};
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A one-line text input with its label, hint and inline error.
#[component]
fn TextField(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    message: Signal<Option<String>>,
    #[prop(default = "govuk-input")] width: &'static str,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match message.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class=with_error(message, "govuk-form-group", "govuk-form-group--error")>
            <label class="govuk-label govuk-label--s" for=name>{label}</label>
            <div id=hint_id class="govuk-hint">{hint}</div>
            <ErrorMessage id=error_id message />
            <input
                class=with_error(message, width, "govuk-input--error")
                aria-describedby=described
                id=name
                name=name
                type="text"
                autocomplete="off"
                spellcheck="false"
                value=value
            />
        </div>
    }
}

/// The systems that may call the API, a form to register one, and the way to members'
/// references.
#[component]
pub fn CaseSystemPage() -> impl IntoView {
    let clients = Resource::new(|| (), |_| api_clients());
    let revoked = use_query_map().with_untracked(|q| q.get("revoked").is_some());
    let echo = crate::ui::shared::form::use_form_echo();
    let error = echoed_error(&echo);
    view! {
        <PageTitle text="The council's case system" />
        <ErrorSummary error />
        {revoked.then(|| view! { <Success heading="The system's secret no longer works." /> })}
        <h1 class="govuk-heading-l">"The council's case system"</h1>
        <p class="govuk-body">
            "The case system can fetch what families shared with their workers (Module 8, “Comments and views”) and the finalised records of group case supervision, instead of someone attaching documents. It asks by the family's case reference, or by a family member's reference in the case system."
        </p>
        <p class="govuk-body">
            "Whoever sets up the case system needs "
            <a class="govuk-link" href="/api/v1/openapi.json">"the API's description (OpenAPI)"</a>
            " and a secret from this page."
        </p>
        <h2 class="govuk-heading-m">"Family members' references"</h2>
        <form method="get" action="/admin/case-system/family" novalidate="">
            <TextField
                name="reference"
                label="Family's case reference"
                hint="As it is on the family's page, for example EX-0001"
                value=String::new()
                message=Signal::derive(|| None)
                width="govuk-input govuk-input--width-20"
            />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Find the family"</button>
        </form>
        {loaded(clients, move |view, echo| view! { <Clients view echo error /> })}
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to home"</a></p>
    }
}

#[component]
fn Clients(
    view: crate::api::case_system::ClientsView,
    echo: FormEcho,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    let list = if view.clients.is_empty() {
        view! { <p class="govuk-body">"No system can call the API yet."</p> }.into_any()
    } else {
        view! {
            <dl class="govuk-summary-list">
                {view.clients.into_iter().map(|c| view! { <ClientRow client=c /> }).collect_view()}
            </dl>
        }
        .into_any()
    };
    let name = echo.value("name").unwrap_or_default();
    let days = echo.value("days").unwrap_or_else(|| "90".to_owned());
    let webhook_url = echo.value("webhook_url").unwrap_or_default();
    view! {
        <h2 class="govuk-heading-m">"Systems that can call the API"</h2>
        {list}
        <h2 class="govuk-heading-m">"Give a system a secret"</h2>
        <p class="govuk-body">
            {format!("It can read only the families of the teams you choose, and make up to {CALLS_PER_MINUTE} calls a minute. The secret works once a head of service of the council approves it. Every call is recorded, and family members see that the case system read their words.")}
        </p>
        <ProgressiveForm to=RegisterApiClient::url()>
            <TextField
                name="name"
                label="Name of the system"
                hint="The case system's name, so records say which system read a family's words"
                value=name
                message=field_error(error, "name")
            />
            <Checkboxes
                name="teams"
                legend="Teams whose families it may read"
                choices=view.teams
                echo
                message=field_error(error, "teams")
            />
            <TextField
                name="days"
                label="Days the secret works for"
                hint="From 1 to 366. Give the system a new secret before this one stops working"
                value=days
                message=field_error(error, "days")
                width="govuk-input govuk-input--width-4"
            />
            <TextField
                name="webhook_url"
                label="Address to tell about new input (optional)"
                hint="If the system gives one, the portal posts to it when a family shares something new, with no words and no names, signed with the secret"
                value=webhook_url
                message=field_error(error, "webhook_url")
            />
            <button type="submit" class="govuk-button" data-module="govuk-button">"Create the secret"</button>
        </ProgressiveForm>
    }
}

#[component]
fn ClientRow(client: ClientView) -> impl IntoView {
    let in_use = matches!(
        client.state,
        ClientState::InUse | ClientState::WaitingForApproval
    );
    let until = match client.revoked_at {
        Some(at) => format!("Revoked on {}", when(at)),
        None if client.state == ClientState::WaitingForApproval => format!(
            "A head of service must approve it before it works. It can work until {}",
            when(client.expires_at)
        ),
        None if in_use => format!("Works until {}", when(client.expires_at)),
        None => format!("Stopped working on {}", when(client.expires_at)),
    };
    let who = match &client.approved_by {
        Some(head) => format!(
            "Created by {} on {}, approved by {}",
            client.created_by,
            when(client.created_at),
            head
        ),
        None => format!(
            "Created by {} on {}",
            client.created_by,
            when(client.created_at)
        ),
    };
    let button = format!("Revoke the secret of {}", client.name);
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{client.name.clone()}</dt>
            <dd class="govuk-summary-list__value">
                <p class="govuk-body">{client.state.label()}". "{until}</p>
                <p class="govuk-body">"Teams: "{client.teams.join(", ")}</p>
                {client.webhook_url.clone().map(|url| view! { <p class="govuk-body app-long-word">"Told about new input at "{url}</p> })}
                <p class="govuk-body-s">{who}</p>
            </dd>
            <dd class="govuk-summary-list__actions">
                {in_use.then(|| view! {
                    <ProgressiveForm to=RevokeApiClient::url()>
                        <input type="hidden" name="client" value=client.id.clone() />
                        <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                            {button}
                        </button>
                    </ProgressiveForm>
                })}
            </dd>
        </div>
    }
}

/// A new system's secret, shown once.
#[component]
pub fn ClientSecretPage() -> impl IntoView {
    let params = use_params_map();
    let shown = Resource::new(
        move || params.read().get("client").unwrap_or_default(),
        api_client_secret,
    );
    view! {
        <PageTitle text="The system's secret" />
        {loaded(shown, |shown, _| match shown.secret {
            Some(secret) => view! {
                <h1 class="govuk-heading-l">{format!("The secret for {}", shown.name)}</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "This is shown once. Copy it into the case system's settings now: the portal keeps only a scrambled form of it, and nobody can show it again."
                    </strong>
                </div>
                <p class="govuk-body">
                    <code class="app-secret">{secret}</code>
                </p>
                <p class="govuk-body">
                    {format!("It works once a head of service of the council approves it, until {}. The system sends it in each call's Authorization header, after the word Bearer.", when(shown.expires_at))}
                </p>
            }
            .into_any(),
            None => view! {
                <h1 class="govuk-heading-l">"This secret has already been shown"</h1>
                <p class="govuk-body">"A secret is shown only once. If it was lost, revoke it and create a new one."</p>
            }
            .into_any(),
        })}
        <p class="govuk-body"><a href="/admin/case-system" class="govuk-link">"Back to the case system"</a></p>
    }
}

/// A family's members, each with their reference in the case system to set or clear.
#[component]
pub fn CaseReferencesPage() -> impl IntoView {
    let query = use_query_map();
    let reference = query.with_untracked(|q| q.get("reference").unwrap_or_default());
    let saved = query.with_untracked(|q| q.get("saved").is_some());
    let wanted = reference.clone();
    let found = Resource::new(move || wanted.clone(), case_references);
    let echo = crate::ui::shared::form::use_form_echo();
    let error = echoed_error(&echo);
    view! {
        <PageTitle text="Family members' references" />
        <ErrorSummary error />
        {saved.then(|| view! { <Success heading="The reference is saved." /> })}
        {loaded(found, move |found, echo| match found {
            Some(family) => view! { <References family echo error /> }.into_any(),
            None => view! {
                <h1 class="govuk-heading-l">"No family has that case reference"</h1>
                <p class="govuk-body">{format!("No family of the council has the case reference “{}”. Check it and try again.", reference.clone())}</p>
            }
            .into_any(),
        })}
        <p class="govuk-body"><a href="/admin/case-system" class="govuk-link">"Back to the case system"</a></p>
    }
}

#[component]
fn References(
    family: ReferencesView,
    echo: FormEcho,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    let sent_for = echo.value("member");
    view! {
        <span class="govuk-caption-l">{format!("{} ({}), {}", family.display_name, family.reference, family.team)}</span>
        <h1 class="govuk-heading-l">"Family members' references"</h1>
        <p class="govuk-body">
            "A member's reference is their person id in the case system. The case system can then ask for the family by it. Leave it empty and save to remove it."
        </p>
        {family
            .members
            .into_iter()
            .map(|m| {
                let mine = sent_for.as_deref() == Some(m.id.as_str());
                let value = if mine { echo.value("reference").unwrap_or_default() } else { m.case_reference.clone() };
                let message = if mine { field_error(error, "reference") } else { Signal::derive(|| None) };
                view! { <MemberForm member=m value message mine /> }
            })
            .collect_view()}
    }
}

#[component]
fn MemberForm(
    member: MemberReference,
    value: String,
    message: Signal<Option<String>>,
    /// Whether the problem shown is this form's: its input is then the one the error
    /// summary links to.
    mine: bool,
) -> impl IntoView {
    // Each member's form has its own ids, so every label and error names its own input.
    let field = if mine {
        "reference".to_owned()
    } else {
        format!("reference-{}", member.id)
    };
    let error_id = format!("{field}-error");
    let button = format!("Save the reference for {}", member.name);
    let described = {
        let error_id = error_id.clone();
        move || message.get().map(|_| error_id.clone())
    };
    view! {
        <ProgressiveForm to=SetCaseReference::url()>
            <input type="hidden" name="member" value=member.id.clone() />
            <div class=with_error(message, "govuk-form-group", "govuk-form-group--error")>
                <label class="govuk-label govuk-label--s" for=field.clone()>
                    {format!("{} ({})", member.name, member.place)}
                </label>
                <ErrorMessage id=error_id message />
                <input
                    class=with_error(message, "govuk-input govuk-input--width-20", "govuk-input--error")
                    aria-describedby=described
                    id=field
                    name="reference"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    value=value
                />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{button}</button>
        </ProgressiveForm>
    }
}

/// For a head of service: the systems that may read the council's families' shared
/// words, and those waiting for their approval.
#[component]
pub fn ApproveCaseSystemsPage() -> impl IntoView {
    let clients = Resource::new(|| (), |_| case_systems_to_approve());
    let approved = use_query_map().with_untracked(|q| q.get("approved").is_some());
    view! {
        <PageTitle text="Case systems" />
        {approved.then(|| view! { <Success heading="The system is approved. Its secret works now." /> })}
        <h1 class="govuk-heading-l">"Case systems"</h1>
        <p class="govuk-body">
            "A system the council's admin gives a secret can read what the families of the teams it names shared with their workers, and the finalised records of group case supervision. Its secret works only once a head of service approves it, so no one person can give themselves a way to read families' words."
        </p>
        {loaded(clients, |view, _| {
            if view.clients.is_empty() {
                view! { <p class="govuk-body">"No system has been given a secret."</p> }.into_any()
            } else {
                view! {
                    <dl class="govuk-summary-list">
                        {view.clients.into_iter().map(|c| view! { <ApprovalRow client=c /> }).collect_view()}
                    </dl>
                }
                .into_any()
            }
        })}
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to home"</a></p>
    }
}

#[component]
fn ApprovalRow(client: ClientView) -> impl IntoView {
    let waiting = client.state == ClientState::WaitingForApproval;
    let button = format!("Approve {}", client.name);
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{client.name.clone()}</dt>
            <dd class="govuk-summary-list__value">
                <p class="govuk-body">{client.state.label()}</p>
                <p class="govuk-body">"Teams: "{client.teams.join(", ")}</p>
                <p class="govuk-body-s">{format!("Created by {} on {}", client.created_by, when(client.created_at))}</p>
            </dd>
            <dd class="govuk-summary-list__actions">
                {waiting.then(|| view! {
                    <ProgressiveForm to=ApproveApiClient::url()>
                        <input type="hidden" name="client" value=client.id.clone() />
                        <button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
                            {button}
                        </button>
                    </ProgressiveForm>
                })}
            </dd>
        </div>
    }
}
