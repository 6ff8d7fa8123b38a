#!/usr/bin/env bash
# Builds the portal for release and serves it at http://localhost:3000 with the fictional
# demo family, in the embedded SQLite database under ./data (or PostgreSQL, if
# DATABASE_URL is set to postgres://…).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
cargo leptos build --release
# Brotli and gzip copies of the WebAssembly, CSS and scripts, made once: a phone that
# accepts them downloads about a quarter of the bytes.
target/release/server compress-assets
target/release/server seed-demo
exec target/release/server serve
