#!/usr/bin/env bash
# Installs what building (and, with --for-tests, testing) the portal needs, and only what
# is missing: a second run takes seconds. Nothing here downloads a binary from outside the
# package registries: Rust tools are built from crates.io, front-end tools come from npm,
# and Chromium and PostgreSQL from Debian.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"

for_tests=false
[[ "${1:-}" == "--for-tests" ]] && for_tests=true

say() { printf 'setup: %s\n' "$*"; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then
    say "updating Debian's package lists"
    apt-get update -qq
    apt_updated=true
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "setup: Rust is needed first: https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || apt_install nodejs npm

# Passkey verification (webauthn-rs) uses OpenSSL, found through pkg-config.
if ! command -v pkg-config >/dev/null || ! pkg-config --exists openssl; then
  apt_install pkg-config libssl-dev
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Installing these tools is a release build; without LTO and with many codegen units it
# takes about a third of the time, and they run fast enough either way.
install_tool() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install --quiet "$@"
}

if ! cargo leptos --version 2>/dev/null | grep -qF "$CARGO_LEPTOS_VERSION"; then
  say "building cargo-leptos $CARGO_LEPTOS_VERSION from crates.io (about 15 minutes on 2 cores)"
  install_tool cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version Cargo.lock uses)"
  # Not --locked: its own lockfile names a crate version the registry no longer serves.
  install_tool wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

npm_ci() {
  local dir="$1"
  # npm ci leaves node_modules/.package-lock.json; newer than the lockfile means up to date.
  if [[ ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    say "installing npm packages in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci style

if $for_tests; then
  npm_ci end2end
  command -v chromium >/dev/null || apt_install chromium
fi
say "ready"
