//! The group case supervision pack: what the team reads before supervision, covering the
//! time since the family's last session. Each chart has a one-sentence summary and the
//! same figures in a table; family members' words are shown exactly as written.

use crate::api::pack::{AboutView, PackGoal, PackView, TheirWords, TrendPoint, pack};
use crate::domain::language::Lang;
use crate::ui::shared::chart::{ScoreChart, Series, Shape, Style};
use crate::ui::shared::dates::when;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use crate::ui::shared::table::ScrollRegion;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PackPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(move || params.read().get("id").unwrap_or_default(), pack);
    loaded(found, |view, _| view! { <Pack view /> })
}

/// In one sentence: which way the scaling score went, and the rulers at the end.
fn trend_sentence(author: &str, points: &[TrendPoint]) -> String {
    match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => {
            let direction = match last.now.cmp(&first.now) {
                std::cmp::Ordering::Greater => "rose",
                std::cmp::Ordering::Less => "fell",
                std::cmp::Ordering::Equal => "stayed the same",
            };
            format!(
                "Over {} check-ins, {author}'s scaling score {direction}, from {} to {} out of 10 (wanting {}).",
                points.len(),
                first.now,
                last.now,
                last.want
            )
        }
        (Some(only), _) => format!(
            "{author} checked in once: {} out of 10, wanting {}.",
            only.now, only.want
        ),
        _ => format!("{author} has not shared a check-in on this goal in this period."),
    }
}

/// The scaling score: where the member was, at each check-in.
const SCALING: Style = Style {
    name: "scaling score",
    colour: "#1d70b8",
    colour_word: "Blue",
    dash: None,
    line_word: "solid",
    shape: Shape::Circle,
};

/// The importance ruler, where it was answered.
const IMPORTANCE: Style = Style {
    name: "importance",
    colour: "#00703c",
    colour_word: "Green",
    dash: Some("2 3"),
    line_word: "dotted",
    shape: Shape::Triangle,
};

/// The confidence ruler, where it was answered.
const CONFIDENCE: Style = Style {
    name: "confidence",
    colour: "#6f72af",
    colour_word: "Purple",
    dash: Some("8 3"),
    line_word: "dashed",
    shape: Shape::Diamond,
};

