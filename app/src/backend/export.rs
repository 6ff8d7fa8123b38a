//! Word (.docx) export of Module 8, "Comments and views", and of the group case
//! supervision record, to attach to the council's case record system or to an assessment.
//!
//! A .docx is a zip of XML parts (ECMA-376, Office Open XML). This writes the few parts
//! Word needs, with real heading styles (Heading 1 and 2, with outline levels), so the
//! document has a navigable structure and reads correctly with a screen reader. Every
//! family member's words go in exactly as they are, escaped for XML and with their line
//! breaks kept; nothing is summarised or reworded.

use crate::domain::language::Lang;
use crate::domain::time::TimeZone;
use crate::dto::own_data::OwnData;
use crate::dto::record::{RecordVersion, RecordView};
use crate::dto::views::{Module8View, Part, ViewItem};
use std::io::Write;

/// The media type of a Word document.
pub const DOCX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Debug, thiserror::Error)]
#[error("could not write the Word document: {0}")]
pub struct ExportError(String);

/// Text safe inside XML: escaped, and without the control characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The body of a document, paragraph by paragraph.
#[derive(Default)]
struct Body {
    xml: String,
    /// The council's time zone, in which the document gives every time.
    zone: TimeZone,
}

impl Body {
    /// A paragraph in a style, with runs of (text, bold). Line breaks in the text are kept.
    fn paragraph(&mut self, style: Option<&str>, runs: &[(&str, bool)]) {
        let runs: Vec<(&str, bool, &str)> = runs.iter().map(|(t, b)| (*t, *b, "")).collect();
        self.paragraph_in(style, &runs);
    }

    /// A paragraph whose runs are (text, bold, language): the language is a run's
    /// `w:lang` element, or empty.
    fn paragraph_in(&mut self, style: Option<&str>, runs: &[(&str, bool, &str)]) {
        self.xml.push_str("<w:p>");
        if let Some(style) = style {
            self.xml
                .push_str(&format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"));
        }
        for (text, bold, language) in runs {
            self.xml.push_str("<w:r>");
            if *bold || !language.is_empty() {
                self.xml.push_str("<w:rPr>");
                if *bold {
                    self.xml.push_str("<w:b/>");
                }
                self.xml.push_str(language);
                self.xml.push_str("</w:rPr>");
            }
            // Word keeps line breaks and tabs as elements of their own, not as characters.
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.xml.push_str("<w:br/>");
                }
                for (j, piece) in line.trim_end_matches('\r').split('\t').enumerate() {
                    if j > 0 {
                        self.xml.push_str("<w:tab/>");
                    }
                    self.xml.push_str(&format!(
                        "<w:t xml:space=\"preserve\">{}</w:t>",
                        escape(piece)
                    ));
                }
            }
            self.xml.push_str("</w:r>");
        }
        self.xml.push_str("</w:p>");
    }

    /// The whole main part of a document with this body, on A4 with 1 inch margins.
    fn document(self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
             <w:body>{}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
             <w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>\
             </w:sectPr></w:body></w:document>",
            self.xml
        )
    }

    fn text(&mut self, style: Option<&str>, text: &str) {
        self.paragraph(style, &[(text, false)]);
    }

    /// An entry's parts, each its label and the member's words. The words' run carries
    /// the language of the pages they were written on, so Word's proofing and read-aloud
    /// take them as that language; the words themselves are exactly as written.
    fn parts(&mut self, parts: &[Part], written_in: Option<Lang>) {
        let language = match Lang::marked(written_in) {
            Some(lang) if lang.right_to_left() => {
                format!("<w:lang w:bidi=\"{}\"/>", lang.html_lang())
            }
            Some(lang) => format!("<w:lang w:val=\"{}\"/>", lang.html_lang()),
            None => String::new(),
        };
        for part in parts {
            self.paragraph_in(
                None,
                &[
                    (&format!("{}: ", part.label), true, ""),
                    (&part.words, false, &language),
                ],
            );
        }
    }

    fn item(&mut self, item: &ViewItem, author: &str, place: &str) {
        self.text(
            Some("Heading2"),
            &format!("{}, {}", item.tool, self.zone.day(item.written_at)),
        );
        self.parts(&item.parts, item.written_in);
        let mut attribution = format!(
            "Written by {author} ({}) on {}, with the {} tool.",
            crate::domain::text::mid_sentence(place),
            self.zone.day(item.written_at),
            crate::domain::text::mid_sentence(&item.tool)
        );
        if item.version > 1 {
            attribution.push_str(&format!(
                " Changed {} {}; this version was written on {}.",
                item.version - 1,
                if item.version == 2 { "time" } else { "times" },
                self.zone.day(item.changed_at)
            ));
        }
        if let Some(written_on) = Lang::written_on(item.written_in) {
            attribution.push(' ');
            attribution.push_str(&written_on);
        }
        self.text(Some("Attribution"), &attribution);
        for version in &item.history {
            self.text(
                Some("Attribution"),
                &format!(
                    "Earlier version {}, written on {}:",
                    version.version,
                    self.zone.day(version.at)
                ),
            );
            self.parts(&version.parts, version.written_in);
        }
        if let Some(talk) = &item.talk {
            let chosen = talk.chosen.as_deref().map_or_else(
                || "They wrote in their own way, without a starter.".to_owned(),
                |kind| format!("Kind from the starter they chose: {kind}."),
            );
            self.text(Some("Attribution"), &chosen);
            if let Some(s) = &talk.suggested {
                self.text(
                    Some("Attribution"),
                    &format!(
                        "Suggested kind: {}, by {}, {}.",
                        s.kind,
                        s.by,
                        self.zone.day(s.at)
                    ),
                );
            }
        }
        if let Some(read) = &item.read {
            self.text(
                Some("Attribution"),
                &format!("Marked read by {} on {}.", read.by, self.zone.day(read.at)),
            );
        }
        for response in &item.responses {
            self.paragraph(
                None,
                &[(
                    &format!(
                        "Response from {} ({}), {}: ",
                        response.by,
                        response.role,
                        self.zone.day(response.at)
                    ),
                    true,
                )],
            );
            self.text(None, &response.words);
            for d in &response.disagreements {
                self.paragraph(
                    None,
                    &[(
                        &format!("{} disagrees, {}: ", d.by, self.zone.day(d.at)),
                        true,
                    )],
                );
                self.text(None, &d.words);
            }
        }
    }
}

