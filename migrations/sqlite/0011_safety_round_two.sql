-- Safety inside families, round two: a lost or taken phone is locked out, codes never add
-- a second way in silently, and a practitioner's tablet shows a child only what the child
-- does in that handover.

-- Why a passkey stopped working, so its owner's "passkeys and sign-ins" page can say what
-- was removed and when: removed by its owner, by a reset code being used, or because an
-- allocated practitioner recorded that the phone was taken.
ALTER TABLE passkeys ADD COLUMN revoked_reason TEXT
    CHECK (revoked_reason IN ('owner', 'reset', 'phone_taken'));
-- Whose code added the passkey, when it was someone other than the account's owner (an
-- admin's staff code, a practitioner's invitation). Empty for the server's command line.
ALTER TABLE passkeys ADD COLUMN added_by_account_id TEXT REFERENCES accounts (id);

-- Things a person must be told the next time they sign in, such as "a passkey was added
-- to your account by an admin". Shown until they say they have seen it; dismissing is the
-- only change, made once.
CREATE TABLE account_notices (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    -- The passkey the notice is about: a session signed in with it never clears the
    -- notice, so whoever added a passkey cannot hide that they did.
    passkey_id TEXT NOT NULL REFERENCES passkeys (id),
    -- A fixed sentence written by the service, never anything a family wrote.
    message TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    seen_at BIGINT
);
CREATE INDEX account_notices_unseen ON account_notices (account_id) WHERE seen_at IS NULL;
CREATE TRIGGER account_notices_no_delete BEFORE DELETE ON account_notices
BEGIN SELECT RAISE(ABORT, 'notices are kept'); END;
CREATE TRIGGER account_notices_seen_once BEFORE UPDATE ON account_notices
WHEN OLD.seen_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.account_id <> OLD.account_id
  OR NEW.message <> OLD.message OR NEW.created_at <> OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a notice is marked seen once and never changed'); END;

-- Which entries a child made during which handover of a practitioner's device. While the
-- device is handed over it shows (and can share) only these: the child's private history,
-- written on their own phone or in earlier handovers, never reaches the tablet.
CREATE TABLE supported_entries (
    entry_id TEXT PRIMARY KEY NOT NULL REFERENCES entries (id),
    supported_id TEXT NOT NULL REFERENCES supported_sessions (id)
);
CREATE INDEX supported_entries_by_session ON supported_entries (supported_id);
CREATE TRIGGER supported_entries_no_update BEFORE UPDATE ON supported_entries
BEGIN SELECT RAISE(ABORT, 'supported entries are append-only'); END;
CREATE TRIGGER supported_entries_no_delete BEFORE DELETE ON supported_entries
BEGIN SELECT RAISE(ABORT, 'supported entries are append-only'); END;

-- A repeated submission is recognised only from its own author: from here on an entry's
-- submission_id holds '<author member id>/<submission id>'. (SQLite cannot turn the
-- column's UNIQUE into a pair, and this keeps one rule on both databases.)
