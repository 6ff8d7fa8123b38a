-- What a page reads about a family, a team or a member is found by an index, so that a
-- page takes the same time in a county as in a deployment with fifty times the
-- families. Without these, each read went through the whole table, whoever it was for:
-- every live risk flag, on every audited page; every family, for each caseload (and a
-- team manager's lists the team's families); every member of staff, for the team a
-- supervision session can invite; and every child's handed-over session, for a
-- council's take-up figures.
CREATE INDEX risk_flags_live_by_family ON risk_flags (family_id) WHERE withdrawn_at IS NULL;
CREATE INDEX families_by_team ON families (team_id);
CREATE INDEX staff_by_team ON staff (team_id);
CREATE INDEX supported_sessions_by_member ON supported_sessions (member_id);
