-- Moving or cancelling a booked group case supervision session.
--
-- A booking is never edited. Each move or cancellation is a row of its own, saying who
-- made it, when and why, so anyone can see that a session moved, from which day, and
-- that the record of it is still the record of the same session. A cancelled session
-- stays cancelled: to hold it after all, book it again.

CREATE TABLE supervision_changes (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES supervision_sessions (id),
    -- 1 for a session's first change, then 2 and so on: two people changing the same
    -- session at once cannot both write the same number, so neither change is lost.
    seq BIGINT NOT NULL CHECK (seq >= 1),
    change TEXT NOT NULL CHECK (change IN ('moved', 'cancelled')),
    -- The new day, for a move (milliseconds at 00:00 UTC, like the booking's day).
    held_on BIGINT,
    -- Why: required to cancel, may be empty for a move.
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES staff (id),
    -- Name as it was at the time: people change names.
    changed_by_name TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    CHECK ((change = 'moved') = (held_on IS NOT NULL)),
    UNIQUE (session_id, seq)
);

-- Every session that still stands, on the day it is set for now. Everything that asks
-- "when was the family's last session?" or "which session is next?" reads this, never
-- the bookings themselves.
CREATE VIEW supervision_current AS
SELECT
    s.id,
    s.team_id,
    COALESCE(
        (SELECT c.held_on FROM supervision_changes c
         WHERE c.session_id = s.id AND c.change = 'moved'
         ORDER BY c.seq DESC LIMIT 1),
        s.held_on
    ) AS held_on
FROM supervision_sessions s
WHERE NOT EXISTS (
    SELECT 1 FROM supervision_changes c WHERE c.session_id = s.id AND c.change = 'cancelled'
);

-- Bookings, the families and people they list, and their changes are append-only.
CREATE TRIGGER supervision_changes_no_change BEFORE UPDATE OR DELETE ON supervision_changes
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER supervision_sessions_no_change BEFORE UPDATE OR DELETE ON supervision_sessions
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER supervision_families_no_change BEFORE UPDATE OR DELETE ON supervision_families
FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER supervision_attendees_no_change BEFORE UPDATE OR DELETE ON supervision_attendees
FOR EACH ROW EXECUTE FUNCTION refuse_change();
