-- Identity, sessions, sharing and audit.
--
-- Same conventions as 0001. Secrets (session tokens, invitation codes) are never stored:
-- only their SHA-256, so a copy of the database cannot be used to sign in.

-- Someone who can sign in: exactly one staff member or one family member. The id is also
-- the WebAuthn user handle, so it says nothing about the person.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT UNIQUE REFERENCES staff (id),
    member_id TEXT UNIQUE REFERENCES members (id),
    created_at BIGINT NOT NULL,
    CHECK ((staff_id IS NULL) <> (member_id IS NULL))
);

CREATE TABLE passkeys (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    -- base64url, as the browser reports it; one credential belongs to one account only.
    credential_id TEXT NOT NULL UNIQUE,
    -- The public key and its state, as the WebAuthn library serialises it.
    credential TEXT NOT NULL,
    -- Kept beside the credential so they can be read and reported without parsing it.
    sign_count BIGINT NOT NULL,
    backup_eligible BIGINT NOT NULL CHECK (backup_eligible IN (0, 1)),
    backed_up BIGINT NOT NULL CHECK (backed_up IN (0, 1)),
    -- A name the person recognises, such as "Passkey added 3 March".
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    -- Revoked passkeys stay, so that what they signed in to can still be explained.
    revoked_at BIGINT
);
CREATE INDEX passkeys_by_account ON passkeys (account_id);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's random token.
    token_hash TEXT PRIMARY KEY NOT NULL,
    -- Public id, for listing and revoking sessions without exposing the token.
    id TEXT NOT NULL UNIQUE,
    -- Empty until sign-in: a ceremony is bound to the session that started it.
    account_id TEXT REFERENCES accounts (id),
    passkey_id TEXT REFERENCES passkeys (id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    -- When the person last proved it was them (sign-in or confirming again).
    verified_at BIGINT,
    ended_at BIGINT,
    end_reason TEXT CHECK (end_reason IN (
        'signed_out', 'exit_page', 'idle', 'expired', 'revoked', 'passkey_revoked', 'reset', 'replaced'
    ))
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- WebAuthn ceremony state: single use, short-lived, bound to one session.
CREATE TABLE ceremonies (
    id TEXT PRIMARY KEY NOT NULL,
    session_hash TEXT NOT NULL REFERENCES sessions (token_hash),
    purpose TEXT NOT NULL CHECK (purpose IN ('register', 'sign_in', 'confirm')),
    state TEXT NOT NULL,
    -- For registration: whose passkey it will be, and the code that allowed it.
    account_id TEXT REFERENCES accounts (id),
    invitation_id TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- One-time codes: invitations for new accounts and resets after a lost phone.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    -- Empty only for the first administrator, whose code comes from the command line.
    issued_by_account_id TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    -- Set when the code is exchanged for a registration; it can never be used again.
    redeemed_at BIGINT
);

-- Failed sign-ins and code guesses, for rate limits. Old rows are pruned.
CREATE TABLE auth_failures (
    -- 'ip:<address>' or 'account:<id>'.
    limit_key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX auth_failures_by_key ON auth_failures (limit_key, at);

-- Who an entry is shared with. Private is the absence of a row. Withdrawing sets
-- withdrawn_at and keeps the row: that it was once shared is part of the record.
CREATE TABLE entry_shares (
    id TEXT PRIMARY KEY NOT NULL,
    entry_id TEXT NOT NULL REFERENCES entries (id),
    -- 'workers': the family's allocated workers; 'member': one named family member.
    audience TEXT NOT NULL CHECK (audience IN ('workers', 'member')),
    member_id TEXT REFERENCES members (id),
    shared_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    CHECK ((audience = 'member') = (member_id IS NOT NULL))
);
CREATE INDEX entry_shares_by_entry ON entry_shares (entry_id);

-- The audit trail: every read and write of family data, every sign-in and every refusal.
-- Each row carries the SHA-256 of the previous row's hash and its own fields, so editing,
-- removing or reordering a row breaks the chain (`server verify-audit`).
CREATE TABLE audit_events (
    seq BIGINT PRIMARY KEY NOT NULL CHECK (seq >= 1),
    at BIGINT NOT NULL,
    actor_account_id TEXT,
    -- Name and role as they were at the time: people change roles and names.
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    family_id TEXT,
    -- What was touched: an entry, a member, a session.
    subject TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_by_subject ON audit_events (subject);

-- The chain's head: one row, updated first in every audited transaction, so audited
-- transactions take turns and each row links to the one before.
CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'genesis');

CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION refuse_change();
