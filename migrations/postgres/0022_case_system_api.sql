-- The case system's integration API (`/api/v1`): the council's case system (LCS, Mosaic
-- and the like) fetches a family's Module 8 and finalised supervision records by its own
-- references, with a secret an admin gave it.

-- A member's reference in the case system (a person id), set by an admin of their
-- council. A change is a new row and the one it replaces keeps its words and gets the
-- time it was replaced, so every reference a member ever had stays on the record. A
-- reference in force names one member of a council, and a member has one at most.
CREATE TABLE member_case_refs (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    reference TEXT NOT NULL,
    set_by_staff_id TEXT NOT NULL REFERENCES staff (id),
    set_at BIGINT NOT NULL,
    replaced_at BIGINT
);
CREATE UNIQUE INDEX member_case_refs_in_force ON member_case_refs (council_id, reference) WHERE replaced_at IS NULL;
CREATE UNIQUE INDEX member_case_refs_one_each ON member_case_refs (member_id) WHERE replaced_at IS NULL;

-- A machine allowed to call the API: registered by an admin for named teams of their
-- council, working once a head of service of the council approves it (so no one person
-- can give themselves a way to read families' words), until it expires or an admin
-- revokes it. Only a hash of its secret is kept; the secret is shown once, to the admin
-- who registered it.
CREATE TABLE api_clients (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_by_staff_id TEXT NOT NULL REFERENCES staff (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    approved_at BIGINT,
    approved_by_staff_id TEXT REFERENCES staff (id),
    revoked_at BIGINT,
    revoked_by_staff_id TEXT REFERENCES staff (id),
    -- Where to post "family X has new shared input", if anywhere.
    webhook_url TEXT,
    UNIQUE (council_id, name),
    CHECK (expires_at > created_at),
    CHECK ((approved_at IS NULL) = (approved_by_staff_id IS NULL)),
    CHECK (approved_by_staff_id IS NULL OR approved_by_staff_id <> created_by_staff_id),
    CHECK ((revoked_at IS NULL) = (revoked_by_staff_id IS NULL))
);

-- The teams whose families a client may read: set when it is registered, never changed.
CREATE TABLE api_client_teams (
    client_id TEXT NOT NULL REFERENCES api_clients (id),
    team_id TEXT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (client_id, team_id)
);

-- Calls each client made each minute, for its rate limit. Every call is in the audit
-- trail too; these rows are only counts, and old minutes are pruned.
CREATE TABLE api_client_calls (
    client_id TEXT NOT NULL REFERENCES api_clients (id),
    minute BIGINT NOT NULL,
    calls BIGINT NOT NULL CHECK (calls > 0),
    PRIMARY KEY (client_id, minute)
);

-- "Family X has new shared input" for each client with a webhook address, written in the
-- transaction that shared the input. One waits for each client and family at most: a
-- later share moves `last_at` on. `next_at` is when the sender tries next, empty once
-- the notice was taken or given up; `tries` and `last_error` say how it went. A notice
-- holds no words and no names.
CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES api_clients (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    tries BIGINT NOT NULL,
    next_at BIGINT,
    delivered_at BIGINT,
    last_error TEXT
);
CREATE UNIQUE INDEX webhook_outbox_waiting ON webhook_outbox (client_id, family_id) WHERE next_at IS NOT NULL;
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_at) WHERE next_at IS NOT NULL;
