//! Who is using the portal: take-up figures for a team manager's team, or for every team
//! of a head of service's council. Counts only; small groups show as "fewer than 5".
//! The month-by-month chart is drawn on the server as SVG and given again as a table.

use crate::api::take_up::{Count, TakeUpMonth, TakeUpRow, take_up};
use crate::ui::shared::dates::when;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use crate::ui::shared::table::ScrollRegion;
use leptos::prelude::*;

/// A figure, with its share of the group's members beside it when both are shown.
fn cell(count: Count, of: Option<Count>) -> impl IntoView {
    let share = of.and_then(|of| count.percent_of(of));
    view! {
        <td class="govuk-table__cell govuk-table__cell--numeric">
            {count.words()}
            {share.map(|p| view! {
                <br />
                <span class="govuk-body-s">
                    <span class="govuk-visually-hidden">", "</span>
                    {p}
                    <span class="govuk-visually-hidden">" of members"</span>
                </span>
            })}
        </td>
    }
}

/// The figures in a sentence, as a reader would say them.
fn sentence(total: &TakeUpRow) -> String {
    if total.members == Count::Shown(0) {
        return "There are no members of open families here yet.".to_owned();
    }
    if total.members == Count::FewerThanFive {
        return "There are fewer than 5 members of open families here, so no other figure is shown: with so few, each would be about someone you could pick out.".to_owned();
    }
    format!(
        "Of {} members of open families, {} have been given a sign-up code, {} have signed up, and {} used the portal in the last 4 weeks.",
        total.members.words(),
        total.invited.words(),
        total.signed_up.words(),
        total.active.words()
    )
}

/// Groups' figures as a table: `group` heads the first column, `active` the last.
#[component]
fn Figures(
    caption: String,
    /// How the caption looks: `govuk-table__caption--s`, or `govuk-visually-hidden` under
    /// a heading that already says it.
    size: &'static str,
    group: String,
    active: &'static str,
    rows: Vec<TakeUpRow>,
) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">{r.label}</th>
                    {cell(r.members, None)}
                    {cell(r.invited, Some(r.members))}
                    {cell(r.signed_up, Some(r.members))}
                    {cell(r.active, Some(r.members))}
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollRegion label=caption.clone()>
            <table class="govuk-table">
                <caption class=format!("govuk-table__caption {size}")>{caption}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{group}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Members"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Given a code"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Signed up"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{active}</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{rows}</tbody>
            </table>
        </ScrollRegion>
    }
}

const CHART_WIDTH: f64 = 320.0;
const LABEL: f64 = 64.0;
const BAR: f64 = 10.0;
const ROW: f64 = 30.0;
/// Room at the right for the figure written after the longest bar.
const FIGURE: f64 = 72.0;

/// One month's two bars: signed up by the end of the month (solid blue) and active in the
/// month (black, striped), each followed by its figure in words, so the chart is read
/// by its words as much as by its bars.
fn month_bars(index: usize, month: &TakeUpMonth, most: u32) -> impl IntoView + use<> {
    let top = 4.0 + ROW * index as f64;
    let span = CHART_WIDTH - LABEL - FIGURE;
    let length = |count: Count| {
        count
            .shown()
            .map_or(0.0, |n| span * f64::from(n) / f64::from(most.max(1)))
    };
    let bar = move |y: f64, count: Count, fill: &'static str| {
        let w = length(count);
        view! {
            <rect x=LABEL y=y width=format!("{w:.1}") height=BAR fill=fill stroke="#0b0c0c" stroke-width="0.5" />
            <text x=LABEL + w + 4.0 y=y + 9.0 font-size="10" fill="#0b0c0c">{count.words()}</text>
        }
    };
    let short = month.figures.label.get(..3).unwrap_or_default().to_owned();
    let year = month.month.get(..4).unwrap_or_default().to_owned();
    view! {
        <text x="0" y=top + 14.0 font-size="11" fill="#0b0c0c">{format!("{short} {year}")}</text>
        {bar(top, month.figures.signed_up, "#1d70b8")}
        {bar(top + BAR + 2.0, month.figures.active, "url(#app-take-up-stripes)")}
    }
}