/// The Word document's main part for Module 8.
pub fn module_8_document(view: &Module8View, exported_at: i64, zone: &TimeZone) -> String {
    let mut body = Body {
        zone: zone.clone(),
        ..Body::default()
    };
    body.text(Some("Title"), "Module 8: Comments and views");
    body.text(None, &format!("{} ({})", view.display_name, view.reference));
    body.text(
        None,
        &format!(
            "Exported from the family portal on {}. Everything below is in the family members' own words, as they chose to share it with their workers.",
            zone.day(exported_at)
        ),
    );
    if view.filter != crate::dto::views::ViewFilter::everything() {
        body.text(
            None,
            &format!(
                "This is part of the record, as it was asked for: {}. {} more {} shared with the workers {} not in this document.",
                view.filter_words("the practitioner who exported it"),
                view.hidden,
                if view.hidden == 1 { "item" } else { "items" },
                if view.hidden == 1 { "is" } else { "are" },
            ),
        );
    }
    for member in &view.members {
        body.text(
            Some("Heading1"),
            &format!(
                "{} ({})",
                member.name,
                crate::domain::text::mid_sentence(&member.place)
            ),
        );
        if member.items.is_empty() {
            body.text(None, "Nothing shared with workers yet.");
        }
        for item in &member.items {
            body.item(item, &member.name, &member.place);
        }
    }
    body.document()
}

/// One version of the supervision record: its rating and sections under real headings.
fn record_version(body: &mut Body, version: &RecordVersion, heading: &str) {
    let state = if version.finalised {
        "finalised"
    } else {
        "draft"
    };
    body.text(
        Some("Attribution"),
        &format!(
            "Version {}, {state}, written by {} at {}.",
            version.version,
            version.by,
            body.zone.time(version.written_at)
        ),
    );
    if let Some(why) = &version.why_changed {
        body.paragraph(
            None,
            &[
                ("Why the finalised record was changed: ", true),
                (why, false),
            ],
        );
    }
    body.text(Some(heading), "Rating");
    body.text(
        None,
        version
            .rating_label
            .as_deref()
            .unwrap_or("No rating chosen yet."),
    );
    for section in &version.sections {
        body.text(Some(heading), &section.heading);
        body.text(
            None,
            if section.words.is_empty() {
                "Not written yet."
            } else {
                &section.words
            },
        );
    }
    let told = [&version.told_family, &version.told_child];
    for (heading_words, words) in crate::domain::meeting::TOLD_HEADINGS.iter().zip(told) {
        if let Some(words) = words {
            body.text(Some(heading), heading_words);
            body.text(None, words);
        }
    }
}

