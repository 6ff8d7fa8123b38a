//! Take-up figures as a CSV file, for a team manager's or head of service's own reports.
//! The figures come from `app::backend::take_up`, which decides who may have them, hides
//! small groups and audits the read; this only writes them down, exactly as the page
//! shows them.

use crate::evaluation::csv_line;
use crate::export::{attachment, problem, signed_in};
use crate::state::AppState;
use app::dto::take_up::{Count, TakeUpView};
use axum::extract::{Request, State};
use axum::response::Response;

/// The figures as CSV (RFC 4180): the whole group, each table's groups, then each month.
/// A hidden figure is written in words, "fewer than 5" or "not shown", as on the page.
pub fn csv(view: &TakeUpView) -> String {
    let line = |split: &str, group: &str, counts: [Count; 4]| {
        let mut cells = vec![split.to_owned(), group.to_owned()];
        cells.extend(counts.iter().map(|c| c.words()));
        csv_line(cells)
    };
    let mut out = csv_line(
        [
            "split",
            "group",
            "members",
            "given_a_code",
            "signed_up",
            "active",
        ]
        .map(str::to_owned),
    );
    out.push_str(&line("Everyone", &view.scope, view.total.figures()));
    for table in &view.tables {
        for r in &table.rows {
            out.push_str(&line(&table.title, &r.label, r.figures()));
        }
    }
    for m in &view.months {
        out.push_str(&line(
            "Month by month (active: in the month)",
            &m.month,
            m.figures.figures(),
        ));
    }
    out
}

pub async fn take_up_csv(State(state): State<AppState>, request: Request) -> Response {
    let session = match signed_in(&request) {
        Ok(session) => session,
        Err(error) => return problem(&error),
    };
    let services = &state.services;
    match app::backend::take_up::figures(&services.store, &session, &services.zone).await {
        Ok(view) => attachment(
            csv(&view).into_bytes(),
            "text/csv; charset=utf-8",
            &format!(
                "take-up-{}.csv",
                app::backend::evaluation::month_of(&services.zone, view.as_of)
            ),
        ),
        Err(error) => problem(&error),
    }
}
