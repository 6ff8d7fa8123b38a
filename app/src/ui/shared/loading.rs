//! A page's data, loaded before the page is sent.
//!
//! Pages with someone's data are drawn on the server once their data has loaded
//! (`SsrMode::Async`), so a page arrives whole and never shows a part still loading.

use super::problems::problem_view;
use crate::api::AppError;
use leptos::prelude::*;

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
        <Suspense fallback=|| ()>
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
