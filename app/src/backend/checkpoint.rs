//! Checkpoints that anchor the audit trail outside the database.
//!
//! The hash chains show that rows were not changed *unless* someone rewrote a chain from
//! the changed row onwards and set its head to match, which anyone who can write to the
//! database and knows the algorithm can do. A checkpoint stops that. It holds the head
//! (place and hash) of every chain that moved since the checkpoint before, their Merkle
//! root and the hash of the checkpoint before it, and is signed with an Ed25519 key that
//! lives in a file on the server, never in the database. Each checkpoint is kept in the
//! database and appended, as one line of JSON, to a file the council keeps elsewhere.
//!
//! Given that file and the public key, [`verify`] checks each checkpoint's signature and
//! root, then that every row a checkpoint names is still in its chain with the hash that
//! was signed. As each row's hash covers every row before it in its chain, a row edited,
//! removed or reordered, a chain cut short and its head set to match, or a chain
//! recomputed from start to end, is found, unless the key itself was taken.

use super::Store;
use super::store::StoreError;
use super::store::audit::{from_hex, hex};
use super::store::checkpoints::{self, Head};
use crate::domain::ids::FamilyId;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a checkpoint signs begins with this, so a signature made for anything else can
/// never pass as a checkpoint's.
const DOMAIN: &str = "family-portal audit checkpoint v1";

/// The hash a first checkpoint follows.
const FIRST: &str = "genesis";

/// The key checkpoints are signed with. Kept in a file named in the configuration; the
/// database never holds it.
pub struct CheckpointKey(SigningKey);

impl std::fmt::Debug for CheckpointKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("CheckpointKey")
            .field(&self.public_hex())
            .finish()
    }
}

impl CheckpointKey {
    /// A new key from the operating system's random source.
    pub fn generate() -> CheckpointKey {
        let mut seed = [0_u8; 32];
        rand::rng().fill_bytes(&mut seed);
        CheckpointKey(SigningKey::from_bytes(&seed))
    }

    /// Reads a key written by [`CheckpointKey::file_text`]: 64 hex digits.
    pub fn from_text(text: &str) -> Result<CheckpointKey, String> {
        let seed: [u8; 32] = from_hex(text.trim())
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or("the audit checkpoint key file does not hold a key (64 hex digits)")?;
        Ok(CheckpointKey(SigningKey::from_bytes(&seed)))
    }

    /// The key as its file holds it.
    pub fn file_text(&self) -> String {
        format!("{}\n", hex(self.0.as_bytes()))
    }

    /// The public key, as `verify-audit --public-key` takes it.
    pub fn public_hex(&self) -> String {
        hex(self.0.verifying_key().as_bytes())
    }
}

/// One checkpoint, as its line in the file says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub checkpoint: i64,
    pub at: i64,
    /// The hash of the checkpoint before ([`Checkpoint::hash`]), or `genesis`.
    pub previous: String,
    pub heads: Vec<SignedHead>,
    /// The Merkle root of `heads`.
    pub root: String,
    /// The public key of the key that signed it.
    pub key: String,
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedHead {
    pub chain: String,
    pub seq: i64,
    pub hash: String,
}

impl Checkpoint {
    /// What is signed: the number, time, previous checkpoint, root and count of heads.
    fn message(&self) -> String {
        format!(
            "{DOMAIN}\n{}\n{}\n{}\n{}\n{}\n",
            self.checkpoint,
            self.at,
            self.previous,
            self.root,
            self.heads.len()
        )
    }

    /// What the next checkpoint names as `previous`.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.message().as_bytes()))
    }

    /// The line kept in the database and appended to the file.
    pub fn line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn parse(line: &str) -> Result<Checkpoint, String> {
        serde_json::from_str(line).map_err(|_| "it is not a checkpoint".to_owned())
    }

    /// Whether `public` signed it and its root is the root of its heads. Answers what is
    /// wrong, or nothing.
    fn check(&self, public: &VerifyingKey) -> Vec<String> {
        let mut problems = Vec::new();
        let n = self.checkpoint;
        let signed = from_hex(&self.signature)
            .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
            .map(|bytes| Signature::from_bytes(&bytes));
        match signed {
            Some(signature) if public.verify(self.message().as_bytes(), &signature).is_ok() => {}
            _ => problems.push(format!(
                "checkpoint {n} was not signed by the key given: the file or the key is not the council's"
            )),
        }
        if merkle_root(&self.heads) != self.root {
            problems.push(format!(
                "checkpoint {n}'s chains do not give its signed root: the file was changed"
            ));
        }
        problems
    }
}

