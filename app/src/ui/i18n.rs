//! The words of family pages, in the reader's language, from Project Fluent files
//! (`app/locales/<language>/<part>.ftl`, <https://projectfluent.org/>): `portal.ftl`
//! for the page frame, signing in, home and the tools; `pages.ftl` for the family's
//! other pages; `account.ftl` for the account, feedback, a copy of one's data and the
//! passkey messages; `child.ftl` for the children's screens. Translators take one part at a
//! time.
//!
//! English is the source. Every other file gives each message a status in the comment
//! above it: `# draft` until one of the council's translators has checked it, then
//! `# reviewed`. A council offers a language only once every message in it is reviewed
//! (the server's configuration refuses it otherwise), unless it runs a copy for its
//! translators to review drafts in place.
//!
//! Pages are drawn on the server, so the files are read there alone: the WebAssembly
//! carries no translations, and the few parts drawn again in the browser are handed
//! their words by the server. A family member's own words never pass through here.

use crate::domain::language::Lang;
use leptos::prelude::*;

/// The reader's language, from the request's context (English if none was given).
pub fn lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Whether the reader chose easy read.
pub fn easy_read() -> bool {
    use_context::<crate::domain::language::EasyRead>().is_some_and(|e| e.0)
}

/// A message's easy-read words (its `.easy` attribute) when the reader chose easy read,
/// otherwise the message itself.
pub fn t_easy(key: &str) -> String {
    t(&easy_key(key))
}

/// `t_easy` with placeholders filled.
pub fn t_easy_with(key: &str, args: &[(&str, &str)]) -> String {
    t_with(&easy_key(key), args)
}

/// `key.easy` when the reader chose easy read and the message has one, otherwise `key`.
pub fn easy_key(key: &str) -> String {
    let easy = format!("{key}.easy");
    if easy_read() && has(lang(), &easy) {
        easy
    } else {
        key.to_owned()
    }
}

/// A message in the reader's language.
pub fn t(key: &str) -> String {
    tr(lang(), key, &[])
}

/// A message with its placeholders (`{ $name }`) filled.
pub fn t_with(key: &str, args: &[(&str, &str)]) -> String {
    tr(lang(), key, args)
}

/// A problem's message in the reader's language. Problems are written in English where
/// they are found (the domain's types); one that the English file holds under an
/// `error-` message is shown in its translation, and any other as it is.
pub fn problem(message: &str) -> String {
    translate_problem(lang(), message)
}

/// A stage of change, named in the reader's language. Stages reach pages by their
/// English names, as staff pages show them.
pub fn stage_words(english: &str) -> String {
    crate::domain::tools::Stage::ALL
        .into_iter()
        .find(|s| s.label() == english)
        .map_or_else(|| english.to_owned(), |s| t(&format!("stage-{}", s.code())))
}

#[cfg(feature = "ssr")]
pub use catalog::{drafts, has, keys, tr, translate_problem};

#[cfg(not(feature = "ssr"))]
pub fn has(_: Lang, _: &str) -> bool {
    false
}

#[cfg(not(feature = "ssr"))]
pub fn tr(_: Lang, key: &str, _: &[(&str, &str)]) -> String {
    // Pages are drawn on the server; the browser draws only islands, which are handed
    // their words.
    key.to_owned()
}

#[cfg(not(feature = "ssr"))]
pub fn translate_problem(_: Lang, message: &str) -> String {
    message.to_owned()
}

#[cfg(feature = "ssr")]
mod catalog {
    use crate::domain::language::Lang;
    use fluent_bundle::concurrent::FluentBundle;
    use fluent_bundle::{FluentArgs, FluentResource};
    use fluent_syntax::ast;
    use std::collections::HashMap;
    use std::sync::LazyLock;

    /// Each part of a language's words, in the order the bundle reads them.
    fn sources(lang: Lang) -> [&'static str; 4] {
        macro_rules! parts {
            ($code:literal) => {
                [
                    include_str!(concat!("../../locales/", $code, "/portal.ftl")),
                    include_str!(concat!("../../locales/", $code, "/pages.ftl")),
                    include_str!(concat!("../../locales/", $code, "/account.ftl")),
                    include_str!(concat!("../../locales/", $code, "/child.ftl")),
                ]
            };
        }
        match lang {
            Lang::En => parts!("en"),
            Lang::Pl => parts!("pl"),
            Lang::Ur => parts!("ur"),
        }
    }

