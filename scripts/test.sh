#!/usr/bin/env bash
# Runs every check and every test, as CI does. See the README for what each step proves.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
started=$SECONDS
step() { printf '\n=== %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "setting up"
scripts/setup.sh --for-tests
POSTGRES_TEST_URL="$(scripts/postgres.sh)"
export POSTGRES_TEST_URL

step "formatting"
cargo fmt --all --check

step "clippy: the server, natively"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy: the browser build, for wasm32"
cargo clippy -p app --lib --no-default-features --features hydrate \
  --target wasm32-unknown-unknown --locked -- -D warnings

step "unit tests of the shared library, and the server's tests: config, store on SQLite and PostgreSQL, HTTP, crash safety"
# One cargo invocation for both, so the two share one build of every dependency (separately,
# the server's dev-dependencies turn on features the library's tests do not, and the whole
# web stack was compiled twice). One test at a time: each server test starts its own server
# on its own runtime, and running many at once in one process once left a page render
# waiting forever (seen about one run in six under load, never with one test at a time).
cargo test -p app -p server --features app/ssr --locked -- --test-threads=1

step "the first-visit budget: every page's bytes, from a release build of the browser's files"
# Bytes do not depend on the machine, so this is a test. The release build goes to a site
# of its own, so the end-to-end step below still builds and serves the debug one.
budget_site="$PROJECT_ROOT/target/budget-site"
LEPTOS_SITE_ROOT="$budget_site" cargo leptos build --release --frontend-only
PORTAL_BUDGET_SITE="$budget_site" cargo test -p server --features app/ssr --locked --test it \
  budget:: -- --ignored --nocapture --test-threads=1

step "end to end in Chromium, with axe-core"
e2e_data="$(mktemp -d)"
trap 'rm -rf "$e2e_data"' EXIT
port="${E2E_PORT:-3170}"
export PORTAL_DATA_DIR="$e2e_data" PORTAL_LISTEN="127.0.0.1:$port" PORTAL_LOG_LEVEL=warn
# A fictional key, so the evaluation export can be made in the browser tests.
export PORTAL_EVALUATION__PSEUDONYM_KEY="end-to-end tests only: a fictional pseudonym key"
# Polish and Urdu are drafts, which only a translators' copy may show: the browser tests
# run as one, so a parent's journey is tried in Urdu, right to left.
export PORTAL_LANGUAGES__OFFERED='["pl", "ur"]' PORTAL_LANGUAGES__DRAFTS_FOR_TRANSLATORS=true
# localhost, not 127.0.0.1: passkeys are bound to a host name, never to an address.
export E2E_BASE_URL="http://localhost:$port"
# cargo-leptos builds its own server here: it gives debug builds `--cfg erase_components`
# (type-erased views, which keep the browser's WebAssembly at a third of its size), and
# the server's tests above check the markup a release build serves, which has none.
cargo leptos end-to-end

step "all checks passed"
