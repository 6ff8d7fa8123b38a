//! The browser's files made small once, after a release build, rather than on every
//! request: `server compress-assets` writes a brotli (`.br`) and a gzip (`.gz`) copy beside
//! each compressible file under the site's `pkg/` and `scripts/`, and the server sends
//! whichever the browser accepts (`Accept-Encoding`), with `Vary: Accept-Encoding`. A
//! family on pay-as-you-go data downloads the WebAssembly at about a quarter of its size.
//! A file with no copy beside it is sent as it is, so a debug build works unchanged.
//!
//! Pages ask for these files under a name made from the contents of all of them
//! ([`release_root`]), so a browser may keep them for a year without asking again: a new
//! build has a new name, and a page can never be drawn with an older build's WebAssembly.

use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folders under the site root whose files are compressed.
pub const FOLDERS: [&str; 2] = ["pkg", "scripts"];

/// Only text and WebAssembly shrink; images and fonts are compressed already.
const COMPRESSIBLE: [&str; 7] = ["wasm", "js", "css", "svg", "json", "txt", "html"];

/// Brotli's best: the files are compressed once per release, not per request.
const BROTLI_QUALITY: u32 = 11;
const BROTLI_WINDOW: u32 = 22;

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Compressed {
    /// Files given fresh copies.
    pub files: usize,
    /// Files whose copies were already newer than they are.
    pub unchanged: usize,
    /// Their sizes in total: as they are, and as brotli.
    pub raw_bytes: u64,
    pub brotli_bytes: u64,
}

/// Writes `.br` and `.gz` copies of every compressible file under the site's folders,
/// leaving alone those whose copies are newer than the file. A copy that would not be
/// smaller is not written.
pub fn compress_site(site_root: &Path) -> Result<Compressed, String> {
    let mut done = Compressed::default();
    for folder in FOLDERS {
        let dir = site_root.join(folder);
        if dir.is_dir() {
            compress_dir(&dir, &mut done)?;
        }
    }
    if done.files + done.unchanged == 0 {
        return Err(format!(
            "nothing to compress under {}: build the site first (cargo leptos build --release)",
            site_root.display()
        ));
    }
    Ok(done)
}

fn compress_dir(dir: &Path, done: &mut Compressed) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            compress_dir(&path, done)?;
        } else if is_compressible(&path) {
            compress_file(&path, done)?;
        }
    }
    Ok(())
}

fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn compress_file(path: &Path, done: &mut Compressed) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    let br = with_suffix(path, ".br");
    let gz = with_suffix(path, ".gz");
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let source = modified(path);
    if source.is_some() && [&br, &gz].iter().all(|copy| modified(copy) >= source) {
        done.unchanged += 1;
        return Ok(());
    }
    let raw = fs::read(path).map_err(fail)?;
    let brotli = brotli_bytes(&raw).map_err(fail)?;
    let gzip = gzip_bytes(&raw).map_err(fail)?;
    done.files += 1;
    done.raw_bytes += raw.len() as u64;
    done.brotli_bytes += brotli.len().min(raw.len()) as u64;
    for (copy, bytes) in [(&br, brotli), (&gz, gzip)] {
        if bytes.len() < raw.len() {
            fs::write(copy, bytes).map_err(fail)?;
        } else if copy.exists() {
            // An old copy of a file that no longer shrinks must not be served for it.
            fs::remove_file(copy).map_err(fail)?;
        }
    }
    Ok(())
}

/// Where pages ask for this build's files: `/build/<id>`, followed by `/pkg/...` or
/// `/scripts/...`. The id is made from the files' names and contents (not their times), so
/// every server running the same build, on any machine, answers the same addresses, and a
/// new build answers new ones. The `.br` and `.gz` copies are left out: they are made from
/// the files, and may be made after the server starts.
pub fn release_root(site_root: &Path) -> String {
    let mut files = Vec::new();
    for folder in FOLDERS {
        list_files(&site_root.join(folder), &mut files);
    }
    files.sort();
    let mut hash = Sha256::new();
    for path in files {
        let Ok(bytes) = fs::read(&path) else { continue };
        let name = path.strip_prefix(site_root).unwrap_or(&path);
        hash.update(name.to_string_lossy().as_bytes());
        hash.update([0]);
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let id: String = hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{RELEASE_PREFIX}{id}")
}

/// The start of every address under which a build's files are kept for a year.
pub const RELEASE_PREFIX: &str = "/build/";

fn list_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            list_files(&path, files);
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
            files.push(path);
        }
    }
}

pub fn brotli_bytes(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len() / 3);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
        writer.write_all(raw)?;
    }
    Ok(out)
}

fn gzip_bytes(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(raw)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("pkg")).unwrap();
        let css = "body { color: #0b0c0c; }\n".repeat(200);
        fs::write(dir.path().join("pkg/portal.css"), css).unwrap();
        fs::write(dir.path().join("pkg/picture.png"), [0x89, b'P', b'N', b'G']).unwrap();
        dir
    }

    #[test]
    fn each_text_file_gets_copies_that_decompress_to_it_and_images_are_left_alone() {
        let dir = site();
        let done = compress_site(dir.path()).unwrap();
        assert_eq!(done.files, 1);
        let raw = fs::read(dir.path().join("pkg/portal.css")).unwrap();
        let br = fs::read(dir.path().join("pkg/portal.css.br")).unwrap();
        let mut unpacked = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, raw);
        let gz = fs::read(dir.path().join("pkg/portal.css.gz")).unwrap();
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, raw);
        assert!(br.len() < raw.len() / 10, "{} of {}", br.len(), raw.len());
        assert!(!dir.path().join("pkg/picture.png.br").exists());
    }

    #[test]
    fn a_builds_name_comes_from_its_files_contents_alone() {
        let one = site();
        let two = site();
        let name = release_root(one.path());
        assert!(name.starts_with(RELEASE_PREFIX), "{name}");
        // The same files elsewhere, written at another time: the same name, so servers
        // on several machines running one build answer the same addresses.
        assert_eq!(release_root(two.path()), name);
        // The compressed copies are made from the files and may come later.
        compress_site(one.path()).unwrap();
        assert_eq!(release_root(one.path()), name);
        // One byte changed is another build.
        fs::write(one.path().join("pkg/picture.png"), [0x89, b'P', b'N', b'H']).unwrap();
        assert_ne!(release_root(one.path()), name);
    }

    #[test]
    fn a_second_run_leaves_fresh_copies_alone() {
        let dir = site();
        compress_site(dir.path()).unwrap();
        let again = compress_site(dir.path()).unwrap();
        assert_eq!((again.files, again.unchanged), (0, 1));
    }

    #[test]
    fn a_site_that_was_never_built_is_a_plain_error() {
        let dir = tempfile::tempdir().unwrap();
        let error = compress_site(dir.path()).unwrap_err();
        assert!(error.contains("build the site first"), "{error}");
    }
}
