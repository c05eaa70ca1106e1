-- Issue 12: the notices' rules read right (Features/Ledger/RuleSets.cs).
-- * Requirements say which period they use: Month, Semester, BuildYear (建设年度, counted from the programme's start),
--   CalendarYear (explicit calendar deadlines), Cycle, Quarter, HalfYear. The old 'Year' meant a calendar year
--   everywhere, which was wrong for yearly targets ("每年…"): those are per build year.
-- * Scored requirements (Wenzhou's activity points) carry their points; committee marks and training shares are counted.
-- * Rule sets for 名师党支部书记工作室 (LiuzhouBranchSecretary), Gansu and Guyuan.
-- * Trainees (学员): a studio role outside the team cap.
--
-- Changing a CHECK's list portably: MariaDB keeps a column-level CHECK in the column's definition (MODIFY without it
-- drops it; DROP CONSTRAINT cannot name it), MySQL 8 keeps every CHECK as a table constraint named <table>_chk_<n>
-- (MODIFY keeps it). So each list is changed by MODIFY, then dropping whatever CHECK still mentions the old list
-- (found in information_schema, dropped by name), then adding a named table CHECK.
CREATE PROCEDURE westudio_drop_check(IN p_table VARCHAR(64), IN p_marker VARCHAR(200))
BEGIN
    DECLARE found_name VARCHAR(64) DEFAULT NULL;
    SELECT MIN(tc.CONSTRAINT_NAME) INTO found_name
    FROM information_schema.TABLE_CONSTRAINTS tc
    JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
    WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = p_table AND tc.CONSTRAINT_TYPE = 'CHECK'
      AND cc.CHECK_CLAUSE LIKE CONCAT('%', p_marker, '%');
    IF found_name IS NOT NULL THEN
        SET @westudio_ddl = CONCAT('ALTER TABLE `', p_table, '` DROP CONSTRAINT `', found_name, '`');
        PREPARE westudio_stmt FROM @westudio_ddl;
        EXECUTE westudio_stmt;
        DEALLOCATE PREPARE westudio_stmt;
    END IF;
END;

-- requirements.period and requirements.counts
ALTER TABLE requirements MODIFY period VARCHAR(16) NOT NULL, MODIFY counts VARCHAR(32) NOT NULL;
CALL westudio_drop_check('requirements', '''Semester''');
CALL westudio_drop_check('requirements', '''ActivitiesWithPublishedBrief''');
ALTER TABLE requirements
    ADD COLUMN points_at_target DECIMAL(6,2) NULL AFTER target_rate,
    ADD COLUMN points_per_unit  DECIMAL(6,2) NULL AFTER points_at_target,
    ADD COLUMN points_max       DECIMAL(6,2) NULL AFTER points_per_unit;

-- The shipped sets' yearly targets become build years, their calendar deadlines calendar years (copies in running
-- programmes are corrected: they were read wrongly, not chosen).
UPDATE requirements r JOIN programmes p ON p.id = r.programme_id
SET r.period = 'BuildYear'
WHERE r.period = 'Year' AND (
       (p.rule_set = 'Liuzhou' AND r.code IN ('training-lectures','backbone-teachers','research-project','paired-school','representative-achievements'))
    OR (p.rule_set = 'Maoming' AND r.code = 'representative-achievement')
    OR (p.rule_set = 'Wenzhou' AND r.code IN ('activities-with-brief','team-size','attendance')));
UPDATE requirements SET period = 'CalendarYear' WHERE period = 'Year';

-- Wenzhou: the two-year activity item is scored (16 points at 16, ±1, at most 20); the 80 % participation figure was
-- not in the notice (参与率高): the rate is shown and the evaluator judges it.
UPDATE requirements r JOIN programmes p ON p.id = r.programme_id
SET r.points_at_target = 16, r.points_per_unit = 1, r.points_max = 20, r.title = '两年研修活动总数（计分）',
    r.note = 'Scored: 16 activities earn 16 of 20 points, each one more +1 up to 20, each one fewer −1. Below 16 the item is Deducted, not Missed.'
WHERE p.rule_set = 'Wenzhou' AND r.code = 'activities-cycle';
UPDATE requirements r JOIN programmes p ON p.id = r.programme_id
SET r.target_rate = NULL,
    r.note = 'The notice gives no figure (参与率高): WeStudio shows the measured rate as evidence and the evaluator judges it.'
WHERE p.rule_set = 'Wenzhou' AND r.code = 'attendance';

-- Maoming: no "annual report by 31 December" in the notice; its yearly assessment (考核) is the committee's.
DELETE r FROM requirements r JOIN programmes p ON p.id = r.programme_id WHERE p.rule_set = 'Maoming' AND r.code = 'annual-report';
INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, achievement_forms, research_subtypes,
                          target_min, clause, source, note)
