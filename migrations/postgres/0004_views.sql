-- Module 8, "Comments and views": what practitioners do with what a family shared.
--
-- Every table here is append-only, like entries: a practitioner's response or a family
-- member's disagreement is never edited or removed, so the record shows what was said
-- and when. A later word is a new row.

-- A practitioner marks a shared entry read; its author then sees "your worker has read
-- this". Marking again adds a row: each time is part of the record.
CREATE TABLE entry_reads (
    id TEXT PRIMARY KEY NOT NULL,
    entry_id TEXT NOT NULL REFERENCES entries (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    read_at BIGINT NOT NULL
);
CREATE INDEX entry_reads_by_entry ON entry_reads (entry_id);

-- A practitioner's response to an entry, which the entry's author sees. A statement by a
-- practitioner, so the family can disagree with it.
CREATE TABLE responses (
    id TEXT PRIMARY KEY NOT NULL,
    entry_id TEXT NOT NULL REFERENCES entries (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    -- Name and role as they were at the time: people change roles and names.
    staff_name TEXT NOT NULL,
    staff_role TEXT NOT NULL,
    body TEXT NOT NULL,
    written_at BIGINT NOT NULL
);
CREATE INDEX responses_by_entry ON responses (entry_id);

-- "I disagree": a family member's comment on a practitioner's statement, shown beside it
-- wherever the statement is shown, the Word export included.
CREATE TABLE disagreements (
    id TEXT PRIMARY KEY NOT NULL,
    response_id TEXT NOT NULL REFERENCES responses (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    body TEXT NOT NULL,
    written_at BIGINT NOT NULL
);
CREATE INDEX disagreements_by_response ON disagreements (response_id);

CREATE TRIGGER entry_reads_no_change BEFORE UPDATE OR DELETE ON entry_reads
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER responses_no_change BEFORE UPDATE OR DELETE ON responses
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER disagreements_no_change BEFORE UPDATE OR DELETE ON disagreements
FOR EACH ROW EXECUTE FUNCTION refuse_change();
