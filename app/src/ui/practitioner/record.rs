//! The record of a family's group case supervision: the team manager writes it during or
//! after the session, saving drafts until they finalise it; everyone who works with the
//! family reads it. A finalised record is locked: a change is a new version with its
//! reason, and every earlier version stays on the page. The page prints cleanly and
//! downloads as a Word document.

use crate::api::pack::TheirWords;
use crate::api::record::{RecordVersion, RecordView, SaveRecord, supervision_record};
use crate::domain::supervision::{RECORD_SECTIONS, Rating};
use crate::domain::tools::WORDS_MAX;
use crate::ui::practitioner::pack::FamilyWords;
use crate::ui::shared::dates::{at_time, when};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, field_error,
    textarea_text, with_error,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use crate::ui::shared::table::ScrollRegion;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RecordPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("id").unwrap_or_default(),
                params.get("session").unwrap_or_default(),
            )
        },
        |(family, session)| supervision_record(family, session),
    );
    loaded(found, |view, echo| view! { <Record view echo /> })
}

/// The GOV.UK tag colour for a rating; the words always go with it.
fn tag_class(code: &str) -> &'static str {
    match code {
        "red" => "govuk-tag govuk-tag--red",
        "amber" => "govuk-tag govuk-tag--yellow",
        "green" => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    }
}

/// A heading inside a version: a section of the page (h2) for the newest version, or a
/// sub-heading (h4) under "Version N" for an earlier one.
fn version_heading(text: String, newest: bool) -> AnyView {
    if newest {
        view! { <h2 class="govuk-heading-m">{text}</h2> }.into_any()
    } else {
        view! { <h4 class="govuk-heading-s">{text}</h4> }.into_any()
    }
}

/// Beside the chair's account of the child's or the parents' views: what the children, or
/// the grown-ups, shared for this meeting in their own words. The chair's words stay theirs.
fn family_words_beside(field: &str, answers: &[TheirWords]) -> Option<AnyView> {
    let (children, heading) = match field {
        "child_views" => (true, "What the children shared for this meeting"),
        "parent_views" => (false, "What the parents and carers shared for this meeting"),
        _ => return None,
    };
    let answers: Vec<TheirWords> = answers
        .iter()
        .filter(|a| a.by_child == children)
        .cloned()
        .collect();
    (!answers.is_empty()).then(|| {
        view! {
            <div class="app-family-words">
                <p class="govuk-body"><strong>{heading}</strong>", in their own words:"</p>
                <FamilyWords answers />
            </div>
        }
        .into_any()
    })
}

/// One version, as it reads on the page and on paper.
#[component]
fn Version(
    version: RecordVersion,
    newest: bool,
    #[prop(optional)] family_words: Vec<TheirWords>,
) -> impl IntoView {
    let state = if version.finalised {
        "finalised"
    } else {
        "draft"
    };
    let byline = format!(
        "Version {}, {state}, written by {} at {}.",
        version.version,
        version.by,
        at_time(version.written_at)
    );
    let rating = match (version.rating, version.rating_label) {
        (Some(code), Some(label)) => {
            view! { <p class="govuk-body"><strong class=tag_class(&code)>{label}</strong></p> }
                .into_any()
        }
        _ => view! { <p class="govuk-body">"No rating chosen yet."</p> }.into_any(),
    };
    let why = version.why_changed.map(|why| {
        view! {
            <div class="govuk-inset-text">
                <p class="govuk-body"><strong>"Why the finalised record was changed: "</strong></p>
                <p class="govuk-body app-own-words">{why}</p>
            </div>
        }
    });
    let sections = version
        .sections
        .into_iter()
        .map(|s| {
            let words = if s.words.is_empty() {
                view! { <p class="govuk-body govuk-hint">"Not written yet."</p> }.into_any()
            } else {
                view! { <p class="govuk-body app-own-words">{s.words}</p> }.into_any()
            };
            let heading = version_heading(s.heading, newest);
            let beside = family_words_beside(&s.field, &family_words);
            view! { {heading} {words} {beside} }
        })
        .collect_view();
    let rating_heading = version_heading("Rating".to_owned(), newest);
    let told = crate::domain::meeting::TOLD_HEADINGS
        .into_iter()
        .zip([version.told_family, version.told_child])
        .filter_map(|(heading, words)| {
            let heading = version_heading(heading.to_owned(), newest);
            words.map(|words| view! { {heading} <p class="govuk-body app-own-words">{words}</p> })
        })
        .collect_view();
    view! {
        <p class="govuk-body-s">{byline}</p>
        {why}
        {rating_heading}
        {rating}
        {sections}
        {told}
    }
}