/// The Word document's main part for a supervision record: the newest version, then every
/// earlier one, so the document carries the record's whole history.
pub fn record_document(view: &RecordView, exported_at: i64, zone: &TimeZone) -> String {
    let mut body = Body {
        zone: zone.clone(),
        ..Body::default()
    };
    body.text(Some("Title"), "Group case supervision record");
    body.text(None, &format!("{} ({})", view.display_name, view.reference));
    let mut session = format!("Session on {}.", zone.day(view.held_on));
    if !view.attendees.is_empty() {
        session.push_str(&format!(" Attending: {}.", view.attendees.join(", ")));
    }
    body.text(None, &session);
    body.text(
        None,
        &format!(
            "Exported from the family portal on {}.",
            zone.day(exported_at)
        ),
    );
    // What the family shared for this meeting, word for word, before the chair's record.
    if !view.family_words.is_empty() {
        body.text(
            Some("Heading1"),
            "What the family wanted this meeting to know",
        );
        for said in &view.family_words {
            let who = if said.by_child {
                format!("{} (child)", said.member)
            } else {
                said.member.clone()
            };
            body.text(
                Some("Attribution"),
                &format!("{who}, {}.", body.zone.time(said.at)),
            );
            if let Some(words) = &said.words {
                body.text(None, words);
            }
            if !said.pictures.is_empty() {
                body.text(
                    None,
                    &format!("Pictures chosen: {}", said.pictures.join(", ")),
                );
            }
            if let Some(present) = &said.present {
                body.text(None, &format!("Recorded with {present} present."));
            }
        }
    }
    match view.versions.split_first() {
        None => body.text(None, "The record has not been written yet."),
        Some((latest, earlier)) => {
            record_version(&mut body, latest, "Heading1");
            if !earlier.is_empty() {
                body.text(Some("Heading1"), "Earlier versions");
            }
            for version in earlier {
                body.text(Some("Heading2"), &format!("Version {}", version.version));
                record_version(&mut body, version, "Heading3");
            }
        }
    }
    body.document()
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

/// A paragraph style: id, name, outline level (for headings), size in half-points, bold,
/// italic.
fn style(id: &str, name: &str, level: Option<u8>, size: u8, bold: bool, italic: bool) -> String {
    let outline = level.map_or(String::new(), |l| format!("<w:outlineLvl w:val=\"{l}\"/>"));
    let bold = if bold { "<w:b/>" } else { "" };
    let italic = if italic { "<w:i/>" } else { "" };
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
         <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>{outline}</w:pPr>\
         <w:rPr>{bold}{italic}<w:sz w:val=\"{size}\"/></w:rPr></w:style>"
    )
}

fn styles() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>\
         <w:sz w:val=\"24\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         {}{}{}{}\
         <w:style w:type=\"paragraph\" w:styleId=\"Attribution\"><w:name w:val=\"Attribution\"/>\
         <w:basedOn w:val=\"Normal\"/><w:rPr><w:i/><w:sz w:val=\"20\"/></w:rPr></w:style>\
         </w:styles>",
        style("Title", "Title", None, 40, true, false),
        style("Heading1", "heading 1", Some(0), 32, true, false),
        style("Heading2", "heading 2", Some(1), 28, true, false),
        style("Heading3", "heading 3", Some(2), 24, true, false),
    )
}

fn core_properties(title: &str, exported_at: i64) -> String {
    let at = chrono::DateTime::from_timestamp_millis(exported_at)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>Family portal</dc:creator>\
         <dc:language>en-GB</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:created></cp:coreProperties>",
        escape(title)
    )
}

/// The whole .docx file for Module 8.
pub fn module_8_docx(
    view: &Module8View,
    exported_at: i64,
    zone: &TimeZone,
) -> Result<Vec<u8>, ExportError> {
    package(
        "Comments and views",
        module_8_document(view, exported_at, zone),
        exported_at,
    )
}

