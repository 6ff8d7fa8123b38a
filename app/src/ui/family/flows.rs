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
use crate::domain::child::Symbol;
use crate::domain::flows::{AnswerKind, Answers, CHECK, Flow, Question, asked_answers, path};
use crate::domain::ids::EntryId;
use crate::domain::tools::{Stage, TalkKind, WORDS_MAX};
use crate::ui::child::symbols::SymbolPicture;
use crate::ui::i18n::{easy_key, easy_read, t, t_easy, t_with};
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

fn title(flow: Flow) -> String {
    t(match flow {
        Flow::NewGoal => "tool-new-goal",
        Flow::EditGoal => "tool-edit-goal",
        Flow::CheckIn => "tool-check-in",
        Flow::Stage => "tool-stage",
        Flow::Say => "tool-say",
        Flow::ForMeeting => "tool-meeting",
        Flow::GoodNews => "tool-good-news",
        Flow::AboutMe => "tool-about-me",
    })
}

/// The message that holds a question's words: `q-<tool>-<question>`, with `.short` (how
/// its answer is named on "Check your answers") and `.hint`.
pub(crate) fn question_key(flow: Flow, question: &Question) -> String {
    let tool = match flow {
        Flow::NewGoal | Flow::EditGoal => "goal",
        Flow::CheckIn => "check",
        Flow::Stage => "stage",
        Flow::Say => "say",
        Flow::ForMeeting => "meeting",
        Flow::GoodNews => "good",
        Flow::AboutMe => "about",
    };
    format!("q-{tool}-{}", question.name)
}

/// The question as the person sees it. A ruler's follow-up names the number they gave,
/// which makes the MI question concrete: "Why 6, and not a lower number?"; the sentence
/// of "Something I want to say" goes on from the starter chosen.
fn label_for(flow: Flow, question: &Question, answers: &Answers) -> String {
    if question.name == "text"
        && let Some(Ok(Some(kind))) = answers.get("kind").map(|k| TalkKind::parse_optional(k))
    {
        return t(&format!("starter-{}", kind.code()));
    }
    let ruler = match question.name {
        "importance_not_lower" | "importance_up_one" => "importance",
        "confidence_not_lower" | "confidence_up_one" => "confidence",
        _ => return t_easy(&question_key(flow, question)),
    };
    let Some(n) = answers
        .get(ruler)
        .and_then(|raw| crate::domain::tools::Score::parse(raw, "").ok())
        .map(crate::domain::tools::Score::value)
    else {
        return t_easy(&question_key(flow, question));
    };
    let (n, next) = (n.to_string(), (n + 1).to_string());
    if question.name.ends_with("not_lower") {
        t_with(&easy_key("ruler-not-lower"), &[("n", &n)])
    } else {
        t_with(&easy_key("ruler-up-one"), &[("n", &n), ("next", &next)])
    }
}

/// The hint under a question. In easy read, only what the easy-read words need (how a
/// 0 to 10 scale runs), one thing on each line.
fn hint_for(flow: Flow, question: &Question) -> Option<String> {
    question.hint?;
    let key = question_key(flow, question);
    if !easy_read() {
        return Some(t(&format!("{key}.hint")));
    }
    let easy = format!("{key}.easy-hint");
    crate::ui::i18n::has(crate::ui::i18n::lang(), &easy).then(|| t(&easy))
}

/// In easy read, a picture beside a question where one of the children's pictures fits.
fn picture_for(flow: Flow, question: &Question) -> Option<Symbol> {
    if !easy_read() {
        return None;
    }
    match (flow, question.name) {
        (Flow::NewGoal | Flow::EditGoal, "why") => Some(Symbol::Family),
        (Flow::NewGoal | Flow::EditGoal, "helpers") => Some(Symbol::Friends),
        (Flow::ForMeeting, "text") => Some(Symbol::Family),
        (Flow::GoodNews, "text") => Some(Symbol::DaysOut),
        (Flow::AboutMe, "helps") => Some(Symbol::Hugs),
        (Flow::AboutMe, "know") => Some(Symbol::Home),
        _ => None,
    }
}

/// How an answer reads on "Check your answers".
fn shown_answer(question: &Question, raw: &str) -> String {
    if raw.trim().is_empty() {
        return t("not-answered");
    }
    match question.kind {
        AnswerKind::Stage => {
            Stage::parse(raw).map_or_else(|_| raw.to_owned(), |s| t(&format!("stage-{}", s.code())))
        }
        AnswerKind::Starter => match TalkKind::parse_optional(raw) {
            Ok(Some(kind)) => t(&format!("starter-{}", kind.code())),
            Ok(None) => t("own-way"),
            Err(_) => raw.to_owned(),
        },
        // A bare "4" could be anything; the scale is part of the answer.
        AnswerKind::Score => match raw.trim().parse::<u8>() {
            Ok(score) if score <= 10 => {
                t_with("score-out-of-ten", &[("score", &score.to_string())])
            }
            _ => raw.to_owned(),
        },
        AnswerKind::Words => raw.to_owned(),
    }
}

