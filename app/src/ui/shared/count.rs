//! The GOV.UK character count
//! (<https://design-system.service.gov.uk/components/character-count/>) for a text box
//! with a limit: without scripts it says how much may be written; once the page is
//! hydrated it says, as people type, how much is left or how far over they are, through
//! a polite live region. The server checks the limit either way.

use crate::ui::shared::form::use_hydrated;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The message's id for the text box `field`, for the box's `aria-describedby`.
pub fn count_id(field: &str) -> String {
    format!("{field}-info")
}

/// The count's words in the reader's language, with `{n}` where the number goes. The
/// server hands them to the island, since the browser's code carries no translations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountWords {
    limit: String,
    left_one: String,
    left_many: String,
    over_one: String,
    over_many: String,
}

impl CountWords {
    /// The words for the page being drawn, in its reader's language.
    pub fn for_reader() -> CountWords {
        let words = |key: &str| crate::ui::i18n::t_with(key, &[("n", "{n}")]);
        CountWords {
            limit: words("count-limit"),
            left_one: words("count-left-one"),
            left_many: words("count-left-many"),
            over_one: words("count-over-one"),
            over_many: words("count-over-many"),
        }
    }
}

/// What the message says: the limit before the page is hydrated, then what is left.
pub fn count_message(words: &CountWords, hydrated: bool, used: usize, max: usize) -> String {
    let (template, n) = if !hydrated {
        (&words.limit, max)
    } else if used <= max {
        let left = max - used;
        (
            if left == 1 {
                &words.left_one
            } else {
                &words.left_many
            },
            left,
        )
    } else {
        let over = used - max;
        (
            if over == 1 {
                &words.over_one
            } else {
                &words.over_many
            },
            over,
        )
    };
    template.replace("{n}", &n.to_string())
}

/// The message under the text box whose id is `field`, in the reader's language.
#[component]
pub fn CharacterCount(#[prop(into)] field: String, max: usize) -> impl IntoView {
    let words = CountWords::for_reader();
    view! { <CountMessage field max words /> }
}

/// The message under the text box whose id is `field`. An island: the only part of a
/// page with a text box that needs the browser's code. It counts what the box holds when
/// it wakes, so words typed before the code arrived are counted too, and then as people
/// type. Characters are counted as the server counts them (Unicode scalar values). The
/// box itself turns red while it holds too much, as the GOV.UK component's does.
#[island]
fn CountMessage(field: String, max: usize, words: CountWords) -> impl IntoView {
    let hydrated = use_hydrated();
    let (used, set_used) = signal(0_usize);
    let over = move || hydrated.get() && used.get() > max;
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let boxed = field.clone();
        let the_box = move || {
            document()
                .get_element_by_id(&boxed)
                .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        };
        // A box the server drew with a problem of its own stays red whatever the count.
        let mut server_error = false;
        if let Some(found) = the_box() {
            set_used.set(found.value().chars().count());
            server_error = found.class_list().contains("govuk-textarea--error");
        }
        // One listener on the window: the box is drawn by the page, outside this island.
        let watched = field.clone();
        let listener = window_event_listener(leptos::ev::input, move |ev| {
            let is_ours = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.id() == watched);
            if is_ours {
                set_used.set(event_target_value(&ev).chars().count());
            }
        });
        on_cleanup(move || listener.remove());
        Effect::new(move |_| {
            let red = over() || server_error;
            if let Some(found) = the_box() {
                let _ = found
                    .class_list()
                    .toggle_with_force("govuk-textarea--error", red);
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = set_used;
    view! {
        <div
            id=count_id(&field)
            class=move || {
                if over() {
                    "govuk-error-message govuk-character-count__message"
                } else {
                    "govuk-hint govuk-character-count__message"
                }
            }
            aria-live="polite"
        >
            {move || count_message(&words, hydrated.get(), used.get(), max)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> CountWords {
        CountWords::for_reader()
    }

    #[test]
    fn without_scripts_the_message_gives_the_limit() {
        assert_eq!(
            count_message(&english(), false, 10, 500),
            "You can enter up to 500 characters"
        );
    }

    #[test]
    fn with_scripts_the_message_counts_down_and_then_over() {
        assert_eq!(
            count_message(&english(), true, 10, 500),
            "You have 490 characters remaining"
        );
        assert_eq!(
            count_message(&english(), true, 499, 500),
            "You have 1 character remaining"
        );
        assert_eq!(
            count_message(&english(), true, 502, 500),
            "You have 2 characters too many"
        );
    }
}
