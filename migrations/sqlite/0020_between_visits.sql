-- Between visits: messages by email and text, through GOV.UK Notify, and urgent alerts
-- that reach a person.
--
-- Choices and contact details are never changed in place: each change is a new row and
-- the newest is the one in force, so who chose what, and when, stays on the record. The
-- outbox and the alerts each carry one column that moves (when next to try, when next to
-- escalate); every attempt and every step is a row of its own beside them.

-- How a member of staff is reached when a family member presses "I don't feel safe right
-- now". Set by an admin of their council.
CREATE TABLE staff_contacts (
    id TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id),
    email TEXT,
    mobile TEXT,
    set_by_staff_id TEXT NOT NULL REFERENCES staff (id),
    set_at BIGINT NOT NULL
);
CREATE INDEX staff_contacts_by_staff ON staff_contacts (staff_id, set_at);

-- The council's out-of-hours duty contact: the last step when nobody opens an alert.
CREATE TABLE duty_contacts (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    email TEXT,
    mobile TEXT,
    set_by_staff_id TEXT NOT NULL REFERENCES staff (id),
    set_at BIGINT NOT NULL
);
CREATE INDEX duty_contacts_by_council ON duty_contacts (council_id, set_at);

-- A family member's own choices about messages. No row, or a newest row with neither
-- an email address nor a mobile number, means no messages at all.
CREATE TABLE message_choices (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    email TEXT,
    mobile TEXT,
    -- Whether the member proved each address is theirs with a code sent to it. Nothing
    -- but that code is ever sent to an address not proved.
    email_confirmed BIGINT NOT NULL DEFAULT 0 CHECK (email_confirmed IN (0, 1)),
    mobile_confirmed BIGINT NOT NULL DEFAULT 0 CHECK (mobile_confirmed IN (0, 1)),
    wording TEXT NOT NULL CHECK (wording IN ('new_message', 'something_waiting', 'reminder')),
    say_service BIGINT NOT NULL CHECK (say_service IN (0, 1)),
    on_response BIGINT NOT NULL CHECK (on_response IN (0, 1)),
    on_code BIGINT NOT NULL CHECK (on_code IN (0, 1)),
    -- 0 is Monday; empty for no weekly reminder.
    reminder_day BIGINT CHECK (reminder_day BETWEEN 0 AND 6),
    -- Local hours, 0 to 23: no message from the first until the second.
    quiet_from BIGINT CHECK (quiet_from BETWEEN 0 AND 23),
    quiet_to BIGINT CHECK (quiet_to BETWEEN 0 AND 23),
    why TEXT NOT NULL CHECK (why IN (
        'chosen', 'confirmed', 'stopped', 'phone_taken', 'notify_opt_out'
    )),
    chosen_at BIGINT NOT NULL
);
CREATE INDEX message_choices_by_member ON message_choices (member_id, chosen_at);
CREATE INDEX message_choices_by_day ON message_choices (reminder_day) WHERE reminder_day IS NOT NULL;
CREATE INDEX message_choices_by_mobile ON message_choices (mobile) WHERE mobile IS NOT NULL;

