//! The family portal's pages, server functions and shared types.
//!
//! - `domain`: types both sides share, parsed once at the boundary; no I/O.
//! - `dto`: the plain data pages are sent, and the one error type; no I/O.
//! - `api`: server functions, the only way the browser reaches the server's data.
//! - `ui`: components and pages, by audience.
//! - `backend` (server only): the store and the services server functions use.
//!
//! Data flows one way: browser -> server function -> policy -> store, and back as a DTO.

#![recursion_limit = "256"]

pub mod api;
pub mod domain;
pub mod dto;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod backend;

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::SsrMode;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use ui::family::decided::DecidedPage;
use ui::family::flows::{
    AboutMePage, CheckInPage, EditGoalPage, ForMeetingPage, GoodNewsPage, NewGoalPage, SayPage,
    StagePage,
};
use ui::family::help::HelpPage;
use ui::family::home::{EntryPage, Home, WhoHasSeen};
use ui::family::tools::GoalPage;
use ui::practitioner::admin::{StaffCodePage, StaffPage};
use ui::practitioner::family::{CodePage, FamilyPage};
use ui::public::feedback::{FeedbackPage, FeedbackSent};
use ui::public::landing::Landing;
use ui::public::sign_in::{Confirm, Locked, SignIn, SignedOut};
use ui::public::start::Start;
use ui::shared::account::AccountPage;
use ui::shared::layout::Frame;
use ui::shared::problems::NotFound;

/// Where this build's styles and scripts are served from, given by the server in every
/// page's context: `/build/<id>`, where the id is made from the files themselves, so a
/// browser may keep them and a page never asks for another build's. Without it, the plain
/// `/pkg` and `/scripts` addresses, which a browser checks each time.
#[derive(Clone, Debug, Default)]
pub struct AssetRoot(pub std::sync::Arc<str>);

