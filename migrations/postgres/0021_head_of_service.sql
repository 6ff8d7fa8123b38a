-- A head of service: sees take-up figures for every team of their council, and no
-- family's content. Like an admin, they may sit outside any team.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN (
    'team_manager', 'social_worker', 'child_and_family_practitioner',
    'domestic_abuse_practitioner', 'domestic_abuse_worker_probation',
    'mental_health_practitioner', 'recovery_worker', 'business_support_officer', 'admin',
    'head_of_service'
));
ALTER TABLE staff DROP CONSTRAINT staff_check;
ALTER TABLE staff ADD CONSTRAINT staff_check CHECK (role IN ('admin', 'head_of_service') OR team_id IS NOT NULL);

-- Take-up figures count who was given a code, member by member.
CREATE INDEX invitations_by_account ON invitations (account_id);