/// Takes a checkpoint of every chain that moved since the last one, keeps it in the
/// database and answers it, for the caller to append to the file. Answers nothing when no
/// chain moved. If another server took the same checkpoint number first, this one fails
/// and the next attempt follows that one.
pub async fn take(store: &Store, key: &CheckpointKey) -> Result<Option<Checkpoint>, StoreError> {
    let mut tx = store.begin_audited().await?;
    let at = tx.now();
    let heads = checkpoints::moved_heads(&mut tx.tx).await?;
    if heads.is_empty() {
        return Ok(None);
    }
    let (previous_seq, previous) = match checkpoints::latest(&mut tx.tx).await? {
        None => (0, FIRST.to_owned()),
        Some((seq, line)) => {
            let previous = Checkpoint::parse(&line)
                .map_err(|_| StoreError::Corrupt(format!("audit checkpoint {seq}")))?;
            (seq, previous.hash())
        }
    };
    let signed: Vec<SignedHead> = heads
        .iter()
        .map(|Head { chain, seq, hash }| SignedHead {
            chain: chain.clone(),
            seq: *seq,
            hash: hash.clone(),
        })
        .collect();
    let mut checkpoint = Checkpoint {
        checkpoint: previous_seq.saturating_add(1),
        at,
        previous,
        root: merkle_root(&signed),
        heads: signed,
        key: key.public_hex(),
        signature: String::new(),
    };
    checkpoint.signature = hex(&key.0.sign(checkpoint.message().as_bytes()).to_bytes());
    checkpoints::keep(
        &mut tx.tx,
        checkpoint.checkpoint,
        at,
        &checkpoint.line(),
        &heads,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(checkpoint))
}

/// Checks the trail against the checkpoints of a file (its lines, in order, as read) and the public
/// key the council kept. Only `family`'s chain, if given. Answers every problem found; the
/// chains themselves are checked by `Store::verify_audit_with`.
pub async fn verify<S: AsRef<str>>(
    store: &Store,
    lines: impl IntoIterator<Item = std::io::Result<S>>,
    public_key: &str,
    family: Option<FamilyId>,
) -> Result<Vec<String>, StoreError> {
    let Some(public) = from_hex(public_key.trim())
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .and_then(|bytes| VerifyingKey::from_bytes(&bytes).ok())
    else {
        return Ok(vec![
            "the public key given is not an audit checkpoint key (64 hex digits)".to_owned(),
        ]);
    };
    let only = family.map(super::store::audit::family_chain);
    let mut conn = store.pool_connection().await?;
    let mut problems = Vec::new();
    let mut before: Option<Checkpoint> = None;
    let mut found = 0;
    // One line at a time, keeping only the checkpoint before: a file of years of
    // checkpoints is checked in the same memory as one of a day.
    for (index, line) in lines.into_iter().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                problems.push(format!(
                    "line {} of the file could not be read: {error}",
                    index + 1
                ));
                continue;
            }
        };
        let line = line.as_ref();
        if line.trim().is_empty() {
            continue;
        }
        let checkpoint = match Checkpoint::parse(line) {
            Ok(checkpoint) => checkpoint,
            Err(problem) => {
                problems.push(format!("line {} of the file: {problem}", index + 1));
                continue;
            }
        };
        found += 1;
        problems.extend(checkpoint.check(&public));
        if let Some(before) = &before
            && checkpoint.checkpoint == before.checkpoint.saturating_add(1)
            && checkpoint.previous != before.hash()
        {
            problems.push(format!(
                "checkpoint {} does not follow checkpoint {} in the file",
                checkpoint.checkpoint, before.checkpoint
            ));
        }
        for head in &checkpoint.heads {
            if only.as_ref().is_some_and(|only| *only != head.chain) {
                continue;
            }
            let n = checkpoint.checkpoint;
            let (chain, place) = (&head.chain, head.seq);
            match checkpoints::hash_at(&mut conn, chain, place).await? {
                None => problems.push(format!(
                    "chain {chain}: row {place}, which checkpoint {n} signed, is not there: rows were removed"
                )),
                Some(hash) if hash != head.hash => problems.push(format!(
                    "chain {chain}: row {place} is not the row checkpoint {n} signed: the chain was changed after it"
                )),
                Some(_) => {}
            }
        }
        before = Some(checkpoint);
    }
    if found == 0 {
        problems.push("the file holds no checkpoints".to_owned());
    }
    Ok(problems)
}

