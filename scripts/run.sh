#!/usr/bin/env bash
# Builds the portal for release and serves it at http://localhost:3000 with the fictional
# demo family, in the embedded SQLite database under ./data (or PostgreSQL, if
# DATABASE_URL is set to postgres://…).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
cargo leptos build --release
target/release/server seed-demo
exec target/release/server serve
