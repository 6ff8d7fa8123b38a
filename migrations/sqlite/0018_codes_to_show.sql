-- A code just issued, waiting for the page that shows it, once, to the person who issued
-- it. Whichever server draws that page reads it from here, so several servers behind one
-- address show it alike. The code is sealed with a key made from the issuer's session
-- cookie, which the database never holds: what is stored here cannot be read back into a
-- code without that browser. A row is removed as it is shown, or pruned once the code
-- has expired.
CREATE TABLE codes_to_show (
    -- The issuing session (`sessions.token_hash`).
    session_hash TEXT NOT NULL,
    -- The member or member of staff the code is for.
    person_id TEXT NOT NULL,
    is_reset BIGINT NOT NULL CHECK (is_reset IN (0, 1)),
    nonce TEXT NOT NULL,
    sealed TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (session_hash, person_id)
);
CREATE INDEX codes_to_show_by_expiry ON codes_to_show (expires_at);
