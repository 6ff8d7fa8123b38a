//! A table that may be wider than a small phone's screen scrolls inside its own box, so
//! the page itself never scrolls sideways (WCAG 1.4.10 Reflow). The box is a named region
//! that takes keyboard focus, so people who do not use a mouse or touch can scroll it
//! too (WCAG 2.1.1; GOV.UK's advice on scrollable tables).

use leptos::prelude::*;

/// Wraps one `<table>`; `label` names the region, usually the table's caption.
#[component]
pub fn ScrollRegion(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="app-table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
