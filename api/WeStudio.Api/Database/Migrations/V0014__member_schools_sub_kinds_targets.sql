-- Issue 12, the three pieces left by V0007 (docs/notes: issue-12):
-- 1. A person's school (所在学校, an org unit) on members, and the helping school of a PairingVisit, so that Liuzhou's
--    "党建名师工作室核心成员所在学校每年至少结对帮扶一所学校" (seeds/000 三(二)4(3)) is counted per core member's school.
-- 2. The sub-kind of a 三会一课 activity (支部党员大会 / 支委会 / 党小组会 / 党课), and requirements that count sub-kinds.
-- 3. Per-programme targets: the audit of every change (requirement_changes); a change to requirements raises the ledger
--    catalogue version (V0006) in the writer's transaction, so the overview re-reads the requirements.

-- 1. The school a person works at: person-level (it is where they teach, in every studio they belong to).
ALTER TABLE members
    ADD COLUMN school_org_unit_id CHAR(36) NULL,
    ADD CONSTRAINT members_school FOREIGN KEY (school_org_unit_id) REFERENCES org_units (id);

-- A person's school changes the ledger of every studio they are (or were) in.
CREATE TRIGGER members_ledger_school_upd AFTER UPDATE ON members FOR EACH ROW
BEGIN
    DECLARE current_epoch BIGINT;
    IF NOT (OLD.school_org_unit_id <=> NEW.school_org_unit_id) THEN
        SELECT epoch INTO current_epoch FROM ledger_clock WHERE id = 1 LOCK IN SHARE MODE;
        UPDATE ledger_versions v JOIN studio_memberships m ON m.studio_id = v.studio_id
        SET v.version = v.version + 1, v.changed_epoch = current_epoch
        WHERE m.member_id = NEW.id;
    END IF;
END;

-- The school that helps on a PairingVisit (帮扶方): one of the core members' schools, the host unit by default.
-- 2. The 三会一课 sub-kind, required by the API for that kind (rows written before this migration have none).
ALTER TABLE activities
    ADD COLUMN helping_school_org_unit_id CHAR(36) NULL,
    ADD COLUMN sub_kind VARCHAR(32) NULL,
    ADD CONSTRAINT activities_helping_school FOREIGN KEY (helping_school_org_unit_id) REFERENCES org_units (id),
    ADD CONSTRAINT activities_helping_school_only_on_visits CHECK (kind = 'PairingVisit' OR helping_school_org_unit_id IS NULL),
    ADD CONSTRAINT activities_sub_kind CHECK (sub_kind IS NULL OR (kind = 'ThreeMeetingsOneLesson'
        AND sub_kind IN ('BranchGeneralMeeting','BranchCommitteeMeeting','PartyGroupMeeting','PartyLecture')));

-- Visits recorded before: the host unit helped (the default the API applies from now on).
UPDATE activities a JOIN studios s ON s.id = a.studio_id
SET a.helping_school_org_unit_id = s.host_org_unit_id
WHERE a.kind = 'PairingVisit' AND a.helping_school_org_unit_id IS NULL;

-- Requirements may count activities of given sub-kinds (JSON array; NULL = any sub-kind).
ALTER TABLE requirements ADD COLUMN activity_sub_kinds JSON NULL;

-- PairedSchools (distinct schools per studio) becomes PairedSchoolsPerCoreSchool (per core member's school).
ALTER TABLE requirements DROP CONSTRAINT requirements_counts;
UPDATE requirements SET counts = 'PairedSchoolsPerCoreSchool',
    note = 'Per build year: target = the distinct schools of the core members (leader and team members, not trainees) at the year''s end (or now); actual = how many of them helped at least this many distinct schools (PairingVisit activities naming them as the helping school). A core member with no school recorded counts as a school not yet paired, and is listed.'
WHERE counts = 'PairedSchools';
ALTER TABLE requirements ADD CONSTRAINT requirements_counts CHECK (counts IN ('Activities','ActivitiesWithPublishedBrief','ActivitiesWithNoticeAndBrief',
    'PairedSchoolsPerCoreSchool','BackboneTeachers','Achievements','ProgressReport','AttendanceRate','TeamSize','EvaluatorChecked',
    'CommitteeMarked','TrainingShare'));

-- Guyuan programmes: the four sub-kinds with the 支部工作条例's frequencies, after 三会一课 (same rows as RuleSets.cs).
UPDATE requirements SET position = position + 4
WHERE programme_id IN (SELECT p.id FROM programmes p WHERE p.rule_set = 'Guyuan') AND position > 1
ORDER BY position DESC;
UPDATE requirements SET note = 'The notice sets no frequency for 三会一课 as a whole: the month''s 三会一课 are counted and shown, with each sub-kind named in the evidence; the four rows after this one count the sub-kinds against the 支部工作条例.'
WHERE code = 'three-meetings-one-lesson';

INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, activity_sub_kinds, achievement_forms, research_subtypes,
                          target_min, clause, source, note)
