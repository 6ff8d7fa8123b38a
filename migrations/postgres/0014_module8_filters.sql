-- Module 8 for a long case: a family with years of shared words is shown a part at a time
-- (new since the last supervision, a period, one member, one tool, not read by me), and
-- the database does the narrowing. These indexes keep each narrowing a lookup rather than
-- a walk through every entry of the family.

-- One member's entries, newest part first (`entries_by_family` already serves the period).
CREATE INDEX entries_by_family_author ON entries (family_id, author_member_id, created_at);

-- One tool's entries.
CREATE INDEX entries_by_family_kind ON entries (family_id, kind, created_at);

-- "Not read by me": whether this practitioner marked this entry read. The marks are kept
-- in their own table, written in the transaction that audits the mark, so no page ever
-- works this out from the audit trail.
CREATE INDEX entry_reads_by_entry_and_staff ON entry_reads (entry_id, staff_id);

-- Whether an entry is shared with the workers now, and since when.
CREATE INDEX entry_shares_by_entry_audience ON entry_shares (entry_id, audience, withdrawn_at);
