-- Issue 15: the absent part of an attendance page (the studio's active people without a live check-in: leader first, by
-- name, then member id) read in index order instead of sorting every absent person by a joined name per page.
-- studio_memberships keeps a copy of the person's name (members.display_name, the same collation), kept in step by the
-- two triggers below in the writing transaction itself, so the copy never differs from the name a reader can see:
--   studio_memberships_member_name_ins  copies the name into a new membership;
--   members_name_to_memberships         copies a changed name into the person's memberships (Members feature's table;
--                                       named in MembersStore with a comment).
-- sheet_rank (0 the leader, 1 everyone else) and member_name_missing (1 without a name: they come last) are the two
-- leading keys of the absent order; role ends the index, so a page reads the index alone (InnoDB appends the key id).
ALTER TABLE studio_memberships
    ADD COLUMN member_name VARCHAR(100) NULL,
    ADD COLUMN sheet_rank TINYINT AS (CASE WHEN role = 'Leader' THEN 0 ELSE 1 END) STORED,
    ADD COLUMN member_name_missing TINYINT AS (CASE WHEN member_name IS NULL THEN 1 ELSE 0 END) STORED;

UPDATE studio_memberships m JOIN members mb ON mb.id = m.member_id SET m.member_name = mb.display_name;

ALTER TABLE studio_memberships
    ADD KEY studio_memberships_sheet (studio_id, active, sheet_rank, member_name_missing, member_name, member_id, role);

CREATE TRIGGER studio_memberships_member_name_ins BEFORE INSERT ON studio_memberships FOR EACH ROW
    SET NEW.member_name = (SELECT mb.display_name FROM members mb WHERE mb.id = NEW.member_id);

CREATE TRIGGER members_name_to_memberships AFTER UPDATE ON members FOR EACH ROW
    IF NOT (OLD.display_name <=> NEW.display_name) THEN
        UPDATE studio_memberships SET member_name = NEW.display_name WHERE member_id = NEW.id;
    END IF;
