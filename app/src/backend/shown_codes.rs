//! A code just issued is shown once, on the page the issuer is sent to next, by whichever
//! server draws that page. It waits in the database sealed with a key made from the
//! issuer's session cookie, which the database never holds, so neither the database nor
//! its backups hold a code anyone could use; and it is removed as it is shown.
//!
//! Sealing is SHA-256 in counter mode over the key and a random nonce, XORed with the
//! code: a code is short and sealed once per nonce.

use super::Store;
use super::auth::{CurrentSession, IssuedCode};
use super::store::StoreError;
use super::store::audit::{from_hex, hex};
use super::store::shown_codes::{self, Sealed};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The key a session's codes are sealed with, made from its cookie's token.
#[derive(Clone)]
pub struct CodeKey([u8; 32]);

impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeKey([redacted])")
    }
}

impl CodeKey {
    /// The key for a session's token. Not the token's hash the database keeps: another
    /// prefix, so one can never be worked out from the other.
    pub fn of_token(token: &str) -> CodeKey {
        let mut hasher = Sha256::new();
        hasher.update(b"family-portal codes to show\0");
        hasher.update(token.as_bytes());
        CodeKey(hasher.finalize().into())
    }

    fn pad(&self, nonce: &[u8], length: usize) -> Vec<u8> {
        let mut pad = Vec::with_capacity(length + 32);
        let mut block: u32 = 0;
        while pad.len() < length {
            let mut hasher = Sha256::new();
            hasher.update(self.0);
            hasher.update(nonce);
            hasher.update(block.to_be_bytes());
            pad.extend_from_slice(&hasher.finalize());
            block = block.wrapping_add(1);
        }
        pad.truncate(length);
        pad
    }

    fn seal(&self, code: &str) -> (String, String) {
        let mut nonce = [0_u8; 16];
        rand::rng().fill_bytes(&mut nonce);
        let sealed: Vec<u8> = code
            .bytes()
            .zip(self.pad(&nonce, code.len()))
            .map(|(byte, pad)| byte ^ pad)
            .collect();
        (hex(&nonce), hex(&sealed))
    }

    fn open(&self, nonce: &str, sealed: &str) -> Option<String> {
        let nonce = from_hex(nonce)?;
        let sealed = from_hex(sealed)?;
        let pad = self.pad(&nonce, sealed.len());
        String::from_utf8(
            sealed
                .iter()
                .zip(pad)
                .map(|(byte, pad)| byte ^ pad)
                .collect(),
        )
        .ok()
    }
}

/// Keeps `code` for `session` to be shown once, on its next page about `person`.
pub async fn put(
    store: &Store,
    session: &CurrentSession,
    person: &str,
    is_reset: bool,
    code: &IssuedCode,
) -> Result<(), StoreError> {
    let (nonce, sealed) = session.code_key.seal(&code.code);
    let sealed = Sealed {
        is_reset,
        nonce,
        sealed,
        expires_at: code.expires_at,
    };
    shown_codes::keep(
        &mut *store.pool_connection().await?,
        &session.token_hash,
        person,
        &sealed,
    )
    .await
}

/// The code `session` issued for `person`, once: asking again answers nothing.
pub async fn take(
    store: &Store,
    session: &CurrentSession,
    person: &str,
) -> Result<Option<(bool, IssuedCode)>, StoreError> {
    let taken = shown_codes::take(
        &mut *store.pool_connection().await?,
        &session.token_hash,
        person,
        store.now(),
    )
    .await?;
    Ok(taken.and_then(|kept| {
        let code = session.code_key.open(&kept.nonce, &kept.sealed)?;
        Some((
            kept.is_reset,
            IssuedCode {
                code,
                expires_at: kept.expires_at,
            },
        ))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_code_opens_only_with_its_own_sessions_key() {
        let key = CodeKey::of_token("one session's token");
        let (nonce, sealed) = key.seal("12345-ABCDE");
        assert!(
            !sealed.contains(&hex(b"12345")),
            "the code is not kept as it is"
        );
        assert_eq!(key.open(&nonce, &sealed).as_deref(), Some("12345-ABCDE"));
        let other = CodeKey::of_token("another session's token");
        assert_ne!(other.open(&nonce, &sealed).as_deref(), Some("12345-ABCDE"));
        let (again, sealed_again) = key.seal("12345-ABCDE");
        assert_ne!(
            (nonce, sealed),
            (again, sealed_again),
            "a new nonce each time"
        );
    }

    #[test]
    fn codes_longer_than_one_block_seal_and_open() {
        let key = CodeKey::of_token("token");
        let long = "A".repeat(70);
        let (nonce, sealed) = key.seal(&long);
        assert_eq!(key.open(&nonce, &sealed), Some(long));
        assert_eq!(key.open("zz", &sealed), None);
    }
}