/// A question page's own name, for its title: the question as asked, unless another
/// question of the tool is asked in the same words ("Why this number, and not a lower
/// one?" follows both rulers), when it is the question's short description instead.
fn page_name(flow: Flow, question: &'static Question) -> String {
    let asked_twice = flow
        .questions()
        .iter()
        .filter(|q| q.label == question.label)
        .count()
        > 1;
    let key = question_key(flow, question);
    if asked_twice {
        t(&format!("{key}.short"))
    } else {
        t_easy(&key)
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
    page: String,
    back: String,
    error: Signal<Option<AppError>>,
    children: Children,
) -> impl IntoView {
    let has_error = Signal::derive(move || error.get().is_some());
    view! {
        <PageTitle text=format!("{page} – {}", title(flow)) has_error />
        <a href=back class="govuk-back-link">{t("back")}</a>
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
    let caption = draft.goal_change.clone().unwrap_or_else(|| title(flow));
    let label = label_for(flow, question, &draft.answers);
    let message = field_error(error, question.name);
    let words = KeptWords {
        saved: t("saved-as-you-type"),
        not_saved: t("not-saved-yet"),
        go_on: t("continue"),
    };

    view! {
        <StepFrame flow page=page_name(flow, question) back error>
            <KeptAsTyped
                flow=flow.code().to_owned()
                goal=place.goal_field.clone()
                submission
                question=question.name.to_owned()
                words
            >
                {back_to_check.then(|| view! { <input type="hidden" name="then" value=CHECK /> })}
                <Answer flow question label caption value message />
            </KeptAsTyped>
        </StepFrame>
    }
}

/// What the island says, in the reader's language: handed over by the server, since
/// the browser's WebAssembly carries no translations.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct KeptWords {
    saved: String,
    not_saved: String,
    go_on: String,
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
    words: KeptWords,
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
    let KeptWords {
        saved,
        not_saved,
        go_on,
    } = words;
    let status = move || {
        if !hydrated.get() {
            return String::new();
        }
        match keep.value().get() {
            Some(Ok(())) => saved.clone(),
            Some(Err(_)) => not_saved.clone(),
            None => String::new(),
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
            <button type="submit" class="govuk-button" data-module="govuk-button">{go_on}</button>
        </form>
    }
}

/// The question itself, as the page's heading, and its answer field.
#[component]
fn Answer(
    flow: Flow,
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
    let hint_words = hint_for(flow, question);
    let has_hint = hint_words.is_some();
    let picture = picture_for(flow, question).map(|symbol| {
        view! { <span class="app-easy-picture" aria-hidden="true"><SymbolPicture symbol /></span> }
    });
    let described = {
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
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
        String::new()
    } else {
        format!(" {}", t("optional"))
    };
    let hint = hint_words
        .map(|words| view! { <div class="govuk-hint app-lines" id=hint_id.clone()>{words}</div> });
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
                    {picture}
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
            let choices: Vec<(String, String, Option<String>)> =
                if question.kind == AnswerKind::Stage {
                    Stage::ALL
                        .into_iter()
                        .map(|s| {
                            let key = format!("stage-{}", s.code());
                            (
                                s.code().to_owned(),
                                t(&key),
                                Some(t(&format!("{key}.hint"))),
                            )
                        })
                        .collect()
                } else {
                    TalkKind::ALL
                        .into_iter()
                        .map(|k| {
                            (
                                k.code().to_owned(),
                                t(&format!("starter-{}", k.code())),
                                None,
                            )
                        })
                        .chain(std::iter::once(("none".to_owned(), t("own-way"), None)))
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
                                aria-describedby=item_hint.as_ref().map(|_| item_hint_id.clone()) />
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
            <h1 class="govuk-heading-l">{t("check-nothing")}</h1>
            <p class="govuk-body"><a class="govuk-link" href=first>{t("check-start-again")}</a></p>
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
            let short = t(&format!("{}.short", question_key(flow, q)));
            let hidden = format!(" {}", crate::domain::text::mid_sentence(&short));
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{short}</dt>
                    <dd class="govuk-summary-list__value app-own-words" dir="auto">{shown_answer(q, &answer)}</dd>
                    <dd class="govuk-summary-list__actions">
                        <a class="govuk-link" id=q.name href=place.change(q.name)>
                            {t("check-change")}<span class="govuk-visually-hidden">{hidden}</span>
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
    let save_label = t(match flow {
        Flow::NewGoal => "save-goal",
        Flow::EditGoal => "save-changes",
        Flow::CheckIn => "save-check-in",
        Flow::Stage | Flow::Say | Flow::ForMeeting | Flow::GoodNews | Flow::AboutMe => "save",
    });
    let hidden = answers
        .iter()
        .map(
            |(name, value)| view! { <input type="hidden" name=name.clone() value=value.clone() /> },
        )
        .collect_view();
    let caption = draft.goal_change.clone().unwrap_or_else(|| title(flow));
    view! {
        <StepFrame flow page=t("check-title") back error>
            <span class="govuk-caption-l app-own-words">{caption}</span>
            <h1 class="govuk-heading-l">{t("check-title")}</h1>
            {(flow == Flow::EditGoal).then(|| view! {
                <p class="govuk-body">{t("check-kept")}</p>
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
    link: String,
    question: String,
    consequence: String,
    yes: String,
}

fn discard_words(flow: Flow) -> DiscardWords {
    let (link, question) = match flow {
        Flow::EditGoal => ("discard-edit-link", "discard-edit-question"),
        Flow::NewGoal => ("discard-goal-link", "discard-goal-question"),
        Flow::CheckIn => ("discard-check-in-link", "discard-check-in-question"),
        Flow::Stage | Flow::Say | Flow::ForMeeting | Flow::GoodNews | Flow::AboutMe => {
            ("discard-link", "discard-question")
        }
    };
    let (consequence, yes) = if flow == Flow::EditGoal {
        ("discard-edit-lost", "discard-edit-yes")
    } else {
        ("discard-lost", "discard-yes")
    };
    DiscardWords {
        link: t(link),
        question: t(question),
        consequence: t(consequence),
        yes: t(yes),
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
        <PageTitle text=format!("{} – {}", t("discard-title"), title(flow)) />
        <a href=back.clone() class="govuk-back-link">{t("back")}</a>
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
                        <a class="govuk-link" href=back>{t("discard-no")}</a>
                    </div>
                </form>
            </div>
        </div>
    }
}
