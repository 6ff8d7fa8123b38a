-- A parent's tools: drafts (one question per page) and practitioners' suggestions of
-- the kind of change talk.

-- Drafts: a family member's answers so far, one question per page.
--
-- A draft is the author's scratch pad, not a record. Only its author can read it; it is
-- never shown to anyone else; it is removed when it is saved as an entry (which from then
-- on keeps every version) or when its author throws it away. Keeping every keystroke of
-- words somebody chose not to send would hold more about them than they meant to give,
-- so an answer here is replaced as it is typed. Every read and save of a draft is still
-- in the audit trail, without the words.
CREATE TABLE drafts (
    -- Also the submission id the finished entry is saved under, so saving twice (a retry
    -- after a dropped connection) never makes two entries.
    id TEXT PRIMARY KEY NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    -- Which tool: new_goal, edit_goal, check_in, stage or say.
    flow TEXT NOT NULL,
    -- The goal it is about, or '' for none ('' rather than NULL, so it is part of the key).
    subject TEXT NOT NULL,
    -- The answers so far, as a JSON object of question name to exactly what was typed.
    answers TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- One unfinished draft per tool and goal: coming back carries on where you left off.
    UNIQUE (member_id, flow, subject)
);

-- A practitioner's suggestion of the change-talk kind (DARN-CAT) of something a family
-- member said. The member's words and the starter they chose are never changed: the
-- suggestion sits beside them, and a later suggestion is a new row, never an edit.
CREATE TABLE kind_suggestions (
    id TEXT PRIMARY KEY NOT NULL,
    entry_id TEXT NOT NULL REFERENCES entries (id),
    kind TEXT NOT NULL CHECK (kind IN ('desire', 'ability', 'reasons', 'need', 'commitment', 'activation', 'taking_steps')),
    staff_id TEXT NOT NULL REFERENCES staff (id),
    suggested_at BIGINT NOT NULL
);
CREATE INDEX kind_suggestions_by_entry ON kind_suggestions (entry_id);
CREATE TRIGGER kind_suggestions_no_change BEFORE UPDATE OR DELETE ON kind_suggestions
FOR EACH ROW EXECUTE FUNCTION refuse_change();