#[component]
fn Trend(goal: PackGoal, index: usize) -> impl IntoView {
    let summary_id = format!("trend-{index}");
    let sentence = trend_sentence(&goal.author, &goal.points);
    // A ruler is drawn only where it was answered, at the check-in it belongs to.
    let series = vec![
        Series::every(SCALING, goal.points.iter().map(|p| p.now)),
        Series::some(IMPORTANCE, goal.points.iter().map(|p| p.importance)),
        Series::some(CONFIDENCE, goal.points.iter().map(|p| p.confidence)),
    ];
    let count = goal.points.len();
    let chart = (!goal.points.is_empty())
        .then(|| view! { <ScoreChart series count labelled_by=summary_id.clone() /> });
    let rows = goal
        .points
        .iter()
        .map(|p| {
            let ruler = |v: Option<u8>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".to_owned());
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{when(p.at)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{p.now.to_string()}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{p.want.to_string()}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{ruler(p.importance)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{ruler(p.confidence)}</td>
                </tr>
            }
        })
        .collect_view();
    let missed = goal.weeks_without_check_in.map(|weeks| {
        let last = goal
            .last_check_in
            .map_or_else(|| "never".to_owned(), when);
        view! {
            <p class="govuk-body"><strong>{format!("No check-in for {weeks} weeks")}</strong>{format!(" (last: {last}).")}</p>
        }
    });
    let stages = (!goal.stages.is_empty()).then(|| {
        view! {
            <p class="govuk-body">"Stage of change in this period:"</p>
            <ol class="govuk-list govuk-list--number">
                {goal.stages.iter().map(|(at, label)| view! { <li>{format!("{label}, {}", when(*at))}</li> }).collect_view()}
            </ol>
        }
    });
    view! {
        <h3 class="govuk-heading-s">{format!("{}: \u{201c}", goal.author)}<span class="app-own-words" lang=Lang::marked(goal.written_in).map(Lang::html_lang) dir="auto">{goal.change.clone()}</span>"\u{201d}"</h3>
        <WrittenOn written_in=goal.written_in />
        <p class="govuk-body" id=summary_id>{sentence}</p>
        {missed}
        {chart}
        {(!goal.points.is_empty()).then(|| view! {
            <ScrollRegion label=format!("Check-ins in this period: {}", goal.author)>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">"Check-ins in this period"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Date"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Now"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Wants"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Importance"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Confidence"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            </ScrollRegion>
        })}
        {stages}
    }
}

/// Who wrote something and when, as its heading: "Name (child), 3 December 2026".
fn attributed(member: &str, by_child: bool, at: i64) -> String {
    if by_child {
        format!("{member} (child), {}", when(at))
    } else {
        format!("{member}, {}", when(at))
    }
}

/// Labelled answers, each in the writer's own words.
#[component]
fn Parts(parts: Vec<crate::dto::views::Part>, written_in: Option<Lang>) -> impl IntoView {
    let lang = Lang::marked(written_in).map(Lang::html_lang);
    view! {
        {parts
            .into_iter()
            .map(|p| view! {
                <p class="govuk-body"><strong>{format!("{}: ", p.label)}</strong><span class="app-own-words" lang=lang dir="auto">{p.words}</span></p>
            })
            .collect_view()}
        <WrittenOn written_in />
    }
}

/// Which language a member's words were written in, where it was not English.
#[component]
fn WrittenOn(written_in: Option<Lang>) -> impl IntoView {
    Lang::written_on(written_in).map(|words| view! { <p class="govuk-body-s">{words}</p> })
}

/// What members shared for their team's meeting, or as good news, each word for word
/// under their name.
#[component]
pub fn FamilyWords(answers: Vec<TheirWords>) -> impl IntoView {
    answers
        .into_iter()
        .map(|a| {
            let who = attributed(&a.member, a.by_child, a.at);
            let pictures = (!a.pictures.is_empty()).then(|| {
                view! {
                    <p class="govuk-body"><strong>"Pictures chosen: "</strong><span class="app-own-words">{a.pictures.join(", ")}</span></p>
                }
            });
            view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s"><strong>{who}</strong></p>
                    {a.words.map(|words| view! { <p class="govuk-body app-own-words" lang=Lang::marked(a.written_in).map(Lang::html_lang) dir="auto">{words}</p> })}
                    <WrittenOn written_in=a.written_in />
                    {pictures}
                    {a.present.map(|present| view! { <p class="govuk-body-s">{format!("Recorded with {present} present.")}</p> })}
                </div>
            }
        })
        .collect_view()
}

