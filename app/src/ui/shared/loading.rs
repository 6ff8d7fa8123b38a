//! What a page shows while its data is on the way, after moving to it within the portal.
//!
//! A page drawn by the server arrives whole, so this is seen only when the browser draws
//! the next page itself: without it, the main part of the page would stay empty, and
//! someone could think the link had done nothing.

use super::problems::problem_view;
use crate::api::AppError;
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

/// Draws `page` once `found` has loaded, with the echo of a plain form's problem, or the
/// problem page if loading failed (not found and hidden look the same).
pub fn loaded<T, V>(
    found: Resource<Result<T, AppError>>,
    page: impl Fn(T, crate::ui::shared::form::FormEcho) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let echo = crate::ui::shared::form::use_form_echo();
    view! {
        <Suspense fallback=crate::ui::shared::loading::Loading>
            {move || {
                let (echo, page) = (echo.clone(), page.clone());
                Suspend::new(async move {
                    match found.await {
                        Ok(data) => page(data, echo).into_any(),
                        Err(error) => problem_view(error),
                    }
                })
            }}
        </Suspense>
    }
}
