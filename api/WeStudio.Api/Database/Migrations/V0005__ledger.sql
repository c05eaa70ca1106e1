-- The ledger (台账): requirements as data, and the things they count (paired schools, achievements, backbone teachers,
-- annual progress reports). Issue 7.

-- One countable (or evaluator-checked) rule of a programme, copied from its rule set at creation.
-- counts: what is counted; period: Month | Semester | Year | Cycle (calendar in Asia/Shanghai);
-- activity_kinds, achievement_forms, research_subtypes: JSON arrays of enum names (empty: any);
-- target_min: at least this many (or, for AttendanceRate, target_rate as a fraction); target_max: the notice's upper
-- figure, informative only (Liuzhou "1—2 项代表性成果"); clause: the notice's words, quoted in Chinese.
CREATE TABLE requirements (
    id                 CHAR(36) NOT NULL PRIMARY KEY,
    programme_id       CHAR(36) NOT NULL,
    position           INT NOT NULL,
    code               VARCHAR(64) NOT NULL,
    title              VARCHAR(200) NOT NULL,
    counts             VARCHAR(32) NOT NULL CHECK (counts IN ('Activities','ActivitiesWithPublishedBrief','ActivitiesWithNoticeAndBrief',
                                                              'PairedSchools','BackboneTeachers','Achievements','ProgressReport',
                                                              'AttendanceRate','TeamSize','EvaluatorChecked')),
    period             VARCHAR(16) NOT NULL CHECK (period IN ('Month','Semester','Year','Cycle')),
    activity_kinds     JSON NOT NULL,
    achievement_forms  JSON NOT NULL,
    research_subtypes  JSON NOT NULL,
    target_min         INT NOT NULL DEFAULT 0 CHECK (target_min >= 0),
    target_max         INT NULL,
    target_rate        DECIMAL(4,3) NULL CHECK (target_rate IS NULL OR target_rate BETWEEN 0 AND 1),
    clause             TEXT NOT NULL,
    source             VARCHAR(500) NOT NULL,
    note               TEXT NULL,
    UNIQUE KEY requirements_code (programme_id, code),
    UNIQUE KEY requirements_position (programme_id, position),
    CONSTRAINT requirements_target_max CHECK (target_max IS NULL OR target_max >= target_min),
    CONSTRAINT requirements_programme FOREIGN KEY (programme_id) REFERENCES programmes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- 成果: the six forms of the notices (Liuzhou 000, Maoming 001), entered by the leader. evidence_urls: JSON array.
CREATE TABLE achievements (
    id               CHAR(36) NOT NULL PRIMARY KEY,
    studio_id        CHAR(36) NOT NULL,
    form             VARCHAR(32) NOT NULL CHECK (form IN ('System','WorkMethodOrCase','IdeologicalBrand','PublicityPlatform','ResearchOutput','DemonstrationEffect')),
    research_subtype VARCHAR(16) NULL CHECK (research_subtype IN ('Paper','Project','Monograph')),
    title            VARCHAR(200) NOT NULL CHECK (CHAR_LENGTH(title) BETWEEN 1 AND 200),
    year             INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    authors          VARCHAR(200) NOT NULL CHECK (CHAR_LENGTH(authors) BETWEEN 1 AND 200),
    level            VARCHAR(16) NOT NULL CHECK (level IN ('School','County','City','Province','National')),
    evidence_urls    JSON NOT NULL,
    created_by       CHAR(36) NOT NULL,
    created_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    deleted_at       DATETIME(6) NULL,
    KEY achievements_studio_year (studio_id, year),
    CONSTRAINT achievements_research_subtype CHECK ((form = 'ResearchOutput') = (research_subtype IS NOT NULL)),
    CONSTRAINT achievements_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT achievements_created_by FOREIGN KEY (created_by) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- A member the studio trained as a backbone teacher (骨干教师) in a calendar year (Liuzhou: "每年培养固定骨干教师不少于5人").
CREATE TABLE backbone_teachers (
    studio_id   CHAR(36) NOT NULL,
    member_id   CHAR(36) NOT NULL,
    year        INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    note        VARCHAR(500) NULL,
    marked_by   CHAR(36) NOT NULL,
    marked_at   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (studio_id, year, member_id),
    CONSTRAINT backbone_teachers_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT backbone_teachers_member FOREIGN KEY (member_id) REFERENCES members (id),
    CONSTRAINT backbone_teachers_marked_by FOREIGN KEY (marked_by) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- 年度建设进展报告: one per studio and year; the leader submits, the committee may return it with comments.
-- first_submitted_at decides the deadline; a Returned report counts again once resubmitted. attachment_urls: JSON array.
CREATE TABLE progress_reports (
    id                  CHAR(36) NOT NULL PRIMARY KEY,
    studio_id           CHAR(36) NOT NULL,
    year                INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    text                MEDIUMTEXT NOT NULL,
    attachment_urls     JSON NOT NULL,
    status              VARCHAR(16) NOT NULL CHECK (status IN ('Submitted','Returned')),
    first_submitted_at  DATETIME(6) NOT NULL,
    submitted_at        DATETIME(6) NOT NULL,
    submitted_by        CHAR(36) NOT NULL,
    returned_at         DATETIME(6) NULL,
    returned_by         CHAR(36) NULL,
    return_comments     TEXT NULL,
    UNIQUE KEY progress_reports_studio_year (studio_id, year),
    CONSTRAINT progress_reports_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT progress_reports_submitted_by FOREIGN KEY (submitted_by) REFERENCES members (id),
    CONSTRAINT progress_reports_returned_by FOREIGN KEY (returned_by) REFERENCES admins (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
