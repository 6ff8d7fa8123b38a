//! Line charts of scores out of 10, drawn on the server as SVG (no script).
//!
//! Every point is drawn as a mark of its own, so a series with a single check-in still
//! shows (a line through one point draws nothing), and the legend under a chart describes
//! only what was drawn. A chart never stands alone: its page gives the same figures in a
//! sentence and a table, and that sentence is the chart's accessible name.
//!
//! The legend is in the reader's language (`chart-` messages); the axes keep running
//! left to right, 0 at the bottom, whatever the page's direction. Staff pages name their
//! own series, which have no messages, and are read in English.

use crate::ui::i18n::{has, lang, t, t_with};
use leptos::prelude::*;

pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 180.0;
const LEFT: f64 = 28.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 8.0;
const RIGHT: f64 = 12.0;

/// Where check-in `index` of `count` sits across the chart.
fn x(index: usize, count: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT;
    if count <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * (index as f64) / ((count - 1) as f64)
    }
}

/// Where a score sits up the chart: 10 at the top.
fn y(score: u8) -> f64 {
    let span = HEIGHT - TOP - BOTTOM;
    TOP + span * (1.0 - f64::from(score) / 10.0)
}

/// The shape drawn at each point of a series, so series differ by more than colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Shape {
    /// How the legend names one mark of this shape in English, and its message's name.
    fn word(self) -> &'static str {
        match self {
            Shape::Circle => "dot",
            Shape::Square => "square",
            Shape::Triangle => "triangle",
            Shape::Diamond => "diamond",
        }
    }
}

/// How a series is drawn and named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// What the series is, as the legend says it: "where you were".
    pub name: &'static str,
    pub colour: &'static str,
    /// The colour in words: "Blue".
    pub colour_word: &'static str,
    /// `stroke-dasharray` for the line, if it is not solid.
    pub dash: Option<&'static str>,
    /// The line in words: "solid", "dashed".
    pub line_word: &'static str,
    pub shape: Shape,
}

/// One series: its style and its scores, each at the index of the check-in it belongs to
/// (a ruler answered at only some check-ins has gaps).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub style: Style,
    pub points: Vec<(usize, u8)>,
}

impl Series {
    /// A series with a score at every check-in.
    pub fn every(style: Style, scores: impl IntoIterator<Item = u8>) -> Self {
        Self {
            style,
            points: scores.into_iter().enumerate().collect(),
        }
    }

    /// A series with a score only where one was given.
    pub fn some(style: Style, scores: impl IntoIterator<Item = Option<u8>>) -> Self {
        Self {
            style,
            points: scores
                .into_iter()
                .enumerate()
                .filter_map(|(i, s)| s.map(|s| (i, s)))
                .collect(),
        }
    }
}

/// What is drawn for one series: a line when it has two points or more, and a mark at
/// every point.
#[derive(Debug, Clone, PartialEq)]
struct Drawn {
    style: Style,
    line: Option<String>,
    marks: Vec<(f64, f64)>,
}