#[component]
fn MonthChart(months: Vec<TakeUpMonth>) -> impl IntoView {
    let most = months
        .iter()
        .filter_map(|m| m.figures.members.shown())
        .max()
        .unwrap_or(0);
    let height = 8.0 + ROW * months.len() as f64;
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, m)| month_bars(i, m, most))
        .collect_view();
    view! {
        <p class="govuk-body" id="app-take-up-chart">
            "Members signed up by the end of each month, and members who used the portal in each month."
        </p>
        <svg
            class="app-chart"
            viewBox=format!("0 0 {CHART_WIDTH} {height}")
            width="100%"
            role="img"
            aria-labelledby="app-take-up-chart"
            focusable="false"
            font-family="arial, sans-serif"
        >
            <defs>
                <pattern id="app-take-up-stripes" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="4" height="4" fill="#ffffff" />
                    <rect width="2" height="4" fill="#0b0c0c" />
                </pattern>
            </defs>
            {bars}
        </svg>
        <p class="govuk-body-s">
            "For each month, the upper bar (solid blue) is members signed up by the end of the month, and the lower bar (black stripes) is members who used the portal in the month. Each bar is followed by its figure. Bars are measured against the most members in any month. A month with fewer than 5 has no bar."
        </p>
    }
}

/// The take-up page, for team managers and heads of service; "not found" for anyone else.
#[component]
pub fn TakeUpPage() -> impl IntoView {
    let figures = Resource::new(|| (), |_| take_up());
    view! {
        <PageTitle text="Who is using the portal" />
        {loaded(figures, |view, _| {
            let summary = sentence(&view.total);
            view! {
                <h1 class="govuk-heading-l">"Who is using the portal"</h1>
                <p class="govuk-body">{format!("Figures for {}, on {}.", view.scope, when(view.as_of))}</p>
                <p class="govuk-body">{summary}</p>
                <div class="govuk-inset-text">
                    "So that nobody can be picked out, a figure from 1 to 4 shows as \u{201c}fewer than 5\u{201d}, and a group of fewer than 5 people shows nothing else. Every other figure is rounded to the nearest 5, so a hidden figure cannot be found by taking one figure from another. Percentages are worked out from the rounded figures."
                </div>
                <h2 class="govuk-heading-m">"What the figures mean"</h2>
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Members"</dt>
                        <dd class="govuk-summary-list__value">"Parents, carers and children in families whose case is open."</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Given a code"</dt>
                        <dd class="govuk-summary-list__value">"A practitioner has given them a sign-up code."</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Signed up"</dt>
                        <dd class="govuk-summary-list__value">"They have added a passkey, so they can sign in."</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Active"</dt>
                        <dd class="govuk-summary-list__value">"They signed in, were handed a practitioner's device, or added or changed something."</dd>
                    </div>
                </dl>
                {view.tables.into_iter().map(|table| view! {
                    <h2 class="govuk-heading-m">{table.title.clone()}</h2>
                    <Figures
                        caption=table.title
                        size="govuk-visually-hidden"
                        group=table.group
                        active="Active in the last 4 weeks"
                        rows=table.rows
                    />
                }).collect_view()}
                <p class="govuk-body">"The portal does not record anyone's gender, so the figures cannot be split by it."</p>
                <h2 class="govuk-heading-m">"Month by month"</h2>
                <MonthChart months=view.months.clone() />
                <Figures
                    caption="Month by month, newest first".to_owned()
                    size="govuk-table__caption--s"
                    group="Month".to_owned()
                    active="Active in the month"
                    rows=view.months.into_iter().rev().map(|m| m.figures).collect()
                />
                <p class="govuk-body">
                    <a class="govuk-link" href="/take-up.csv" download="">"Download these figures as CSV (for a spreadsheet)"</a>
                </p>
            }
        })}
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to home"</a></p>
    }
}