SELECT UUID(), p.id, (SELECT MAX(x.position) + 1 FROM requirements x WHERE x.programme_id = p.id), 'yearly-assessment', '年度考核',
       'EvaluatorChecked', 'BuildYear', '[]', '[]', '[]', 0,
       '考核工作按年度开展,以审阅材料、实地抽查、过程监管等方式进行。考核合格的,拨付下一年度建设经费;考核不合格的,限期整改,视情决定是否继续予以支持。',
       '茂名职业技术学院党委 2023 (seeds/001)',
       'The notice sets no report deadline: the committee''s yearly assessment (合格/不合格) of each build year decides next year''s funding.'
FROM programmes p WHERE p.rule_set = 'Maoming' AND EXISTS (SELECT 1 FROM requirements x WHERE x.programme_id = p.id);

-- Liuzhou's 名师党支部书记工作室 has its own tasks (三(一)): the seminars, lectures, backbone teachers, research project
-- and paired school are the 党建名师工作室's (三(二)).
ALTER TABLE programmes MODIFY rule_set VARCHAR(32) NOT NULL DEFAULT 'None';
CALL westudio_drop_check('programmes', '''Maoming''');
ALTER TABLE programmes ADD CONSTRAINT programmes_rule_set
    CHECK (rule_set IN ('None','Liuzhou','Maoming','Wenzhou','LiuzhouBranchSecretary','Gansu','Guyuan'));
DELETE r FROM requirements r JOIN programmes p ON p.id = r.programme_id
WHERE p.rule_set = 'Liuzhou' AND p.studio_kind = 'BranchSecretary'
  AND r.code IN ('monthly-seminar','semester-seminar','training-lectures','backbone-teachers','research-project','paired-school');
INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, achievement_forms, research_subtypes,
                          target_min, clause, source, note)
SELECT UUID(), p.id, (SELECT MAX(x.position) + 1 FROM requirements x WHERE x.programme_id = p.id), 'party-life-systems',
       '严格执行“三会一课”、主题党日等制度', 'EvaluatorChecked', 'Cycle', '[]', '[]', '[]', 0,
       '严格执行“三会一课”、主题党日、组织生活会、民主评议党员等制度。', '柳州市委教育工委 2023 (seeds/000)',
       '三(一) names these systems but sets no frequency: the evaluator checks them; the studio''s ThreeMeetingsOneLesson and ThemedPartyDay activities are the evidence.'
FROM programmes p WHERE p.rule_set = 'Liuzhou' AND p.studio_kind = 'BranchSecretary' AND EXISTS (SELECT 1 FROM requirements x WHERE x.programme_id = p.id);
UPDATE programmes SET rule_set = 'LiuzhouBranchSecretary' WHERE rule_set = 'Liuzhou' AND studio_kind = 'BranchSecretary';

-- Liuzhou's final acceptance (验收), missing from both of its kinds.
INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, achievement_forms, research_subtypes,
                          target_min, clause, source, note)
SELECT UUID(), p.id, (SELECT MAX(x.position) + 1 FROM requirements x WHERE x.programme_id = p.id), 'final-acceptance',
       '验收：工作总结报告和成果汇编', 'EvaluatorChecked', 'Cycle', '[]', '[]', '[]', 0,
       '建设期满，各名师党支部书记工作室、党建名师工作室提交工作总结报告和成果汇编。市委教育工委在过程跟踪评估的基础上，通过审查总结报告和成果材料、听取专题汇报、实地考察验收等进行综合评定。评定达标的，予以结项，深化宣传推广；评定不达标的，予以通报。',
       '柳州市委教育工委 2023 (seeds/000)',
       'The committee''s verdict: 达标 closes the studio''s project (结项); otherwise the studio is named in a notice (通报).'
