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

pub mod symbols;

use crate::api::AppError;
use crate::api::child::{
    AddFeeling, AddNote, AddToHouse, ChildItem, ChildNotSafe, ChildShare, ChildSpace, Person,
    my_child_space,
};
use crate::domain::child::{AgeBand, Face, House, Symbol};
use crate::domain::entries::EntryKind;
use crate::domain::ids::SubmissionId;
use crate::ui::shared::dates::when;
use crate::ui::shared::form::{FormEcho, SERVER_FN_FIELD, textarea_text};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};
use symbols::{FacePicture, PersonPicture, SymbolPicture};

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
                <button type="submit" class="govuk-button govuk-button--secondary">"Lock the screen"</button>
            </form>
        }
    });
    let give_back = space.with_worker.clone().map(|worker| {
        view! {
            // A full page load, so the passkey page is set up as it is when opened directly.
            <a href="/child/hand-back" rel="external" class="govuk-link app-child__give-back">
                {format!("Give the tablet back to {worker}")}
            </a>
        }
    });
    view! {
        <div class=class data-read-aloud-auto=auto>
            <nav class="app-child__nav" aria-label="Your pages">
                {(!home).then(|| view! {
                    <a href="/child" class="govuk-link app-child__start">"Back to the start"</a>
                })}
                {give_back}
            </nav>
            {children()}
            <p class="govuk-body app-child__safe">
                <a href="/child/safe" class="govuk-link">"I don't feel safe"</a>
            </p>
            {lock}
        </div>
    }
}