/// The Merkle root of the heads, in the order given (chain order, as taken): SHA-256 of
/// each head as a leaf (prefixed 0), each pair of nodes (prefixed 1), an odd node moving
/// up unpaired. Prefixes keep a leaf from passing as a node.
pub fn merkle_root(heads: &[SignedHead]) -> String {
    let mut level: Vec<[u8; 32]> = heads
        .iter()
        .map(|head| {
            let mut hasher = Sha256::new();
            hasher.update([0_u8]);
            for part in [head.chain.as_str(), &head.seq.to_string(), &head.hash] {
                hasher.update(part.len().to_string().as_bytes());
                hasher.update(b":");
                hasher.update(part.as_bytes());
                hasher.update(b";");
            }
            hasher.finalize().into()
        })
        .collect();
    if level.is_empty() {
        return hex(&Sha256::digest(b""));
    }
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [left, right] => {
                    let mut hasher = Sha256::new();
                    hasher.update([1_u8]);
                    hasher.update(left);
                    hasher.update(right);
                    hasher.finalize().into()
                }
                [only] => *only,
                _ => [0; 32],
            })
            .collect();
    }
    level.first().map(|root| hex(root)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(chain: &str, seq: i64) -> SignedHead {
        SignedHead {
            chain: chain.to_owned(),
            seq,
            hash: format!("{seq:064x}"),
        }
    }

    fn signed(key: &CheckpointKey, heads: Vec<SignedHead>) -> Checkpoint {
        let mut checkpoint = Checkpoint {
            checkpoint: 1,
            at: 5,
            previous: FIRST.to_owned(),
            root: merkle_root(&heads),
            heads,
            key: key.public_hex(),
            signature: String::new(),
        };
        checkpoint.signature = hex(&key.0.sign(checkpoint.message().as_bytes()).to_bytes());
        checkpoint
    }

    #[test]
    fn the_root_changes_with_any_head_and_with_their_order() {
        let heads = vec![
            head("family:a", 1),
            head("family:b", 2),
            head("system:3", 3),
        ];
        let root = merkle_root(&heads);
        let mut changed = heads.clone();
        changed[2].seq = 4;
        assert_ne!(root, merkle_root(&changed));
        let mut reordered = heads.clone();
        reordered.swap(0, 1);
        assert_ne!(root, merkle_root(&reordered));
        assert_ne!(root, merkle_root(&heads[..2]));
        assert_eq!(root, merkle_root(&heads));
    }

    #[test]
    fn a_checkpoint_passes_only_with_its_own_key_and_unchanged() {
        let key = CheckpointKey::generate();
        let checkpoint = signed(&key, vec![head("family:a", 1), head("family:b", 2)]);
        let public = key.0.verifying_key();
        assert!(checkpoint.check(&public).is_empty());
        let other = CheckpointKey::generate().0.verifying_key();
        assert_eq!(checkpoint.check(&other).len(), 1);
        let mut moved = checkpoint.clone();
        moved.heads[1].seq = 1;
        assert!(
            !moved.check(&public).is_empty(),
            "heads changed in the file"
        );
        let mut later = checkpoint.clone();
        later.at += 1;
        assert!(!later.check(&public).is_empty(), "the signed time changed");
        let round = Checkpoint::parse(&checkpoint.line()).unwrap();
        assert_eq!(round, checkpoint);
    }

    #[test]
    fn a_key_reads_back_from_its_file_and_nothing_else_passes_as_one() {
        let key = CheckpointKey::generate();
        let again = CheckpointKey::from_text(&key.file_text()).unwrap();
        assert_eq!(key.public_hex(), again.public_hex());
        assert!(CheckpointKey::from_text("not a key").is_err());
        assert!(CheckpointKey::from_text(&"ab".repeat(31)).is_err());
    }
}