/// The HTML document around the application. Rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let root = use_context::<AssetRoot>()
        .map(|r| r.0.to_string())
        .unwrap_or_default();
    // The reader's language and its direction: screen readers and the browser's voices
    // read by `lang`, and `dir="rtl"` mirrors the page for Urdu.
    let lang = ui::i18n::lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.html_lang() dir=lang.dir() class="govuk-template">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="robots" content="noindex, nofollow" />
                <link rel="stylesheet" href=format!("{root}/pkg/portal.css") />
                <link rel="stylesheet" href="/brand.css" />
                // Adding the portal to a home screen: a neutral name and icon.
                <link rel="manifest" href="/manifest.webmanifest" />
                // Plain scripts from this site: the quick exit and passkeys. No inline script.
                <script src=format!("{root}/scripts/exit.js") defer></script>
                <script src=format!("{root}/scripts/passkey.js") defer></script>
                <script src=format!("{root}/scripts/read-aloud.js") defer></script>
                <script src=format!("{root}/scripts/child.js") defer></script>
                <script src=format!("{root}/scripts/forms.js") defer></script>
                <script src=format!("{root}/scripts/offline.js") defer></script>
                <AutoReload options=options.clone() />
                // Islands: pages are drawn on the server, and only the few parts that
                // react as people type (character counts, answers kept as typed) are
                // WebAssembly, which arrives when the browser is idle.
                <HydrationScripts options root islands=true />
                <MetaTags />
            </head>
            <body class="govuk-template__body">
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Router>
            <Frame>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Landing />
                    <Route path=path!("/sign-in") view=SignIn />
                    <Route path=path!("/feedback") view=FeedbackPage />
                    <Route path=path!("/feedback/sent") view=FeedbackSent />
                    <Route path=path!("/start") view=Start />
                    <Route path=path!("/language") view=ui::public::language::LanguagePage />
                    <Route path=path!("/signed-out") view=SignedOut />
                    <Route path=path!("/confirm") view=Confirm />
                    <Route path=path!("/locked") view=Locked />
                    // A child's screens, on their own device or a practitioner's.
                    <Route path=path!("/child") view=ui::child::ChildHome ssr=SsrMode::Async />
                    <Route path=path!("/child/houses/:house") view=ui::child::HousePage ssr=SsrMode::Async />
                    <Route path=path!("/child/feelings") view=ui::child::FeelingsPage ssr=SsrMode::Async />
                    <Route path=path!("/child/tell") view=ui::child::TellPage ssr=SsrMode::Async />
                    <Route path=path!("/child/important") view=ui::child::ImportantPage ssr=SsrMode::Async />
                    <Route path=path!("/child/meeting") view=ui::child::MeetingPage ssr=SsrMode::Async />
                    <Route path=path!("/child/decided/:session") view=ui::child::DecidedPage ssr=SsrMode::Async />
                    <Route path=path!("/child/good") view=ui::child::GoodNewsPage ssr=SsrMode::Async />
                    <Route path=path!("/child/about") view=ui::child::AboutMePage ssr=SsrMode::Async />
                    <Route path=path!("/child/safe") view=ui::child::SafePage ssr=SsrMode::Async />
                    <Route path=path!("/child/safe/told") view=ui::child::SafeToldPage ssr=SsrMode::Async />
                    <Route path=path!("/child/show/:entry") view=ui::child::ShowWhoPage ssr=SsrMode::Async />
                    <Route path=path!("/child/show/:entry/:member") view=ui::child::ShowConfirmPage ssr=SsrMode::Async />
                    <Route path=path!("/child/hand-back") view=ui::child::HandBackPage ssr=SsrMode::Async />
                    // Pages with someone's data wait for it, so the status is right and the
                    // page is whole without scripts.
                    <Route path=path!("/home") view=Home ssr=SsrMode::Async />
                    <Route path=path!("/entries/:id") view=EntryPage ssr=SsrMode::Async />
                    <Route path=path!("/seen") view=WhoHasSeen ssr=SsrMode::Async />
                    <Route path=path!("/goals/new") view=NewGoalPage ssr=SsrMode::Async />
                    <Route path=path!("/goals/:id") view=GoalPage ssr=SsrMode::Async />
                    <Route path=path!("/goals/:id/edit") view=EditGoalPage ssr=SsrMode::Async />
                    <Route path=path!("/goals/:id/check-in") view=CheckInPage ssr=SsrMode::Async />
                    <Route path=path!("/goals/:id/stage") view=StagePage ssr=SsrMode::Async />
                    <Route path=path!("/say") view=SayPage ssr=SsrMode::Async />
                    <Route path=path!("/meeting") view=ForMeetingPage ssr=SsrMode::Async />
                    <Route path=path!("/good-news") view=GoodNewsPage ssr=SsrMode::Async />
                    <Route path=path!("/about-me") view=AboutMePage ssr=SsrMode::Async />
                    <Route path=path!("/decided/:session") view=DecidedPage ssr=SsrMode::Async />
                    <Route path=path!("/help") view=HelpPage />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/my-data") view=ui::shared::own_data::MyDataPage ssr=SsrMode::Async />
                    <Route path=path!("/messages") view=ui::family::messages::MessagesPage ssr=SsrMode::Async />
                    <Route path=path!("/alerts/:id") view=ui::practitioner::alert::AlertPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/contacts") view=ui::practitioner::admin::ContactsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/contacts/:staff") view=ui::practitioner::admin::StaffContactPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/duty-contact") view=ui::practitioner::admin::DutyContactPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/staff") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/evaluation") view=ui::practitioner::admin::EvaluationPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/case-system") view=ui::practitioner::case_system::CaseSystemPage ssr=SsrMode::Async />
                    <Route path=path!("/case-systems") view=ui::practitioner::case_system::ApproveCaseSystemsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/case-system/clients/:client") view=ui::practitioner::case_system::ClientSecretPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/case-system/family") view=ui::practitioner::case_system::CaseReferencesPage ssr=SsrMode::Async />
                    <Route path=path!("/take-up") view=ui::practitioner::take_up::TakeUpPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/staff/:staff/code")
                        view=StaffCodePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/families/:id") view=FamilyPage ssr=SsrMode::Async />
                    <Route path=path!("/families/:id/views") view=ui::practitioner::views::Module8Page ssr=SsrMode::Async />
                    <Route path=path!("/supervision") view=ui::practitioner::supervision::SupervisionPage ssr=SsrMode::Async />
                    <Route path=path!("/supervision/:session") view=ui::practitioner::supervision::SessionPage ssr=SsrMode::Async />
                    <Route path=path!("/families/:id/pack") view=ui::practitioner::pack::PackPage ssr=SsrMode::Async />
                    <Route path=path!("/families/:id/record/:session") view=ui::practitioner::record::RecordPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/families/:family/members/:member/data")
                        view=ui::shared::own_data::MemberDataPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/families/:family/members/:member/code")
                        view=CodePage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Frame>
        </Router>
    }
}

/// The browser's entry point, called once the WebAssembly has arrived. The page's islands
/// wake straight after it; the document is marked once they have, for tests to wait on.
/// Nothing else depends on the mark.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The islands are woken in the same turn, after this returns; a timer runs after.
    set_timeout(
        || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
