//! Choosing the language the family pages are read in.

use super::AppError;
use leptos::prelude::*;

/// Keeps the chosen language: on the account of someone signed in, so it follows them to
/// another phone; before signing in, on this device until they sign in or set up their
/// sign-in. Then goes back to the page it was chosen from.
#[server(prefix = "/api", endpoint = "choose-language")]
pub async fn choose_language(
    #[server(default)] language: String,
    #[server(default)] back: String,
    /// `on` or `off`; blank leaves easy read as it is.
    #[server(default)]
    easy_read: String,
) -> Result<(), AppError> {
    use crate::domain::FieldErrors;
    use crate::domain::language::Lang;
    let services = crate::backend::services()?;
    let Some(lang) = Lang::parse(&language).filter(|l| services.languages.0.contains(l)) else {
        return Err(AppError::Invalid(FieldErrors::single(
            "language",
            "Choose a language from the list.",
        )));
    };
    let easy_read = match easy_read.as_str() {
        "on" => Some(true),
        "off" => Some(false),
        _ => None,
    };
    match crate::backend::current_session().filter(|s| s.actor.account().is_some()) {
        // A child's screens on a practitioner's device are left as they are.
        Some(session) if session.supported.is_some() => return Err(AppError::Forbidden),
        Some(session) => {
            crate::backend::language::choose(&services.store, &session, lang, easy_read).await?;
        }
        None => {
            let secure = services.auth.settings.secure_attribute();
            let mut cookies = vec![(crate::backend::LANGUAGE_COOKIE, lang.code())];
            if let Some(easy) = easy_read {
                cookies.push((
                    crate::backend::EASY_READ_COOKIE,
                    if easy { "1" } else { "0" },
                ));
            }
            for (name, value) in cookies {
                let cookie = format!(
                    "{name}={value}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}"
                );
                if let (Some(response), Ok(value)) = (
                    use_context::<leptos_axum::ResponseOptions>(),
                    axum::http::HeaderValue::from_str(&cookie),
                ) {
                    response.append_header(axum::http::header::SET_COOKIE, value);
                }
            }
        }
    }
    // Only a path on this site: never an address elsewhere.
    leptos_axum::redirect(crate::domain::paths::local_path(&back).unwrap_or("/"));
    Ok(())
}