/// Each member's "About me", answer by answer under their name, or a plain sentence when
/// nobody has shared one.
#[component]
pub fn AboutFamily(about: Vec<AboutView>) -> impl IntoView {
    if about.is_empty() {
        return view! { <p class="govuk-body">"Nobody in the family has shared an \"About me\" yet."</p> }
            .into_any();
    }
    about
        .into_iter()
        .map(|a| {
            let who = attributed(&a.member, a.by_child, a.at);
            view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s"><strong>{who}</strong></p>
                    <Parts parts=a.parts written_in=a.written_in />
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// Strengths counted beside risks, so the meeting sees both at a glance.
#[component]
fn InThisPeriod(good_news: usize, worries: usize, alerts: usize) -> impl IntoView {
    let counts = [
        ("Good news", good_news),
        ("Worries (House of worries)", worries),
        ("Safety alerts", alerts),
    ];
    view! {
        <dl class="govuk-summary-list">
            {counts.into_iter().map(|(label, n)| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{label}</dt>
                    <dd class="govuk-summary-list__value">{n.to_string()}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

#[component]
fn Pack(view: PackView) -> impl IntoView {
    let period = view.since.map_or_else(
        || {
            "Everything shared so far: this family has not had a group case supervision yet."
                .to_owned()
        },
        |at| {
            format!(
                "Everything shared since the last group case supervision, on {}.",
                when(at)
            )
        },
    );
    let for_meeting = if view.for_meeting.is_empty() {
        view! { <p class="govuk-body">"Nobody in the family has shared anything for this meeting yet."</p> }.into_any()
    } else {
        view! { <FamilyWords answers=view.for_meeting.clone() /> }.into_any()
    };
    let on_plan = (!view.on_plan.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">"What the family think about the last plan"</h2>
            <FamilyWords answers=view.on_plan.clone() />
        }
    });
    let good_news = if view.good_news.is_empty() {
        view! { <p class="govuk-body">"No good news shared in this period."</p> }.into_any()
    } else {
        view! { <FamilyWords answers=view.good_news.clone() /> }.into_any()
    };
    let alert_count = view.alerts.len();
    let alerts = if view.alerts.is_empty() {
        view! { <p class="govuk-body">"None in this period."</p> }.into_any()
    } else {
        view! {
            <ul class="govuk-list govuk-list--bullet">
                {view.alerts.into_iter().map(|a| view! { <li>{format!("{}, {}", a.member, crate::ui::shared::dates::at_time(a.at))}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let goals = if view.goals.is_empty() {
        view! { <p class="govuk-body">"No goals shared with workers."</p> }.into_any()
    } else {
        view.goals
            .into_iter()
            .enumerate()
            .map(|(index, goal)| view! { <Trend goal index /> })
            .collect_view()
            .into_any()
    };
    let talk = if view.talk.is_empty() {
        view! { <p class="govuk-body">"No change talk shared in this period."</p> }.into_any()
    } else {
        view! {
            <ScrollRegion label="Change talk by month">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">"Preparatory (DARN) and mobilising (CAT) change talk by month"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Month"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Preparatory (DARN)"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Mobilising (CAT)"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"No kind given"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {view.talk.into_iter().map(|m| view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">{m.month}</th>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{m.preparatory.to_string()}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{m.mobilising.to_string()}</td>
                            <td class="govuk-table__cell govuk-table__cell--numeric">{m.unclassified.to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </ScrollRegion>
        }
        .into_any()
    };
    let children = if view.children.is_empty() {
        view! { <p class="govuk-body">"The children have not shared anything with workers in this period."</p> }.into_any()
    } else {
        view.children
            .into_iter()
            .map(|c| view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s">{format!("{}, {}, {}", c.child, crate::domain::text::mid_sentence(&c.tool), when(c.at))}</p>
                    <Parts parts=c.parts written_in=c.written_in />
                </div>
            })
            .collect_view()
            .into_any()
    };
    let summaries = if view.summaries.is_empty() {
        view! { <p class="govuk-body">"No progress summaries written yet."</p> }.into_any()
    } else {
        view.summaries
            .into_iter()
            .map(|s| {
                let state = if s.finalised { "finalised" } else { "draft" };
                view! {
                    <div class="govuk-inset-text">
                        <p class="govuk-body-s"><strong>{format!("{}, {}", s.discipline, s.by)}</strong>{format!(" ({state}, {})", when(s.written_at))}</p>
                        <p class="govuk-body app-own-words">{s.words}</p>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let family = view.family.to_string();
    view! {
        <PageTitle text="Supervision pack" />
        <span class="govuk-caption-l">{format!("{} ({})", view.display_name, view.reference)}</span>
        <h1 class="govuk-heading-l">"Supervision pack"</h1>
        <p class="govuk-body">{period}</p>
        {view.session.map(|at| view! { <p class="govuk-body">{format!("For the session on {}.", when(at))}</p> })}
        <ul class="govuk-list app-print-hidden">
            <li><a class="govuk-link" href=format!("/families/{family}/views")>"Comments and views (Module 8)"</a></li>
            {view.session_id.map(|session| view! {
                <li><a class="govuk-link" href=format!("/families/{family}/record/{session}")>"Record of this session"</a></li>
            })}
            <li><a class="govuk-link" href=format!("/families/{family}")>"Back to the family"</a></li>
        </ul>
        <h2 class="govuk-heading-m">"What the family want this meeting to know"</h2>
        {for_meeting}
        {on_plan}
        <h2 class="govuk-heading-m">"About the family, in their own words"</h2>
        <AboutFamily about=view.about_me.clone() />
        <h2 class="govuk-heading-m">"In this period"</h2>
        <InThisPeriod good_news=view.good_news.len() worries=view.worries alerts=alert_count />
        <h2 class="govuk-heading-m">"Good news"</h2>
        {good_news}
        <h2 class="govuk-heading-m">"Safety alerts"</h2>
        {alerts}
        <h2 class="govuk-heading-m">"Scaling and readiness rulers"</h2>
        {goals}
        <h2 class="govuk-heading-m">"Change talk"</h2>
        {talk}
        <h2 class="govuk-heading-m">"The children's views"</h2>
        {children}
        <h2 class="govuk-heading-m">"Progress summaries"</h2>
        {summaries}
    }
}
