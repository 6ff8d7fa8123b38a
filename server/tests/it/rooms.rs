//! The house's rules, checked on every run: each room of `app/src` imports only what its
//! rule allows, SQL is written only in the store, and the store has one calling
//! convention. The README's architecture section states the same rules.

use std::path::{Path, PathBuf};

/// Every Rust file below `app/src/<room>`, with its text.
fn room(room: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../app/src")
        .join(room);
    let mut found = Vec::new();
    let mut waiting = vec![root];
    while let Some(dir) = waiting.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                waiting.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    assert!(!found.is_empty(), "no sources found for {room}");
    found
}

/// The files of `room` (leaving out any whose path contains `except`) that mention any of
/// `never`.
fn breaking(room_name: &str, except: Option<&str>, never: &[&str]) -> Vec<String> {
    room(room_name)
        .into_iter()
        .filter(|(path, _)| except.is_none_or(|e| !path.to_string_lossy().contains(e)))
        .flat_map(|(path, text)| {
            never
                .iter()
                .filter(|word| text.contains(*word))
                .map(|word| format!("{} mentions {word}", path.display()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_domain_imports_nothing_above_it() {
    let found = breaking(
        "domain",
        None,
        &["crate::dto", "crate::api", "crate::ui", "crate::backend"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_dtos_and_the_backend_never_import_pages_or_server_functions() {
    let mut found = breaking("dto", None, &["crate::api", "crate::ui", "crate::backend"]);
    found.extend(breaking("backend", None, &["crate::api", "crate::ui"]));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn server_functions_never_import_pages_and_pages_never_import_the_backend() {
    let mut found = breaking("api", None, &["crate::ui"]);
    found.extend(breaking("ui", None, &["crate::backend"]));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn sql_is_written_only_in_the_store() {
    for room_name in ["domain", "dto", "api", "ui"] {
        let found = breaking(room_name, None, &["sqlx::"]);
        assert!(found.is_empty(), "{found:#?}");
    }
    let found = breaking("backend", Some("backend/store/"), &["sqlx::"]);
    assert!(found.is_empty(), "{found:#?}");
}

/// Store functions take a connection; only what is about the database as a whole
/// (connecting, migrating, connections, audited transactions, the trail) is a method of
/// `Store`.
#[test]
fn the_store_has_one_calling_convention() {
    let allowed = ["store/mod.rs", "store/audit.rs", "store/reads.rs"];
    let found: Vec<_> = room("backend")
        .into_iter()
        .filter(|(path, text)| {
            text.contains("impl Store {")
                && !allowed.iter().any(|a| path.to_string_lossy().ends_with(a))
        })
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(found.is_empty(), "methods on Store in {found:#?}");
    // Only the backfill of who has read what, run once by `migrate`, lives in reads.rs.
    let (_, reads) = room("backend")
        .into_iter()
        .find(|(path, _)| path.ends_with("store/reads.rs"))
        .unwrap();
    let methods = reads.split("impl Store {").nth(1).unwrap_or_default();
    let methods = &methods[..methods.find("\n}\n").unwrap_or(methods.len())];
    assert_eq!(methods.matches(" fn ").count(), 1, "{methods}");
}