/// The chair's form: a new draft, the finalised version, or a change to a finalised record.
#[component]
fn RecordForm(view: RecordView, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let finalised = view.finalised();
    let latest = view.latest().cloned();
    let based_on = latest.as_ref().map_or(0, |v| v.version).to_string();
    let typed = |field: &str, index: usize| {
        echo.value(field).unwrap_or_else(|| {
            latest
                .as_ref()
                .and_then(|v| v.sections.get(index))
                .map(|s| s.words.clone())
                .unwrap_or_default()
        })
    };
    let boxes = RECORD_SECTIONS
        .iter()
        .enumerate()
        .map(|(index, &(field, heading, hint))| {
            let beside = family_words_beside(field, &view.family_words);
            let words = WordsBox {
                field,
                label: heading,
                hint,
                max: crate::domain::supervision::RECORD_SECTION_MAX,
            };
            words.view(typed(field, index), error, beside)
        })
        .collect_view();
    let chosen = echo
        .value("rating")
        .or_else(|| latest.as_ref().and_then(|v| v.rating.clone()))
        .unwrap_or_default();
    let rating_message = field_error(error, "rating");
    let rating_group = with_error(
        rating_message,
        "govuk-form-group",
        "govuk-form-group--error",
    );
    let radios = Rating::ALL
        .into_iter()
        .enumerate()
        .map(|(i, rating)| {
            // The first radio has the field's id, for the error summary's link.
            let id = if i == 0 {
                "rating".to_owned()
            } else {
                format!("rating-{}", rating.code())
            };
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="rating" type="radio"
                        value=rating.code() checked=chosen == rating.code() />
                    <label class="govuk-label govuk-radios__label" for=id>{rating.label()}</label>
                </div>
            }
        })
        .collect_view();
    let why = finalised.then(|| {
        let message = field_error(error, "why_changed");
        let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
        let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
        let described = move || {
            if message.get().is_some() {
                "why_changed-hint why_changed-error why_changed-info"
            } else {
                "why_changed-hint why_changed-info"
            }
        };
        let typed = echo.value("why_changed").unwrap_or_default();
        let words = textarea_text(typed.clone());
        view! {
            <div class=group>
                <h3 class="govuk-label-wrapper">
                    <label class="govuk-label govuk-label--s" for="why_changed">"Why the record is being changed"</label>
                </h3>
                <div class="govuk-hint" id="why_changed-hint">"Anyone reading the record later will see this beside the change."</div>
                <ErrorMessage id="why_changed-error" message />
                <textarea class=class id="why_changed" name="why_changed" rows="3" aria-describedby=described>{words}</textarea>
                <crate::ui::shared::count::CharacterCount field="why_changed" max=crate::domain::tools::WORDS_MAX />
            </div>
        }
    });
    let (heading, intro, buttons) = if finalised {
        (
            "Change the finalised record",
            "The finalised record stays exactly as it is. Your change is saved as a new version, with your reason, and both stay in the record.",
            view! {
                <button type="submit" name="finalise" value="yes" class="govuk-button" data-module="govuk-button">"Save the change"</button>
            }
            .into_any(),
        )
    } else {
        (
            "Write the record",
            "Save it as a draft as often as you like. Once you finalise it, it is locked: any later change is a new version with a reason.",
            view! {
                <div class="govuk-button-group">
                    <button type="submit" name="finalise" value="" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Save draft"</button>
                    <button type="submit" name="finalise" value="yes" class="govuk-button" data-module="govuk-button">"Save and finalise"</button>
                </div>
            }
            .into_any(),
        )
    };
    let telling = view! { <Telling view=view.clone() echo=echo.clone() /> };
    view! {
        <form method="post" novalidate class="app-print-hidden">
            <input type="hidden" name=SERVER_FN_FIELD value=SaveRecord::url() />
            <input type="hidden" name="family" value=view.family.to_string() />
            <input type="hidden" name="session" value=view.session.clone() />
            <input type="hidden" name="based_on" value=based_on />
            <h2 class="govuk-heading-l">{heading}</h2>
            <p class="govuk-body">{intro}</p>
            {why}
            {boxes}
            <div class=rating_group>
                <fieldset class="govuk-fieldset" aria-describedby=move || if rating_message.get().is_some() { "rating-hint rating-error" } else { "rating-hint" }>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s"><h3 class="govuk-fieldset__heading">"Rating"</h3></legend>
                    <div class="govuk-hint" id="rating-hint">"How the family are doing, as the supervision judged it."</div>
                    <ErrorMessage id="rating-error" message=rating_message />
                    <div class="govuk-radios" data-module="govuk-radios">{radios}</div>
                </fieldset>
            </div>
            {telling}
            {buttons}
        </form>
    }
}

