#!/usr/bin/env bash
# Benchmark: builds the release site, then prints SSR throughput next to axum serving the
# same bytes from memory, the stylesheet's rate in brotli next to /healthz, the sizes of
# the browser's assets, each family page on a cheap phone over slow 4G in Chromium
# (scripts/bench-phone.sh), the server time of the supervision pack, Module 8 and the
# caseload on a large family, a practitioner's page time at rest and under a flood of
# refused anonymous requests, and signed-in page views a second with 1 to 64 readers of
# one family or of many, on SQLite and PostgreSQL. A command, not a test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
cargo leptos build --release
# The copies a browser that accepts brotli is sent, as `scripts/run.sh` makes them.
target/release/server compress-assets
cargo bench -p server --bench portal
scripts/bench-phone.sh
cargo bench -p server --bench pack
cargo bench -p server --bench flood
POSTGRES_BENCH_URL="$(scripts/postgres.sh)" cargo bench -p server --bench readers
POSTGRES_BENCH_URL="$(scripts/postgres.sh)" cargo bench -p server --bench scale
