//! "My progress": a goal's scores over time as a chart drawn on the server (SVG, no
//! script), a one-sentence summary, and the same figures as a table for screen readers
//! and for anyone who prefers text.

use crate::api::tools::CheckInView;
use crate::ui::i18n::{t, t_with};
use crate::ui::shared::chart::{ScoreChart, Series, Shape, Style};
use crate::ui::shared::dates::when;
use crate::ui::shared::table::ScrollRegion;
use leptos::prelude::*;

/// Where you were: the scaling score at each check-in.
pub(crate) const NOW: Style = Style {
    name: "where you were",
    colour: "#1d70b8",
    colour_word: "Blue",
    dash: None,
    line_word: "solid",
    shape: Shape::Circle,
};

/// Where you want to be, at each check-in.
pub(crate) const WANT: Style = Style {
    name: "where you want to be",
    colour: "#0b0c0c",
    colour_word: "Black",
    dash: Some("6 4"),
    line_word: "dashed",
    shape: Shape::Square,
};

/// One sentence that says what the chart shows.
pub fn summary(check_ins: &[CheckInView]) -> String {
    match (check_ins.first(), check_ins.last()) {
        (None, _) | (_, None) => t("progress-none"),
        (Some(only), Some(_)) if check_ins.len() == 1 => t_with(
            "progress-once",
            &[
                ("now", &only.now.to_string()),
                ("want", &only.want.to_string()),
            ],
        ),
        (Some(first), Some(last)) => {
            let key = match last.now.cmp(&first.now) {
                std::cmp::Ordering::Greater => "progress-up",
                std::cmp::Ordering::Less => "progress-down",
                std::cmp::Ordering::Equal => "progress-same",
            };
            t_with(
                key,
                &[
                    ("count", &check_ins.len().to_string()),
                    ("first", &first.now.to_string()),
                    ("last", &last.now.to_string()),
                    ("want", &last.want.to_string()),
                ],
            )
        }
    }
}

#[component]
pub fn Progress(check_ins: Vec<CheckInView>) -> impl IntoView {
    let text = summary(&check_ins);
    let count = check_ins.len();
    let series = vec![
        Series::every(NOW, check_ins.iter().map(|c| c.now)),
        Series::every(WANT, check_ins.iter().map(|c| c.want)),
    ];
    let rows = check_ins
        .iter()
        .map(|c| {
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">
                        {when(c.at)}
                        <br />
                        <span class="govuk-body-s">
                            {t(if c.shared_with_workers { "progress-shared" } else { "progress-private" })}
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
        <h2 class="govuk-heading-m">{t("progress-heading")}</h2>
        <p class="govuk-body" id="progress-summary">{text}</p>
        {has_data.then(|| view! {
            <ScoreChart series count labelled_by="progress-summary".to_owned() />
            <ScrollRegion label=t("progress-table")>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">{t("progress-table")}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{t("progress-date")}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("progress-were")}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("progress-want")}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("progress-important")}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("progress-sure")}</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            </ScrollRegion>
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
}
