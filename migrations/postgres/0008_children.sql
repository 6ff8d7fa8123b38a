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
CREATE TRIGGER age_band_choices_no_change BEFORE UPDATE OR DELETE ON age_band_choices
FOR EACH ROW EXECUTE FUNCTION refuse_change();

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
FOR EACH ROW EXECUTE FUNCTION refuse_change();
-- Closing is the only change, and only once.
CREATE FUNCTION supported_sessions_close_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.session_hash <> OLD.session_hash
       OR NEW.staff_id <> OLD.staff_id OR NEW.member_id <> OLD.member_id
       OR NEW.started_at <> OLD.started_at THEN
        RAISE EXCEPTION 'a supported session is closed once and never changed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER supported_sessions_close_once BEFORE UPDATE ON supported_sessions
FOR EACH ROW EXECUTE FUNCTION supported_sessions_close_once();

-- Taking a device back from a child is its own passkey ceremony ("hand_back"), so that
-- one started for anything else can never finish it.
ALTER TABLE ceremonies DROP CONSTRAINT ceremonies_purpose_check;
ALTER TABLE ceremonies ADD CONSTRAINT ceremonies_purpose_check
    CHECK (purpose IN ('register', 'sign_in', 'confirm', 'hand_back'));