/// One of the chair's boxes of words: a section of the record, or what the family are told.
struct WordsBox {
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    max: usize,
}

impl WordsBox {
    /// The box with `typed` in it, its error if the last save had one, and anything to
    /// show `beside` it (the family's own words, for the views sections).
    fn view(
        self,
        typed: String,
        error: Signal<Option<crate::api::AppError>>,
        beside: Option<AnyView>,
    ) -> impl IntoView {
        let WordsBox {
            field,
            label,
            hint,
            max,
        } = self;
        let message = field_error(error, field);
        let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
        let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
        let described = move || {
            if message.get().is_some() {
                format!("{field}-hint {field}-error {field}-info")
            } else {
                format!("{field}-hint {field}-info")
            }
        };
        let words = textarea_text(typed.clone());
        view! {
            <div class=group>
                <h3 class="govuk-label-wrapper">
                    <label class="govuk-label govuk-label--s" for=field>{label}</label>
                </h3>
                <div class="govuk-hint" id=format!("{field}-hint")>{hint}</div>
                {beside}
                <ErrorMessage id=format!("{field}-error") message />
                <textarea class=class id=field name=field rows="5" aria-describedby=described>{words}</textarea>
                <crate::ui::shared::count::CharacterCount field=field max />
            </div>
        }
    }
}

