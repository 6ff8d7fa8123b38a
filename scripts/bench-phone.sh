#!/usr/bin/env bash
# Benchmark: the portal's pages on a cheap phone over slow 4G, in Chromium (figures, not a
# test). Serves the release build already made (by scripts/bench.sh or scripts/run.sh) with
# the fictional demo family in a database of its own on loopback, runs
# end2end/bench/phone.mjs against it, and stops the server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
if [[ ! -x target/release/server || ! -f target/site/pkg/portal.wasm ]]; then
  echo "No release build: run scripts/bench.sh, or cargo leptos build --release first." >&2
  exit 1
fi
port="${BENCH_PHONE_PORT:-3190}"
data="$(mktemp -d)"
export PORTAL_DATA_DIR="$data" PORTAL_LISTEN="127.0.0.1:$port" PORTAL_LOG_LEVEL=warn
export BENCH_BASE_URL="http://localhost:$port" BENCH_SERVER_BINARY="$PROJECT_ROOT/target/release/server"
target/release/server compress-assets > /dev/null
target/release/server seed-demo > /dev/null
target/release/server serve &
server=$!
trap 'kill "$server" 2> /dev/null; wait "$server" 2> /dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/readyz" > /dev/null && break
  sleep 0.2
done
# Playwright comes from the end-to-end tests' own packages (end2end/node_modules).
cd end2end
timeout 900 node bench/phone.mjs
