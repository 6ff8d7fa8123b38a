//! Pages in other languages: a portal that offers them, a member's choice, and what a
//! page says about its own language.

use super::{Kind, TestApp};
use app::domain::language::Lang;

/// A portal that offers `languages` beside English. Every translation shipped is a
/// draft, so it runs as a copy for translators, as `scripts/run.sh` does.
pub async fn spawn_offering(kind: Kind, languages: &[&str]) -> TestApp {
    let languages: Vec<String> = languages.iter().map(|l| (*l).to_owned()).collect();
    TestApp::spawn_with(kind, |config| {
        config.languages.offered = languages;
        config.languages.drafts_for_translators = true;
    })
    .await
}

/// The member behind `cookie` chooses how to read the family pages, from the language
/// page: `language`, and `easy_read` if given.
pub async fn choose_reading(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) {
    let mut form = vec![("back", "/home")];
    form.extend_from_slice(fields);
    let chosen = app
        .call_as("/api/choose-language", &form, Some(cookie))
        .await;
    assert!(chosen.status().is_success() || chosen.status().is_redirection());
}

/// The page's document element, as `lang` and `dir`.
pub fn lang_and_dir(page: &str) -> (String, String) {
    let html = page
        .split("<html")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_else(|| panic!("a document: {page}"));
    let attribute = |name: &str| {
        html.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    (attribute("lang"), attribute("dir"))
}

/// A message of the portal's Urdu files, as a page shows it.
pub fn in_urdu(key: &str) -> String {
    app::ui::i18n::tr(Lang::Ur, key, &[])
}
