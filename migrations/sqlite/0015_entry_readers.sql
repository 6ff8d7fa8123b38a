-- Who has read each entry, for its author's "Who has seen what I wrote": one row per
-- entry and reader, with the first and last time and how many times. Written in the same
-- transaction as the audit row of each read, so the page never scans the audit trail,
-- which stays the record of every single read. The family's receipts ("read by your
-- worker") and the practitioner's "withdrawn after you read them" come from here too.
CREATE TABLE entry_readers (
    entry_id TEXT NOT NULL REFERENCES entries (id),
    -- Copied from the entry, so one author's page is one indexed range.
    author_member_id TEXT NOT NULL,
    -- The account that read it. A practitioner holding a tablet for a child reads as
    -- their own account, named as the audit row names them.
    reader_account_id TEXT NOT NULL,
    -- As the latest read named the reader: a name or role can change.
    reader_name TEXT NOT NULL,
    reader_role TEXT NOT NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    times BIGINT NOT NULL CHECK (times > 0),
    -- The last time the reader opened this one entry or marked it read, rather than
    -- seeing it in a list: what a parent's "read by your worker" receipt says.
    opened_at BIGINT,
    PRIMARY KEY (entry_id, reader_account_id)
);
CREATE INDEX entry_readers_by_author ON entry_readers (author_member_id, last_at);
-- A practitioner's own reads of a family, for "withdrawn after you read them".
CREATE INDEX entry_readers_by_reader ON entry_readers (reader_account_id);

-- Reads recorded before this table existed are copied into it from the audit trail once,
-- by the server as it starts; this row says that has been done.
CREATE TABLE entry_readers_filled (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    filled_at BIGINT NOT NULL
);
