-- One chain per family, so that audited reads and writes of different families never wait
-- on each other (on PostgreSQL; SQLite has one writer at a time whatever the schema says).
-- Events with no family (sign-ins, refusals, staff administration) go to a small fixed
-- number of system chains, chosen by a stable key. Each chain has its own head row, locked
-- only by the transactions that append to that chain, and only from the moment they do.
--
-- The single chain every row was written to before this migration is kept, whole and
-- verifiable, as the chain named 'before-chains'; nothing is appended to it again.
CREATE TABLE audit_chains (
    -- 'family:<family id>', 'system:<0-7>' or 'before-chains'.
    chain TEXT PRIMARY KEY NOT NULL,
    -- How many rows the chain holds, and the hash of its last row ('genesis' when none).
    seq BIGINT NOT NULL CHECK (seq >= 0),
    hash TEXT NOT NULL
);
INSERT INTO audit_chains (chain, seq, hash)
SELECT 'before-chains', seq, hash FROM audit_head WHERE seq > 0;
DROP TABLE audit_head;

-- `seq` stays the order rows were written in across the deployment, for reading the trail
-- in time order; `chain` and `chain_seq` are a row's place in its chain, which is what
-- each row's hash covers. SQLite cannot add the columns to a guarded table in place, so
-- the trail is copied, unchanged, into the new shape (the triggers come back below).
CREATE TABLE audit_events_chained (
    seq BIGINT PRIMARY KEY NOT NULL CHECK (seq >= 1),
    at BIGINT NOT NULL,
    actor_account_id TEXT,
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    family_id TEXT,
    subject TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    chain TEXT NOT NULL,
    chain_seq BIGINT NOT NULL CHECK (chain_seq >= 1)
);
INSERT INTO audit_events_chained (seq, at, actor_account_id, actor_name, actor_role, action,
    family_id, subject, outcome, detail, prev_hash, hash, chain, chain_seq)
SELECT seq, at, actor_account_id, actor_name, actor_role, action,
    family_id, subject, outcome, detail, prev_hash, hash, 'before-chains', seq
FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_chained RENAME TO audit_events;
CREATE INDEX audit_events_by_subject ON audit_events (subject);
-- A chain's rows in order: what verifying one family reads, and nothing else.
CREATE UNIQUE INDEX audit_events_by_chain ON audit_events (chain, chain_seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
