//! `cargo bench -p server --bench portal` (run by `scripts/bench.sh`): figures, not a test.
//!
//! 1. Server-side rendering of the start page, in requests per second, next to plain axum
//!    serving the same bytes from memory in the same run on the same machine, and the ratio:
//!    what rendering costs over the floor of the HTTP stack itself.
//! 2. Static files: the stylesheet a page asks for, in brotli, next to `/healthz` on the
//!    same server in the same run (the floor of the portal's own stack).
//! 3. The size of the browser's WebAssembly, JavaScript and CSS from the release build,
//!    raw and brotli-compressed (what a parent's phone actually downloads).
//!
//! Load goes to loopback only, for a fixed time, and stops by itself.
#![expect(
    clippy::expect_used,
    reason = "a test or benchmark fails loudly at the step that went wrong"
)]

use axum::Router;
use axum::response::Html;
use axum::routing::get;
use server::Application;
use server::config::Config;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

#[path = "support/load.rs"]
mod load;

const CONCURRENCY: usize = 16;
const WARM_UP: Duration = Duration::from_secs(1);
const MEASURE: Duration = Duration::from_secs(5);

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let site = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site"));
    runtime.block_on(async {
        let rates = throughput(site).await;
        println!();
        println!(
            "Start page, {CONCURRENCY} connections, {} s each, loopback:",
            MEASURE.as_secs()
        );
        println!("  server-side rendered       {:>9.0} requests/s", rates.ssr);
        println!(
            "  axum, same bytes in memory {:>9.0} requests/s",
            rates.memory
        );
        println!(
            "  ratio (rendered / memory)  {:>9.2}",
            rates.ssr / rates.memory
        );
        println!();
        println!("Static files, the same server and connections:");
        println!(
            "  /healthz                   {:>9.0} requests/s",
            rates.health
        );
        match rates.styles {
            Some(styles) => {
                println!("  the page's stylesheet, br  {styles:>9.0} requests/s");
                println!(
                    "  ratio (stylesheet / healthz) {:>7.2}",
                    styles / rates.health
                );
            }
            None => println!("  no stylesheet: run `cargo leptos build --release` first"),
        }
    });
    println!();
    sizes(&site.join("pkg"));
}

struct Rates {
    ssr: f64,
    memory: f64,
    health: f64,
    styles: Option<f64>,
}

async fn throughput(site: &Path) -> Rates {
    let data = tempfile::TempDir::new().expect("a temporary directory");
    let config = Config {
        listen: "127.0.0.1:0".parse().expect("an address"),
        data_dir: data.path().to_owned(),
        site_root: site.to_owned(),
        log_level: "error".to_owned(),
        ..Config::default()
    };
    let application = Application::build(config).await.expect("the portal starts");
    let portal = format!("http://{}/", application.address());
    tokio::spawn(application.run_until(std::future::pending()));

    let client = reqwest::Client::new();
    let page = client
        .get(&portal)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .expect("the start page renders")
        .text()
        .await
        .expect("the start page has a body");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let memory = format!("http://{}/", listener.local_addr().expect("an address"));
    // The stylesheet by the address the page gives, as a browser that accepts brotli
    // asks for it.
    let styles = page
        .split('"')
        .find(|part| part.ends_with("/pkg/portal.css"))
        .map(|path| format!("{}{path}", portal.trim_end_matches('/')));
    let bytes: Arc<str> = page.into();
    let router = Router::new().route("/", get(move || async move { Html(bytes.to_string()) }));
    tokio::spawn(async move { axum::serve(listener, router).await });

    let times = (WARM_UP, MEASURE);
    let ssr = load::rate(&client, &portal, &[None], CONCURRENCY, times).await;
    let memory = load::rate(&client, &memory, &[None], CONCURRENCY, times).await;
    let browser = reqwest::Client::builder()
        .default_headers(
            [(
                reqwest::header::ACCEPT_ENCODING,
                reqwest::header::HeaderValue::from_static("gzip, deflate, br"),
            )]
            .into_iter()
            .collect(),
        )
        .build()
        .expect("a client");
    let health = format!("{portal}healthz");
    let health = load::rate(&browser, &health, &[None], CONCURRENCY, times).await;
    let styles = match styles {
        Some(url) => Some(load::rate(&browser, &url, &[None], CONCURRENCY, times).await),
        None => None,
    };
    Rates {
        ssr,
        memory,
        health,
        styles,
    }
}

fn sizes(pkg: &Path) {
    let Ok(entries) = std::fs::read_dir(pkg) else {
        println!(
            "No built site at {}: run `cargo leptos build --release` first.",
            pkg.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("wasm" | "js" | "css")
            )
        })
        .collect();
    files.sort();
    println!("Browser assets (release build):");
    println!(
        "  {:<24} {:>12} {:>12}",
        "file", "raw bytes", "brotli bytes"
    );
    let (mut raw_total, mut br_total) = (0, 0);
    for file in files {
        let Ok(raw) = std::fs::read(&file) else {
            continue;
        };
        let compressed = brotli_size(&raw);
        raw_total += raw.len();
        br_total += compressed;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("  {name:<24} {:>12} {compressed:>12}", raw.len());
    }
    println!("  {:<24} {raw_total:>12} {br_total:>12}", "total");
}

/// As `server compress-assets` writes it, which is what a browser that accepts brotli gets.
fn brotli_size(raw: &[u8]) -> usize {
    server::assets::brotli_bytes(raw).map_or(raw.len(), |b| b.len())
}
