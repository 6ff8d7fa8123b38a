-- The team manager's record of a family's group case supervision: a reflection on the
-- cycle of change, the child's and the parents' views, the impact of the support, the
-- plan, the decisions and why, and a red, amber or green rating.
-- Every save is a new version, never an edit. Finalising locks the record: after that a
-- change is a new version that says why it was made, and the finalised one stays.
CREATE TABLE supervision_records (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES supervision_sessions (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    version BIGINT NOT NULL CHECK (version >= 1),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    -- Name as it was at the time: people change names.
    staff_name TEXT NOT NULL,
    -- Each section may be empty in a draft; a finalised version has all of them.
    reflection TEXT NOT NULL,
    child_views TEXT NOT NULL,
    parent_views TEXT NOT NULL,
    impact TEXT NOT NULL,
    plan TEXT NOT NULL,
    decisions TEXT NOT NULL,
    reasons TEXT NOT NULL,
    rating TEXT CHECK (rating IN ('red', 'amber', 'green')),
    final BIGINT NOT NULL CHECK (final IN (0, 1)),
    -- Why a finalised record was changed; empty until it is.
    why_changed TEXT,
    written_at BIGINT NOT NULL,
    CHECK (final = 0 OR rating IS NOT NULL),
    UNIQUE (session_id, family_id, version)
);
CREATE INDEX supervision_records_by_family ON supervision_records (family_id, session_id);

CREATE TRIGGER supervision_records_no_update BEFORE UPDATE ON supervision_records
BEGIN SELECT RAISE(ABORT, 'supervision records are append-only'); END;
CREATE TRIGGER supervision_records_no_delete BEFORE DELETE ON supervision_records
BEGIN SELECT RAISE(ABORT, 'supervision records are append-only'); END;
