//! A family's page for the practitioners allocated to it and its team manager: who is in
//! the family, what they shared with workers, and codes to let members sign in.

use crate::api::family::{IssueCode, family, shown_code};
use crate::ui::shared::dates::when;
use crate::ui::shared::form::{ErrorSummary, ProgressiveForm, echoed_error, use_form_echo};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// Who the family are, in their own words: first on the page for a practitioner new to
/// them (the first of the pair), after the family's supervision for everyone else.
fn about_the_family(
    new_to_family: bool,
    about: Vec<crate::api::pack::AboutView>,
) -> (Option<AnyView>, Option<AnyView>) {
    let shown = view! {
        <h2 class="govuk-heading-m">"About the family, in their own words"</h2>
        {new_to_family.then(|| view! {
            <p class="govuk-body">"You were allocated to this family recently. This is who they are, in their own words."</p>
        })}
        <crate::ui::practitioner::pack::AboutFamily about />
    }
    .into_any();
    if new_to_family {
        (Some(shown), None)
    } else {
        (None, Some(shown))
    }
}

#[component]
pub fn FamilyPage() -> impl IntoView {
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let found = Resource::new(move || params.read().get("id").unwrap_or_default(), family);
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    view! {
        <Suspense fallback=|| ()>
            {move || { let echo = echo.clone(); Suspend::new(async move {
                match found.await {
                    Ok(family) => {
                        let family_id = family.id.to_string();
                        // After "this phone was taken": say what happened, by name. Read as the
                        // address changes, since the form leads back to this same page.
                        let names: Vec<(String, String)> = family.members.iter().map(|m| (m.id.to_string(), m.name.clone())).collect();
                        let taken = move || query
                            .read()
                            .get("taken")
                            .and_then(|id| names.iter().find(|(member, _)| *member == id).map(|(_, name)| name.clone()))
                            .map(|name| view! {
                                <crate::ui::shared::layout::Success
                                    heading=format!("{name}'s passkeys no longer work, and they are signed out everywhere.")
                                    more="When they have a phone again, create a reset code for them."
                                />
                            });
                        let (about_first, about_later) =
                            about_the_family(family.new_to_family, family.about_me.clone());
                        let children: Vec<crate::api::family::MemberView> =
                            family.members.iter().filter(|m| m.is_child).cloned().collect();
                        view! {
                            <PageTitle text="Family" />
                            <ErrorSummary error />
                            {taken}
                            <span class="govuk-caption-l">{family.reference.clone()}</span>
                            <h1 class="govuk-heading-l">{family.display_name.clone()}</h1>
                            <p class="govuk-body">
                                <a class="govuk-link" href=format!("/families/{family_id}/views")>"Comments and views (Module 8)"</a>
                            </p>
                            <p class="govuk-body">
                                <a class="govuk-link" href=format!("/families/{family_id}/pack")>"Supervision pack"</a>
                            </p>
                            {about_first}
                            <h2 class="govuk-heading-m">"Members"</h2>
                            <dl class="govuk-summary-list app-summary-list--fixed">
                                {family
                                    .members
                                    .into_iter()
                                    .map(|m| {
                                        let action = |purpose: &'static str, class: &'static str, label: String, language: bool| view! {
                                            <MemberAction family=family_id.clone() member=m.id.to_string() purpose class label language />
                                        };
                                        view! {
                                            <div class="govuk-summary-list__row">
                                                <dt class="govuk-summary-list__key">{m.name.clone()}</dt>
                                                <dd class="govuk-summary-list__value">
                                                    {if m.is_child { "Child or young person" } else { "Parent or carer" }}
                                                    <br />
                                                    <a class="govuk-link govuk-body-s" href=format!("/families/{family_id}/members/{}/data", m.id)>
                                                        {format!("A copy of {}'s data, if they ask", m.name)}
                                                    </a>
                                                </dd>
                                                <dd class="govuk-summary-list__actions">
                                                    {action("invitation", "govuk-button--secondary govuk-!-margin-bottom-1", format!("Create a sign-up code for {}", m.name), true)}
                                                    // Only "Phone taken" acts at once; a reset code does nothing until it is used.
                                                    {action("reset", "govuk-button--secondary govuk-!-margin-bottom-1", format!("Lost phone: create a reset code for {}", m.name), false)}
                                                    {action("phone_taken", "govuk-button--warning govuk-!-margin-bottom-0", format!("Phone taken: stop {} signing in on it now", m.name), false)}
                                                </dd>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                            <ChildrenScreens members=children.clone() />
                            <Supervision family=family_id.clone() prep=family.supervision.clone() echo=echo.clone() />
                            {about_later}
                            <h2 class="govuk-heading-m">"Shared with workers"</h2>
                            {if family.entries.is_empty() {
                                view! { <p class="govuk-body">"Nothing has been shared with workers yet."</p> }.into_any()
                            } else {
                                family
                                    .entries
                                    .into_iter()
                                    .map(|e| {
                                        let talk = e.talk.clone().map(|talk| view! { <TalkKindOf entry=e.id.to_string() talk /> });
                                        view! {
                                            <div class="govuk-inset-text">
                                                <p class="govuk-body app-own-words">{e.words}</p>
                                                <p class="govuk-body-s">{e.author} ", " {when(e.written_at)}</p>
                                                {talk}
                                            </div>
                                        }
                                    })
                                    .collect_view()
                                    .into_any()
                            }}
                            {(!family.withdrawn.is_empty()).then(|| view! {
                                <h2 class="govuk-heading-m">"Withdrawn after you read them"</h2>
                                <p class="govuk-body">"The family member chose to stop sharing these. What they said is kept in the record, with its history, but is no longer shown."</p>
                                <ul class="govuk-list govuk-list--bullet">
                                    {family
                                        .withdrawn
                                        .into_iter()
                                        .map(|w| view! {
                                            <li>
                                                {format!("{} withdrew {} that you read on {}. Withdrawn on {}.", w.author, w.what, when(w.read_at), when(w.withdrawn_at))}
                                            </li>
                                        })
                                        .collect_view()}
                                </ul>
                            })}
                        }
                        .into_any()
                    }
                    Err(error) => problem_view(error),
                }
            })}}
        </Suspense>
    }
}

/// The code just created, shown once. Reloading the page does not show it again.
#[component]
pub fn CodePage() -> impl IntoView {
    let params = use_params_map();
    let shown = Resource::new(
        move || params.read().get("member").unwrap_or_default(),
        shown_code,
    );
    let back = move || {
        format!(
            "/families/{}",
            params.read().get("family").unwrap_or_default()
        )
    };
    view! {
        <PageTitle text="Code" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match shown.await {
                    Ok(Some(code)) => view! { <CodeShownView code /> }.into_any(),
                    Ok(None) => view! {
                        <h1 class="govuk-heading-l">"This code has already been shown"</h1>
                        <p class="govuk-body">
                            "A code is shown only once. If it was lost, create a new one: the old one will still stop working when it expires."
                        </p>
                    }
                    .into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
        <p class="govuk-body"><a href=back class="govuk-link">"Back to the family"</a></p>
    }
}

#[component]
pub fn CodeShownView(code: crate::api::family::CodeShown) -> impl IntoView {
    let heading = if code.is_reset {
        format!("Reset code for {}", code.member_name)
    } else {
        format!("Sign-up code for {}", code.member_name)
    };
    let qr = code.qr_svg.trim_start_matches(|c| c != '<').to_owned();
    let qr = qr
        .split_once("<svg")
        .map(|(_, rest)| format!("<svg{rest}"))
        .unwrap_or_default();
    view! {
        <h1 class="govuk-heading-l">{heading}</h1>
        <div class="govuk-panel govuk-panel--confirmation">
            <div class="govuk-panel__body">
                <span class="govuk-visually-hidden">"The code is "</span>
                <strong class="app-code" data-code="">{code.code.clone()}</strong>
            </div>
        </div>
        <p class="govuk-body">"Give this code to them in person. It works once, until " {code.expires} "."</p>
        <p class="govuk-body">"Or they can scan this with their phone's camera:"</p>
        <div class="app-qr" aria-hidden="true" inner_html=qr></div>
        <p class="govuk-body">"Or open this address on their phone: " <span class="app-code-link">{code.link}</span></p>
        {code.is_reset.then(|| view! {
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    "They have been signed out everywhere. Once signed in again, they should remove the lost phone's passkey."
                </strong>
            </div>
        })}
    }
}

/// The kind of a change-talk statement: the family member's own choice, a practitioner's
/// suggestion beside it, and a plain form to suggest one. Suggesting never changes what
/// the member wrote or chose.
#[component]
pub fn TalkKindOf(entry: String, talk: crate::api::family::TalkView) -> impl IntoView {
    use crate::domain::tools::TalkKind;
    let chosen = talk.chosen.map_or_else(
        || "They wrote in their own way, without a starter.".to_owned(),
        |kind| format!("Kind from the starter they chose: {kind}."),
    );
    let suggested = talk.suggested.map(|s| {
        view! { <p class="govuk-body-s">{format!("Suggested kind: {}, by {}, {}.", s.kind, s.by, when(s.at))}</p> }
    });
    let select = format!("kind-{entry}");
    view! {
        <p class="govuk-body-s">{chosen}</p>
        {suggested}
        <form method="post" class="app-inline-form app-print-hidden">
            <input type="hidden" name=crate::ui::shared::form::SERVER_FN_FIELD value=crate::api::family::SuggestKind::url() />
            <input type="hidden" name="entry" value=entry />
            <div class="govuk-form-group govuk-!-margin-bottom-2">
                <label class="govuk-label govuk-label--s" for=select.clone()>"Suggest a kind of change talk"</label>
                <select class="govuk-select" id=select name="kind">
                    {TalkKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=k.code()>{k.name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">"Suggest"</button>
        </form>
    }
}

/// Getting ready for group case supervision: the session, the other practitioners'
/// progress summaries, and the reader's own, saved as drafts until they finalise it.
#[component]
fn Supervision(
    family: String,
    prep: Option<crate::api::supervision::SupervisionPrep>,
    echo: crate::ui::shared::form::FormEcho,
) -> impl IntoView {
    use crate::api::supervision::{SaveSummary, SummaryView};
    use crate::ui::shared::form::{SERVER_FN_FIELD, textarea_text};
    let Some(prep) = prep else {
        return view! {
            <h2 class="govuk-heading-m" id="supervision">"Group case supervision"</h2>
            <p class="govuk-body">"No group case supervision is booked for this family yet."</p>
        }
        .into_any();
    };
    let family_for_links = family.clone();
    let summary = |s: SummaryView| {
        let state = if s.finalised { "Finalised" } else { "Draft" };
        view! {
            <div class="govuk-inset-text">
                <p class="govuk-body-s">
                    <strong>{format!("{}, {}", s.by, s.discipline)}</strong>
                    {format!(": {state}, version {}, {}", s.version, when(s.written_at))}
                </p>
                <p class="govuk-body app-own-words">{s.words}</p>
            </div>
        }
    };
    let others = if prep.others.is_empty() {
        view! { <p class="govuk-body">"No other summaries yet."</p> }.into_any()
    } else {
        prep.others
            .into_iter()
            .map(summary)
            .collect_view()
            .into_any()
    };
    let problem = echo
        .error
        .as_ref()
        .and_then(|e| e.field_errors())
        .and_then(|f| f.for_field("summary").map(str::to_owned));
    let own = match (prep.discipline, prep.mine) {
        (None, _) => ().into_any(),
        (Some(_), Some(mine)) if mine.finalised => view! {
            <h3 class="govuk-heading-s">"Your progress summary"</h3>
            {summary(mine)}
        }
        .into_any(),
        (Some(discipline), mine) => {
            let typed = echo
                .value("summary")
                .or(mine.map(|m| m.words))
                .unwrap_or_default();
            let has_problem = problem.is_some();
            let group = if has_problem {
                "govuk-form-group govuk-form-group--error"
            } else {
                "govuk-form-group"
            };
            view! {
                <form method="post" novalidate>
                    <input type="hidden" name=SERVER_FN_FIELD value=SaveSummary::url() />
                    <input type="hidden" name="family" value=family />
                    <input type="hidden" name="session" value=prep.session />
                    <div class=group>
                        <label class="govuk-label govuk-label--s" for="summary">{format!("Your progress summary ({})", crate::domain::text::mid_sentence(&discipline))}</label>
                        <div class="govuk-hint" id="summary-hint">"Save it as a draft as often as you like. Once you finalise it, it cannot be changed."</div>
                        {problem.map(|message| view! {
                            <p class="govuk-error-message" id="summary-error"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                        })}
                        <textarea class=if has_problem { "govuk-textarea govuk-textarea--error" } else { "govuk-textarea" }
                            id="summary" name="summary" rows="5"
                            aria-describedby=if has_problem { "summary-hint summary-error summary-info" } else { "summary-hint summary-info" }>
                            {textarea_text(typed.clone())}
                        </textarea>
                        <crate::ui::shared::count::CharacterCount field="summary" max=crate::domain::tools::WORDS_MAX />
                    </div>
                    <div class="govuk-button-group">
                        <button type="submit" name="finalise" value="" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Save draft"</button>
                        <button type="submit" name="finalise" value="yes" class="govuk-button" data-module="govuk-button">"Save and finalise"</button>
                    </div>
                </form>
            }
            .into_any()
        }
    };
    let records = prep
        .records
        .iter()
        .map(|r| {
            let label = format!("Record of the session on {}", when(r.held_on));
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">
                        <a class="govuk-link" href=format!("/families/{family_for_links}/record/{}", r.session)>{label}</a>
                    </dt>
                    <dd class="govuk-summary-list__value">{r.state.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="supervision">"Group case supervision"</h2>
        <p class="govuk-body">{format!("Progress summaries for the session on {}.", when(prep.held_on))}</p>
        {others}
        {own}
        <h3 class="govuk-heading-s">"Supervision records"</h3>
        <dl class="govuk-summary-list">{records}</dl>
    }
    .into_any()
}

/// A child's screens: which fit them, and handing this device to them. Handing over is a
/// plain form, so it works before the WebAssembly arrives; the device is the child's until
/// this practitioner's passkey takes it back.
#[component]
fn ChildrenScreens(members: Vec<crate::api::family::MemberView>) -> impl IntoView {
    use crate::api::child::{ChooseBand, HandToChild};
    use crate::domain::child::AgeBand;
    use crate::ui::shared::form::SERVER_FN_FIELD;
    (!members.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">"Children's screens"</h2>
            <p class="govuk-body">
                "Hand this device to a child so they can record in their own words. Only their screens can be used until you take it back with your passkey. It locks itself if nobody touches it for 5 minutes."
            </p>
            {members
                .into_iter()
                .map(|m| {
                    let band = m.band.unwrap_or(AgeBand::Under8);
                    let how = if m.band_chosen { "chosen by a practitioner" } else { "from their date of birth" };
                    let select_id = format!("band-{}", m.id);
                    view! {
                        <div class="govuk-summary-card">
                            <div class="govuk-summary-card__title-wrapper">
                                <h3 class="govuk-summary-card__title">{m.name.clone()}</h3>
                            </div>
                            <div class="govuk-summary-card__content">
                                <p class="govuk-body">{format!("Screens for {} ({how}).", crate::domain::text::mid_sentence(band.label()))}</p>
                                <form method="post">
                                    <input type="hidden" name=SERVER_FN_FIELD value=HandToChild::url() />
                                    <input type="hidden" name="member" value=m.id.to_string() />
                                    <LanguageChoice id=format!("screens-language-{}", m.id) label="Language of their screens" />
                                    <button type="submit" class="govuk-button" data-module="govuk-button">
                                        {format!("Hand the tablet to {}", m.name)}
                                    </button>
                                </form>
                                <form method="post">
                                    <input type="hidden" name=SERVER_FN_FIELD value=ChooseBand::url() />
                                    <input type="hidden" name="member" value=m.id.to_string() />
                                    <div class="govuk-form-group">
                                    <label class="govuk-label" for=select_id.clone()>{format!("Screens that fit {}", m.name)}</label>
                                    <select class="govuk-select" id=select_id name="band">
                                        <option value="from_birth" selected=!m.band_chosen>"From their date of birth"</option>
                                        {AgeBand::ALL
                                            .into_iter()
                                            .map(|b| view! {
                                                <option value=b.code() selected=m.band_chosen && b == band>{b.label()}</option>
                                            })
                                            .collect_view()}
                                    </select>
                                    </div>
                                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                                        "Change screens"
                                    </button>
                                </form>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        }
    })
}

/// Which language a member's pages are in, where the council offers more than English.
#[component]
fn LanguageChoice(id: String, label: &'static str) -> impl IntoView {
    let offered = use_context::<crate::domain::language::Offered>().unwrap_or_default();
    offered.several().then(|| {
        let options = offered
            .0
            .iter()
            .map(|l| view! { <option value=l.code()>{format!("{} ({})", l.english_name(), l.own_name())}</option> })
            .collect_view();
        view! {
            <div class="govuk-form-group govuk-!-margin-bottom-2">
                <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
                <select class="govuk-select" id=id name="language">
                    <option value="">"As it is now"</option>
                    {options}
                </select>
            </div>
        }
    })
}

/// One of the code buttons beside a member: a sign-up code, a reset code, or "Phone
/// taken". Each is its own small form naming what it asks for.
#[component]
fn MemberAction(
    family: String,
    member: String,
    purpose: &'static str,
    class: &'static str,
    label: String,
    /// Whether to offer the language of the member's sign-up page (a sign-up code, where
    /// the council offers more than English).
    language: bool,
) -> impl IntoView {
    let choice = language
        .then(|| view! { <LanguageChoice id=format!("language-{member}") label="Language of their sign-up page" /> });
    view! {
        <ProgressiveForm to=IssueCode::url()>
            <input type="hidden" name="family" value=family />
            <input type="hidden" name="member" value=member />
            <input type="hidden" name="purpose" value=purpose />
            {choice}
            <button type="submit" class=format!("govuk-button {class}") data-module="govuk-button">
                {label}
            </button>
        </ProgressiveForm>
    }
}
