-- After the meeting: what the chair tells the family about what was decided and why, in
-- plain words, kept with each version of the record (a version is never changed, so
-- neither is what it told anyone); which members may read it, and in which words; and who
-- has read it, so the chair can see.
ALTER TABLE supervision_records ADD COLUMN told_family TEXT;
-- A child's version, in words a child understands, where the chair wrote one.
ALTER TABLE supervision_records ADD COLUMN told_child TEXT;

-- Who the chair chose to tell, per version of the record. A member with no row is told
-- nothing, and cannot tell that from there being nothing to tell.
CREATE TABLE record_readers (
    record_id TEXT NOT NULL REFERENCES supervision_records (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    words TEXT NOT NULL CHECK (words IN ('family', 'child')),
    PRIMARY KEY (record_id, member_id)
);
CREATE INDEX record_readers_by_member ON record_readers (member_id);
CREATE TRIGGER record_readers_no_change BEFORE UPDATE OR DELETE ON record_readers
FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The first time each member read a version's plain words: written in the transaction
-- that audits the read, so the chair's list never has to search the audit trail.
CREATE TABLE record_reads (
    record_id TEXT NOT NULL REFERENCES supervision_records (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    first_read_at BIGINT NOT NULL,
    PRIMARY KEY (record_id, member_id)
);
CREATE TRIGGER record_reads_no_change BEFORE UPDATE OR DELETE ON record_reads
FOR EACH ROW EXECUTE FUNCTION refuse_change();
