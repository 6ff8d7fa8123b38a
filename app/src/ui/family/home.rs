//! Home after signing in. A family member sees their own entries and what was shared
//! with them, in their language; a member of staff sees the families they work with, in
//! English. Also an entry's own page and "Who has seen what I wrote".
//!
//! A person's own words (what they wrote, people's names) are never translated: inside a
//! translated sentence they stand in an element of their own, in their own direction.

use crate::api::family::{EntryView, SignedInAs, entry, who_am_i, who_has_seen};
use crate::domain::entries::EntryKind;
use crate::domain::people::{MemberKind, StaffRole};
use crate::ui::i18n::{stage_words, t, t_easy, t_easy_with, t_with};
use crate::ui::shared::dates::{at_time, when};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::problems::{SignInFirst, problem_view};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Sign out: a plain form, so it works without scripts.
#[component]
pub fn SignOut() -> impl IntoView {
    view! {
        <form method="post" action="/sign-out">
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("sign-out")}
            </button>
        </form>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let me = Resource::new(|| (), |_| who_am_i());
    // Asked here, once, rather than by the member's part of the page: what a Suspense
    // draws is drawn more than once on the server, and each drawing would ask again (and
    // audit the read again).
    let member = Resource::new(|| (), |_| crate::api::tools::member_home());
    let query = leptos_router::hooks::use_query_map();
    let weeks = move || {
        crate::api::family::weeks_or_default(&query.read().get("weeks").unwrap_or_default())
    };
    let staff = Resource::new(weeks, |weeks| {
        crate::api::family::staff_home(weeks.to_string())
    });
    view! {
        <PageTitle text=t("home-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match me.await {
                    // A child's own screens fit their age; the grown-ups' page does not.
                    Ok(SignedInAs::Member { is_child: true, .. }) => {
                        view! { <leptos_router::components::Redirect path="/child" /> }.into_any()
                    }
                    Ok(SignedInAs::Member { name, .. }) => view! { <MemberHome name member /> }.into_any(),
                    Ok(SignedInAs::Staff { name, role, is_admin, books_supervision, reads_take_up, approves_case_systems, .. }) => {
                        view! { <StaffHome name role is_admin books_supervision reads_take_up approves_case_systems staff weeks=weeks() /> }.into_any()
                    }
                    Ok(SignedInAs::NotSignedIn) => view! { <SignInFirst /> }.into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EntryCard(
    entry: EntryView,
    /// Whether the card links to the entry's own page: not on that page itself.
    #[prop(default = true)]
    linked: bool,
) -> impl IntoView {
    let href = format!("/entries/{}", entry.id);
    let day = when(entry.written_at);
    let who = if entry.mine {
        t_with("entry-you-wrote", &[("day", &day)]).into_any()
    } else {
        with_own_words("entry-shared-by", "name", entry.author, &[("day", &day)])
    };
    let seen_by = if entry.shared_with_workers {
        t("home-workers-see")
    } else {
        String::new()
    };
    let words = match portal_words(entry.kind, &entry.words) {
        Some(made) => view! { <p class="govuk-body">{made}</p> }.into_any(),
        None => {
            view! { <p class="govuk-body app-own-words" dir="auto">{entry.words}</p> }.into_any()
        }
    };
    view! {
        <div class="govuk-summary-card">
            <div class="govuk-summary-card__content">
                {words}
                <p class="govuk-body-s">
                    {who} " " {seen_by} " "
                    {linked.then(|| view! { <a href=href class="govuk-link">{t("entry-open")}</a> })}
                </p>
                {(entry.replies > 0).then(|| view! {
                    <p class="govuk-body-s"><strong>{t("entry-worker-replied")}</strong></p>
                })}
            </div>
        </div>
    }
}

#[component]
fn MemberHome(
    name: String,
    member: Resource<Result<Option<crate::api::tools::MemberHomeView>, crate::api::AppError>>,
) -> impl IntoView {
    view! {
        <h1 class="govuk-heading-l">{t("home-heading")}</h1>
        <p class="govuk-body">{t_easy_with("home-signed-in", &[("name", &name)])}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match member.await {
                    Ok(Some(home)) => {
                        let list = home.entries;
                        // Goals, check-ins and things to say are shown above; the rest here.
                        let tools = [
                            EntryKind::Goal,
                            EntryKind::CheckIn,
                            EntryKind::Stage,
                            EntryKind::ChangeTalk,
                        ];
                        let (mine, shared): (Vec<EntryView>, Vec<EntryView>) = list
                            .into_iter()
                            .filter(|e| !(e.mine && tools.contains(&e.kind)))
                            .partition(|e| e.mine);
                        view! {
                            <ToldCards told=home.told />
                            {home.meeting.map(|day| view! { <MeetingComing day /> })}
                            <MySpace space=home.space />
                            {(!mine.is_empty()).then(|| view! {
                                <h2 class="govuk-heading-m">{t("home-other-things")}</h2>
                                {mine.into_iter().map(|entry| view! { <EntryCard entry /> }).collect_view()}
                            })}
                            {(!shared.is_empty()).then(|| view! {
                                <h2 class="govuk-heading-m">{t("home-shared-with-you")}</h2>
                                {shared.into_iter().map(|entry| view! { <EntryCard entry /> }).collect_view()}
                            })}
                        }
                        .into_any()
                    }
                    // Asked only for a grown-up member, which the page has just found.
                    Ok(None) => ().into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
        <ul class="govuk-list">
            <li><a href="/seen" class="govuk-link">{t("home-who-has-seen")}</a></li>
            <li><a href="/messages" class="govuk-link">{t("home-messages")}</a></li>
            <li><a href="/account" class="govuk-link">{t("home-passkeys")}</a></li>
        </ul>
        <SignOut />
    }
}

/// The family's next group case supervision is booked: the same question for every member.
#[component]
fn MeetingComing(day: i64) -> impl IntoView {
    view! {
        <div class="govuk-inset-text">
            <h2 class="govuk-heading-m">{t("home-meeting")}</h2>
            <p class="govuk-body">{t_easy_with("home-meeting-on", &[("day", &when(day))])}</p>
            <p class="govuk-body">{t("home-meeting-ask")}</p>
            <a href="/meeting" role="button" draggable="false" class="govuk-button" data-module="govuk-button">
                {t("home-tell-team")}
            </a>
        </div>
    }
}

/// After each meeting the member was told about: a link to read what was decided.
#[component]
fn ToldCards(told: Vec<crate::api::record::ToldLink>) -> impl IntoView {
    told.into_iter()
        .map(|told| {
            let state = t_easy(if told.read {
                "home-decided-read"
            } else {
                "home-decided-unread"
            });
            let day = when(told.held_on);
            view! {
                <div class="govuk-inset-text">
                    <h2 class="govuk-heading-m">{t("home-decided")}</h2>
                    <p class="govuk-body">{t_with("home-decided-met", &[("day", &day)])}</p>
                    <p class="govuk-body">{state}</p>
                    <a href=format!("/decided/{}", told.session) class="govuk-link govuk-body">
                        {t_with("home-decided-link", &[("day", &day)])}
                    </a>
                </div>
            }
        })
        .collect_view()
}

/// A link to what the member's worker said back, when they have.
#[component]
fn Replied(entry: String, replies: usize) -> impl IntoView {
    (replies > 0).then(|| {
        view! {
            <br />
            <a class="govuk-link" href=format!("/entries/{entry}")>{t("home-replied")}</a>
        }
    })
}

/// The member's goals and the things they want to say.
#[component]
fn MySpace(space: crate::api::tools::SpaceView) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">{t("home-my-goals")}</h2>
        {if space.goals.is_empty() {
            view! { <p class="govuk-body">{t("home-no-goals")}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--spaced">
                    {space
                        .goals
                        .into_iter()
                        .map(|g| {
                            let href = format!("/goals/{}", g.id);
                            let how = match (g.now, g.want) {
                                (Some(now), Some(want)) => t_easy_with("home-goal-scores", &[("now", &now.to_string()), ("want", &want.to_string())]),
                                _ => t("home-no-check-in"),
                            };
                            view! {
                                <li>
                                    <a class="govuk-link govuk-!-font-weight-bold" href=href dir="auto">{g.change}</a>
                                    <br />
                                    <span class="govuk-body-s app-lines">{how} " " {g.stage.map(|s| t_with("space-stage", &[("stage", &stage_words(&s))]))}</span>
                                    {g.read_by_worker.map(|at| view! {
                                        <br />
                                        <strong class="govuk-tag govuk-tag--green">{t_with("home-read-on", &[("day", &when(at))])}</strong>
                                    })}
                                    <Replied entry=g.id.to_string() replies=g.replies />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        <a href="/goals/new" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("home-add-goal")}
        </a>
        <h2 class="govuk-heading-m">{t("home-things-to-say")}</h2>
        {if space.said.is_empty() {
            view! { <p class="govuk-body">{t("home-nothing-yet")}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--spaced">
                    {space
                        .said
                        .into_iter()
                        .map(|said| {
                            let seen = t(if said.shared_with_workers { "home-workers-see" } else { "home-only-you" });
                            let entry = said.id.to_string();
                            view! {
                                <li>
                                    {said_in_words(&said)}
                                    <br />
                                    <span class="govuk-body-s">{t_with("space-said-on", &[("day", &when(said.at))])} " " {seen}</span>
                                    {said.read_by_worker.map(|at| view! {
                                        <br />
                                        <strong class="govuk-tag govuk-tag--green">{t_with("home-read-on", &[("day", &when(at))])}</strong>
                                    })}
                                    <Replied entry=entry.clone() replies=said.replies />
                                    <SayShare entry shared=said.shared_with_workers />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        <div class="govuk-button-group">
            <a href="/say" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("home-say-something")}
            </a>
            <a href="/good-news" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("home-went-well")}
            </a>
            <a href="/about-me" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {t("home-about-me")}
            </a>
        </div>
    }
}

/// Share one thing said with the workers, or take it back.
#[component]
fn SayShare(entry: String, shared: bool) -> impl IntoView {
    let label = t(if shared {
        "home-stop-sharing"
    } else {
        "home-share"
    });
    view! {
        <crate::ui::family::tools::ShareButton entry shared back="/home".to_owned() label />
    }
}

/// The urgent alerts banner: a member of a family the worker works with does not feel safe.
#[component]
fn Urgent(list: Vec<crate::api::tools::AlertView>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="urgent-title" data-module="govuk-notification-banner">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="urgent-title">"Urgent"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <ul class="govuk-list">
                        {list
                            .into_iter()
                            .map(|a| {
                                let href = format!("/alerts/{}", a.id);
                                view! {
                                    <li>
                                        <strong>{a.member_name}</strong>
                                        " does not feel safe right now. Sent "
                                        {at_time(a.at)}
                                        ". "
                                        <a class="govuk-notification-banner__link" href=href>
                                            "Open the alert from " {a.family_name}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
        }
    })
}

#[component]
fn StaffHome(
    name: String,
    role: String,
    is_admin: bool,
    books_supervision: bool,
    reads_take_up: bool,
    approves_case_systems: bool,
    staff: Resource<Result<Option<crate::api::family::StaffHomeView>, crate::api::AppError>>,
    weeks: u8,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (name, role) = (name.clone(), role.clone());
                Suspend::new(async move {
                    match staff.await {
                        Ok(Some(home)) => view! {
                            <Urgent list=home.alerts />
                            <crate::ui::shared::account::Notices notices=home.account.notices />
                            <h1 class="govuk-heading-l">"Your families"</h1>
                            <p class="govuk-body">"Signed in as " {name} ", " {role} "."</p>
                            {if home.families.is_empty() {
                                view! {
                                    <p class="govuk-body">"You are not working with any families in this service."</p>
                                }
                                .into_any()
                            } else {
                                view! { <Caseload list=home.families weeks /> }.into_any()
                            }}
                        }
                        .into_any(),
                        // Asked only for a member of staff, which the page has just found.
                        Ok(None) => ().into_any(),
                        Err(error) => problem_view(error),
                    }
                })
            }}
        </Suspense>
        <ul class="govuk-list">
            {is_admin.then(|| view! {
                <li><a href="/admin/staff" class="govuk-link">"Staff sign-up codes"</a></li>
                <li><a href="/admin/contacts" class="govuk-link">"Contacts for urgent alerts"</a></li>
                <li><a href="/admin/evaluation" class="govuk-link">"Evaluation data"</a></li>
                <li><a href="/admin/case-system" class="govuk-link">"The council's case system"</a></li>
            })}
            {books_supervision.then(|| view! {
                <li><a href="/supervision" class="govuk-link">"Group case supervision: book a session"</a></li>
            })}
            {reads_take_up.then(|| view! {
                <li><a href="/take-up" class="govuk-link">"Who is using the portal"</a></li>
            })}
            {approves_case_systems.then(|| view! {
                <li><a href="/case-systems" class="govuk-link">"Case systems: approve their access"</a></li>
            })}
            <li><a href="/account" class="govuk-link">"Your passkeys and sign-ins"</a></li>
        </ul>
        <SignOut />
    }
}

/// The caseload as a table: each family's new shared input since its last group case
/// supervision, its last check-in, and who has not engaged for the chosen weeks. The
/// weeks are chosen with a plain form that reloads the page, with or without scripts.
#[component]
fn Caseload(list: Vec<crate::api::family::CaseloadRow>, weeks: u8) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|f| {
            let href = format!("/families/{}", f.id);
            let views = format!("/families/{}/views", f.id);
            let pack = format!("/families/{}/pack", f.id);
            let since = f.last_supervision.map_or_else(
                || "no supervision yet".to_owned(),
                |at| format!("since {}", when(at)),
            );
            let quiet = if f.not_engaged.is_empty() {
                "Nobody".to_owned()
            } else {
                f.not_engaged.join(", ")
            };
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        <a href=href class="govuk-link">{f.display_name}</a>
                        <br />
                        <span class="govuk-body-s">{f.reference}</span>
                    </th>
                    <td class="govuk-table__cell">
                        <a href=views class="govuk-link">{format!("{} new", f.new_shared)}</a>
                        <br />
                        <span class="govuk-body-s">{since}</span>
                    </td>
                    <td class="govuk-table__cell">{f.last_check_in.map_or_else(|| "None shared".to_owned(), when)}</td>
                    <td class="govuk-table__cell">{quiet}</td>
                    <td class="govuk-table__cell"><a href=pack class="govuk-link">"Supervision pack"</a></td>
                </tr>
            }
        })
        .collect_view();
    let engaged_header = format!("Not engaged for {weeks} weeks");
    view! {
        <form method="get" class="govuk-!-margin-bottom-4">
            <div class="govuk-form-group govuk-!-margin-bottom-2">
                <label class="govuk-label" for="weeks">"Show who has not signed in or shared anything for"</label>
                <select class="govuk-select" id="weeks" name="weeks">
                    {crate::api::family::ENGAGEMENT_WEEKS
                        .into_iter()
                        .map(|w| view! { <option value=w.to_string() selected=w == weeks>{format!("{w} weeks")}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Show"</button>
        </form>
        <crate::ui::shared::table::ScrollRegion label="Your caseload">
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">"Your caseload"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Family"</th>
                    <th scope="col" class="govuk-table__header">"Shared with workers since last supervision"</th>
                    <th scope="col" class="govuk-table__header">"Last check-in"</th>
                    <th scope="col" class="govuk-table__header">{engaged_header}</th>
                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Pack"</span></th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
        </crate::ui::shared::table::ScrollRegion>
    }
}

/// One entry on its own page. Another member's private entry and an entry that does not
/// exist give the same page.
#[component]
pub fn EntryPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(move || params.read().get("id").unwrap_or_default(), entry);
    // A problem with "I disagree", sent without scripts, is summarised at the top of the
    // page and named in its title, as GOV.UK does for every form.
    let echo = crate::ui::shared::form::use_form_echo();
    let error = crate::ui::shared::form::echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(entry) => {
                        let responses = entry.responses.clone();
                        let id = entry.id.to_string();
                        // The title names nobody: tabs and history can be seen by others.
                        let (title, heading) = if entry.mine {
                            (t("entry-page-mine"), t("entry-page-mine").into_any())
                        } else {
                            (
                                t("entry-page-shared"),
                                with_own_words("entry-page-shared-by", "name", entry.author.clone(), &[]),
                            )
                        };
                        view! {
                            <PageTitle text=title has_error />
                            <crate::ui::shared::form::ErrorSummary error />
                            <h1 class="govuk-heading-l">{heading}</h1>
                            <EntryCard entry linked=false />
                            <crate::ui::family::replies::Replies entry=id responses />
                            <p class="govuk-body"><a href="/home" class="govuk-link">{t("goal-back-home")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
    }
}

/// Something the member said, as they saw it: the starter they chose (in the reader's
/// language) before their own words, or the tool's name before them.
fn said_in_words(said: &crate::api::tools::SaidView) -> impl IntoView + use<> {
    let before = match said.starter {
        Some(kind) => format!(
            "{} ",
            t(&format!("starter-{}", kind.code())).trim_end_matches('…')
        ),
        None => format!("{}: ", t(&format!("seen-tool-{}", said.kind.code()))),
    };
    view! { {before}<span class="app-own-words" dir="auto">{said.words.clone()}</span> }
}

/// A translated sentence with someone's own words in it (a name), shown as written: in
/// an element of its own, in its own direction. `placeholder` is the message's name for
/// them; `args` fill the rest.
pub(crate) fn with_own_words(
    key: &str,
    placeholder: &str,
    own: String,
    args: &[(&str, &str)],
) -> AnyView {
    // A character nobody types (Unicode's private use area) marks where they go.
    const MARK: &str = "\u{E000}";
    let mut all = vec![(placeholder, MARK)];
    all.extend_from_slice(args);
    let text = t_with(key, &all);
    match text.split_once(MARK) {
        Some((before, after)) => {
            // Fluent isolates what it puts into a sentence (U+2068 … U+2069); the element
            // with `dir="auto"` isolates the words instead.
            let before = before.strip_suffix('\u{2068}').unwrap_or(before);
            let after = after.strip_prefix('\u{2069}').unwrap_or(after);
            // Nothing at all where the sentence starts or ends with the words.
            let [before, after] =
                [before, after].map(|part| (!part.is_empty()).then(|| part.to_owned()));
            view! { {before} <span class="app-own-words" dir="auto">{own}</span> {after} }
                .into_any()
        }
        None => text.into_any(),
    }
}

/// A role, named in the reader's language. Roles reach pages by their English titles,
/// as staff pages and the audit trail name them; one without a message stays as it is.
pub(crate) fn role_words(english: &str) -> String {
    let code = StaffRole::ALL
        .into_iter()
        .find(|r| r.title() == english)
        .map(StaffRole::code)
        .or_else(|| {
            [MemberKind::ParentCarer, MemberKind::Child]
                .into_iter()
                .find(|k| k.title() == english)
                .map(MemberKind::code)
        })
        .or_else(|| (english == "Case system").then_some("case_system"));
    code.map_or_else(|| english.to_owned(), |code| t(&format!("role-{code}")))
}

/// The words of a check-in or a stage in the reader's language. The portal made them
/// (they reach the page in English, as staff pages show them), so they are said again
/// here; anything else is someone's own words, and `None`.
fn portal_words(kind: EntryKind, words: &str) -> Option<String> {
    match kind {
        EntryKind::CheckIn => words
            .strip_prefix("Now ")
            .and_then(|rest| rest.split_once(" out of 10; want to be at "))
            .map(|(now, want)| t_with("check-in-words", &[("now", now), ("want", want)])),
        EntryKind::Stage => Some(stage_words(words)),
        _ => None,
    }
}

/// What one thing read was, in the reader's language: its tool's name (which reaches
/// the page in English, as staff pages show it), and what it says.
fn seen_item(tool: &str, words: &str) -> (String, Option<AnyView>) {
    let kind = EntryKind::ALL.into_iter().find(|k| k.tool_name() == tool);
    let name = kind.map_or_else(
        || tool.to_owned(),
        |k| t(&format!("seen-tool-{}", k.code())),
    );
    if words.is_empty() {
        return (name, None);
    }
    let shown = match kind.and_then(|k| portal_words(k, words)) {
        Some(made) => view! { <span>{made}</span> }.into_any(),
        None => {
            view! { <span class="app-own-words" dir="auto">{shortened(words)}</span> }.into_any()
        }
    };
    (name, Some(shown))
}

/// One person who has read what the member wrote, and each thing they read, in words.
#[component]
fn Reader(reader: crate::api::family::SeenBy) -> impl IntoView {
    let items = reader
        .items
        .into_iter()
        .map(|item| {
            let read = if item.times == 1 {
                t_with("seen-opened-once", &[("time", &at_time(item.first_at))])
            } else {
                t_with(
                    "seen-opened-times",
                    &[
                        ("count", &item.times.to_string()),
                        ("first", &at_time(item.first_at)),
                        ("last", &at_time(item.last_at)),
                    ],
                )
            };
            let (tool, words) = seen_item(&item.tool, &item.words);
            view! {
                <li>
                    <p class="govuk-body govuk-!-margin-bottom-1">
                        <strong>{tool}</strong>
                        {words.map(|words| view! { ": " {words} })}
                    </p>
                    <p class="govuk-body-s">{read}</p>
                </li>
            }
        })
        .collect_view();
    let role = role_words(&reader.role);
    view! {
        <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">
                    {with_own_words("seen-reader", "name", reader.name, &[("role", &role)])}
                </h2>
            </div>
            <div class="govuk-summary-card__content">
                <ul class="govuk-list">{items}</ul>
            </div>
        </div>
    }
}

/// The start of someone's words, enough to know which thing it was.
fn shortened(words: &str) -> String {
    const SHOWN: usize = 80;
    if words.chars().count() <= SHOWN {
        words.to_owned()
    } else {
        let start: String = words.chars().take(SHOWN).collect();
        format!("{}…", start.trim_end())
    }
}

/// Who, by name and role, has read what this member wrote.
#[component]
pub fn WhoHasSeen() -> impl IntoView {
    let seen = Resource::new(|| (), |_| who_has_seen());
    view! {
        <PageTitle text=t("home-who-has-seen") />
        <h1 class="govuk-heading-l">{t("seen-heading")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match seen.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="govuk-body">{t("seen-nobody")}</p>
                    }
                    .into_any(),
                    Ok(list) => view! {
                        <p class="govuk-body">{t_easy("seen-lead")}</p>
                        {list.into_iter().map(|reader| view! { <Reader reader /> }).collect_view()}
                    }
                    .into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
        <p class="govuk-body"><a href="/home" class="govuk-link">{t("goal-back-home")}</a></p>
    }
}
