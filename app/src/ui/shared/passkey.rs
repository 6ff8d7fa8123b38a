//! A passkey step on a page: a form that `/scripts/passkey.js` takes over. A passkey
//! needs the browser's WebAuthn API, which only a script can reach, so without scripts
//! the form stays hidden and a plain message says what to do instead.
//!
//! The script carries no words but English: the page hands it the reader's, on the error
//! summary it fills in, and the script falls back to its English where a page has none.

use crate::ui::i18n::t;
use leptos::prelude::*;

/// The problems the server can give a family member in a passkey step, in the English
/// it words them in, each with the message that says it to the reader.
#[cfg(feature = "ssr")]
fn server_problems() -> Vec<(String, &'static str)> {
    use crate::api::AppError;
    use crate::api::account::AuthError;
    vec![
        (AuthError::CodeMissing.to_string(), "passkey-no-code"),
        (AuthError::CodeNotValid.to_string(), "passkey-code"),
        (AuthError::CeremonyNotValid.to_string(), "passkey-too-long"),
        (AuthError::PasskeyRefused.to_string(), "passkey-refused"),
        (
            AuthError::CounterRegression.to_string(),
            "passkey-not-accepted",
        ),
        (AuthError::NeedsRecentSignIn.to_string(), "passkey-confirm"),
        (AuthError::TooManyAttempts.to_string(), "error-too-many"),
        (AuthError::NotAllowed.to_string(), "problem-not-found"),
        (AppError::Internal.to_string(), "error-service"),
    ]
}

/// The server's English problems and the reader's words for each, as JSON for the
/// script: only those whose words differ, so nothing at all where none does.
fn problems_for_script() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use crate::ui::i18n::{lang, tr};
        let lang = lang();
        let pairs: serde_json::Map<String, serde_json::Value> = server_problems()
            .into_iter()
            .map(|(english, key)| (english, tr(lang, key, &[])))
            .filter(|(english, words)| english != words)
            .map(|(english, words)| (english, words.into()))
            .collect();
        (!pairs.is_empty()).then(|| serde_json::Value::Object(pairs).to_string())
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Drawn on the server only.
        None
    }
}

/// The error summary the script fills in when a step fails. Hidden until then. It holds
/// the script's words in the reader's language (`data-cancelled`, `data-service-problem`,
/// `data-error-prefix`, and `data-problems` for the server's problems by their English).
#[component]
pub fn PasskeyError() -> impl IntoView {
    view! {
        <div
            class="govuk-error-summary"
            data-passkey-error=""
            data-cancelled=t("passkey-cancelled")
            data-service-problem=t("error-service")
            data-error-prefix=t("error-prefix")
            data-problems=problems_for_script()
            tabindex="-1"
            role="alert"
            hidden=true
        >
            <h2 class="govuk-error-summary__title">{t("error-summary-title")}</h2>
            <div class="govuk-error-summary__body">
                <div data-passkey-message=""></div>
            </div>
        </div>
    }
}

/// Said when the browser cannot use passkeys here (no script, or too old a browser).
#[component]
pub fn NoPasskeyHere() -> impl IntoView {
    view! { <div class="govuk-inset-text" data-no-script="">{t("passkey-no-script")}</div> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::api::account::AuthError;
    use crate::domain::language::Lang;
    use crate::ui::i18n::tr;

    /// Every problem a passkey step can give a family member is handed to the script with
    /// words in every language. (`AlreadyHasPasskey` is said to staff only.)
    #[test]
    fn every_problem_a_passkey_step_can_give_a_family_has_words_in_every_language() {
        let handed: Vec<String> = server_problems().into_iter().map(|(e, _)| e).collect();
        for error in [
            AuthError::CodeMissing,
            AuthError::CodeNotValid,
            AuthError::CeremonyNotValid,
            AuthError::PasskeyRefused,
            AuthError::CounterRegression,
            AuthError::TooManyAttempts,
            AuthError::NeedsRecentSignIn,
            AuthError::NotAllowed,
        ] {
            let english = error.to_string();
            assert!(handed.contains(&english), "{english}");
        }
        for (english, key) in server_problems() {
            for lang in [Lang::Pl, Lang::Ur] {
                assert_ne!(tr(lang, key, &[]), english, "{key}");
            }
        }
    }
}
