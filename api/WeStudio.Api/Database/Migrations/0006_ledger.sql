-- The ledger (台账): requirements as data, and the things they count (paired schools, achievements, backbone teachers,
-- annual progress reports). Issue 7.

-- Which notice's requirement set a programme got when it was created (Features/Ledger/RuleSets.cs).
ALTER TABLE programmes ADD COLUMN rule_set text NOT NULL DEFAULT 'None'
    CHECK (rule_set IN ('None','Liuzhou','Maoming','Wenzhou'));

-- One countable (or evaluator-checked) rule of a programme, copied from its rule set at creation.
-- counts: what is counted; period: Month | Semester | Year | Cycle (calendar in Asia/Shanghai);
-- target_min: at least this many (or, for AttendanceRate, target_rate as a fraction); target_max: the notice's upper
-- figure, informative only (Liuzhou "1—2 项代表性成果"); clause: the notice's words, quoted in Chinese.
CREATE TABLE requirements (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    programme_id       uuid NOT NULL REFERENCES programmes (id),
    position           integer NOT NULL,
    code               text NOT NULL,
    title              text NOT NULL,
    counts             text NOT NULL CHECK (counts IN ('Activities','ActivitiesWithPublishedBrief','ActivitiesWithNoticeAndBrief',
                                                       'PairedSchools','BackboneTeachers','Achievements','ProgressReport',
                                                       'AttendanceRate','TeamSize','EvaluatorChecked')),
    period             text NOT NULL CHECK (period IN ('Month','Semester','Year','Cycle')),
    activity_kinds     text[] NOT NULL DEFAULT '{}',
    achievement_forms  text[] NOT NULL DEFAULT '{}',
    research_subtypes  text[] NOT NULL DEFAULT '{}',
    target_min         integer NOT NULL DEFAULT 0 CHECK (target_min >= 0),
    target_max         integer CHECK (target_max IS NULL OR target_max >= target_min),
    target_rate        numeric(4,3) CHECK (target_rate IS NULL OR target_rate BETWEEN 0 AND 1),
    clause             text NOT NULL,
    source             text NOT NULL,
    note               text,
    UNIQUE (programme_id, code),
    UNIQUE (programme_id, position)
);

-- Pairing visits record the school they visit: a unit of the org tree, or a name when the school is not in it.
ALTER TABLE activities ADD COLUMN paired_school_org_unit_id uuid REFERENCES org_units (id);
ALTER TABLE activities ADD COLUMN paired_school_name text CHECK (length(paired_school_name) BETWEEN 1 AND 100);
ALTER TABLE activities ADD CONSTRAINT activities_paired_school_only_on_visits
    CHECK (kind = 'PairingVisit' OR (paired_school_org_unit_id IS NULL AND paired_school_name IS NULL));
CREATE INDEX activities_studio_kind_starts ON activities (studio_id, kind, starts_at) WHERE status = 'Scheduled';

-- 成果: the six forms of the notices (Liuzhou 000, Maoming 001), entered by the leader.
CREATE TABLE achievements (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    studio_id        uuid NOT NULL REFERENCES studios (id),
    form             text NOT NULL CHECK (form IN ('System','WorkMethodOrCase','IdeologicalBrand','PublicityPlatform','ResearchOutput','DemonstrationEffect')),
    research_subtype text CHECK (research_subtype IN ('Paper','Project','Monograph')),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    authors          text NOT NULL CHECK (length(authors) BETWEEN 1 AND 200),
    level            text NOT NULL CHECK (level IN ('School','County','City','Province','National')),
    evidence_urls    text[] NOT NULL DEFAULT '{}',
    created_by       uuid NOT NULL REFERENCES members (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CHECK ((form = 'ResearchOutput') = (research_subtype IS NOT NULL))
);
CREATE INDEX achievements_studio_year ON achievements (studio_id, year) WHERE deleted_at IS NULL;

-- A member the studio trained as a backbone teacher (骨干教师) in a calendar year (Liuzhou: "每年培养固定骨干教师不少于5人").
CREATE TABLE backbone_teachers (
    studio_id   uuid NOT NULL REFERENCES studios (id),
    member_id   uuid NOT NULL REFERENCES members (id),
    year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    note        text,
    marked_by   uuid NOT NULL REFERENCES members (id),
    marked_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (studio_id, year, member_id)
);

-- 年度建设进展报告: one per studio and year; the leader submits, the committee may return it with comments.
-- first_submitted_at decides the deadline; a Returned report counts again once resubmitted.
CREATE TABLE progress_reports (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    studio_id           uuid NOT NULL REFERENCES studios (id),
    year                integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    text                text NOT NULL,
    attachment_urls     text[] NOT NULL DEFAULT '{}',
    status              text NOT NULL CHECK (status IN ('Submitted','Returned')),
    first_submitted_at  timestamptz NOT NULL,
    submitted_at        timestamptz NOT NULL,
    submitted_by        uuid NOT NULL REFERENCES members (id),
    returned_at         timestamptz,
    returned_by         uuid REFERENCES admins (id),
    return_comments     text,
    UNIQUE (studio_id, year)
);
