//! "My progress": a goal's scores over time as a chart drawn on the server (SVG, no
//! script), a one-sentence summary, and the same figures as a table for screen readers
//! and for anyone who prefers text.

use crate::api::tools::CheckInView;
use crate::ui::family::home::when;
use leptos::prelude::*;

pub(crate) const WIDTH: f64 = 320.0;
pub(crate) const HEIGHT: f64 = 180.0;
pub(crate) const LEFT: f64 = 28.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 8.0;
pub(crate) const RIGHT: f64 = 12.0;

pub(crate) fn x(index: usize, count: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT;
    if count <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * (index as f64) / ((count - 1) as f64)
    }
}

pub(crate) fn y(score: u8) -> f64 {
    let span = HEIGHT - TOP - BOTTOM;
    TOP + span * (1.0 - f64::from(score) / 10.0)
}

pub(crate) fn points(values: &[u8]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x(i, values.len()), y(*v)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart's grid lines at 0, 5 and 10, with their labels.
pub(crate) fn grid() -> impl IntoView {
    [0u8, 5, 10]
        .into_iter()
        .map(|score| {
            let at = y(score);
            view! {
                <line x1=LEFT x2=WIDTH - RIGHT y1=at y2=at stroke="#b1b4b6" stroke-width="1" />
                <text x=LEFT - 6.0 y=at + 4.0 text-anchor="end" font-size="12" fill="#0b0c0c">{score.to_string()}</text>
            }
        })
        .collect_view()
}

/// One sentence that says what the chart shows.
pub fn summary(check_ins: &[CheckInView]) -> String {
    match (check_ins.first(), check_ins.last()) {
        (None, _) | (_, None) => "You have not checked in on this goal yet.".to_owned(),
        (Some(only), Some(_)) if check_ins.len() == 1 => format!(
            "You checked in once: you were at {} out of 10 and want to be at {}.",
            only.now, only.want
        ),
        (Some(first), Some(last)) => {
            let direction = match last.now.cmp(&first.now) {
                std::cmp::Ordering::Greater => "gone up",
                std::cmp::Ordering::Less => "gone down",
                std::cmp::Ordering::Equal => "stayed the same",
            };
            format!(
                "Over {} check-ins, where you are has {direction}: from {} to {} out of 10. You want to be at {}.",
                check_ins.len(),
                first.now,
                last.now,
                last.want
            )
        }
    }
}

#[component]
pub fn Progress(check_ins: Vec<CheckInView>) -> impl IntoView {
    let text = summary(&check_ins);
    let now: Vec<u8> = check_ins.iter().map(|c| c.now).collect();
    let want: Vec<u8> = check_ins.iter().map(|c| c.want).collect();
    let grid = grid();
    let dots = now
        .iter()
        .enumerate()
        .map(|(i, v)| view! { <circle cx=x(i, now.len()) cy=y(*v) r="4" fill="#1d70b8" /> })
        .collect_view();
    let rows = check_ins
        .iter()
        .map(|c| {
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">
                        {when(c.at)}
                        <br />
                        <span class="govuk-body-s">
                            {if c.shared_with_workers { "You and your workers can see it" } else { "Only you can see it" }}
                        </span>
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{c.now.to_string()}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{c.want.to_string()}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{c.importance.map(|s| s.to_string()).unwrap_or_default()}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{c.confidence.map(|s| s.to_string()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let has_data = !check_ins.is_empty();
    view! {
        <h2 class="govuk-heading-m">"My progress"</h2>
        <p class="govuk-body" id="progress-summary">{text}</p>
        {has_data.then(|| view! {
            <svg
                class="app-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                width="100%"
                role="img"
                aria-labelledby="progress-summary"
                focusable="false"
            >
                {grid}
                <polyline points=points(&want) fill="none" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 4" />
                <polyline points=points(&now) fill="none" stroke="#1d70b8" stroke-width="3" />
                {dots}
            </svg>
            <p class="govuk-body-s">"Solid blue line: where you were. Dashed black line: where you want to be."</p>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">"Your check-ins"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Date"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Where you were"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Where you want to be"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"How important"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"How sure"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{rows}</tbody>
            </table>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::EntryId;

    fn check_in(now: u8, want: u8) -> CheckInView {
        CheckInView {
            id: EntryId::new(),
            at: 0,
            now,
            want,
            note: None,
            importance: None,
            importance_not_lower: None,
            importance_up_one: None,
            confidence: None,
            confidence_not_lower: None,
            confidence_up_one: None,
            shared_with_workers: false,
        }
    }

    #[test]
    fn the_summary_says_in_one_sentence_which_way_things_went() {
        assert_eq!(summary(&[]), "You have not checked in on this goal yet.");
        assert_eq!(
            summary(&[check_in(3, 8), check_in(5, 8)]),
            "Over 2 check-ins, where you are has gone up: from 3 to 5 out of 10. You want to be at 8."
        );
    }

    #[test]
    fn scores_map_into_the_chart_with_ten_at_the_top() {
        assert!(y(10) < y(0));
        assert!((y(10) - TOP).abs() < f64::EPSILON);
    }
}
