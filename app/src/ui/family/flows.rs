//! A parent's tools, one question per page (the GOV.UK question-page pattern), then
//! "Check your answers" and save.
//!
//! Every page is a plain form that posts and redirects, so each question works the same
//! with or without the browser's code, and Back, the page title, focus and "Read this to
//! me" all start afresh on each question. Once the code has arrived, what is typed is
//! kept on the server as it is typed, so a dropped connection loses nothing. Nothing is
//! kept in the browser itself: the phone may be shared or watched.

use crate::api::AppError;
use crate::api::drafts::{DraftView, KeepDraft, draft};
use crate::domain::flows::{
    AnswerKind, Answers, CHECK, Flow, Question, asked_answers, path, shown,
};
use crate::domain::ids::EntryId;
use crate::domain::tools::{Stage, TalkKind, WORDS_MAX};
use crate::ui::shared::count::{CharacterCount, count_id};
use crate::ui::shared::fields::ShareChoice;
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, field_error,
    textarea_text, use_form_echo, use_hydrated, with_error,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The step that asks before throwing the answers away (GOV.UK "Are you sure?").
const DISCARD: &str = "discard";

/// How long typing pauses before what was typed is kept.
const KEEP_AFTER: std::time::Duration = std::time::Duration::from_millis(700);

/// Now, by this device's clock, in milliseconds: when words were typed. The server keeps
/// the latest, so a copy of older words that arrives late never replaces newer ones.
fn typed_now() -> String {
    #[cfg(feature = "hydrate")]
    {
        format!("{:.0}", js_sys::Date::now())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

fn title(flow: Flow) -> &'static str {
    match flow {
        Flow::NewGoal => "Add a goal",
        Flow::EditGoal => "Change your goal",
        Flow::CheckIn => "Check in",
        Flow::Stage => "Where you are",
        Flow::Say => "Something I want to say",
        Flow::ForMeeting => "For your team's meeting",
        Flow::GoodNews => "Something that went well",
        Flow::AboutMe => "About me",
    }
}

/// A question page's own name, for its title: the question as asked, unless another
/// question of the tool is asked in the same words ("Why this number, and not a lower
/// one?" follows both rulers), when it is the question's short description instead.
fn page_name(flow: Flow, question: &'static Question) -> &'static str {
    let asked_twice = flow
        .questions()
        .iter()
        .filter(|q| q.label == question.label)
        .count()
        > 1;
    if asked_twice {
        question.short
    } else {
        question.label
    }
}

#[component]
pub fn NewGoalPage() -> impl IntoView {
    flow_page(Flow::NewGoal)
}

#[component]
pub fn EditGoalPage() -> impl IntoView {
    flow_page(Flow::EditGoal)
}

#[component]
pub fn CheckInPage() -> impl IntoView {
    flow_page(Flow::CheckIn)
}

#[component]
pub fn StagePage() -> impl IntoView {
    flow_page(Flow::Stage)
}

#[component]
pub fn SayPage() -> impl IntoView {
    flow_page(Flow::Say)
}

#[component]
pub fn ForMeetingPage() -> impl IntoView {
    flow_page(Flow::ForMeeting)
}

#[component]
pub fn GoodNewsPage() -> impl IntoView {
    flow_page(Flow::GoodNews)
}

#[component]
pub fn AboutMePage() -> impl IntoView {
    flow_page(Flow::AboutMe)
}

/// Where the pages of one tool are: which tool, and which goal it is about.
#[derive(Debug, Clone)]
struct Place {
    flow: Flow,
    goal: Option<EntryId>,
    /// The goal as the form sends it: blank for tools that are not about a goal.
    goal_field: String,
}

impl Place {
    fn page(&self, step: &str) -> String {
        path(self.flow, self.goal, step)
    }

    /// A page of one question, reached from "Check your answers" to change one answer:
    /// Continue goes straight back there.
    fn change(&self, step: &str) -> String {
        let page = self.page(step);
        let joiner = if page.contains('?') { '&' } else { '?' };
        format!("{page}{joiner}then={CHECK}")
    }

    /// Where the tool was started from.
    fn start(&self) -> String {
        match self.goal {
            Some(goal) if self.flow.about_a_goal() => format!("/goals/{goal}"),
            _ => "/home".to_owned(),
        }
    }
}

fn flow_page(flow: Flow) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let echo = use_form_echo();
    let found = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("q").unwrap_or_default(),
            )
        },
        move |(id, _)| draft(flow.code().to_owned(), id),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let draft = match found.await {
                        Ok(draft) => draft,
                        Err(error) => return problem_view(error),
                    };
                    let goal_field = params.read_untracked().get("id").unwrap_or_default();
                    let goal = EntryId::parse(&goal_field).ok();
                    let place = Place { flow, goal, goal_field };
                    let (step, then) = query.with_untracked(|q| (q.get("q"), q.get("then")));
                    let step = step.unwrap_or_else(|| flow.first().to_owned());
                    let echo = echo_for_step(echo, &step);
                    if step == CHECK {
                        return view! { <CheckAnswers place draft echo /> }.into_any();
                    }
                    if step == DISCARD {
                        return view! { <ConfirmDiscard place /> }.into_any();
                    }
                    match flow.question(&step) {
                        Some(question) if flow.asks(question, &draft.answers) => {
                            let back_to_check = then.as_deref() == Some(CHECK);
                            view! { <QuestionStep place question draft echo back_to_check /> }
                                .into_any()
                        }
                        _ => problem_view(AppError::NotFound),
                    }
                })
            }}
        </Suspense>
    }
}

