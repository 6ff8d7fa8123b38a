//! The page frame: skip link, header, main content and footer, following the GOV.UK
//! page template (<https://design-system.service.gov.uk/styles/page-template/>) without
//! the crown or the GDS Transport font, which are for GOV.UK alone.

use super::exit::{ExitSkipLink, ExitThisPage};
use crate::domain::language::Offered;
use crate::dto::brand::Brand;
use crate::ui::i18n::{t, t_with};
use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the page title. Titles stay neutral ("Give feedback – Family portal"): a title
/// shows in tabs, history and task switchers, where someone else may see it.
#[component]
pub fn PageTitle(
    /// The page's own name.
    #[prop(into)]
    text: String,
    /// Whether the page is showing an error summary; GOV.UK prefixes "Error: ".
    #[prop(optional, into)]
    has_error: Signal<bool>,
) -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    // Worked out now, as the page is drawn: the server writes the document's head after
    // its body, when the page's own signals may already be gone, and pages are never
    // drawn again in the browser.
    let prefix = if has_error.get_untracked() {
        format!("{} ", t("error-prefix"))
    } else {
        String::new()
    };
    let title = format!("{prefix}{text} – {}", brand.service_name);
    view! { <Title text=title /> }
}

#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    // "Exit this page" is on every page: any page may be open when someone walks in.
    view! {
        <ExitSkipLink />
        <a href="#main-content" class="govuk-skip-link">
            {t("skip-to-main")}
        </a>
        <Header brand=brand.clone() />
        <div class="govuk-width-container">
            <ExitThisPage />
            // Shown by /scripts/read-aloud.js where the browser can speak.
            <button
                type="button"
                class="govuk-button govuk-button--secondary app-read-aloud"
                data-read-aloud=""
                data-no-voice=t("read-aloud-no-voice")
                aria-pressed="false"
                hidden=true
            >
                {t("read-aloud")}
            </button>
            <main class="govuk-main-wrapper app-main" id="main-content" tabindex="-1">
                {children()}
            </main>
        </div>
        <Footer brand />
    }
}

#[component]
fn Header(brand: Brand) -> impl IntoView {
    view! {
        <header class="govuk-header" data-module="govuk-header">
            <div class="govuk-header__container govuk-width-container">
                <div class="govuk-header__logo">
                    <a href="/" class="govuk-header__link govuk-header__link--homepage">
                        {brand
                            .logo
                            .map(|logo| view! { <img class="app-logo" src=logo.url alt=logo.alt /> })}
                        <span class="govuk-header__logotype-text">{brand.service_name}</span>
                    </a>
                </div>
            </div>
        </header>
    }
}

#[component]
fn Footer(brand: Brand) -> impl IntoView {
    // A child's screens have their own way to help ("I don't feel safe"); the grown-ups'
    // help and feedback pages are out of reach on a device handed to a child, so the
    // footer offers nothing there rather than links that lead back to the start.
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    let grown_up = !(path == "/child" || path.starts_with("/child/"));
    let search = location.search.get_untracked();
    let search = search.trim_start_matches('?');
    let here = if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    };
    // Each language is named in itself, so someone who cannot read the page's language
    // can still find theirs.
    let offered = use_context::<Offered>().unwrap_or_default();
    let languages = (grown_up && offered.several()).then(|| {
        let href = format!("/language?back={}", encode(&here));
        let names = offered
            .0
            .iter()
            .map(|l| view! { <span lang=l.html_lang() dir=l.dir()>{l.own_name()}</span> " " })
            .collect_view();
        view! {
            <li class="govuk-footer__inline-list-item">
                <a class="govuk-footer__link app-footer-language" href=href id="footer-language">
                    {t("footer-language")} ": " {names}
                </a>
            </li>
        }
    });
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        {grown_up.then(|| view! {
                            <h2 class="govuk-visually-hidden">{t("footer-support")}</h2>
                            <ul class="govuk-footer__inline-list">
                                <li class="govuk-footer__inline-list-item">
                                    <a class="govuk-footer__link" href="/help">{t("footer-help")}</a>
                                </li>
                                <li class="govuk-footer__inline-list-item">
                                    <a class="govuk-footer__link" href="/feedback">
                                        {t("footer-feedback")}
                                    </a>
                                </li>
                                {languages}
                            </ul>
                        })}
                        <p class="govuk-body-s">{t_with("footer-run-by", &[("organisation", &brand.organisation_name)])}</p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// The GOV.UK success banner after something was done, announced as the page opens.
#[component]
pub fn Success(
    #[prop(into)] heading: String,
    #[prop(optional, into)] more: Option<String>,
) -> impl IntoView {
    view! {
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title" data-module="govuk-notification-banner">
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="success-title">{t("success")}</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{heading}</p>
                {more.map(|more| view! { <p class="govuk-body">{more}</p> })}
            </div>
        </div>
    }
}

/// A path and query, made safe to carry in another address's query.
fn encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
