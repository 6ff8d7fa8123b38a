-- Checkpoints that anchor the audit trail outside the database. Each one holds the heads
-- (place and hash) of every chain that moved since the one before, their Merkle root, the
-- hash of the checkpoint before it, and an Ed25519 signature by a key the database never
-- holds. The same line is appended to a file kept elsewhere; `server verify-audit
-- --checkpoint FILE --public-key KEY` then finds any change to the rows it covers, even by
-- someone who can write to the database and knows the algorithm.
CREATE TABLE audit_checkpoints (
    seq BIGINT PRIMARY KEY NOT NULL CHECK (seq >= 1),
    at BIGINT NOT NULL,
    -- The checkpoint as written to the file: one line of JSON.
    line TEXT NOT NULL
);

-- Where each chain stood at the last checkpoint, so the next holds only chains that moved.
CREATE TABLE audit_checkpointed (
    chain TEXT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL CHECK (seq >= 0)
);

CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
FOR EACH ROW EXECUTE FUNCTION refuse_change();