fn drawn(series: &[Series], count: usize) -> Vec<Drawn> {
    series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            let at: Vec<(f64, f64)> = s
                .points
                .iter()
                .map(|(i, v)| (x(*i, count), y(*v)))
                .collect();
            let line = (at.len() >= 2).then(|| {
                at.iter()
                    .map(|(px, py)| format!("{px:.1},{py:.1}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            Drawn {
                style: s.style,
                line,
                marks: at,
            }
        })
        .collect()
}

/// The message `key` in the reader's language, or `english` where there is none (a
/// staff page's own series).
fn word(key: &str, english: &str) -> String {
    if has(lang(), key) {
        t(key)
    } else {
        english.to_owned()
    }
}

/// The legend: one sentence per series that was drawn, saying how it looks.
pub fn legend(series: &[Series]) -> String {
    series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            let st = s.style;
            let colour = word(
                &format!("chart-colour-{}", st.colour_word.to_lowercase()),
                st.colour_word,
            );
            let shape = format!("chart-shape-{}", st.shape.word());
            let name = word(
                &format!("chart-series-{}", st.name.replace(' ', "-")),
                st.name,
            );
            if s.points.len() >= 2 {
                t_with(
                    "chart-line",
                    &[
                        ("colour", &colour),
                        (
                            "line",
                            &word(&format!("chart-line-{}", st.line_word), st.line_word),
                        ),
                        (
                            "with",
                            &word(&format!("{shape}.with"), &format!("a {}", st.shape.word())),
                        ),
                        ("name", &name),
                    ],
                )
            } else {
                t_with(
                    "chart-point",
                    &[
                        ("colour", &colour),
                        ("shape", &word(&shape, st.shape.word())),
                        ("name", &name),
                    ],
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn mark(shape: Shape, colour: &'static str, (cx, cy): (f64, f64)) -> AnyView {
    match shape {
        Shape::Circle => view! { <circle cx=cx cy=cy r="5" fill=colour /> }.into_any(),
        Shape::Square => {
            view! { <rect x=cx - 4.5 y=cy - 4.5 width="9" height="9" fill=colour /> }.into_any()
        }
        Shape::Triangle => view! {
            <polygon points=format!("{cx:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", cy - 6.0, cx - 6.0, cy + 4.5, cx + 6.0, cy + 4.5) fill=colour />
        }
        .into_any(),
        Shape::Diamond => view! {
            <polygon points=format!("{cx:.1},{:.1} {:.1},{cy:.1} {cx:.1},{:.1} {:.1},{cy:.1}", cy - 6.0, cx + 6.0, cy + 6.0, cx - 6.0) fill=colour />
        }
        .into_any(),
    }
}

/// The chart and its legend. `count` is the number of check-ins across the chart;
/// `labelled_by` is the id of the sentence that says what it shows.
#[component]
pub fn ScoreChart(series: Vec<Series>, count: usize, labelled_by: String) -> impl IntoView {
    let words = legend(&series);
    let grid = [0u8, 5, 10]
        .into_iter()
        .map(|score| {
            let at = y(score);
            view! {
                <line x1=LEFT x2=WIDTH - RIGHT y1=at y2=at stroke="#b1b4b6" stroke-width="1" />
                <text x=LEFT - 6.0 y=at + 4.0 text-anchor="end" font-size="12" fill="#0b0c0c">{score.to_string()}</text>
            }
        })
        .collect_view();
    let series = drawn(&series, count)
        .into_iter()
        .map(|d| {
            let st = d.style;
            view! {
                {d.line.map(|points| view! {
                    <polyline points=points fill="none" stroke=st.colour stroke-width="2" stroke-dasharray=st.dash />
                })}
                {d.marks.into_iter().map(|at| mark(st.shape, st.colour, at)).collect_view()}
            }
        })
        .collect_view();
    view! {
        <svg
            class="app-chart"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            width="100%"
            role="img"
            aria-labelledby=labelled_by
            focusable="false"
            direction="ltr"
        >
            {grid}
            {series}
        </svg>
        <p class="govuk-body-s">{words}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // The parent's own chart's styles: a solid line and a dashed one.
    use crate::ui::family::progress::{NOW, WANT};

    #[test]
    fn a_single_check_in_draws_a_mark_for_each_series_and_no_invisible_line() {
        let series = [Series::every(NOW, [3]), Series::every(WANT, [8])];
        let drawn = drawn(&series, 1);
        assert_eq!(drawn.len(), 2);
        for d in drawn {
            assert_eq!(d.line, None);
            assert_eq!(d.marks.len(), 1);
        }
        assert_eq!(
            legend(&series),
            "Blue dot: where you were. Black square: where you want to be."
        );
    }

    #[test]
    fn two_check_ins_draw_a_line_with_a_mark_at_each_and_say_so() {
        let series = [Series::every(NOW, [3, 5])];
        let drawn = drawn(&series, 2);
        assert!(drawn[0].line.is_some());
        assert_eq!(drawn[0].marks.len(), 2);
        assert_eq!(
            legend(&series),
            "Blue solid line with a dot at each check-in: where you were."
        );
    }

    #[test]
    fn the_legend_never_describes_a_series_with_nothing_drawn() {
        let series = [Series::every(NOW, [3, 5]), Series::some(WANT, [None, None])];
        assert_eq!(drawn(&series, 2).len(), 1);
        assert!(!legend(&series).contains("where you want to be"));
    }

    #[test]
    fn a_ruler_answered_once_among_several_check_ins_is_a_mark_at_its_own_check_in() {
        let series = [Series::some(WANT, [None, Some(6), None])];
        let drawn = drawn(&series, 3);
        assert_eq!(drawn[0].line, None);
        assert_eq!(drawn[0].marks, vec![(x(1, 3), y(6))]);
        assert_eq!(legend(&series), "Black square: where you want to be.");
    }

    #[test]
    fn the_legend_is_in_the_readers_language_and_a_staff_series_keeps_its_own_name() {
        use crate::domain::language::Lang;
        use crate::ui::i18n::tr;
        let owner = Owner::new();
        let urdu = owner.with(|| {
            provide_context(Lang::Ur);
            legend(&[Series::every(NOW, [3, 5]), Series::every(WANT, [8, 8])])
        });
        assert!(
            urdu.contains(&tr(Lang::Ur, "chart-series-where-you-were", &[])),
            "{urdu}"
        );
        assert!(!urdu.contains("where you"), "{urdu}");
        let staff = Style {
            name: "scaling score",
            ..NOW
        };
        assert_eq!(
            legend(&[Series::every(staff, [4])]),
            "Blue dot: scaling score."
        );
    }

    #[test]
    fn scores_map_into_the_chart_with_ten_at_the_top() {
        assert!(y(10) < y(0));
        assert!((y(10) - TOP).abs() < f64::EPSILON);
    }
}
