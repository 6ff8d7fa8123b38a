#!/usr/bin/env bash
# Benchmark: builds the release site, then prints SSR throughput next to axum serving the
# same bytes from memory, the sizes of the browser's assets, and the server time of the
# supervision pack, Module 8 and the caseload on a large family, and a practitioner's page
# time at rest and under a flood of refused anonymous requests. A command, not a test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/setup.sh
cargo leptos build --release
cargo bench -p server --bench portal
cargo bench -p server --bench pack
cargo bench -p server --bench flood