    struct Catalog {
        bundles: HashMap<Lang, FluentBundle<FluentResource>>,
        /// English problem messages, by their words, to the message that holds them.
        problems: HashMap<String, String>,
    }

    static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let tag = lang
                .code()
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![tag]);
            // Fluent wraps what is put into a sentence (a name, a number) in Unicode
            // isolation marks, so an English name in an Urdu sentence keeps the sentence
            // in order. English pages are left exactly as they were written.
            bundle.set_use_isolating(lang != Lang::En);
            for source in sources(lang) {
                let resource = match FluentResource::try_new(source.to_owned()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        tracing::error!(lang = lang.code(), ?errors, "a language file has errors");
                        resource
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(
                        lang = lang.code(),
                        ?errors,
                        "a language file repeats a message"
                    );
                }
            }
            bundles.insert(lang, bundle);
        }
        let english = &bundles[&Lang::En];
        let problems = keys(Lang::En)
            .into_iter()
            .filter(|key| key.starts_with("error-"))
            .filter_map(|key| Some((format_in(english, key, &[])?, key.to_owned())))
            .collect();
        Catalog { bundles, problems }
    });

    fn format_in(
        bundle: &FluentBundle<FluentResource>,
        key: &str,
        args: &[(&str, &str)],
    ) -> Option<String> {
        // `message.attribute`, as in `q-goal-change.short`.
        let pattern = match key.split_once('.') {
            Some((id, attribute)) => bundle.get_message(id)?.get_attribute(attribute)?.value(),
            None => bundle.get_message(key)?.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "a message could not be filled in");
        }
        Some(text.into_owned())
    }

    /// `key` in `lang`, or in English where `lang` lacks it. A key English lacks is a
    /// fault the tests catch; it is logged and shown as the key.
    pub fn tr(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let catalog = &*CATALOG;
        [lang, Lang::En]
            .iter()
            .find_map(|l| format_in(&catalog.bundles[l], key, args))
            .unwrap_or_else(|| {
                tracing::error!(key, "no words for this message");
                key.to_owned()
            })
    }

    /// Whether `key` (a message, or `message.attribute`) has words in `lang` or English.
    pub fn has(lang: Lang, key: &str) -> bool {
        let catalog = &*CATALOG;
        [lang, Lang::En]
            .iter()
            .any(|l| format_in(&catalog.bundles[l], key, &[]).is_some())
    }

    pub fn translate_problem(lang: Lang, message: &str) -> String {
        if lang == Lang::En {
            return message.to_owned();
        }
        match CATALOG.problems.get(message) {
            Some(key) => tr(lang, key, &[]),
            None => message.to_owned(),
        }
    }

    fn messages(lang: Lang) -> Vec<ast::Message<&'static str>> {
        sources(lang)
            .into_iter()
            .flat_map(|source| {
                let resource = match fluent_syntax::parser::parse(source) {
                    Ok(resource) | Err((resource, _)) => resource,
                };
                resource.body.into_iter().filter_map(|entry| match entry {
                    ast::Entry::Message(message) => Some(message),
                    _ => None,
                })
            })
            .collect()
    }

    /// Every message a language's file holds, in file order.
    pub fn keys(lang: Lang) -> Vec<&'static str> {
        messages(lang).into_iter().map(|m| m.id.name).collect()
    }

    /// The messages of a language not yet marked `# reviewed` by a translator. English,
    /// the source, has none.
    pub fn drafts(lang: Lang) -> Vec<&'static str> {
        if lang == Lang::En {
            return Vec::new();
        }
        messages(lang)
            .into_iter()
            .filter(|m| {
                let status = m
                    .comment
                    .as_ref()
                    .and_then(|c| c.content.first())
                    .map(|line| line.trim());
                status != Some("reviewed")
            })
            .map(|m| m.id.name)
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Every message and attribute of a language's file, as `id` and `id.attribute`.
        fn keys_and_attributes(lang: Lang) -> Vec<String> {
            messages(lang)
                .into_iter()
                .flat_map(|m| {
                    let id = m.id.name;
                    std::iter::once(id.to_owned()).chain(
                        m.attributes
                            .into_iter()
                            .map(move |a| format!("{id}.{}", a.id.name)),
                    )
                })
                .collect()
        }

        #[test]
        fn every_language_has_every_english_message_and_nothing_else() {
            let english = keys_and_attributes(Lang::En);
            for lang in Lang::ALL {
                let found = keys_and_attributes(lang);
                let once: std::collections::HashSet<_> = found.iter().collect();
                assert_eq!(
                    once.len(),
                    found.len(),
                    "{}: a message is in more than one part",
                    lang.code()
                );
                let missing: Vec<_> = english.iter().filter(|k| !found.contains(k)).collect();
                let extra: Vec<_> = found.iter().filter(|k| !english.contains(k)).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{}: missing {missing:?}, not in English {extra:?}",
                    lang.code()
                );
            }
        }

        #[test]
        fn every_file_parses_and_every_translated_message_has_a_status() {
            for lang in Lang::ALL {
                for (part, source) in sources(lang).into_iter().enumerate() {
                    assert!(
                        fluent_syntax::parser::parse(source).is_ok(),
                        "{} part {part} does not parse",
                        lang.code()
                    );
                }
            }
            for lang in [Lang::Pl, Lang::Ur] {
                let unmarked: Vec<_> = messages(lang)
                    .into_iter()
                    .filter(|m| {
                        !m.comment
                            .as_ref()
                            .and_then(|c| c.content.first())
                            .is_some_and(|line| matches!(line.trim(), "draft" | "reviewed"))
                    })
                    .map(|m| m.id.name)
                    .collect();
                assert!(
                    unmarked.is_empty(),
                    "{}: no status on {unmarked:?}",
                    lang.code()
                );
            }
        }

        /// The placeholders (`{ $name }`) a pattern fills, in any of its variants.
        fn variables(pattern: &ast::Pattern<&'static str>, found: &mut Vec<&'static str>) {
            fn inline(e: &ast::InlineExpression<&'static str>, found: &mut Vec<&'static str>) {
                match e {
                    ast::InlineExpression::VariableReference { id } => found.push(id.name),
                    ast::InlineExpression::Placeable { expression } => {
                        expression_of(expression, found)
                    }
                    _ => {}
                }
            }
            fn expression_of(e: &ast::Expression<&'static str>, found: &mut Vec<&'static str>) {
                match e {
                    ast::Expression::Inline(i) => inline(i, found),
                    ast::Expression::Select { selector, variants } => {
                        inline(selector, found);
                        for v in variants {
                            variables(&v.value, found);
                        }
                    }
                }
            }
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    expression_of(expression, found);
                }
            }
        }

        /// Every message and attribute of a language with the placeholders it fills.
        fn placeholders(lang: Lang) -> std::collections::HashMap<String, Vec<&'static str>> {
            let mut all = std::collections::HashMap::new();
            for m in messages(lang) {
                let id = m.id.name;
                let mut add = |key: String, pattern: &ast::Pattern<&'static str>| {
                    let mut found = Vec::new();
                    variables(pattern, &mut found);
                    found.sort_unstable();
                    found.dedup();
                    all.insert(key, found);
                };
                if let Some(value) = &m.value {
                    add(id.to_owned(), value);
                }
                for a in &m.attributes {
                    add(format!("{id}.{}", a.id.name), &a.value);
                }
            }
            all
        }

        /// A translation may leave out a placeholder its language does not need (Polish
        /// says "once" without the number), but one the page does not fill shows as an
        /// error in the sentence. A page fills what English uses; a time is also handed
        /// over in 24 hours (`shared::dates`), for the languages that tell time so.
        #[test]
        fn every_translation_fills_only_placeholders_the_page_gives() {
            let english = placeholders(Lang::En);
            let given = |key: &str, name: &str| {
                english.get(key).is_some_and(|e| e.contains(&name))
                    || (matches!(key, "time-clock" | "time-hour") && name == "time24")
            };
            for lang in [Lang::Pl, Lang::Ur] {
                let mut wrong: Vec<_> = placeholders(lang)
                    .into_iter()
                    .filter(|(key, names)| names.iter().any(|n| !given(key, n)))
                    .map(|(key, names)| {
                        format!("{key}: {names:?}, English {:?}", english.get(&key))
                    })
                    .collect();
                wrong.sort();
                assert!(wrong.is_empty(), "{}: {wrong:#?}", lang.code());
            }
        }

        #[test]
        fn a_placeholder_in_urdu_is_isolated_so_an_english_name_keeps_the_sentence_in_order() {
            let urdu = tr(Lang::Ur, "home-hello", &[("name", "Alex")]);
            assert!(urdu.contains("\u{2068}Alex\u{2069}"), "{urdu}");
            assert_eq!(
                tr(Lang::En, "home-hello", &[("name", "Alex")]),
                "Hello, Alex"
            );
        }

        #[test]
        fn every_problem_a_tools_question_can_find_has_words_in_every_language() {
            use crate::domain::flows::Flow;
            let mut untranslated = Vec::new();
            for flow in Flow::ALL {
                for question in flow.questions() {
                    for typed in ["", " ", "11", "-1", "four", "4.5", "maybe"] {
                        let Err(problems) = question.check(typed) else {
                            continue;
                        };
                        for problem in problems.iter() {
                            for lang in [Lang::Pl, Lang::Ur] {
                                if translate_problem(lang, &problem.message) == problem.message {
                                    untranslated.push((lang.code(), problem.message.clone()));
                                }
                            }
                        }
                    }
                }
            }
            untranslated.dedup();
            assert!(untranslated.is_empty(), "{untranslated:#?}");
        }

        /// Flesch–Kincaid grade level: 0.39 (words / sentences) + 11.8 (syllables /
        /// words) - 15.59. Grade 4 is a reading age of about nine.
        fn grade(text: &str) -> f64 {
            let words: Vec<&str> = text
                .split(|c: char| c.is_whitespace() || c == '/')
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                return 0.0;
            }
            let sentences = text
                .split(['.', '?', '!', ':'])
                .filter(|s| s.chars().any(char::is_alphanumeric))
                .count()
                .max(1);
            let syllables: usize = words.iter().map(|w| syllables(w)).sum();
            0.39 * (words.len() as f64 / sentences as f64)
                + 11.8 * (syllables as f64 / words.len() as f64)
                - 15.59
        }

        /// Syllables by groups of vowels, less a silent final "e": the usual estimate.
        fn syllables(word: &str) -> usize {
            let word = word.to_lowercase();
            if word.chars().all(|c| c.is_ascii_digit()) {
                return 1;
            }
            let vowel = |c: char| "aeiouy".contains(c);
            let mut count = 0;
            let mut before = false;
            for c in word.chars() {
                let v = vowel(c);
                if v && !before {
                    count += 1;
                }
                before = v;
            }
            if word.ends_with('e') && !word.ends_with("le") && count > 1 {
                count -= 1;
            }
            count.max(1)
        }

        #[test]
        fn every_english_message_reads_at_a_reading_age_of_nine_or_younger() {
            let english = messages(Lang::En);
            let mut hard = Vec::new();
            for message in &english {
                // The formula measures sentences; a label, a heading or a button's few
                // words (no full stop or question mark, or under four words) are not prose.
                let mut texts = Vec::new();
                if message.value.is_some() {
                    texts.push(message.id.name.to_owned());
                }
                texts.extend(
                    message
                        .attributes
                        .iter()
                        .map(|a| format!("{}.{}", message.id.name, a.id.name)),
                );
                for key in texts {
                    // Placeholders read as a short word, such as a name or a number.
                    let filled = tr(Lang::En, &key, &[])
                        .replace("{$", "")
                        .replace(['{', '}', '$'], "");
                    let sentence = filled.trim_end().ends_with(['.', '?', '!'])
                        && filled.split_whitespace().count() >= 4;
                    if !sentence {
                        continue;
                    }
                    let score = grade(&filled);
                    if score > 4.0 {
                        hard.push(format!("{score:.1}  {key}: {filled}"));
                    }
                }
            }
            assert!(
                hard.is_empty(),
                "{} messages above grade 4:\n{}",
                hard.len(),
                hard.join("\n")
            );
        }

        #[test]
        fn a_problem_found_in_english_is_shown_in_the_readers_language() {
            let english = tr(Lang::En, "error-write-change", &[]);
            assert_eq!(translate_problem(Lang::En, &english), english);
            assert_ne!(translate_problem(Lang::Ur, &english), english);
            assert_eq!(
                translate_problem(Lang::Ur, "Something else"),
                "Something else"
            );
        }
    }
}
