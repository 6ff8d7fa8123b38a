//! Load from keep-alive connections on loopback, for a fixed time: shared by the
//! benchmarks that measure requests per second.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Requests a second that `readers` connections at once achieve against `url` over
/// `measure`, after `warm_up`; reader `i` sends `cookies[i % cookies.len()]`.
pub async fn rate(
    client: &reqwest::Client,
    url: &str,
    cookies: &[Option<String>],
    readers: usize,
    (warm_up, measure): (Duration, Duration),
) -> f64 {
    run_for(client, url, cookies, readers, warm_up).await;
    let done = run_for(client, url, cookies, readers, measure).await;
    done as f64 / measure.as_secs_f64()
}

/// How many successful requests `readers` connections made in `duration`.
async fn run_for(
    client: &reqwest::Client,
    url: &str,
    cookies: &[Option<String>],
    readers: usize,
    duration: Duration,
) -> u64 {
    let done = Arc::new(AtomicU64::new(0));
    let until = Instant::now() + duration;
    let mut workers = Vec::new();
    for reader in 0..readers {
        let cookie = cookies[reader % cookies.len()].clone();
        let (client, url, done) = (client.clone(), url.to_owned(), done.clone());
        workers.push(tokio::spawn(async move {
            while Instant::now() < until {
                let mut request = client.get(&url);
                if let Some(cookie) = &cookie {
                    request = request.header("cookie", cookie);
                }
                if let Ok(response) = request.send().await
                    && response.status().is_success()
                    && response.bytes().await.is_ok()
                {
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for worker in workers {
        let _ = worker.await;
    }
    done.load(Ordering::Relaxed)
}
