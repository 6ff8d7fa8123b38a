-- Children's views: which screens fit each child, and supported sessions on a
-- practitioner's device.

-- A practitioner's choice of screens for a child, when the band from the date of birth
-- does not fit (a child with special educational needs, say). The newest choice counts;
-- every earlier one stays, so who decided what, and when, is part of the record.
-- An empty band means "back to the band from the date of birth".
CREATE TABLE age_band_choices (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    band TEXT CHECK (band IN ('under_8', '8_to_12', '13_plus')),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    chosen_at BIGINT NOT NULL
);
CREATE INDEX age_band_choices_by_member ON age_band_choices (member_id, chosen_at);
CREATE TRIGGER age_band_choices_no_update BEFORE UPDATE ON age_band_choices
BEGIN SELECT RAISE(ABORT, 'age band choices are append-only'); END;
CREATE TRIGGER age_band_choices_no_delete BEFORE DELETE ON age_band_choices
BEGIN SELECT RAISE(ABORT, 'age band choices are append-only'); END;

-- "Hand to child": a practitioner's signed-in session switched to child mode for one
-- named child. While a row here is open, the session acts as that child and nothing of
-- the practitioner's can be reached; it closes only when the practitioner proves it is
-- them with their passkey, or when the session ends (idle lock, exit, sign out).
-- A row is written once and closed once: who was handed the device, by whom, and for how
-- long is part of the record.
CREATE TABLE supported_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    session_hash TEXT NOT NULL REFERENCES sessions (token_hash),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    end_reason TEXT CHECK (end_reason IN ('handed_back', 'session_ended')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- At most one child at a time on one session.
CREATE UNIQUE INDEX supported_sessions_open ON supported_sessions (session_hash) WHERE ended_at IS NULL;
CREATE TRIGGER supported_sessions_no_delete BEFORE DELETE ON supported_sessions
BEGIN SELECT RAISE(ABORT, 'supported sessions are kept'); END;
-- Closing is the only change, and only once.
CREATE TRIGGER supported_sessions_close_once BEFORE UPDATE ON supported_sessions
WHEN OLD.ended_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.session_hash <> OLD.session_hash
  OR NEW.staff_id <> OLD.staff_id OR NEW.member_id <> OLD.member_id OR NEW.started_at <> OLD.started_at
BEGIN SELECT RAISE(ABORT, 'a supported session is closed once and never changed'); END;

-- Taking a device back from a child is its own passkey ceremony ("hand_back"), so that
-- one started for anything else can never finish it. SQLite cannot change a CHECK, so the
-- table of short-lived ceremony state is made again with the new purpose allowed.
CREATE TABLE ceremonies_new (
    id TEXT PRIMARY KEY NOT NULL,
    session_hash TEXT NOT NULL REFERENCES sessions (token_hash),
    purpose TEXT NOT NULL CHECK (purpose IN ('register', 'sign_in', 'confirm', 'hand_back')),
    state TEXT NOT NULL,
    -- For registration: whose passkey it will be, and the code that allowed it.
    account_id TEXT REFERENCES accounts (id),
    invitation_id TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
INSERT INTO ceremonies_new SELECT id, session_hash, purpose, state, account_id, invitation_id, created_at, expires_at, used_at FROM ceremonies;
DROP TABLE ceremonies;
ALTER TABLE ceremonies_new RENAME TO ceremonies;
