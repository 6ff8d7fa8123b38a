-- Foundation: councils, teams, staff, families, members, allocations, risk flags,
-- family entries with their versions, and anonymous service feedback.
--
-- Conventions shared with the PostgreSQL migrations, so both backends behave the same:
-- * ids are UUIDs in text, made by the application (nothing to guess, same on both);
-- * times are whole milliseconds since 1970-01-01 UTC in a BIGINT (no time-zone surprises);
-- * codes (roles, kinds) are snake-case text with a CHECK listing every allowed value;
-- * nothing a family wrote is ever updated in place: new versions are appended.

CREATE TABLE councils (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Team names are how people find each other within a council.
    UNIQUE (council_id, name)
);

CREATE TABLE staff (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    -- Admins may sit outside any team; everyone else belongs to one.
    team_id TEXT REFERENCES teams (id),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN (
        'team_manager', 'social_worker', 'child_and_family_practitioner',
        'domestic_abuse_practitioner', 'domestic_abuse_worker_probation',
        'mental_health_practitioner', 'recovery_worker', 'business_support_officer', 'admin'
    )),
    created_at BIGINT NOT NULL,
    -- Leavers are deactivated, never deleted: their name stays on what they wrote and read.
    deactivated_at BIGINT,
    CHECK (role = 'admin' OR team_id IS NOT NULL)
);

CREATE TABLE families (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    team_id TEXT NOT NULL REFERENCES teams (id),
    -- The council's own case reference, so records can be matched to its case system.
    reference TEXT NOT NULL,
    display_name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    UNIQUE (council_id, reference)
);

CREATE TABLE members (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    kind TEXT NOT NULL CHECK (kind IN ('parent_carer', 'child')),
    display_name TEXT NOT NULL,
    -- ISO 8601 date; a child's age band comes from it.
    date_of_birth TEXT,
    created_at BIGINT NOT NULL,
    CHECK (kind <> 'child' OR date_of_birth IS NOT NULL),
    -- Lets other tables insist that two members are in the same family.
    UNIQUE (family_id, id)
);

CREATE TABLE allocations (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    started_at BIGINT NOT NULL,
    -- Ending an allocation keeps the row: who worked with a family is part of the record.
    ended_at BIGINT
);
-- A practitioner is allocated to a family at most once at a time.
CREATE UNIQUE INDEX allocations_current ON allocations (family_id, staff_id) WHERE ended_at IS NULL;
CREATE INDEX allocations_by_staff ON allocations (staff_id);

CREATE TABLE risk_flags (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    -- The member alleged to pose the risk, and the member at risk from them.
    member_id TEXT NOT NULL,
    towards_member_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('alleged_domestic_abuse', 'other_risk')),
    flagged_by_staff_id TEXT NOT NULL REFERENCES staff (id),
    created_at BIGINT NOT NULL,
    withdrawn_at BIGINT,
    CHECK (member_id <> towards_member_id),
    -- Both people must be in the flagged family.
    FOREIGN KEY (family_id, member_id) REFERENCES members (family_id, id),
    FOREIGN KEY (family_id, towards_member_id) REFERENCES members (family_id, id)
);

CREATE TABLE entries (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    author_member_id TEXT NOT NULL,
    -- Which tool it came from: goal, check_in, change_talk, three_houses, feelings, ...
    kind TEXT NOT NULL,
    -- The browser's id for the form that created it, so a retry never makes a second entry.
    submission_id TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    FOREIGN KEY (family_id, author_member_id) REFERENCES members (family_id, id)
);
CREATE INDEX entries_by_family ON entries (family_id, created_at);

CREATE TABLE entry_versions (
    entry_id TEXT NOT NULL REFERENCES entries (id),
    -- 1 for the first words, then 2, 3, ... Every version is kept for the record.
    version BIGINT NOT NULL CHECK (version >= 1),
    -- The entry's content as JSON, in the writer's own words.
    body TEXT NOT NULL,
    written_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, version)
);

-- Records can go to court: a version, once written, can never be changed or removed.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: the record is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER entry_versions_no_update BEFORE UPDATE OR DELETE ON entry_versions
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER entries_no_change BEFORE UPDATE OR DELETE ON entries
FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE service_feedback (
    -- The browser's id for the form: sending it again after a dropped connection is harmless.
    submission_id TEXT PRIMARY KEY NOT NULL,
    satisfaction TEXT NOT NULL CHECK (satisfaction IN (
        'very_satisfied', 'satisfied', 'neither', 'dissatisfied', 'very_dissatisfied'
    )),
    -- Anonymous: nothing links feedback to a person, a family or a session.
    comments TEXT,
    created_at BIGINT NOT NULL
);
