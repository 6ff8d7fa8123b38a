//! The page a phone shows when the portal cannot be reached: "You are offline", with
//! "Exit this page". The service worker (`public/sw.js`) keeps one copy and shows it for
//! any page it cannot fetch, so the page must stand alone: its styles and the exit script
//! are the only files it needs, and it works without scripts.
//!
//! It is drawn in the language named by `?lang=` (a page's `<html lang>`, which the
//! worker is told), or English, among the languages the council offers. It never reads a
//! session or holds anyone's data: `/offline.html` is a static file to the session layer,
//! and the same address and language give everyone the same page. `Content-Language`
//! says which language it is, so the worker can tell whether the copy it keeps is the one
//! for the language being read.

use crate::state::AppState;
use app::domain::language::Lang;
use app::ui::i18n::tr;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// Where the offline page is: the address the service worker keeps it under.
pub const OFFLINE_PATH: &str = "/offline.html";

pub async fn offline_page(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let asked = query.as_deref().and_then(|q| {
        q.split('&')
            .find_map(|pair| pair.strip_prefix("lang="))
            .and_then(Lang::parse)
    });
    let lang = state.services.languages.or_english(asked);
    let mut response = (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page(lang),
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.html_lang()),
    );
    response
}

/// The page in `lang`. Plain HTML, no inline script (the default policy allows none), the
/// styles and exit script at their plain addresses, which the worker keeps beside it.
fn page(lang: Lang) -> String {
    let words = |key: &str| escape(&tr(lang, key, &[]));
    let (title, exit, emergency) = (
        words("offline-title"),
        words("exit-this-page"),
        words("exit-emergency"),
    );
    format!(
        "<!DOCTYPE html>\n\
         <html lang=\"{html_lang}\" dir=\"{dir}\" class=\"govuk-template\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <meta name=\"offline-held\" content=\"{held}\">\n\
         <title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"/pkg/portal.css\">\n\
         <script src=\"/scripts/exit.js\" defer></script>\n\
         </head>\n\
         <body class=\"govuk-template__body\">\n\
         <a href=\"/exit\" class=\"govuk-skip-link\" rel=\"external nofollow noreferrer\" data-exit-this-page=\"skip-link\">{exit}</a>\n\
         <div class=\"govuk-width-container\">\n\
         <div class=\"govuk-exit-this-page\" data-module=\"govuk-exit-this-page\">\n\
         <a href=\"/exit\" role=\"button\" draggable=\"false\" class=\"govuk-button govuk-button--warning govuk-exit-this-page__button\" rel=\"external nofollow noreferrer\" data-exit-this-page=\"button\"><span class=\"govuk-visually-hidden\">{emergency}</span> {exit}</a>\n\
         <p class=\"govuk-visually-hidden\" id=\"exit-this-page-status\" role=\"status\" aria-live=\"polite\"></p>\n\
         </div>\n\
         <main class=\"govuk-main-wrapper\" id=\"main-content\" tabindex=\"-1\">\n\
         <h1 class=\"govuk-heading-l\">{title}</h1>\n\
         <p class=\"govuk-body\">{lead}</p>\n\
         <p class=\"govuk-body\"><a class=\"govuk-link\" href=\"\">{again}</a></p>\n\
         </main>\n\
         </div>\n\
         </body>\n\
         </html>\n",
        html_lang = lang.html_lang(),
        dir = lang.dir(),
        // What `scripts/offline.js` says when a form is sent offline: kept here, in the
        // same language, since the offline page is what the worker keeps for it.
        held = words("offline-held"),
        lead = words("offline-lead"),
        again = words("offline-try-again"),
    )
}

/// Text safe inside HTML, in an element or an attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_offline_page_reads_as_it_always_has() {
        let english = page(Lang::En);
        assert!(english.contains("<html lang=\"en-GB\" dir=\"ltr\""));
        assert!(english.contains("<h1 class=\"govuk-heading-l\">You are offline</h1>"));
        assert!(english.contains(
            "This page could not be reached. Check that your phone has signal or Wi-Fi, then try again."
        ));
        assert!(!english.contains("<script>"), "no inline script");
    }

    #[test]
    fn the_urdu_offline_page_is_right_to_left_and_in_urdu() {
        let urdu = page(Lang::Ur);
        assert!(urdu.contains("<html lang=\"ur\" dir=\"rtl\""));
        assert!(urdu.contains(&escape(&tr(Lang::Ur, "offline-title", &[]))));
        assert!(urdu.contains(&escape(&tr(Lang::Ur, "exit-this-page", &[]))));
    }
}