SELECT UUID(), p.id, x.position, x.code, x.title, 'Activities', x.period, '["ThreeMeetingsOneLesson"]', x.sub_kinds, '[]', '[]', 1,
       x.clause, '中国共产党支部工作条例（试行）第十九条（seeds/004 三是：认真贯彻落实）',
       'The notice (seeds/004) sets no frequency for each of 三会一课; it requires implementing the 支部工作条例, whose frequency this is ("一般"). Not the notice''s number: a committee may change it for its programme (PUT /api/v1/programmes/{id}/requirements/{code}).'
FROM programmes p
JOIN (
    SELECT 2 AS position, 'branch-general-meeting' AS code, '支部党员大会（每季度）' AS title, 'Quarter' AS period, '["BranchGeneralMeeting"]' AS sub_kinds,
           '党员大会一般每季度召开1次' AS clause
    UNION ALL SELECT 3, 'branch-committee-meeting', '支委会（每月）', 'Month', '["BranchCommitteeMeeting"]', '党支部委员会会议一般每月召开1次'
    UNION ALL SELECT 4, 'party-group-meeting', '党小组会（每月）', 'Month', '["PartyGroupMeeting"]', '党小组会一般每月召开1次'
    UNION ALL SELECT 5, 'party-lecture', '党课（每季度）', 'Quarter', '["PartyLecture"]', '党课一般每季度1次'
) x
WHERE p.rule_set = 'Guyuan' AND EXISTS (SELECT 1 FROM requirements q WHERE q.programme_id = p.id AND q.code = 'three-meetings-one-lesson')
  AND NOT EXISTS (SELECT 1 FROM requirements q WHERE q.programme_id = p.id AND q.code = x.code);

-- 3. Every change of a programme's target or points: who, when, old → new, why.
CREATE TABLE requirement_changes (
    id                      CHAR(36) NOT NULL PRIMARY KEY,
    programme_id            CHAR(36) NOT NULL,
    requirement_id          CHAR(36) NOT NULL,
    changed_by              CHAR(36) NOT NULL,
    changed_at              DATETIME(6) NOT NULL,
    old_target_min          INT NOT NULL,
    new_target_min          INT NOT NULL,
    old_target_rate         DECIMAL(4,3) NULL,
    new_target_rate         DECIMAL(4,3) NULL,
    old_points_at_target    DECIMAL(6,2) NULL,
    new_points_at_target    DECIMAL(6,2) NULL,
    old_points_per_unit     DECIMAL(6,2) NULL,
    new_points_per_unit     DECIMAL(6,2) NULL,
    old_points_max          DECIMAL(6,2) NULL,
    new_points_max          DECIMAL(6,2) NULL,
    reason                  VARCHAR(500) NOT NULL CHECK (CHAR_LENGTH(reason) BETWEEN 1 AND 500),
    KEY requirement_changes_requirement (requirement_id, changed_at),
    CONSTRAINT requirement_changes_programme FOREIGN KEY (programme_id) REFERENCES programmes (id),
    CONSTRAINT requirement_changes_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id),
    CONSTRAINT requirement_changes_admin FOREIGN KEY (changed_by) REFERENCES admins (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- A change to a programme's requirements (a target, points) changes every ledger of the programme: raise the catalogue
-- version in the writer's transaction, so the overview reads the requirements again (its cached counts are keyed by
-- the targets too, LedgerService.Plan).
CREATE TRIGGER requirements_ledger_catalogue_upd AFTER UPDATE ON requirements FOR EACH ROW
    UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
CREATE TRIGGER requirements_ledger_catalogue_del AFTER DELETE ON requirements FOR EACH ROW
    UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