/// The echo of a form sent without scripts belongs to the page it was sent from. Once the
/// page is hydrated, "Back" and other links move between steps without reloading, and an
/// earlier step must not show this one's problem or answer.
fn echo_for_step(echo: FormEcho, step: &str) -> FormEcho {
    let sent_from = echo.value("question").unwrap_or_else(|| CHECK.to_owned());
    if echo.fields.is_empty() || sent_from == step {
        echo
    } else {
        FormEcho::default()
    }
}

/// What every page of a tool has: a title of its own (the question, never an answer), the GOV.UK back link (to the question
/// before, or to where the tool was started) and the error summary.
#[component]
fn StepFrame(
    flow: Flow,
    /// The page's own name: the question asked, or "Check your answers".
    page: &'static str,
    back: String,
    error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let has_error = Signal::derive(move || error.get().is_some());
    view! {
        <PageTitle text=format!("{page} – {}", title(flow)) has_error />
        <a href=back class="govuk-back-link">"Back"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary error />
                {children()}
            </div>
        </div>
    }
}

#[component]
fn QuestionStep(
    place: Place,
    question: &'static Question,
    draft: DraftView,
    echo: FormEcho,
    back_to_check: bool,
) -> impl IntoView {
    let flow = place.flow;
    let error = echoed_error(&echo);
    let submission = echo
        .value("submission")
        .unwrap_or_else(|| draft.submission.clone());
    let value = echo
        .value("answer")
        .or_else(|| draft.answers.get(question.name).cloned())
        .unwrap_or_default();
    let back = if back_to_check {
        place.page(CHECK)
    } else {
        flow.before(question.name, &draft.answers)
            .map_or_else(|| place.start(), |step| place.page(step))
    };
    let caption = draft
        .goal_change
        .clone()
        .unwrap_or_else(|| title(flow).to_owned());
    let label = question.label_for(&draft.answers);
    let message = field_error(error, question.name);

    view! {
        <StepFrame flow page=page_name(flow, question) back error>
            <KeptAsTyped
                flow=flow.code().to_owned()
                goal=place.goal_field.clone()
                submission
                question=question.name.to_owned()
            >
                {back_to_check.then(|| view! { <input type="hidden" name="then" value=CHECK /> })}
                <Answer question label caption value message />
            </KeptAsTyped>
        </StepFrame>
    }
}