FROM programmes p WHERE p.rule_set IN ('Liuzhou','LiuzhouBranchSecretary') AND EXISTS (SELECT 1 FROM requirements x WHERE x.programme_id = p.id)
  AND NOT EXISTS (SELECT 1 FROM requirements x WHERE x.programme_id = p.id AND x.code = 'final-acceptance');

ALTER TABLE requirements
    ADD CONSTRAINT requirements_period CHECK (period IN ('Month','Semester','BuildYear','CalendarYear','Cycle','Quarter','HalfYear')),
    ADD CONSTRAINT requirements_counts CHECK (counts IN ('Activities','ActivitiesWithPublishedBrief','ActivitiesWithNoticeAndBrief',
        'PairedSchools','BackboneTeachers','Achievements','ProgressReport','AttendanceRate','TeamSize','EvaluatorChecked',
        'CommitteeMarked','TrainingShare')),
    ADD CONSTRAINT requirements_points CHECK ((points_at_target IS NULL) = (points_max IS NULL) AND (points_at_target IS NULL OR points_max >= points_at_target));

-- Trainees (学员): people a studio cultivates, outside the team cap (Liuzhou 骨干教师, Wenzhou 学员).
ALTER TABLE studio_memberships MODIFY role VARCHAR(16) NOT NULL;
CALL westudio_drop_check('studio_memberships', '''Member''');
ALTER TABLE studio_memberships ADD CONSTRAINT studio_memberships_role CHECK (role IN ('Leader','Member','Trainee'));
ALTER TABLE invitations MODIFY role VARCHAR(16) NOT NULL;
CALL westudio_drop_check('invitations', '''Member''');
ALTER TABLE invitations ADD CONSTRAINT invitations_role CHECK (role IN ('Leader','Member','Trainee'));

DROP PROCEDURE westudio_drop_check;

-- A committee's mark on a requirement (counts CommitteeMarked) for one period of one studio: a branch secretary's
-- half-year report received, a contact visit, Guyuan's 年初建账 / 年中查账 / 年底交账. period_starts: the period's first
-- local day. Writes raise the studio's ledger version (triggers below, as in V0006).
CREATE TABLE ledger_marks (
    id              CHAR(36) NOT NULL PRIMARY KEY,
    studio_id       CHAR(36) NOT NULL,
    requirement_id  CHAR(36) NOT NULL,
    period_starts   DATE NOT NULL,
    note            VARCHAR(500) NULL,
    marked_by       CHAR(36) NOT NULL,
    marked_at       DATETIME(6) NOT NULL,
    UNIQUE KEY ledger_marks_one (studio_id, requirement_id, period_starts),
    CONSTRAINT ledger_marks_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT ledger_marks_requirement FOREIGN KEY (requirement_id) REFERENCES requirements (id),
    CONSTRAINT ledger_marks_marked_by FOREIGN KEY (marked_by) REFERENCES admins (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TRIGGER ledger_marks_ledger_ins AFTER INSERT ON ledger_marks FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER ledger_marks_ledger_upd AFTER UPDATE ON ledger_marks FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER ledger_marks_ledger_del AFTER DELETE ON ledger_marks FOR EACH ROW CALL ledger_bump(OLD.studio_id);

-- Guyuan's star rating (★1–★5) of a studio (branch) for a calendar year, assigned by the committee with a reason
-- (定性为主，不搞分数评定). Not counted by the ledger; the overview shows the shares against the notice's targets.
CREATE TABLE star_ratings (
    studio_id   CHAR(36) NOT NULL,
    year        INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    stars       TINYINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    reason      VARCHAR(1000) NOT NULL CHECK (CHAR_LENGTH(reason) BETWEEN 1 AND 1000),
    rated_by    CHAR(36) NOT NULL,
    rated_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (studio_id, year),
    CONSTRAINT star_ratings_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT star_ratings_rated_by FOREIGN KEY (rated_by) REFERENCES admins (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
