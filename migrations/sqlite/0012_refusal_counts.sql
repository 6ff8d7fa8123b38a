-- Requests refused before anyone signed in (no session, or a post from another site),
-- counted per client address, minute and kind of refusal. Anyone on the internet can send
-- these, so they are kept outside the hash chain: the chain gets one row for the first
-- refusal of each (address, minute, action), and this table keeps how many followed.
-- Nothing here names a person; the address is the one the limits use.
CREATE TABLE refusal_counts (
    -- The client's address as worked out behind any trusted proxy.
    address TEXT NOT NULL,
    -- Whole minutes since the Unix epoch (UTC), so one row per address per minute.
    minute BIGINT NOT NULL,
    -- The audit action the chained row used, such as 'sign_in_needed'.
    -- Wrong codes ('redeem_code') and passkeys not accepted ('sign_in') are counted too.
    action TEXT NOT NULL CHECK (action IN (
        'sign_in_needed', 'cross_origin_request', 'redeem_code', 'sign_in'
    )),
    -- The first path refused in that minute, cut to 200 characters: enough to see what
    -- was being tried, without keeping every path an attacker chose to send.
    path_sample TEXT NOT NULL,
    -- How many were refused in that minute, the first (chained) one included.
    count BIGINT NOT NULL,
    PRIMARY KEY (address, minute, action)
);
-- Reading a day's refusals, newest first, without scanning by address.
CREATE INDEX refusal_counts_by_minute ON refusal_counts (minute);

-- Pruning anonymous sessions that never signed in looks them up by how long ago they
-- were used; real accounts' sessions are never pruned, so only anonymous ones are indexed.
CREATE INDEX sessions_anonymous_by_last_seen ON sessions (last_seen_at) WHERE account_id IS NULL;
-- Ceremonies are pruned once expired or used, and looked up by their session.
CREATE INDEX ceremonies_by_session ON ceremonies (session_hash);
CREATE INDEX ceremonies_by_expiry ON ceremonies (expires_at);