/// A question's form, which keeps what is typed on the server a moment after typing
/// stops. An island: the form and its answer are drawn by the server, and this part wakes
/// when the WebAssembly arrives. Before then, and without it, the form posts as any other.
#[island]
fn KeptAsTyped(
    flow: String,
    goal: String,
    submission: String,
    question: String,
    children: Children,
) -> impl IntoView {
    let keep = ServerAction::<KeepDraft>::new();
    let hydrated = use_hydrated();
    let on_input = {
        let (flow, goal, submission, question) = (
            flow.clone(),
            goal.clone(),
            submission.clone(),
            question.clone(),
        );
        leptos::prelude::debounce(KEEP_AFTER, move |ev: leptos::ev::Event| {
            keep.dispatch(KeepDraft {
                flow: flow.clone(),
                goal: goal.clone(),
                submission: submission.clone(),
                question: question.clone(),
                answer: event_target_value(&ev),
                typed_at: typed_now(),
            });
        })
    };
    // Continue says when it was pressed, so the answer it sends outranks any copy of the
    // words kept a moment before it that is still on its way.
    let typed_at = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |_: leptos::ev::SubmitEvent| {
        if let Some(input) = typed_at.get() {
            input.set_value(&typed_now());
        }
    };
    let status = move || {
        if !hydrated.get() {
            return "";
        }
        match keep.value().get() {
            Some(Ok(())) => "Saved as you type. You can come back to this later.",
            Some(Err(_)) => {
                "Not saved yet. What you typed is still here: check your connection and press Continue."
            }
            None => "",
        }
    };
    view! {
        <form method="post" novalidate on:submit=on_submit>
            <input type="hidden" name=SERVER_FN_FIELD value=crate::api::drafts::Answer::url() />
            <input type="hidden" name="typed_at" value="" node_ref=typed_at />
            <input type="hidden" name="flow" value=flow />
            <input type="hidden" name="goal" value=goal />
            <input type="hidden" name="submission" value=submission />
            <input type="hidden" name="question" value=question />
            <div on:input=on_input>{children()}</div>
            <p class="govuk-hint app-saved" role="status">{status}</p>
            <button type="submit" class="govuk-button" data-module="govuk-button">"Continue"</button>
        </form>
    }
}

