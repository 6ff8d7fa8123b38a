-- One chain per family, so that audited reads and writes of different families never wait
-- on each other. Events with no family (sign-ins, refusals, staff administration) go to a
-- small fixed number of system chains, chosen by a stable key. Each chain has its own head
-- row, locked only by the transactions that append to that chain, and only from the moment
-- they do.
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
-- in time order, now taken from a sequence, which no transaction holds; `chain` and
-- `chain_seq` are a row's place in its chain, which is what each row's hash covers. The
-- guard is lifted only while this migration gives the existing rows their place.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change;
ALTER TABLE audit_events ADD COLUMN chain TEXT, ADD COLUMN chain_seq BIGINT;
UPDATE audit_events SET chain = 'before-chains', chain_seq = seq;
ALTER TABLE audit_events
    ALTER COLUMN chain SET NOT NULL,
    ALTER COLUMN chain_seq SET NOT NULL,
    ADD CHECK (chain_seq >= 1);
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change;
-- A chain's rows in order: what verifying one family reads, and nothing else.
CREATE UNIQUE INDEX audit_events_by_chain ON audit_events (chain, chain_seq);

CREATE SEQUENCE audit_events_order OWNED BY audit_events.seq;
SELECT setval('audit_events_order', COALESCE((SELECT MAX(seq) FROM audit_events), 0) + 1, false);
