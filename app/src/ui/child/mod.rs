//! A child's screens: the Three Houses, "How I feel", "What I want my worker to know",
//! "Who is important to me", "For my team's meeting" (when one is booked) and "I don't
//! feel safe".
//!
//! The screens fit the child's age band: the youngest get large pictures first and pages
//! that read themselves aloud; teenagers a plainer, grown-up look. Every choice is a
//! picture with its word, at least 44 pixels, reachable by keyboard. Every form is a plain
//! form that works before the WebAssembly arrives. Nothing is ever shown as a red error:
//! a problem is a gentle "let's try that again" that keeps everything chosen.
//!
//! On a practitioner's device the child's screens are all there is: the practitioner's
//! pages cannot be reached until their passkey takes the device back.
//!
//! Every word is in the child's own language (`child.ftl`), even on a practitioner's
//! tablet; what the child wrote, and the names of people, are shown as written.

pub mod symbols;

use crate::api::AppError;
use crate::api::child::{
    AddFeeling, AddNote, AddToHouse, ChildItem, ChildNotSafe, ChildShare, ChildSpace, Person,
    my_child_space,
};
use crate::domain::child::{AgeBand, Face, House, Symbol};
use crate::domain::entries::EntryKind;
use crate::domain::ids::SubmissionId;
use crate::ui::i18n::{problem, t, t_with};
use crate::ui::shared::dates::when;
use crate::ui::shared::form::{FormEcho, SERVER_FN_FIELD, textarea_text};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};
use symbols::{
    FacePicture, PersonPicture, SymbolPicture, face_word, house_in, house_question, house_title,
    symbol_word,
};

/// The frame of every child screen: the band's look, read-aloud, the idle lock on a
/// practitioner's device, and the way back to the start.
#[component]
fn ChildFrame(space: ChildSpace, home: bool, children: Children) -> impl IntoView {
    let band = space.band;
    let class = format!("app-child app-child--{}", band.code());
    let auto = band.reads_aloud_by_itself().then_some("");
    let lock = space.lock_after_seconds.map(|seconds| {
        view! {
            // Locks the screen after it has sat untouched (see /scripts/child.js); the
            // server also ends the session once the same time has passed.
            <form method="post" action="/lock" data-idle-lock=seconds.to_string() class="app-child__lock">
                <button type="submit" class="govuk-button govuk-button--secondary">{t("child-lock")}</button>
            </form>
        }
    });
    let give_back = space.with_worker.clone().map(|worker| {
        view! {
            // A full page load, so the passkey page is set up as it is when opened directly.
            <a href="/child/hand-back" rel="external" class="govuk-link app-child__give-back">
                {t_with("child-give-back", &[("name", &worker)])}
            </a>
        }
    });
    view! {
        <div class=class data-read-aloud-auto=auto>
            <nav class="app-child__nav" aria-label=t("child-nav")>
                {(!home).then(|| view! {
                    <a href="/child" class="govuk-link app-child__start">{t("child-back-to-start")}</a>
                })}
                {give_back}
            </nav>
            {children()}
            <p class="govuk-body app-child__safe">
                <a href="/child/safe" class="govuk-link">{t("child-not-safe")}</a>
            </p>
            {lock}
        </div>
    }
}

/// A gentle problem box: what to try, never a red error screen. Each problem is in the
/// child's language.
#[component]
fn TryAgain(echo: FormEcho) -> impl IntoView {
    let messages: Vec<String> = match &echo.error {
        Some(AppError::Invalid(errors)) => errors
            .iter()
            .map(|e| too_long(&echo, &e.field, &e.message).unwrap_or_else(|| problem(&e.message)))
            .collect(),
        Some(other) => vec![problem(&other.to_string())],
        None => Vec::new(),
    };
    (!messages.is_empty()).then(|| {
        view! {
            <div class="app-child__try-again" role="alert" tabindex="-1" id="try-again">
                <h2 class="govuk-heading-m">{t("child-try-again")}</h2>
                {messages
                    .into_iter()
                    .map(|m| view! { <p class="govuk-body">{m}</p> })
                    .collect_view()}
            </div>
        }
    })
}

