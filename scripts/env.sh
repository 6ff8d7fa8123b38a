# Sourced by the other scripts: the project's own tools first on PATH.
# (Names starting PORTAL_ are kept for the server's own settings, which it checks strictly.)
# sass and wasm-opt come from style/node_modules (npm), so cargo-leptos finds them there and
# never tries to download its own.
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT
export PATH="$PROJECT_ROOT/style/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Build tools installed from crates.io, at versions that compile on our rustc.
export CARGO_LEPTOS_VERSION="0.3.10"
export WASM_BINDGEN_VERSION="$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' "$PROJECT_ROOT/Cargo.lock")"
