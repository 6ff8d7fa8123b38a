-- Progress summaries: each involved practitioner's short summary of a family's progress
-- for one group case supervision session, by discipline. Every save is a new version,
-- never an edit; finalising is a version too, and nothing can follow it.
CREATE TABLE progress_summaries (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES supervision_sessions (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    -- Name as it was at the time: people change names.
    staff_name TEXT NOT NULL,
    discipline TEXT NOT NULL CHECK (discipline IN ('social_work', 'domestic_abuse', 'substance_misuse', 'mental_health')),
    version BIGINT NOT NULL CHECK (version >= 1),
    body TEXT NOT NULL,
    final BIGINT NOT NULL CHECK (final IN (0, 1)),
    written_at BIGINT NOT NULL,
    UNIQUE (session_id, family_id, staff_id, version)
);
CREATE INDEX progress_summaries_by_family ON progress_summaries (family_id, session_id);

CREATE TRIGGER progress_summaries_no_change BEFORE UPDATE OR DELETE ON progress_summaries
FOR EACH ROW EXECUTE FUNCTION refuse_change();
