-- The language a member reads the family pages in. Kept on the account, not in the
-- browser, so it follows them to a second phone and survives signing out. Empty: not
-- chosen yet, and the browser's own languages are asked. Which tags are valid is the
-- portal's list (`domain::language::Lang`), read on the way out; an unknown tag reads as
-- empty. A practitioner may set it when they give a member a sign-up code, so the
-- sign-up page is in the member's language. Each change is an audited write, so the
-- trail holds its history.
ALTER TABLE accounts ADD COLUMN language TEXT;

-- Easy read: a grown-up member's questions in one short sentence each, with a picture
-- where one fits. It changes how pages read, never what is kept.
ALTER TABLE accounts ADD COLUMN easy_read BIGINT NOT NULL DEFAULT 0 CHECK (easy_read IN (0, 1));
