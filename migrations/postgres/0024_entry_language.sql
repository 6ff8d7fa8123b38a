-- The language of the pages a version of an entry was written on: the member's own
-- language at the time (`domain::language::Lang`'s tag). Staff pages show a member's
-- words exactly as written, and say which language they were asked in, so a worker
-- knows to find an interpreter rather than guess. Empty for versions written before
-- the portal kept it. A version, once written, never changes (see 0001), so this is
-- kept with the words and never updated.
ALTER TABLE entry_versions ADD COLUMN language TEXT;