/// The question itself, as the page's heading, and its answer field.
#[component]
fn Answer(
    question: &'static Question,
    label: String,
    caption: String,
    value: String,
    message: Signal<Option<String>>,
) -> impl IntoView {
    // Every field is called `answer`; its id is the question's, so the error summary's
    // link (to `#why`, say) lands on it.
    let id = question.name;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if question.hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message.get().is_some() {
                ids.push(format!("{id}-error"));
            }
            if question.kind == AnswerKind::Words {
                ids.push(count_id(id));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
    let optional = if question.required || question.kind == AnswerKind::Starter {
        ""
    } else {
        " (optional)"
    };
    let hint = question
        .hint
        .map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> });
    match question.kind {
        AnswerKind::Words | AnswerKind::Score => {
            let field = if question.kind == AnswerKind::Words {
                let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
                view! {
                    <textarea class=class id=id name="answer" rows="5" aria-describedby=described>
                        {textarea_text(value.clone())}
                    </textarea>
                    <CharacterCount field=id max=WORDS_MAX />
                }
                .into_any()
            } else {
                let class = with_error(
                    message,
                    "govuk-input govuk-input--width-2",
                    "govuk-input--error",
                );
                view! {
                    <input class=class id=id name="answer" type="text" inputmode="numeric"
                        pattern="[0-9]*" spellcheck="false" autocomplete="off" value=value
                        aria-describedby=described />
                }
                .into_any()
            };
            view! {
                <div class=group>
                    <span class="govuk-caption-l app-own-words">{caption}</span>
                    <h1 class="govuk-label-wrapper">
                        <label class="govuk-label govuk-label--l" for=id>{label}{optional}</label>
                    </h1>
                    {hint}
                    <ErrorMessage id=error_id message />
                    {field}
                </div>
            }
            .into_any()
        }
        AnswerKind::Stage | AnswerKind::Starter => {
            let choices: Vec<(String, String, Option<&'static str>)> =
                if question.kind == AnswerKind::Stage {
                    Stage::ALL
                        .into_iter()
                        .map(|s| (s.code().to_owned(), s.label().to_owned(), Some(s.hint())))
                        .collect()
                } else {
                    TalkKind::ALL
                        .into_iter()
                        .map(|k| (k.code().to_owned(), k.starter().to_owned(), None))
                        .chain(std::iter::once((
                            "none".to_owned(),
                            "In my own way".to_owned(),
                            None,
                        )))
                        .collect()
                };
            let radios = choices
                .into_iter()
                .enumerate()
                .map(|(i, (code, text, item_hint))| {
                    // The first radio has the question's id, for the error summary's link.
                    let radio = if i == 0 { id.to_owned() } else { format!("{id}-{}", i + 1) };
                    let item_hint_id = format!("{radio}-hint");
                    let checked = value == code;
                    view! {
                        <div class="govuk-radios__item">
                            <input class="govuk-radios__input" id=radio.clone() name="answer" type="radio"
                                value=code checked=checked
                                aria-describedby=item_hint.map(|_| item_hint_id.clone()) />
                            <label class="govuk-label govuk-radios__label" for=radio>{text}</label>
                            {item_hint.map(|h| view! { <div id=item_hint_id class="govuk-hint govuk-radios__hint">{h}</div> })}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class=group>
                    <fieldset class="govuk-fieldset" aria-describedby=described>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                            <span class="govuk-caption-l app-own-words">{caption}</span>
                            <h1 class="govuk-fieldset__heading">{label}</h1>
                        </legend>
                        {hint}
                        <ErrorMessage id=error_id message />
                        <div class="govuk-radios" data-module="govuk-radios">{radios}</div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
    }
}

/// "Check your answers": every answer given, each with a link to change it, then who
/// can see it, and save. The save posts the answers shown here, exactly, to the same
/// server function as a one-page form would.
#[component]
fn CheckAnswers(place: Place, draft: DraftView, echo: FormEcho) -> impl IntoView {
    let flow = place.flow;
    let error = echoed_error(&echo);
    // After a problem saving, the page shows exactly what was sent.
    let sent = if echo.fields.is_empty() {
        draft.answers.clone()
    } else {
        echo.fields
            .iter()
            .filter(|(name, _)| name == "version" || flow.question(name).is_some())
            .cloned()
            .collect()
    };
    let answers: Answers = asked_answers(flow, &sent);
    // Nothing given yet (the address was typed, or the draft was saved meanwhile): start
    // at the first question rather than save an empty entry.
    let nothing = flow
        .questions()
        .iter()
        .all(|q| answers.get(q.name).is_none_or(|a| a.trim().is_empty()));
    if nothing {
        let first = place.page(flow.questions().first().map_or(CHECK, |q| q.name));
        return view! {
            <PageTitle text=title(flow) />
            <h1 class="govuk-heading-l">"There is nothing to check yet"</h1>
            <p class="govuk-body"><a class="govuk-link" href=first>"Start at the first question"</a></p>
        }
        .into_any();
    }
    let submission = echo
        .value("submission")
        .unwrap_or_else(|| draft.submission.clone());
    let share = echo.value("share").unwrap_or_default();
    let rows = flow
        .asked(&answers)
        .map(|q| {
            let answer = answers.get(q.name).cloned().unwrap_or_default();
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{q.short}</dt>
                    <dd class="govuk-summary-list__value app-own-words">{shown(q, &answer)}</dd>
                    <dd class="govuk-summary-list__actions">
                        <a class="govuk-link" id=q.name href=place.change(q.name)>
                            "Change"<span class="govuk-visually-hidden">{format!(" {}", crate::domain::text::mid_sentence(q.short))}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let back = flow
        .before(CHECK, &answers)
        .map_or_else(|| place.start(), |step| place.page(step));
    let save_fn = match flow {
        Flow::NewGoal => crate::api::tools::NewGoal::url(),
        Flow::EditGoal => crate::api::tools::EditGoal::url(),
        Flow::CheckIn => crate::api::tools::CheckIn::url(),
        Flow::Stage => crate::api::tools::ChooseStage::url(),
        Flow::Say => crate::api::tools::Say::url(),
        Flow::ForMeeting => crate::api::tools::ForMeeting::url(),
        Flow::GoodNews => crate::api::tools::GoodNews::url(),
        Flow::AboutMe => crate::api::tools::AboutMe::url(),
    };
    let save_label = match flow {
        Flow::NewGoal => "Save goal",
        Flow::EditGoal => "Save changes",
        Flow::CheckIn => "Save check-in",
        Flow::Stage | Flow::Say | Flow::ForMeeting | Flow::GoodNews | Flow::AboutMe => "Save",
    };
    let hidden = answers
        .iter()
        .map(
            |(name, value)| view! { <input type="hidden" name=name.clone() value=value.clone() /> },
        )
        .collect_view();
    let caption = draft
        .goal_change
        .clone()
        .unwrap_or_else(|| title(flow).to_owned());
    view! {
        <StepFrame flow page="Check your answers" back error>
            <span class="govuk-caption-l app-own-words">{caption}</span>
            <h1 class="govuk-heading-l">"Check your answers"</h1>
            {(flow == Flow::EditGoal).then(|| view! {
                <p class="govuk-body">"What you wrote before is kept, so you can always see how it changed."</p>
            })}
            <dl class="govuk-summary-list">{rows}</dl>
            <form method="post" novalidate>
                <input type="hidden" name=SERVER_FN_FIELD value=save_fn />
                <input type="hidden" name="goal" value=place.goal_field.clone() />
                <input type="hidden" name="submission" value=submission />
                {hidden}
                {flow.asks_who_can_see().then(|| view! { <ShareChoice value=share /> })}
                <button type="submit" class="govuk-button" data-module="govuk-button">{save_label}</button>
            </form>
            // A link, not a second button beside "Save": throwing answers away asks first.
            <p class="govuk-body">
                <a class="govuk-link" href=place.page(DISCARD)>{discard_words(flow).link}</a>
            </p>
        </StepFrame>
    }
    .into_any()
}

/// What the way to throw a tool's answers away says, on "Check your answers" and on the
/// page that asks first.
struct DiscardWords {
    link: &'static str,
    question: &'static str,
    consequence: &'static str,
    yes: &'static str,
}

fn discard_words(flow: Flow) -> DiscardWords {
    let (link, question) = match flow {
        Flow::EditGoal => (
            "Cancel: keep the goal as it was",
            "Are you sure you want to stop changing your goal?",
        ),
        Flow::NewGoal => (
            "Throw this goal away",
            "Are you sure you want to throw this goal away?",
        ),
        Flow::CheckIn => (
            "Throw this check-in away",
            "Are you sure you want to throw this check-in away?",
        ),
        Flow::Stage | Flow::Say | Flow::ForMeeting | Flow::GoodNews | Flow::AboutMe => (
            "Throw this away",
            "Are you sure you want to throw this away?",
        ),
    };
    if flow == Flow::EditGoal {
        DiscardWords {
            link,
            question,
            consequence: "The changes you have made will not be kept. Your goal stays as it was.",
            yes: "Yes, keep the goal as it was",
        }
    } else {
        DiscardWords {
            link,
            question,
            consequence: "Every answer you have given here will be deleted, and cannot be got back. Nothing has been shared.",
            yes: "Yes, throw it away",
        }
    }
}

/// "Are you sure?" before a tool's answers are thrown away: a plain page and form, so it
/// asks first with or without scripts, and "No" goes back with every answer kept.
#[component]
fn ConfirmDiscard(place: Place) -> impl IntoView {
    let flow = place.flow;
    let words = discard_words(flow);
    let back = place.page(CHECK);
    view! {
        <PageTitle text=format!("Are you sure? – {}", title(flow)) />
        <a href=back.clone() class="govuk-back-link">"Back"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{words.question}</h1>
                <p class="govuk-body">{words.consequence}</p>
                <form method="post" novalidate>
                    <input type="hidden" name=SERVER_FN_FIELD value=crate::api::drafts::DiscardDraft::url() />
                    <input type="hidden" name="flow" value=flow.code() />
                    <input type="hidden" name="goal" value=place.goal_field.clone() />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                            {words.yes}
                        </button>
                        <a class="govuk-link" href=back>"No, go back to my answers"</a>
                    </div>
                </form>
            </div>
        </div>
    }
}
