//! The Content Security Policy: what a response lets the browser run and load. Nothing
//! inline runs, except a page's own hydration script, which carries that response's
//! nonce.

/// The policy for responses that do not set their own: nothing inline, nothing framed.
/// Pages add a per-response nonce for the framework's hydration script.
pub const DEFAULT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy for a page whose inline scripts carry `nonce`.
pub fn page_csp(nonce: &str) -> String {
    DEFAULT_CSP.replace(
        "script-src 'self' 'wasm-unsafe-eval'",
        &format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
    )
}
