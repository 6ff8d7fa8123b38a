-- Group case supervision: monthly, chaired by a team manager, booked by business support.
--
-- A session is booked for one team on one day, with the families it will discuss and who
-- will attend. Booking needs no family content, so business support can book without
-- reading any. The caseload counts a family's new shared input since its last session.

CREATE TABLE supervision_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    team_id TEXT NOT NULL REFERENCES teams (id),
    -- The day it is held, as milliseconds at 00:00 UTC, like every other time here.
    held_on BIGINT NOT NULL,
    booked_by TEXT NOT NULL REFERENCES staff (id),
    booked_at BIGINT NOT NULL
);
CREATE INDEX supervision_sessions_by_team ON supervision_sessions (team_id, held_on);

CREATE TABLE supervision_families (
    session_id TEXT NOT NULL REFERENCES supervision_sessions (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    PRIMARY KEY (session_id, family_id)
);
CREATE INDEX supervision_families_by_family ON supervision_families (family_id);

CREATE TABLE supervision_attendees (
    session_id TEXT NOT NULL REFERENCES supervision_sessions (id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    PRIMARY KEY (session_id, staff_id)
);