/// The whole .docx file for a supervision record.
pub fn record_docx(
    view: &RecordView,
    exported_at: i64,
    zone: &TimeZone,
) -> Result<Vec<u8>, ExportError> {
    package(
        "Group case supervision record",
        record_document(view, exported_at, zone),
        exported_at,
    )
}

/// The Word document's main part for a member's copy of everything held about them:
/// their own words in every version, and what was said or done about them, under the
/// same headings as the page.
pub fn own_data_document(view: &OwnData, zone: &TimeZone) -> String {
    let mut body = Body {
        zone: zone.clone(),
        ..Body::default()
    };
    body.text(
        Some("Title"),
        &format!("Everything we hold about {}", view.name),
    );
    body.text(
        None,
        &crate::dto::own_data::made_words(view, &zone.day(view.made_at)),
    );
    body.own_details(view);
    body.text(Some("Heading1"), "What you wrote");
    if view.entries.is_empty() {
        body.text(None, "Nothing yet.");
    }
    for entry in &view.entries {
        body.own_entry(entry);
    }
    body.own_drafts(view);
    body.own_readers(view);
    body.own_account(view);
    body.document()
}

/// The sections of a member's copy of their data.
impl Body {
    fn day(&self, at: i64) -> String {
        self.zone.day(at)
    }

    fn own_details(&mut self, view: &OwnData) {
        self.text(Some("Heading1"), "About you");
        self.paragraph(None, &[("Name: ", true), (&view.name, false)]);
        self.paragraph(None, &[("In the family as: ", true), (&view.place, false)]);
        if let Some(born) = &view.date_of_birth {
            self.paragraph(None, &[("Date of birth: ", true), (born, false)]);
        }
        self.paragraph(
            None,
            &[("Family reference: ", true), (&view.reference, false)],
        );
        let joined = self.day(view.joined_at);
        self.paragraph(None, &[("Added to the portal: ", true), (&joined, false)]);
    }

    /// One entry: every version, then whom it was shared with, read marks and replies.
    fn own_entry(&mut self, entry: &crate::dto::own_data::OwnEntry) {
        let zone = self.zone.clone();
        let day = |at: i64| zone.day(at);
        self.text(
            Some("Heading2"),
            &format!("{}, {}", entry.tool, day(entry.written_at)),
        );
        for version in &entry.versions {
            if entry.versions.len() > 1 {
                let heading = format!("Version {}, {}", version.version, day(version.written_at));
                self.text(Some("Heading3"), &heading);
            }
            self.parts(&version.parts, None);
        }
        if entry.shares.is_empty() {
            self.text(Some("Attribution"), "Shared with nobody.");
        }
        for share in &entry.shares {
            self.text(
                Some("Attribution"),
                &crate::dto::own_data::share_words(share, &day),
            );
        }
        for mark in &entry.read_marks {
            self.text(
                Some("Attribution"),
                &crate::dto::own_data::read_mark_words(mark, &day),
            );
        }
        for response in &entry.responses {
            let from = format!(
                "Reply from {} ({}), {}: ",
                response.by,
                response.role,
                day(response.at)
            );
            self.paragraph(None, &[(&from, true)]);
            self.text(None, &response.words);
            for d in &response.disagreements {
                let against = format!("What you said against it, {}: ", day(d.at));
                self.paragraph(None, &[(&against, true)]);
                self.text(None, &d.words);
            }
        }
    }

    fn own_drafts(&mut self, view: &OwnData) {
        self.text(Some("Heading1"), "Answers you have not finished");
        if view.drafts.is_empty() {
            self.text(None, "None.");
        }
        for draft in &view.drafts {
            let heading = format!(
                "{}, last changed {}",
                draft.tool,
                self.day(draft.changed_at)
            );
            self.text(Some("Heading2"), &heading);
            for (asked, typed) in &draft.answers {
                self.paragraph(None, &[(&format!("{asked}: "), true), (typed, false)]);
            }
        }
    }

