-- Words kept as they are typed travel on their own, apart from the answer sent with
-- Continue, so a slow one can arrive after it. Each carries when it was typed, by the
-- clock of the device it was typed on (milliseconds), and the draft remembers the latest
-- it holds: words typed before that are not kept over it, so a confirmed answer is never
-- replaced by an older copy of itself. 0 for a draft from a page without scripts.
ALTER TABLE drafts ADD COLUMN typed_at BIGINT NOT NULL DEFAULT 0;
