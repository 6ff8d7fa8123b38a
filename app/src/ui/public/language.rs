//! "Choose your language": offered on a first visit and from every page's footer. Each
//! language is named in itself and marked with its own `lang` and direction, so a screen
//! reader says each name in its own voice. Easy read is chosen here too.

use crate::api::language::ChooseLanguage;
use crate::domain::language::Offered;
use crate::domain::paths::local_path;
use crate::ui::i18n::{easy_read, lang, t};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, ProgressiveForm, echoed_error, field_error, use_form_echo,
    with_error,
};
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn LanguagePage() -> impl IntoView {
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    let query = leptos_router::hooks::use_query_map();
    // Only a path on this site, whether from the address or from a form sent back.
    let back = echo
        .value("back")
        .or_else(|| query.read_untracked().get("back"))
        .and_then(|asked| local_path(&asked).map(str::to_owned))
        .unwrap_or_else(|| "/".to_owned());
    let offered = use_context::<Offered>().unwrap_or_default();
    let current = lang();
    let easy = easy_read();
    let message = field_error(error, "language");
    let has_error = Signal::derive(move || error.get().is_some());
    let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
    let radios = offered
        .0
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // The first radio carries the field's id, for the error summary's link.
            let id = if i == 0 {
                "language".to_owned()
            } else {
                format!("language-{}", i + 1)
            };
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="language" type="radio"
                        value=l.code() checked=*l == current />
                    <label class="govuk-label govuk-radios__label" for=id lang=l.html_lang() dir=l.dir()>
                        {l.own_name()}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=t("language-title") has_error />
        <a href=back.clone() class="govuk-back-link">{t("back")}</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary error />
                <ProgressiveForm to=ChooseLanguage::url()>
                    <input type="hidden" name="back" value=back />
                    <div class=group>
                        <fieldset class="govuk-fieldset" aria-describedby="language-hint">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                                <h1 class="govuk-fieldset__heading">{t("language-title")}</h1>
                            </legend>
                            <div class="govuk-hint" id="language-hint">{t("language-hint")}</div>
                            <ErrorMessage id="language-error" message />
                            <div class="govuk-radios" data-module="govuk-radios">{radios}</div>
                        </fieldset>
                    </div>
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset" aria-describedby="easy-read-hint">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                                <h2 class="govuk-fieldset__heading">{t("easy-read-legend")}</h2>
                            </legend>
                            <div class="govuk-hint app-lines" id="easy-read-hint">{t("easy-read-hint")}</div>
                            <div class="govuk-radios" data-module="govuk-radios">
                                <div class="govuk-radios__item">
                                    <input class="govuk-radios__input" id="easy_read" name="easy_read" type="radio"
                                        value="off" checked=!easy />
                                    <label class="govuk-label govuk-radios__label" for="easy_read">{t("easy-read-off")}</label>
                                </div>
                                <div class="govuk-radios__item">
                                    <input class="govuk-radios__input" id="easy_read-2" name="easy_read" type="radio"
                                        value="on" checked=easy />
                                    <label class="govuk-label govuk-radios__label" for="easy_read-2">{t("easy-read-on")}</label>
                                </div>
                            </div>
                        </fieldset>
                    </div>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {t("language-save")}
                    </button>
                </ProgressiveForm>
            </div>
        </div>
    }
}