    fn own_readers(&mut self, view: &OwnData) {
        self.text(Some("Heading1"), "Who has read what you wrote");
        if view.readers.is_empty() {
            self.text(None, "Nobody else has opened anything you wrote.");
        }
        for reader in &view.readers {
            self.text(
                Some("Heading2"),
                &format!("{} ({})", reader.name, reader.role),
            );
            for item in &reader.items {
                let when = crate::dto::own_data::read_times_words(item, &|at| self.day(at));
                self.paragraph(
                    None,
                    &[
                        (&format!("{}: ", item.tool), true),
                        (&format!("{}{when}", item.words), false),
                    ],
                );
            }
        }
    }

    /// How they get messages, their passkeys and where they are signed in.
    fn own_account(&mut self, view: &OwnData) {
        self.text(Some("Heading1"), "Messages when you are away");
        match &view.messages {
            None => self.text(None, "You have not chosen to get messages."),
            Some(messages) => {
                for line in crate::dto::own_data::message_lines(messages) {
                    self.text(None, &line);
                }
            }
        }
        self.text(Some("Heading1"), "Your passkeys and sign-ins");
        if view.passkeys.is_empty() && view.sign_ins.is_empty() {
            self.text(None, "None.");
        }
        let zone = self.zone.clone();
        let day = |at: i64| zone.day(at);
        for passkey in &view.passkeys {
            self.text(None, &crate::dto::own_data::passkey_words(passkey, &day));
        }
        for sign_in in &view.sign_ins {
            self.text(None, &crate::dto::own_data::sign_in_words(sign_in, &day));
        }
    }
}

/// The whole .docx file for a member's copy of their data.
pub fn own_data_docx(view: &OwnData, zone: &TimeZone) -> Result<Vec<u8>, ExportError> {
    package(
        "Everything we hold about you",
        own_data_document(view, zone),
        view.made_at,
    )
}

/// A .docx file around one main part.
fn package(title: &str, document: String, exported_at: i64) -> Result<Vec<u8>, ExportError> {
    let mut file = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", core_properties(title, exported_at)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles()),
        ("word/document.xml", document),
    ];
    for (name, content) in parts {
        file.start_file(name, options)
            .map_err(|e| ExportError(e.to_string()))?;
        file.write_all(content.as_bytes())
            .map_err(|e| ExportError(e.to_string()))?;
    }
    file.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|e| ExportError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("a < b & \"c\" \u{1}"),
            "a &lt; b &amp; &quot;c&quot; "
        );
    }

    #[test]
    fn characters_xml_forbids_are_dropped_and_tabs_are_word_tabs() {
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}"), "ab");
        let mut body = Body::default();
        body.text(None, "one\ttwo");
        assert!(
            body.xml
                .contains("one</w:t><w:tab/><w:t xml:space=\"preserve\">two")
        );
    }

    #[test]
    fn the_record_carries_the_familys_words_for_the_meeting_as_they_wrote_them() {
        let said = |member: &str, by_child: bool, words: &str, pictures: &[&str]| {
            crate::dto::pack::TheirWords {
                member: member.to_owned(),
                by_child,
                at: 0,
                pictures: pictures.iter().map(|p| (*p).to_owned()).collect(),
                words: Some(words.to_owned()),
                present: None,
                written_in: None,
            }
        };
        let view = RecordView {
            family: crate::domain::ids::FamilyId::new(),
            reference: "DEMO-0001".into(),
            display_name: "The Example family (demo)".into(),
            session: "s1".into(),
            held_on: 0,
            attendees: Vec::new(),
            may_write: false,
            versions: Vec::new(),
            tell: Vec::new(),
            family_words: vec![
                said("Jordan Example", false, "Mornings & evenings (demo)", &[]),
                said("Robin Example", true, "My class (demo)", &["School"]),
            ],
        };
        let xml = record_document(&view, 0, &TimeZone::default());
        assert!(xml.contains("What the family wanted this meeting to know"));
        assert!(xml.contains("Mornings &amp; evenings (demo)"));
        assert!(xml.contains("Robin Example (child), "));
        assert!(xml.contains("Pictures chosen: School"));
        assert!(xml.contains("The record has not been written yet."));
    }

    #[test]
    fn line_breaks_are_kept_as_breaks() {
        let mut body = Body::default();
        body.text(None, "one\ntwo");
        assert!(
            body.xml
                .contains("one</w:t><w:br/><w:t xml:space=\"preserve\">two")
        );
    }
}