-- Codes that prove an email address or mobile number is the member's own, before any
-- message goes to it: someone cannot have messages sent to another person's phone. Kept
-- only as SHA-256; each works for 30 minutes.
CREATE TABLE address_codes (
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    address TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX address_codes_by_member ON address_codes (member_id, channel, created_at);

-- Messages waiting to be sent, written in the same transaction as what caused them. The
-- id is GOV.UK Notify's `reference`, so a message whose sending was cut short is looked
-- up before it is tried again, and never sent twice.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    -- What caused it, such as `alert:<entry>:workers:<staff>:sms`: the same cause never
    -- queues a second message.
    cause TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN (
        'response', 'reminder', 'code', 'confirm', 'alert', 'alert_escalated'
    )),
    -- Whose audit chain each attempt is written to.
    family_id TEXT REFERENCES families (id),
    -- The urgent alert it is about, if it is about one.
    alert_id TEXT REFERENCES entries (id),
    -- `member:<id>`, `staff:<id>` or `duty:<council>`.
    recipient TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    quiet_from BIGINT,
    quiet_to BIGINT,
    created_at BIGINT NOT NULL,
    -- When the sender next tries; empty once sent or given up.
    next_at BIGINT
);
CREATE INDEX outbox_waiting ON outbox (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX outbox_by_alert ON outbox (alert_id) WHERE alert_id IS NOT NULL;
CREATE INDEX outbox_by_recipient ON outbox (recipient) WHERE next_at IS NOT NULL;

CREATE TABLE outbox_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    outbox_id TEXT NOT NULL REFERENCES outbox (id),
    at BIGINT NOT NULL,
    -- `started` is written before the request leaves; an attempt with nothing after it
    -- was cut short, and its message is looked up by reference before another try.
    -- `held`: quiet hours put it off; `cancelled`: the member stopped that channel first.
    outcome TEXT NOT NULL CHECK (outcome IN (
        'started', 'sent', 'failed', 'gave_up', 'found', 'held', 'cancelled'
    )),
    notify_id TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX outbox_attempts_by_message ON outbox_attempts (outbox_id, at);

-- "I don't feel safe right now", and where its escalation stands.
CREATE TABLE urgent_alerts (
    entry_id TEXT PRIMARY KEY NOT NULL REFERENCES entries (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    raised_at BIGINT NOT NULL,
    next_step TEXT CHECK (next_step IN ('team_manager', 'out_of_hours')),
    -- Empty once someone opened it or every step was taken.
    next_step_at BIGINT
);
CREATE INDEX urgent_alerts_due ON urgent_alerts (next_step_at) WHERE next_step_at IS NOT NULL;

-- Each step taken: whom it went to, by role and how, and when.
CREATE TABLE alert_steps (
    id TEXT PRIMARY KEY NOT NULL,
    entry_id TEXT NOT NULL REFERENCES urgent_alerts (entry_id),
    step TEXT NOT NULL CHECK (step IN ('workers', 'team_manager', 'out_of_hours')),
    told TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX alert_steps_by_alert ON alert_steps (entry_id, at);

-- The first time each member of staff opened the alert.
CREATE TABLE alert_openings (
    entry_id TEXT NOT NULL REFERENCES urgent_alerts (entry_id),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    opened_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, staff_id)
);

-- Rows of choices, contacts, attempts, steps and openings are never changed or removed.
CREATE TRIGGER staff_contacts_no_update BEFORE UPDATE ON staff_contacts
BEGIN SELECT RAISE(ABORT, 'staff contacts are append-only'); END;
CREATE TRIGGER staff_contacts_no_delete BEFORE DELETE ON staff_contacts
BEGIN SELECT RAISE(ABORT, 'staff contacts are append-only'); END;
CREATE TRIGGER duty_contacts_no_update BEFORE UPDATE ON duty_contacts
BEGIN SELECT RAISE(ABORT, 'duty contacts are append-only'); END;
CREATE TRIGGER duty_contacts_no_delete BEFORE DELETE ON duty_contacts
BEGIN SELECT RAISE(ABORT, 'duty contacts are append-only'); END;
CREATE TRIGGER message_choices_no_update BEFORE UPDATE ON message_choices
BEGIN SELECT RAISE(ABORT, 'message choices are append-only'); END;
CREATE TRIGGER message_choices_no_delete BEFORE DELETE ON message_choices
BEGIN SELECT RAISE(ABORT, 'message choices are append-only'); END;
CREATE TRIGGER outbox_attempts_no_update BEFORE UPDATE ON outbox_attempts
BEGIN SELECT RAISE(ABORT, 'outbox attempts are append-only'); END;
CREATE TRIGGER outbox_attempts_no_delete BEFORE DELETE ON outbox_attempts
BEGIN SELECT RAISE(ABORT, 'outbox attempts are append-only'); END;
CREATE TRIGGER alert_steps_no_update BEFORE UPDATE ON alert_steps
BEGIN SELECT RAISE(ABORT, 'alert steps are append-only'); END;
CREATE TRIGGER alert_steps_no_delete BEFORE DELETE ON alert_steps
BEGIN SELECT RAISE(ABORT, 'alert steps are append-only'); END;
CREATE TRIGGER alert_openings_no_update BEFORE UPDATE ON alert_openings
BEGIN SELECT RAISE(ABORT, 'alert openings are append-only'); END;
CREATE TRIGGER alert_openings_no_delete BEFORE DELETE ON alert_openings
BEGIN SELECT RAISE(ABORT, 'alert openings are append-only'); END;

-- Of a message and an alert, only when next to act may move; neither is ever removed.
CREATE TRIGGER outbox_fixed BEFORE UPDATE OF id, cause, kind, family_id, alert_id, recipient,
    channel, address, subject, body, quiet_from, quiet_to, created_at ON outbox
BEGIN SELECT RAISE(ABORT, 'only when a message is next tried may change'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'the outbox is never emptied'); END;
CREATE TRIGGER urgent_alerts_fixed BEFORE UPDATE OF entry_id, family_id, raised_at ON urgent_alerts
BEGIN SELECT RAISE(ABORT, 'only an alert''s next step may change'); END;
CREATE TRIGGER urgent_alerts_no_delete BEFORE DELETE ON urgent_alerts
BEGIN SELECT RAISE(ABORT, 'alerts are never removed'); END;
CREATE TRIGGER address_codes_no_update BEFORE UPDATE ON address_codes
BEGIN SELECT RAISE(ABORT, 'address codes are append-only'); END;
CREATE TRIGGER address_codes_no_delete BEFORE DELETE ON address_codes
BEGIN SELECT RAISE(ABORT, 'address codes are append-only'); END;