/// The problem of words too long to keep, in the child's language. Its English carries
/// the count, so it cannot be looked up by its words: it is known by the words sent
/// giving the same problem again.
fn too_long(echo: &FormEcho, field: &str, message: &str) -> Option<String> {
    use crate::domain::child::{CHILD_WORDS_MAX, ChildWords};
    let typed = echo.value(field)?;
    if ChildWords::parse_optional(&typed).err().as_deref() != Some(message) {
        return None;
    }
    // Counted as the check counts: line endings as one, without the spaces around.
    let count = typed
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .chars()
        .count();
    Some(t_with(
        "child-too-long",
        &[
            ("max", &CHILD_WORDS_MAX.to_string()),
            ("count", &count.to_string()),
        ],
    ))
}

fn space_resource() -> Resource<Result<ChildSpace, AppError>> {
    Resource::new(|| (), |_| my_child_space())
}

fn new_submission() -> String {
    SubmissionId::new().to_string()
}

/// The start: one big picture button for each tool.
#[component]
pub fn ChildHome() -> impl IntoView {
    loaded(space_resource(), |space, _| {
        let teen = space.band == AgeBand::From13;
        let name = [("name", space.first_name.as_str())];
        // Teenagers get a plainer, grown-up look.
        let (hello, intro) = if teen {
            (t_with("child-hello-teen", &name), t("child-intro-teen"))
        } else {
            (t_with("child-hello", &name), t("child-intro"))
        };
        let tiles = [
            (
                "/child/houses/worries",
                Symbol::Home,
                house_title(House::Worries),
            ),
            (
                "/child/houses/good_things",
                Symbol::Hugs,
                house_title(House::GoodThings),
            ),
            (
                "/child/houses/dreams",
                Symbol::DaysOut,
                house_title(House::Dreams),
            ),
            ("/child/feelings", Symbol::Friends, t("child-feelings")),
            ("/child/tell", Symbol::School, t("child-tell")),
            ("/child/important", Symbol::Family, t("child-important")),
            ("/child/good", Symbol::Playing, t("child-good")),
            ("/child/about", Symbol::Music, t("child-about")),
        ];
        // When the team's meeting is booked, telling it something comes first.
        let meeting = space.meeting.map(|day| {
            view! {
                <p class="govuk-body">{t_with("child-meeting-soon", &[("day", &when(day))])}</p>
            }
        });
        // What the team decided after its last meeting comes first of all, once told.
        let decided = space.told.first().map(|told| {
            view! {
                <p class="govuk-body">{t_with("child-decided-told", &[("day", &when(told.held_on))])}</p>
            }
        });
        let tiles: Vec<(String, Symbol, String)> = space
            .told
            .first()
            .map(|told| {
                (
                    format!("/child/decided/{}", told.session),
                    Symbol::Family,
                    t("child-decided"),
                )
            })
            .into_iter()
            .chain(space.meeting.map(|_| {
                (
                    "/child/meeting".to_owned(),
                    Symbol::Friends,
                    t("child-meeting"),
                )
            }))
            .chain(tiles.map(|(href, symbol, label)| (href.to_owned(), symbol, label)))
            .collect();
        view! {
            <PageTitle text=t("child-title") />
            <ChildFrame space=space.clone() home=true>
                <h1 class="govuk-heading-l">{hello}</h1>
                <p class="govuk-body">{intro}</p>
                {decided}
                {meeting}
                <ul class="app-tiles">
                    {tiles
                        .into_iter()
                        .map(|(href, symbol, label)| view! {
                            <li class="app-tiles__item">
                                <a href=href class="app-tile">
                                    <SymbolPicture symbol />
                                    <span class="app-tile__word">{label}</span>
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
                {(!space.shared_with_me.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">{t("child-other-things")}</h2>
                    <ul class="app-things">
                        {space
                            .shared_with_me
                            .iter()
                            .rev()
                            .map(|thing| view! {
                                <li class="app-thing">
                                    <p class="govuk-body app-own-words" dir="auto">{thing.words.clone()}</p>
                                    <p class="govuk-body-s">
                                        {if thing.mine {
                                            t_with("child-you-wrote", &[("day", &when(thing.written_at))])
                                        } else {
                                            t_with("child-showed-you", &[("name", &thing.author), ("day", &when(thing.written_at))])
                                        }}
                                    </p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                })}
            </ChildFrame>
        }
    })
}

/// Picture checkboxes named `symbols[]`, ticked again as sent after a problem.
#[component]
fn SymbolChoices(legend: String, echo: FormEcho) -> impl IntoView {
    let ticked: Vec<String> = echo
        .fields
        .iter()
        .filter(|(n, _)| n == "symbols[]")
        .map(|(_, v)| v.clone())
        .collect();
    view! {
        <fieldset class="govuk-fieldset app-choices">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
            <div class="app-choices__grid">
                {Symbol::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, symbol)| {
                        // The first box has the field's id, for links to it.
                        let id = if i == 0 { "symbols".to_owned() } else { format!("symbols-{}", i + 1) };
                        let checked = ticked.iter().any(|t| t == symbol.code());
                        view! {
                            <div class="app-choice">
                                <input class="app-choice__input" type="checkbox" id=id.clone() name="symbols[]" value=symbol.code() checked=checked />
                                <label class="app-choice__label" for=id>
                                    <SymbolPicture symbol />
                                    <span class="app-choice__word">{symbol_word(symbol)}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// The child's own words, optional when pictures are chosen.
#[component]
fn Words(label: String, name: &'static str, echo: FormEcho) -> impl IntoView {
    let typed = echo.value(name).unwrap_or_default();
    view! {
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--m" for=name>{label}</label>
            <textarea class="govuk-textarea" id=name name=name rows="3" aria-describedby=crate::ui::shared::count::count_id(name)>
                {textarea_text(typed.clone())}
            </textarea>
            <crate::ui::shared::count::CharacterCount field=name max=crate::domain::child::CHILD_WORDS_MAX />
        </div>
    }
}

/// "Show my worker": ticked means the worker sees it once it is saved. Children know
/// their worker; a list of every practitioner's name would bury the choice.
#[component]
fn ShowWorker(echo: FormEcho) -> impl IntoView {
    let ticked = echo.value("share").is_some_and(|v| v == "workers");
    view! {
        <div class="app-choice app-choice--wide">
            <input class="app-choice__input" type="checkbox" id="share" name="share" value="workers" checked=ticked />
            <label class="app-choice__label" for="share">
                <SymbolPicture symbol=Symbol::Safe />
                <span class="app-choice__word">{t("child-show-worker")}</span>
            </label>
        </div>
    }
}

/// A list of the child's things, each with who can see it and buttons to change that.
#[component]
fn Things(space: ChildSpace, items: Vec<ChildItem>, back: String, empty: String) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="govuk-body">{empty}</p> }.into_any();
    }
    view! {
        <ul class="app-things">
            {items
                .into_iter()
                .rev()
                .map(|item| view! { <Thing space=space.clone() item back=back.clone() /> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Thing(space: ChildSpace, item: ChildItem, back: String) -> impl IntoView {
    let seen = {
        let mut who = Vec::new();
        if item.shared_with_workers {
            who.push(t("child-your-worker"));
        }
        for person in &space.people {
            if item.shared_with.contains(&person.id) {
                who.push(person.name.clone());
            }
        }
        // "your worker and Alex and Sam", in the child's language.
        match who
            .into_iter()
            .reduce(|first, then| t_with("child-and", &[("first", &first), ("then", &then)]))
        {
            Some(who) => t_with("child-showed-to", &[("who", &who)]),
            None => t("child-only-you"),
        }
    };
    let worker = if item.shared_with_workers {
        t("child-stop-worker")
    } else {
        t("child-show-worker")
    };
    let mut buttons = vec![share_button(
        &item,
        "workers",
        worker,
        item.shared_with_workers,
        &back,
    )];
    // The youngest cannot always read the names on buttons, and one mis-tap would show a
    // worry to the wrong person at home: for them, showing someone in the family is a step
    // of its own, with a picture of each person and a question read aloud. Stopping
    // showing takes nothing new to anyone, so it stays one step.
    let separate_step = space.band == AgeBand::Under8;
    let mut someone_new = false;
    for person in &space.people {
        let shown = item.shared_with.contains(&person.id);
        if separate_step && !shown {
            someone_new = true;
            continue;
        }
        let name = [("name", person.name.as_str())];
        let label = if shown {
            t_with("child-stop-person", &name)
        } else {
            t_with("child-show-person", &name)
        };
        buttons.push(share_button(
            &item,
            &person.id.to_string(),
            label,
            shown,
            &back,
        ));
    }
    if someone_new {
        buttons.push(
            view! {
                <a href=show_path(&item, None, &back) class="govuk-button govuk-button--secondary app-thing__button app-thing__show">
                    <SymbolPicture symbol=Symbol::Family />
                    <span>{t("child-show-someone")}</span>
                </a>
            }
            .into_any(),
        );
    }
    view! {
        <li class="app-thing">
            <ThingContent item=item.clone() />
            <p class="govuk-body-s">{t_with("child-written-on", &[("day", &when(item.written_at))])} " " {seen}</p>
            <div class="app-thing__buttons">{buttons}</div>
        </li>
    }
}

/// A button that shows a thing to someone, or stops showing it: `label` says which.
fn share_button(item: &ChildItem, with: &str, label: String, shown: bool, back: &str) -> AnyView {
    let show = if shown { "no" } else { "yes" };
    view! {
        <form method="post" class="app-thing__form">
            <input type="hidden" name=SERVER_FN_FIELD value=ChildShare::url() />
            <input type="hidden" name="entry" value=item.id.to_string() />
            <input type="hidden" name="with" value=with.to_owned() />
            <input type="hidden" name="show" value=show />
            <input type="hidden" name="back" value=back.to_owned() />
            <button type="submit" class="govuk-button govuk-button--secondary app-thing__button">{label}</button>
        </form>
    }
    .into_any()
}

/// The address of the step that shows one thing to someone at home: the list of people
/// (`who` none) or the question about one of them.
fn show_path(item: &ChildItem, who: Option<&Person>, back: &str) -> String {
    let back = child_back(Some(back.to_owned()));
    match who {
        Some(person) => format!("/child/show/{}/{}?back={back}", item.id, person.id),
        None => format!("/child/show/{}?back={back}", item.id),
    }
}

/// Where a child's step goes back to: one of their own screens, never anywhere else.
fn child_back(back: Option<String>) -> String {
    back.filter(|b| {
        (b == "/child" || b.starts_with("/child/"))
            && b.chars()
                .all(|c| c.is_ascii_alphanumeric() || "/_-".contains(c))
    })
    .unwrap_or_else(|| "/child".to_owned())
}

/// The thing being shown, as the child made it: its pictures and words.
#[component]
fn ThingShown(item: ChildItem) -> impl IntoView {
    view! {
        <div class="app-thing">
            <ThingContent item />
        </div>
    }
}

/// A thing as the child made it: its pictures, its face, and its words.
#[component]
fn ThingContent(item: ChildItem) -> impl IntoView {
    let pictures = item
        .symbols
        .iter()
        .map(|s| {
            let symbol = *s;
            view! {
                <span class="app-thing__picture"><SymbolPicture symbol /><span>{symbol_word(symbol)}</span></span>
            }
        })
        .collect_view();
    let face = item.face.map(|face| {
        view! {
            <span class="app-thing__picture"><FacePicture face /><span>{face_word(face)}</span></span>
        }
    });
    let words = item
        .words
        .map(|w| view! { <p class="govuk-body app-own-words" dir="auto">{w}</p> });
    view! {
        <div class="app-thing__pictures">{pictures}{face}</div>
        {words}
    }
}

/// The thing and the person a step is about, from the child's own space: only their own
/// things, and only the people the policy offers them. Anything else is not found, the
/// same whether the person does not exist or the policy keeps them apart.
fn thing_and_person(
    space: &ChildSpace,
    entry: &str,
    member: Option<&str>,
) -> Option<(ChildItem, Option<Person>)> {
    let item = space
        .items
        .iter()
        .find(|i| i.id.to_string() == entry)?
        .clone();
    let person = match member {
        Some(member) => Some(
            space
                .people
                .iter()
                .find(|p| p.id.to_string() == member)?
                .clone(),
        ),
        None => None,
    };
    Some((item, person))
}

/// "Who do you want to show?": a picture for each person at home who does not see the
/// thing yet. Choosing one asks again before anything is shown.
#[component]
pub fn ShowWhoPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let entry = params.with_untracked(|p| p.get("entry").unwrap_or_default());
    let back = child_back(query.with_untracked(|q| q.get("back")));
    loaded(space_resource(), move |space, _| {
        let back = back.clone();
        let Some((item, _)) = thing_and_person(&space, &entry, None) else {
            return view! { <crate::ui::shared::problems::NotFound /> }.into_any();
        };
        let people: Vec<(usize, Person)> = space
            .people
            .iter()
            .cloned()
            .enumerate()
            .filter(|(_, p)| !item.shared_with.contains(&p.id))
            .collect();
        let choices = if people.is_empty() {
            view! { <p class="govuk-body">{t("child-show-everyone")}</p> }.into_any()
        } else {
            view! {
                <ul class="app-tiles">
                    {people
                        .into_iter()
                        .map(|(shade, person)| view! {
                            <li class="app-tiles__item">
                                <a href=show_path(&item, Some(&person), &back) class="app-tile">
                                    <PersonPicture name=person.name.clone() shade />
                                    <span class="app-tile__word">{person.name.clone()}</span>
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <PageTitle text=t("child-show-title") />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{t("child-show-who")}</h1>
                <ThingShown item=item.clone() />
                {choices}
                <a href=back.clone() class="govuk-button govuk-button--secondary app-child__go">{t("child-show-nobody")}</a>
            </ChildFrame>
        }
        .into_any()
    })
}

/// "Show Alex this?": the one question before a thing reaches someone at home, with
/// their picture, read aloud on the youngest screens. Yes shows it; No shows nothing.
#[component]
pub fn ShowConfirmPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let (entry, member) = params.with_untracked(|p| {
        (
            p.get("entry").unwrap_or_default(),
            p.get("member").unwrap_or_default(),
        )
    });
    let back = child_back(query.with_untracked(|q| q.get("back")));
    loaded(space_resource(), move |space, _| {
        let back = back.clone();
        let Some((item, Some(person))) = thing_and_person(&space, &entry, Some(&member)) else {
            return view! { <crate::ui::shared::problems::NotFound /> }.into_any();
        };
        let shade = space
            .people
            .iter()
            .position(|p| p.id == person.id)
            .unwrap_or_default();
        view! {
            <PageTitle text=t("child-show-title") />
            <ChildFrame space=space.clone() home=false>
                <div class="app-show-who">
                    <PersonPicture name=person.name.clone() shade />
                    <h1 class="govuk-heading-l">{t_with("child-show-ask", &[("name", &person.name)])}</h1>
                </div>
                <ThingShown item=item.clone() />
                <div class="app-thing__buttons">
                    <form method="post" class="app-thing__form">
                        <input type="hidden" name=SERVER_FN_FIELD value=ChildShare::url() />
                        <input type="hidden" name="entry" value=item.id.to_string() />
                        <input type="hidden" name="with" value=person.id.to_string() />
                        <input type="hidden" name="show" value="yes" />
                        <input type="hidden" name="back" value=back.clone() />
                        <button type="submit" class="govuk-button app-child__go">{t("child-show-yes")}</button>
                    </form>
                    <a href=back.clone() class="govuk-button govuk-button--secondary app-child__go">{t("child-show-no")}</a>
                </div>
            </ChildFrame>
        }
        .into_any()
    })
}

/// One of the Three Houses: what is in it, and a way to add to it.
#[component]
pub fn HousePage() -> impl IntoView {
    let params = use_params_map();
    let house = params.with_untracked(|p| p.get("house").and_then(|h| House::from_code(&h)));
    let submission = new_submission();
    loaded(space_resource(), move |space, echo| {
        let Some(house) = house else {
            return view! { <crate::ui::shared::problems::NotFound /> }.into_any();
        };
        let items: Vec<ChildItem> = space
            .items
            .iter()
            .filter(|i| i.kind == EntryKind::HouseItem && i.house == Some(house))
            .cloned()
            .collect();
        let back = format!("/child/houses/{}", house.code());
        let submission = submission.clone();
        view! {
            <PageTitle text=t("child-houses-title") has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class=format!("govuk-heading-l app-house app-house--{}", house.code())>{house_title(house)}</h1>
                <TryAgain echo=echo.clone() />
                <form method="post" novalidate class="app-child__form">
                    <input type="hidden" name=SERVER_FN_FIELD value=AddToHouse::url() />
                    <input type="hidden" name="submission" value=submission.clone() />
                    <input type="hidden" name="house" value=house.code() />
                    <SymbolChoices legend=house_question(house) echo=echo.clone() />
                    <Words label=t("child-house-words") name="words" echo=echo.clone() />
                    <ShowWorker echo=echo.clone() />
                    <button type="submit" class="govuk-button app-child__go">{t("child-house-put")}</button>
                </form>
                <h2 class="govuk-heading-m">{house_in(house)}</h2>
                <Things space=space.clone() items back empty=t("child-house-empty") />
            </ChildFrame>
        }
        .into_any()
    })
}

/// How I feel: five faces, "because…", and the check-ins so far.
#[component]
pub fn FeelingsPage() -> impl IntoView {
    let submission = new_submission();
    loaded(space_resource(), move |space, echo| {
        let submission = submission.clone();
        let chosen = echo.value("face").unwrap_or_default();
        let items: Vec<ChildItem> = space
            .items
            .iter()
            .filter(|i| i.kind == EntryKind::Feeling)
            .cloned()
            .collect();
        view! {
            <PageTitle text=t("child-feelings") has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{t("child-feelings")}</h1>
                <TryAgain echo=echo.clone() />
                <form method="post" novalidate class="app-child__form">
                    <input type="hidden" name=SERVER_FN_FIELD value=AddFeeling::url() />
                    <input type="hidden" name="submission" value=submission.clone() />
                    <fieldset class="govuk-fieldset app-choices">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t("child-feel-legend")}</legend>
                        <div class="app-choices__grid app-choices__grid--faces">
                            {Face::ALL
                                .into_iter()
                                .enumerate()
                                .map(|(i, face)| {
                                    let id = if i == 0 { "face".to_owned() } else { format!("face-{}", i + 1) };
                                    view! {
                                        <div class="app-choice">
                                            <input class="app-choice__input" type="radio" id=id.clone() name="face" value=face.code() checked=chosen == face.code() />
                                            <label class="app-choice__label" for=id>
                                                <FacePicture face />
                                                <span class="app-choice__word">{face_word(face)}</span>
                                            </label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                    <Words label=t("child-feel-because") name="because" echo=echo.clone() />
                    <ShowWorker echo=echo.clone() />
                    <button type="submit" class="govuk-button app-child__go">{t("child-feel-save")}</button>
                </form>
                <h2 class="govuk-heading-m">{t("child-feel-before")}</h2>
                <Things space=space.clone() items back="/child/feelings".to_owned() empty=t("child-nothing-yet") />
            </ChildFrame>
        }
    })
}

/// "What I want my worker to know", "Who is important to me", "Something that went well",
/// "About me" and "For my team's meeting".
#[component]
fn NotePage(which: &'static str) -> impl IntoView {
    let submission = new_submission();
    loaded(space_resource(), move |space, echo| {
        let submission = submission.clone();
        // The page's name and question are `child-{name}` and `child-{name}-legend`.
        let (name, kind, back) = match which {
            "tell" => ("tell", EntryKind::WorkerKnow, "/child/tell"),
            "meeting" => ("meeting", EntryKind::ForMeeting, "/child/meeting"),
            "good" => ("good", EntryKind::GoodNews, "/child/good"),
            "about" => ("about", EntryKind::AboutMe, "/child/about"),
            _ => ("important", EntryKind::ImportantPerson, "/child/important"),
        };
        let title = t(&format!("child-{name}"));
        let legend = t(&format!("child-{name}-legend"));
        let items: Vec<ChildItem> = space
            .items
            .iter()
            .filter(|i| i.kind == kind)
            .cloned()
            .collect();
        view! {
            <PageTitle text=title.clone() has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{title}</h1>
                <TryAgain echo=echo.clone() />
                {(which == "meeting").then(|| match space.meeting {
                    Some(day) => view! {
                        <p class="govuk-body">{t_with("child-meeting-on", &[("day", &when(day))])}</p>
                    }.into_any(),
                    None => view! {
                        <p class="govuk-body">{t("child-meeting-none")}</p>
                    }.into_any(),
                })}
                {(which != "meeting" || space.meeting.is_some()).then(|| view! {
                    <form method="post" novalidate class="app-child__form">
                        <input type="hidden" name=SERVER_FN_FIELD value=AddNote::url() />
                        <input type="hidden" name="submission" value=submission.clone() />
                        <input type="hidden" name="which" value=which />
                        <SymbolChoices legend=legend.clone() echo=echo.clone() />
                        <Words label=t("child-write-here") name="words" echo=echo.clone() />
                        <ShowWorker echo=echo.clone() />
                        <button type="submit" class="govuk-button app-child__go">{t("child-save")}</button>
                    </form>
                })}
                <h2 class="govuk-heading-m">{t("child-said-before")}</h2>
                <Things space=space.clone() items back=back.to_owned() empty=t("child-nothing-yet") />
            </ChildFrame>
        }
    })
}

#[component]
pub fn TellPage() -> impl IntoView {
    view! { <NotePage which="tell" /> }
}

#[component]
pub fn ImportantPage() -> impl IntoView {
    view! { <NotePage which="important" /> }
}

/// "About me": what people new to the child should know, in pictures and words.
#[component]
pub fn AboutMePage() -> impl IntoView {
    view! { <NotePage which="about" /> }
}

/// Good news: something that went well, in pictures and words.
#[component]
pub fn GoodNewsPage() -> impl IntoView {
    view! { <NotePage which="good" /> }
}

/// What the child wants their team's next meeting to know.
#[component]
pub fn MeetingPage() -> impl IntoView {
    view! { <NotePage which="meeting" /> }
}

/// What the child's team decided after a meeting, in the words the chair wrote for them,
/// and what the child thinks about it, in pictures and words.
#[component]
pub fn DecidedPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || params.read().get("session").unwrap_or_default(),
        crate::api::tools::told,
    );
    let submission = new_submission();
    loaded(space_resource(), move |space, echo| {
        let submission = submission.clone();
        view! { <Decided space echo found submission /> }
    })
}

#[component]
fn Decided(
    space: ChildSpace,
    echo: FormEcho,
    found: Resource<Result<crate::api::record::ToldView, AppError>>,
    submission: String,
) -> impl IntoView {
    loaded(found, move |told, _| {
        let submission = echo.value("submission").unwrap_or(submission.clone());
        let (echo, space) = (echo.clone(), space.clone());
        let items: Vec<ChildItem> = space
            .items
            .iter()
            .filter(|i| i.kind == EntryKind::OnPlan)
            .cloned()
            .collect();
        let back = format!("/child/decided/{}", told.session);
        view! {
            <PageTitle text=t("child-decided") has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{t("child-decided")}</h1>
                <TryAgain echo=echo.clone() />
                <p class="govuk-body">{t_with("child-decided-met", &[("day", &when(told.held_on))])}</p>
                <p class="govuk-body">{crate::ui::family::decided::who_was_there(&told.roles)}</p>
                <div class="govuk-inset-text">
                    <p class="govuk-body app-own-words" dir="auto">{told.words}</p>
                </div>
                <form method="post" novalidate class="app-child__form">
                    <input type="hidden" name=SERVER_FN_FIELD value=AddNote::url() />
                    <input type="hidden" name="submission" value=submission />
                    <input type="hidden" name="which" value="plan" />
                    <input type="hidden" name="meeting" value=told.session />
                    <SymbolChoices legend=t("child-decided-legend") echo=echo.clone() />
                    <Words label=t("child-write-here") name="words" echo=echo.clone() />
                    <ShowWorker echo=echo.clone() />
                    <button type="submit" class="govuk-button app-child__go">{t("child-save")}</button>
                </form>
                <h2 class="govuk-heading-m">{t("child-said-before")}</h2>
                <Things space=space.clone() items back empty=t("child-nothing-yet") />
            </ChildFrame>
        }
    })
}

/// "I don't feel safe": what to do now, and a button that tells the workers at once.
#[component]
pub fn SafePage() -> impl IntoView {
    let submission = new_submission();
    loaded(space_resource(), move |space, _| {
        let submission = submission.clone();
        view! {
            <PageTitle text=t("child-help-title") />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{t("child-not-safe")}</h1>
                <p class="govuk-body">{t("child-safe-999")}</p>
                <p class="govuk-body">{t("child-safe-childline")}</p>
                <p class="govuk-body" id="tell-hint">{t("child-safe-hint")}</p>
                <form method="post">
                    <input type="hidden" name=SERVER_FN_FIELD value=ChildNotSafe::url() />
                    <input type="hidden" name="submission" value=submission.clone() />
                    <button type="submit" class="govuk-button app-child__go" aria-describedby="tell-hint">
                        {t("child-safe-tell")}
                    </button>
                </form>
            </ChildFrame>
        }
    })
}

#[component]
pub fn SafeToldPage() -> impl IntoView {
    loaded(space_resource(), |space, _| {
        view! {
            <PageTitle text=t("child-help-title") />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{t("child-safe-told")}</h1>
                <p class="govuk-body">{t("child-safe-right")}</p>
                <p class="govuk-body">{t("child-safe-999")}</p>
            </ChildFrame>
        }
    })
}

/// Taking the device back: only the practitioner's passkey does it.
#[component]
pub fn HandBackPage() -> impl IntoView {
    loaded(space_resource(), |space, _| {
        // Only a device handed over by a practitioner has anyone to give it back to.
        let Some(worker) = space.with_worker.clone() else {
            return view! { <crate::ui::shared::problems::NotFound /> }.into_any();
        };
        let worker = [("name", worker.as_str())];
        let (heading, passkey, button) = (
            t_with("child-give-back", &worker),
            t_with("child-give-back-passkey", &worker),
            t_with("child-give-back-button", &worker),
        );
        view! {
            <PageTitle text=t("child-give-back-title") />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{heading}</h1>
                <p class="govuk-body">{t_with("child-give-back-thanks", &[("name", &space.first_name)])}</p>
                <p class="govuk-body">{passkey}</p>
                <div class="govuk-error-summary" data-passkey-error="" tabindex="-1" hidden=true>
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">{t("child-give-back-failed")}</h2>
                        <div class="govuk-error-summary__body"><div data-passkey-message=""></div></div>
                    </div>
                </div>
                <form method="post" data-passkey="hand-back" data-needs-script="">
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {button}
                    </button>
                </form>
                <p class="govuk-body" data-no-script="">
                    {t("child-give-back-no-script")}
                </p>
            </ChildFrame>
        }
        .into_any()
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::child::{ChildWords, Feeling, HouseItem, Said};
    use crate::domain::language::Lang;
    use crate::ui::i18n::translate_problem;

    /// Every problem a child's screens can give, as the checks word it.
    fn every_childs_problem() -> Vec<String> {
        use crate::domain::meeting::{
            CHILD_ABOUT_ME_EMPTY, CHILD_GOOD_NEWS_EMPTY, CHILD_PLAN_EMPTY, CHILD_SAY_SOMETHING,
        };
        let mut found = Vec::new();
        let mut keep = |result: Result<(), crate::domain::errors::FieldErrors>| {
            if let Err(errors) = result {
                found.extend(errors.iter().map(|e| e.message.clone()));
            }
        };
        keep(HouseItem::parse("cellar", &[], "x").map(drop));
        keep(HouseItem::parse("worries", &["dragon".into()], "").map(drop));
        keep(HouseItem::parse("worries", &[], " ").map(drop));
        keep(Feeling::parse("", "").map(drop));
        // The empty messages `api::child::add_note` gives, and the meeting's.
        for empty in [
            "Choose a picture or write what your worker should know.",
            "Choose a picture or write who is important to you.",
            CHILD_GOOD_NEWS_EMPTY,
            CHILD_ABOUT_ME_EMPTY,
            CHILD_SAY_SOMETHING,
            CHILD_PLAN_EMPTY,
        ] {
            keep(Said::parse(&[], "", empty).map(drop));
        }
        keep(crate::domain::tools::submission("").map(drop));
        found.push(crate::domain::meeting::NO_MEETING.to_owned());
        found
    }

    #[test]
    fn every_problem_a_childs_screens_can_give_has_words_in_every_language() {
        let problems = every_childs_problem();
        assert_eq!(problems.len(), 12, "{problems:#?}");
        for message in &problems {
            for lang in [Lang::Pl, Lang::Ur] {
                assert_ne!(
                    translate_problem(lang, message),
                    *message,
                    "{}: {message}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn words_too_long_are_known_by_the_words_sent_and_no_other_problem_is() {
        let long = "a".repeat(crate::domain::child::CHILD_WORDS_MAX + 1);
        let Err(message) = ChildWords::parse_optional(&long) else {
            panic!("too long to keep");
        };
        let echo = FormEcho {
            fields: vec![("words".to_owned(), long)],
            error: None,
        };
        assert_eq!(
            too_long(&echo, "words", &message).as_deref(),
            Some("Your answer is too long. It can have up to 1000 characters. It has 1001 now.")
        );
        assert_eq!(too_long(&echo, "words", "Something else."), None);
        assert_eq!(too_long(&echo, "because", &message), None);
    }
}
