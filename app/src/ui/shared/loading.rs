//! What a page shows while its data is on the way, after moving to it within the portal.
//!
//! A page drawn by the server arrives whole, so this is seen only when the browser draws
//! the next page itself: without it, the main part of the page would stay empty, and
//! someone could think the link had done nothing.

use leptos::prelude::*;

/// A status message, announced by screen readers, in place of what is still loading.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="govuk-body" role="status" data-loading="">
            "Loading…"
        </p>
    }
}