/// After the meeting: what the family are told was decided and why, in plain words, and
/// whom to tell. A member flagged as a risk to another is never offered.
#[component]
fn Telling(view: RecordView, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let latest = view.latest().cloned();
    let typed = |field: &str, kept: Option<String>| echo.value(field).or(kept).unwrap_or_default();
    let family = typed(
        "told_family",
        latest.as_ref().and_then(|v| v.told_family.clone()),
    );
    let child = typed(
        "told_child",
        latest.as_ref().and_then(|v| v.told_child.clone()),
    );
    let sent: Vec<String> = echo
        .fields
        .iter()
        .filter(|(name, _)| name == "tell[]")
        .map(|(_, value)| value.clone())
        .collect();
    let tell_message = field_error(error, "tell");
    let members = view
        .tell
        .iter()
        .map(|m| {
            let field = crate::domain::meeting::tell_field(m.id);
            let id = m.id.to_string();
            let chosen = sent
                .iter()
                .find_map(|value| value.strip_prefix(&format!("{id}:")).map(str::to_owned))
                .or_else(|| m.told.clone())
                .unwrap_or_else(|| "none".to_owned());
            let label = format!("What {} ({}) is told", m.name, m.kind.title().to_lowercase());
            if !m.may_be_told {
                return view! {
                    <div class="govuk-form-group">
                        <p class="govuk-body"><strong>{label}</strong></p>
                        <p class="govuk-body">{format!("Not told: {} is flagged as a risk to someone in the family, so what was decided is not shown to them.", m.name)}</p>
                    </div>
                }
                .into_any();
            }
            let message = {
                let field = field.clone();
                Signal::derive(move || {
                    error.get().and_then(|e| {
                        e.field_errors()
                            .and_then(|f| f.for_field(&field).map(str::to_owned))
                    })
                })
            };
            let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
            let class = with_error(message, "govuk-select", "govuk-select--error");
            let options = [
                ("none", "Not told"),
                ("family", "The family's words"),
                ("child", "The words for children"),
            ]
            .map(|(code, text)| {
                view! { <option value=format!("{id}:{code}") selected=chosen == code>{text}</option> }
            });
            let error_id = format!("{field}-error");
            view! {
                <div class=group>
                    <label class="govuk-label" for=field.clone()>{label}</label>
                    <ErrorMessage id=error_id.clone() message />
                    <select class=class id=field name="tell[]" aria-describedby=move || message.get().map(|_| error_id.clone())>
                        {options}
                    </select>
                </div>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <h3 class="govuk-heading-m">"Tell the family"</h3>
        <p class="govuk-body">"Once the record is finalised, each person you choose reads this on their home, with the day and who was there (by role, not by name), and can say what they think about the plan. Their answer goes into Module 8 and the next pack."</p>
        {WordsBox {
            field: "told_family",
            label: "What we decided and why, in plain words",
            hint: "Write it for the family to read. Use everyday words and say what happens next. Needed to finalise.",
            max: WORDS_MAX,
        }
        .view(family, error, None)}
        {WordsBox {
            field: "told_child",
            label: "For children (if you want to)",
            hint: "The same, in words a child understands. They can have it read aloud.",
            max: WORDS_MAX,
        }
        .view(child, error, None)}
        <div class=with_error(tell_message, "govuk-form-group", "govuk-form-group--error") id="tell">
            <ErrorMessage id="tell-error" message=tell_message />
            {members}
        </div>
    }
}

#[component]
fn Record(view: RecordView, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let family = view.family.to_string();
    let download = format!("/families/{family}/record/{}/docx", view.session);
    let attending = if view.attendees.is_empty() {
        String::new()
    } else {
        format!(" Attending: {}.", view.attendees.join(", "))
    };
    let status = match view.latest() {
        None => "Not written yet".to_owned(),
        Some(_) if view.finalised() => "Finalised".to_owned(),
        Some(v) => format!("Draft (version {})", v.version),
    };
    let latest = view.versions.first().cloned();
    let earlier: Vec<RecordVersion> = view.versions.iter().skip(1).cloned().collect();
    let shown = match latest {
        Some(version) => {
            view! { <Version version newest=true family_words=view.family_words.clone() /> }
                .into_any()
        }
        None => {
            let beside = ["child_views", "parent_views"]
                .map(|field| family_words_beside(field, &view.family_words));
            view! {
                <p class="govuk-body">"The team manager who chairs the session has not written the record yet."</p>
                {beside}
            }
            .into_any()
        }
    };
    let history = (!earlier.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">"Earlier versions"</h2>
            {earlier
                .into_iter()
                .map(|version| {
                    let title = format!("Version {}", version.version);
                    view! {
                        <section class="app-view-item">
                            <h3 class="govuk-heading-s">{title}</h3>
                            <Version version newest=false />
                        </section>
                    }
                })
                .collect_view()}
        }
    });
    let told: Vec<_> = view
        .tell
        .iter()
        .filter(|m| m.told.is_some())
        .cloned()
        .collect();
    let readers = (view.finalised() && !told.is_empty()).then(|| {
        let rows = told
            .into_iter()
            .map(|m| {
                let words = match m.told.as_deref() {
                    Some("child") => "The words for children",
                    _ => "The family's words",
                };
                let read = m
                    .read_at
                    .map_or_else(|| "Not yet".to_owned(), at_time);
                view! {
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header">{format!("{} ({})", m.name, m.kind.title().to_lowercase())}</th>
                        <td class="govuk-table__cell">{words}</td>
                        <td class="govuk-table__cell">{read}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">"Who has read what we decided"</h2>
            <ScrollRegion label="Who has read what we decided">
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">"Who is told what was decided, and when they first read it"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Who"</th>
                        <th scope="col" class="govuk-table__header">"Told"</th>
                        <th scope="col" class="govuk-table__header">"First read"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            </ScrollRegion>
        }
    });
    let form = view
        .may_write
        .then(|| view! { <RecordForm view=view.clone() echo=echo.clone() /> });
    view! {
        <PageTitle text="Supervision record" has_error />
        <ErrorSummary error />
        <span class="govuk-caption-l">{format!("{} ({})", view.display_name, view.reference)}</span>
        <h1 class="govuk-heading-l">"Group case supervision record"</h1>
        <p class="govuk-body">{format!("Session on {}.{attending}", when(view.held_on))}</p>
        <p class="govuk-body"><strong class="govuk-tag govuk-tag--blue">{status}</strong></p>
        <ul class="govuk-list app-print-hidden">
            <li><a class="govuk-link" href=download download="">"Download as a Word document"</a></li>
            <li><a class="govuk-link" href=format!("/families/{family}/pack")>"Supervision pack"</a></li>
            <li><a class="govuk-link" href=format!("/families/{family}")>"Back to the family"</a></li>
        </ul>
        {shown}
        {readers}
        {history}
        {form}
    }
}
