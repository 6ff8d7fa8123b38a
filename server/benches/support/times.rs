//! Timing one thing done again and again, one at a time, and printing its median and 95th
//! percentile: shared by the benchmarks that time pages and reads.

use std::time::{Duration, Instant};

/// `runs` timings of `call`, after five untimed calls, sorted.
pub async fn time<F, Fut>(runs: usize, call: F) -> Vec<Duration>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for _ in 0..5 {
        call().await;
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        call().await;
        times.push(started.elapsed());
    }
    times.sort();
    times
}

/// The middle of sorted `times`.
pub fn median(times: &[Duration]) -> Duration {
    times[times.len() / 2]
}

/// A line of figures for sorted `times`.
pub fn report(what: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {what:<17} median {:>7.1} ms   95th percentile {:>7.1} ms",
        ms(median(times)),
        ms(times[times.len() * 95 / 100])
    );
}
