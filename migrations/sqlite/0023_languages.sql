-- The language a member reads the family pages in. Kept on the account, not in the
-- browser, so it follows them to a second phone and survives signing out. Empty: not
-- chosen yet, and the browser's own languages are asked. Which tags are valid is the
-- portal's list (`domain::language::Lang`), read on the way out; an unknown tag reads as
-- empty. Each change is an audited write, so the trail holds its history.
ALTER TABLE accounts ADD COLUMN language TEXT;

-- The language a practitioner chose for a member's sign-up code: the account starts in
-- it when the code is used.
ALTER TABLE invitations ADD COLUMN language TEXT;
