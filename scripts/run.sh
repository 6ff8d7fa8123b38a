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
# Messages (and urgent alerts) go to a stand-in for GOV.UK Notify on this machine, which
# prints each one here, unless a real Notify key is set: see "Messages through GOV.UK
# Notify" in the README. The key and template ids are the stand-in's own fictional ones
# (`server/src/fake_notify.rs`), which nothing else accepts.
if [ -z "${PORTAL_NOTIFY__API_KEY:-}" ]; then
  target/release/server fake-notify --listen 127.0.0.1:3190 &
  fake=$!
  trap 'kill "$fake" 2>/dev/null || true' EXIT
  export PORTAL_NOTIFY__BASE_URL=http://127.0.0.1:3190
  export PORTAL_NOTIFY__API_KEY=fake_notify-00000000-0000-4000-8000-000000000001-00000000-0000-4000-8000-000000000002
  export PORTAL_NOTIFY__EMAIL_TEMPLATE_ID=00000000-0000-4000-8000-0000000000e1
  export PORTAL_NOTIFY__SMS_TEMPLATE_ID=00000000-0000-4000-8000-0000000000a1
fi
# The demo's evaluation export uses a fictional key. A council sets its own secret, kept
# out of the database: see `evaluation.pseudonym_key` in the README.
export PORTAL_EVALUATION__PSEUDONYM_KEY="${PORTAL_EVALUATION__PSEUDONYM_KEY:-the demo's fictional pseudonym key, never a council's}"
# The demo shows the draft Polish and Urdu, as a council's translators would review them.
# A council's own portal offers a language only once every message in it is reviewed.
export PORTAL_LANGUAGES__OFFERED="${PORTAL_LANGUAGES__OFFERED:-[\"pl\", \"ur\"]}"
export PORTAL_LANGUAGES__DRAFTS_FOR_TRANSLATORS="${PORTAL_LANGUAGES__DRAFTS_FOR_TRANSLATORS:-true}"
target/release/server serve