/// A gentle problem box: what to try, never a red error screen.
#[component]
fn TryAgain(echo: FormEcho) -> impl IntoView {
    let messages: Vec<String> = match &echo.error {
        Some(AppError::Invalid(errors)) => errors.iter().map(|e| e.message.clone()).collect(),
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    };
    (!messages.is_empty()).then(|| {
        view! {
            <div class="app-child__try-again" role="alert" tabindex="-1" id="try-again">
                <h2 class="govuk-heading-m">"Let's try that again"</h2>
                {messages
                    .into_iter()
                    .map(|m| view! { <p class="govuk-body">{m}</p> })
                    .collect_view()}
            </div>
        }
    })
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
        let hello = if teen {
            format!("{}'s space", space.first_name)
        } else {
            format!("Hello {}", space.first_name)
        };
        let intro = if teen {
            "Write about things in your own words. Only you can see them until you choose to show someone."
        } else {
            "What would you like to do? Only you can see what you put here, until you choose to show someone."
        };
        let tiles = [
            (
                "/child/houses/worries",
                Symbol::Home,
                House::Worries.title(),
            ),
            (
                "/child/houses/good_things",
                Symbol::Hugs,
                House::GoodThings.title(),
            ),
            (
                "/child/houses/dreams",
                Symbol::DaysOut,
                House::Dreams.title(),
            ),
            ("/child/feelings", Symbol::Friends, "How I feel"),
            (
                "/child/tell",
                Symbol::School,
                "What I want my worker to know",
            ),
            ("/child/important", Symbol::Family, "Who is important to me"),
            ("/child/good", Symbol::Playing, "Something that went well"),
            ("/child/about", Symbol::Music, "About me"),
        ];
        // When the team's meeting is booked, telling it something comes first.
        let meeting = space.meeting.map(|day| {
            view! {
                <p class="govuk-body">{format!("Your team meets on {} to talk about how things are going. Is there anything you want them to know?", when(day))}</p>
            }
        });
        // What the team decided after its last meeting comes first of all, once told.
        let decided = space.told.first().map(|told| {
            view! {
                <p class="govuk-body">{format!("Your team met on {}. They wrote down what they decided, for you.", when(told.held_on))}</p>
            }
        });
        let tiles: Vec<(String, Symbol, &str)> = space
            .told
            .first()
            .map(|told| {
                (
                    format!("/child/decided/{}", told.session),
                    Symbol::Family,
                    "What my team decided",
                )
            })
            .into_iter()
            .chain(space.meeting.map(|_| {
                (
                    "/child/meeting".to_owned(),
                    Symbol::Friends,
                    "For my team's meeting",
                )
            }))
            .chain(tiles.map(|(href, symbol, label)| (href.to_owned(), symbol, label)))
            .collect();
        view! {
            <PageTitle text="Your space" />
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
                    <h2 class="govuk-heading-m">"Other things"</h2>
                    <ul class="app-things">
                        {space
                            .shared_with_me
                            .iter()
                            .rev()
                            .map(|thing| view! {
                                <li class="app-thing">
                                    <p class="govuk-body app-own-words">{thing.words.clone()}</p>
                                    <p class="govuk-body-s">
                                        {if thing.mine {
                                            format!("You wrote this on {}.", when(thing.written_at))
                                        } else {
                                            format!("{} showed you this on {}.", thing.author, when(thing.written_at))
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
fn SymbolChoices(legend: &'static str, echo: FormEcho) -> impl IntoView {
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
                                    <span class="app-choice__word">{symbol.word()}</span>
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
fn Words(label: &'static str, name: &'static str, echo: FormEcho) -> impl IntoView {
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
                <span class="app-choice__word">"Show my worker"</span>
            </label>
        </div>
    }
}

/// A list of the child's things, each with who can see it and buttons to change that.
#[component]
fn Things(
    space: ChildSpace,
    items: Vec<ChildItem>,
    back: String,
    empty: &'static str,
) -> impl IntoView {
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
            who.push("your worker".to_owned());
        }
        for person in &space.people {
            if item.shared_with.contains(&person.id) {
                who.push(person.name.clone());
            }
        }
        if who.is_empty() {
            "Only you can see this.".to_owned()
        } else {
            format!("You showed this to {}.", who.join(" and "))
        }
    };
    let mut buttons = vec![share_button(
        &item,
        "workers",
        "my worker",
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
        buttons.push(share_button(
            &item,
            &person.id.to_string(),
            &person.name,
            shown,
            &back,
        ));
    }
    if someone_new {
        buttons.push(
            view! {
                <a href=show_path(&item, None, &back) class="govuk-button govuk-button--secondary app-thing__button app-thing__show">
                    <SymbolPicture symbol=Symbol::Family />
                    <span>"Show someone at home"</span>
                </a>
            }
            .into_any(),
        );
    }
    view! {
        <li class="app-thing">
            <ThingContent item=item.clone() />
            <p class="govuk-body-s">{when(item.written_at)} ". " {seen}</p>
            <div class="app-thing__buttons">{buttons}</div>
        </li>
    }
}

fn share_button(item: &ChildItem, with: &str, name: &str, shown: bool, back: &str) -> AnyView {
    let (label, show) = if shown {
        (format!("Stop showing {name}"), "no")
    } else {
        (format!("Show {name}"), "yes")
    };
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
                <span class="app-thing__picture"><SymbolPicture symbol /><span>{symbol.word()}</span></span>
            }
        })
        .collect_view();
    let face = item.face.map(|face| {
        view! {
            <span class="app-thing__picture"><FacePicture face /><span>{face.word()}</span></span>
        }
    });
    let words = item
        .words
        .map(|w| view! { <p class="govuk-body app-own-words">{w}</p> });
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
            view! { <p class="govuk-body">"Everyone you can show already sees this."</p> }
                .into_any()
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
            <PageTitle text="Show someone" />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">"Who do you want to show?"</h1>
                <ThingShown item=item.clone() />
                {choices}
                <a href=back.clone() class="govuk-button govuk-button--secondary app-child__go">"Do not show anyone"</a>
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
            <PageTitle text="Show someone" />
            <ChildFrame space=space.clone() home=false>
                <div class="app-show-who">
                    <PersonPicture name=person.name.clone() shade />
                    <h1 class="govuk-heading-l">{format!("Show {} this?", person.name)}</h1>
                </div>
                <ThingShown item=item.clone() />
                <div class="app-thing__buttons">
                    <form method="post" class="app-thing__form">
                        <input type="hidden" name=SERVER_FN_FIELD value=ChildShare::url() />
                        <input type="hidden" name="entry" value=item.id.to_string() />
                        <input type="hidden" name="with" value=person.id.to_string() />
                        <input type="hidden" name="show" value="yes" />
                        <input type="hidden" name="back" value=back.clone() />
                        <button type="submit" class="govuk-button app-child__go">"Yes, show them"</button>
                    </form>
                    <a href=back.clone() class="govuk-button govuk-button--secondary app-child__go">"No"</a>
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
            <PageTitle text="Three Houses" has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class=format!("govuk-heading-l app-house app-house--{}", house.code())>{house.title()}</h1>
                <TryAgain echo=echo.clone() />
                <form method="post" novalidate class="app-child__form">
                    <input type="hidden" name=SERVER_FN_FIELD value=AddToHouse::url() />
                    <input type="hidden" name="submission" value=submission.clone() />
                    <input type="hidden" name="house" value=house.code() />
                    <SymbolChoices legend=house.question() echo=echo.clone() />
                    <Words label="Or write it here (you do not have to)" name="words" echo=echo.clone() />
                    <ShowWorker echo=echo.clone() />
                    <button type="submit" class="govuk-button app-child__go">"Put it in my house"</button>
                </form>
                <h2 class="govuk-heading-m">{format!("In my {}", crate::domain::text::mid_sentence(house.title()))}</h2>
                <Things space=space.clone() items back empty="Nothing in this house yet." />
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
            <PageTitle text="How I feel" has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">"How I feel"</h1>
                <TryAgain echo=echo.clone() />
                <form method="post" novalidate class="app-child__form">
                    <input type="hidden" name=SERVER_FN_FIELD value=AddFeeling::url() />
                    <input type="hidden" name="submission" value=submission.clone() />
                    <fieldset class="govuk-fieldset app-choices">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">"How do you feel today?"</legend>
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
                                                <span class="app-choice__word">{face.word()}</span>
                                            </label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                    <Words label="Because… (you do not have to say)" name="because" echo=echo.clone() />
                    <ShowWorker echo=echo.clone() />
                    <button type="submit" class="govuk-button app-child__go">"Save how I feel"</button>
                </form>
                <h2 class="govuk-heading-m">"How I felt before"</h2>
                <Things space=space.clone() items back="/child/feelings".to_owned() empty="Nothing here yet." />
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
        let (title, kind, legend, back) = match which {
            "tell" => (
                "What I want my worker to know",
                EntryKind::WorkerKnow,
                "What do you want your worker to know?",
                "/child/tell",
            ),
            "meeting" => (
                "For my team's meeting",
                EntryKind::ForMeeting,
                "Is there anything you want your team to know?",
                "/child/meeting",
            ),
            "good" => (
                "Something that went well",
                EntryKind::GoodNews,
                "What went well?",
                "/child/good",
            ),
            "about" => (
                "About me",
                EntryKind::AboutMe,
                "What should people know about you?",
                "/child/about",
            ),
            _ => (
                "Who is important to me",
                EntryKind::ImportantPerson,
                "Who is important to you?",
                "/child/important",
            ),
        };
        let items: Vec<ChildItem> = space
            .items
            .iter()
            .filter(|i| i.kind == kind)
            .cloned()
            .collect();
        view! {
            <PageTitle text=title has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{title}</h1>
                <TryAgain echo=echo.clone() />
                {(which == "meeting").then(|| match space.meeting {
                    Some(day) => view! {
                        <p class="govuk-body">{format!("Your team meets on {} to talk about how things are going.", when(day))}</p>
                    }.into_any(),
                    None => view! {
                        <p class="govuk-body">"Your team has no meeting booked right now. You can still write to your worker."</p>
                    }.into_any(),
                })}
                {(which != "meeting" || space.meeting.is_some()).then(|| view! {
                    <form method="post" novalidate class="app-child__form">
                        <input type="hidden" name=SERVER_FN_FIELD value=AddNote::url() />
                        <input type="hidden" name="submission" value=submission.clone() />
                        <input type="hidden" name="which" value=which />
                        <SymbolChoices legend echo=echo.clone() />
                        <Words label="Write it here (you do not have to)" name="words" echo=echo.clone() />
                        <ShowWorker echo=echo.clone() />
                        <button type="submit" class="govuk-button app-child__go">"Save it"</button>
                    </form>
                })}
                <h2 class="govuk-heading-m">"What I said before"</h2>
                <Things space=space.clone() items back=back.to_owned() empty="Nothing here yet." />
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
            <PageTitle text="What my team decided" has_error=echo.error.is_some() />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">"What my team decided"</h1>
                <TryAgain echo=echo.clone() />
                <p class="govuk-body">{format!("Your team met on {}.", when(told.held_on))}</p>
                <p class="govuk-body">{crate::ui::family::decided::who_was_there(&told.roles)}</p>
                <div class="govuk-inset-text">
                    <p class="govuk-body app-own-words">{told.words}</p>
                </div>
                <form method="post" novalidate class="app-child__form">
                    <input type="hidden" name=SERVER_FN_FIELD value=AddNote::url() />
                    <input type="hidden" name="submission" value=submission />
                    <input type="hidden" name="which" value="plan" />
                    <input type="hidden" name="meeting" value=told.session />
                    <SymbolChoices legend="What do you think about it?" echo=echo.clone() />
                    <Words label="Write it here (you do not have to)" name="words" echo=echo.clone() />
                    <ShowWorker echo=echo.clone() />
                    <button type="submit" class="govuk-button app-child__go">"Save it"</button>
                </form>
                <h2 class="govuk-heading-m">"What I said before"</h2>
                <Things space=space.clone() items back empty="Nothing here yet." />
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
            <PageTitle text="Help" />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">"I don't feel safe"</h1>
                <p class="govuk-body">"If you are in danger now, call 999."</p>
                <p class="govuk-body">"You can talk to Childline for free, any time, on 0800 1111."</p>
                <p class="govuk-body" id="tell-hint">"Press the button and your worker will be told straight away."</p>
                <form method="post">
                    <input type="hidden" name=SERVER_FN_FIELD value=ChildNotSafe::url() />
                    <input type="hidden" name="submission" value=submission.clone() />
                    <button type="submit" class="govuk-button app-child__go" aria-describedby="tell-hint">
                        "Tell my worker I don't feel safe"
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
            <PageTitle text="Help" />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">"Your worker has been told"</h1>
                <p class="govuk-body">"You did the right thing. Your worker will get in touch with you as soon as they can."</p>
                <p class="govuk-body">"If you are in danger now, call 999."</p>
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
        view! {
            <PageTitle text="Give the tablet back" />
            <ChildFrame space=space.clone() home=false>
                <h1 class="govuk-heading-l">{format!("Give the tablet back to {worker}")}</h1>
                <p class="govuk-body">{format!("Thank you, {}. What you saved is kept safe.", space.first_name)}</p>
                <p class="govuk-body">{format!("{worker} will use their passkey to carry on.")}</p>
                <div class="govuk-error-summary" data-passkey-error="" tabindex="-1" hidden=true>
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">"That did not work"</h2>
                        <div class="govuk-error-summary__body"><div data-passkey-message=""></div></div>
                    </div>
                </div>
                <form method="post" data-passkey="hand-back" data-needs-script="">
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {format!("{worker}: use your passkey")}
                    </button>
                </form>
                <p class="govuk-body" data-no-script="">
                    "Passkeys need this browser's scripts. To take the tablet back, use \"Exit this page\" and sign in again."
                </p>
            </ChildFrame>
        }
        .into_any()
    })
}
