//! Where the portal may send someone next: a path on this site, and nothing else.
//!
//! Pages and server functions take a "go here next" value from the address (`then`,
//! `back`), which anyone can write into a link. Browsers are lenient about addresses: they
//! read `\` as `/`, drop tabs and new lines inside an address, and take `//host` as
//! another site, so `/\evil.example` or `/%09/evil.example` would leave the portal after
//! a check that only looks at the first characters. This module accepts a narrow shape
//! instead of refusing known tricks: one leading `/`, then printable characters other than
//! `\`, with the same rule for anything percent-encoded. It must never do I/O: it runs in
//! the browser as well as on the server. (OWASP ASVS 5.1.5, unvalidated redirects.)

/// Where to go when the value given is missing or not a path on this site.
pub const DEFAULT_NEXT: &str = "/home";

/// `candidate` if it is a path on this site, such as `/families/123?tab=views`.
pub fn local_path(candidate: &str) -> Option<&str> {
    let rest = candidate.strip_prefix('/')?;
    // `//host` and `/\host` are other sites to a browser.
    if rest.starts_with('/') {
        return None;
    }
    if !candidate.chars().all(allowed) {
        return None;
    }
    // The same rule for what a percent sign hides; a bare `%` is refused, since what a
    // browser makes of it is not written down anywhere we can rely on.
    let bytes = candidate.as_bytes();
    let mut index = 0;
    while let Some(offset) = bytes[index..].iter().position(|b| *b == b'%') {
        let at = index + offset;
        let decoded = match (bytes.get(at + 1), bytes.get(at + 2)) {
            (Some(high), Some(low)) => hex(*high).zip(hex(*low)).map(|(h, l)| h * 16 + l),
            _ => None,
        }?;
        if decoded < 0x80 && !allowed(char::from(decoded)) {
            return None;
        }
        // `/%2f` and `/%5c` read as another site to some browsers and proxies.
        if at == 1 && (decoded == b'/' || decoded == b'\\') {
            return None;
        }
        index = at + 3;
    }
    Some(candidate)
}

/// `candidate` if it is a path on this site, otherwise the home page.
pub fn local_path_or_home(candidate: Option<&str>) -> String {
    candidate
        .and_then(local_path)
        .unwrap_or(DEFAULT_NEXT)
        .to_owned()
}

/// A character that may appear in a path the portal sends someone to.
fn allowed(c: char) -> bool {
    !(c == '\\' || c.is_control() || c.is_whitespace())
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_on_this_site_are_kept_as_they_are() {
        for good in [
            "/",
            "/home",
            "/families/3f2a/views?tab=read#item-2",
            "/goals/new?back=%2Fhome",
            "/caf%C3%A9",
        ] {
            assert_eq!(local_path(good), Some(good), "{good}");
        }
    }

    #[test]
    fn every_known_way_out_of_the_site_is_refused() {
        for attack in [
            // Another site, written plainly or scheme-relative.
            "https://evil.example",
            "http:/evil.example",
            "javascript:alert(1)",
            "data:text/html,hi",
            "//evil.example",
            "///evil.example",
            // Browsers read a backslash as a slash.
            "/\\evil.example",
            "\\/evil.example",
            "/home\\..\\evil",
            "/%5cevil.example",
            "/%5Cevil.example",
            "/%2f/evil.example",
            "/%2F%2Fevil.example",
            // Browsers drop tabs and new lines, turning `/\t/host` into `//host`.
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%0D/evil.example",
            "/%00",
            "/%7f",
            "/ /evil.example",
            "/%20/evil.example",
            "/\u{a0}/evil.example",
            // Not a path at all.
            "",
            "home",
            "evil.example",
            " /home",
            // A percent sign that encodes nothing.
            "/%",
            "/%2",
            "/%zz",
        ] {
            assert_eq!(local_path(attack), None, "{attack:?}");
        }
    }

    #[test]
    fn anything_refused_or_missing_becomes_the_home_page() {
        assert_eq!(local_path_or_home(Some("/\\evil.example")), "/home");
        assert_eq!(local_path_or_home(None), "/home");
        assert_eq!(local_path_or_home(Some("/goals")), "/goals");
    }
}
