-- no-transaction
-- A head of service: sees take-up figures for every team of their council, and no
-- family's content. Like an admin, they may sit outside any team.
--
-- SQLite cannot change a CHECK, so the staff table is made again with the new role
-- allowed, in SQLite's own order for that: foreign keys off (other tables name `staff`,
-- and go on naming the new one), copy, drop, rename, all in one transaction, then back on.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE staff_new (
    id TEXT PRIMARY KEY NOT NULL,
    council_id TEXT NOT NULL REFERENCES councils (id),
    -- Admins and heads of service may sit outside any team; everyone else belongs to one.
    team_id TEXT REFERENCES teams (id),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN (
        'team_manager', 'social_worker', 'child_and_family_practitioner',
        'domestic_abuse_practitioner', 'domestic_abuse_worker_probation',
        'mental_health_practitioner', 'recovery_worker', 'business_support_officer', 'admin',
        'head_of_service'
    )),
    created_at BIGINT NOT NULL,
    -- Leavers are deactivated, never deleted: their name stays on what they wrote and read.
    deactivated_at BIGINT,
    CHECK (role IN ('admin', 'head_of_service') OR team_id IS NOT NULL)
);
INSERT INTO staff_new (id, council_id, team_id, display_name, role, created_at, deactivated_at)
SELECT id, council_id, team_id, display_name, role, created_at, deactivated_at FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;
-- Take-up figures count who was given a code, member by member.
CREATE INDEX invitations_by_account ON invitations (account_id);
COMMIT;
PRAGMA foreign_keys = ON;
