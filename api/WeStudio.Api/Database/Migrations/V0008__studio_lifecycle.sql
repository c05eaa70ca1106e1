-- A studio's life as the notices run it (issue 13): call and application (申报), endorsement by the county/district
-- (推荐) within its quota, the committee's approval and licensing (认定/挂牌), yearly assessment (年度考核),
-- rectification (限期整改), leader change (更换主持人) and acceptance (验收). Every stage change of an application or a
-- studio is one row of stage_transitions (who, when, from, to, reason). Features/Applications and Features/Lifecycle
-- own these tables; a studio's status itself stays in studios and is changed through StudiosStore.

-- A programme's open call: the date it was issued (eligibility ages and tenures are counted on it), the instant it
-- closes (UTC), which notice's eligibility rules apply, the total places (NULL: no total) and how many applications one
-- person may make (Liuzhou "每人限报1个").
CREATE TABLE calls (
    id                       CHAR(36) NOT NULL PRIMARY KEY,
    programme_id             CHAR(36) NOT NULL,
    title                    VARCHAR(200) NOT NULL,
    rules                    VARCHAR(16) NOT NULL CHECK (rules IN ('None','Liuzhou','Gansu','Wenzhou')),
    issued_on                DATE NOT NULL,
    closes_at                DATETIME(6) NOT NULL,
    total_quota              INT NULL CHECK (total_quota BETWEEN 0 AND 10000),
    applications_per_person  INT NOT NULL CHECK (applications_per_person BETWEEN 1 AND 10),
    created_by               CHAR(36) NOT NULL,
    created_at               DATETIME(6) NOT NULL,
    KEY calls_programme (programme_id),
    CONSTRAINT calls_programme FOREIGN KEY (programme_id) REFERENCES programmes (id),
    CONSTRAINT calls_created_by FOREIGN KEY (created_by) REFERENCES admins (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Places per county/district or directly-run unit (Liuzhou: each county ≤ 3, each directly-run unit 1). An application
-- counts against the nearest quota unit at or above its host unit.
CREATE TABLE call_quotas (
    call_id      CHAR(36) NOT NULL,
    org_unit_id  CHAR(36) NOT NULL,
    quota        INT NOT NULL CHECK (quota BETWEEN 0 AND 1000),
    PRIMARY KEY (call_id, org_unit_id),
    CONSTRAINT call_quotas_call FOREIGN KEY (call_id) REFERENCES calls (id),
    CONSTRAINT call_quotas_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- A would-be leader's application (申报表). form: the studio's and leader's facts the notice checks, team, plan and
-- attachments (JSON, Features/Applications/Application.cs ApplicationForm). quota_org_unit_id is set when endorsed.
CREATE TABLE applications (
    id                  CHAR(36) NOT NULL PRIMARY KEY,
    call_id             CHAR(36) NOT NULL,
    applicant_id        CHAR(36) NOT NULL,
    status              VARCHAR(16) NOT NULL CHECK (status IN ('Draft','Submitted','Endorsed','Approved','Rejected')),
    studio_name         VARCHAR(100) NOT NULL,
    host_org_unit_id    CHAR(36) NOT NULL,
    form                JSON NOT NULL,
    quota_org_unit_id   CHAR(36) NULL,
    submitted_at        DATETIME(6) NULL,
    endorsed_at         DATETIME(6) NULL,
    endorsed_by         CHAR(36) NULL,
    decided_at          DATETIME(6) NULL,
    decided_by          CHAR(36) NULL,
    decision_reason     VARCHAR(1000) NULL,
    studio_id           CHAR(36) NULL,
    created_at          DATETIME(6) NOT NULL,
    updated_at          DATETIME(6) NOT NULL,
    KEY applications_call (call_id, status),
    KEY applications_quota (call_id, quota_org_unit_id),
    KEY applications_applicant (applicant_id, call_id),
    CONSTRAINT applications_call FOREIGN KEY (call_id) REFERENCES calls (id),
    CONSTRAINT applications_applicant FOREIGN KEY (applicant_id) REFERENCES members (id),
    CONSTRAINT applications_host FOREIGN KEY (host_org_unit_id) REFERENCES org_units (id),
    CONSTRAINT applications_quota_unit FOREIGN KEY (quota_org_unit_id) REFERENCES org_units (id),
    CONSTRAINT applications_studio FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Gansu's review stages of an application (五(二), 五(三)): the preliminary review by the university or city bureau
-- (初评), the public notice period (公示), the expert review with the leader's defence (答辩). One row per stage.
CREATE TABLE application_reviews (
    id              CHAR(36) NOT NULL PRIMARY KEY,
    application_id  CHAR(36) NOT NULL,
    stage           VARCHAR(24) NOT NULL CHECK (stage IN ('PreliminaryReview','PublicNotice','Defence')),
    starts_on       DATE NOT NULL,
    ends_on         DATE NOT NULL,
    outcome         VARCHAR(16) NOT NULL CHECK (outcome IN ('Passed','Failed')),
    note            VARCHAR(1000) NULL,
    recorded_by     CHAR(36) NOT NULL,
    recorded_at     DATETIME(6) NOT NULL,
    UNIQUE KEY application_reviews_stage (application_id, stage),
    CONSTRAINT application_reviews_dates CHECK (ends_on >= starts_on),
    CONSTRAINT application_reviews_application FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- The committee's yearly assessment of a studio for one build year, with the funding decision where the notice ties
-- them (Maoming) and the ledger of the build year's calendar years as evidence (JSON, copied when recorded).
CREATE TABLE assessments (
    id                CHAR(36) NOT NULL PRIMARY KEY,
    studio_id         CHAR(36) NOT NULL,
    build_year        INT NOT NULL CHECK (build_year BETWEEN 1 AND 10),
    result            VARCHAR(8) NOT NULL CHECK (result IN ('Pass','Fail')),
    funding_decision  VARCHAR(16) NULL CHECK (funding_decision IN ('Granted','Withheld')),
    funding_amount    DECIMAL(12,2) NULL CHECK (funding_amount >= 0),
    reason            VARCHAR(1000) NULL,
    ledger_evidence   JSON NOT NULL,
    recorded_by       CHAR(36) NOT NULL,
    recorded_at       DATETIME(6) NOT NULL,
    UNIQUE KEY assessments_studio_year (studio_id, build_year),
    CONSTRAINT assessments_studio FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- A studio's required fixes with a deadline (限期整改). is_open: 1 while Open or Reported, so a studio has at most one.
CREATE TABLE rectifications (
    id              CHAR(36) NOT NULL PRIMARY KEY,
    studio_id       CHAR(36) NOT NULL,
    assessment_id   CHAR(36) NULL,
    deadline        DATE NOT NULL,
    required_items  JSON NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('Open','Reported','Closed','Revoked')),
    report          TEXT NULL,
    report_links    JSON NULL,
    reported_at     DATETIME(6) NULL,
    opened_by       CHAR(36) NOT NULL,
    opened_at       DATETIME(6) NOT NULL,
    decided_by      CHAR(36) NULL,
    decided_at      DATETIME(6) NULL,
    decision_reason VARCHAR(1000) NULL,
    is_open         TINYINT AS (CASE WHEN status IN ('Open','Reported') THEN 1 END) STORED,
    UNIQUE KEY rectifications_one_open (studio_id, is_open),
    CONSTRAINT rectifications_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT rectifications_assessment FOREIGN KEY (assessment_id) REFERENCES assessments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Acceptance at the cycle's end (验收): the leader's final summary report and achievements compilation; the committee's
-- result, Passed (达标结项, the studio Completed) or NotPassed (通报, with the reason). One per studio.
CREATE TABLE acceptances (
    id                        CHAR(36) NOT NULL PRIMARY KEY,
    studio_id                 CHAR(36) NOT NULL,
    summary_report            TEXT NOT NULL,
    achievements_compilation  TEXT NOT NULL,
    links                     JSON NOT NULL,
    submitted_by              CHAR(36) NOT NULL,
    submitted_at              DATETIME(6) NOT NULL,
    result                    VARCHAR(16) NULL CHECK (result IN ('Passed','NotPassed')),
    reason                    VARCHAR(1000) NULL,
    decided_by                CHAR(36) NULL,
    decided_at                DATETIME(6) NULL,
    UNIQUE KEY acceptances_studio (studio_id),
    CONSTRAINT acceptances_studio FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- A leader change (更换主持人, Gansu 六(一)): requested by the leader naming a member, decided by the committee.
-- pending: 1 while Requested, so a studio has at most one open request.
CREATE TABLE leader_changes (
    id               CHAR(36) NOT NULL PRIMARY KEY,
    studio_id        CHAR(36) NOT NULL,
    from_member_id   CHAR(36) NOT NULL,
    to_member_id     CHAR(36) NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    status           VARCHAR(16) NOT NULL CHECK (status IN ('Requested','Approved','Rejected')),
    requested_at     DATETIME(6) NOT NULL,
    decided_by       CHAR(36) NULL,
    decided_at       DATETIME(6) NULL,
    decision_reason  VARCHAR(1000) NULL,
    pending          TINYINT AS (CASE WHEN status = 'Requested' THEN 1 END) STORED,
    UNIQUE KEY leader_changes_one_pending (studio_id, pending),
    CONSTRAINT leader_changes_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT leader_changes_from FOREIGN KEY (from_member_id) REFERENCES members (id),
    CONSTRAINT leader_changes_to FOREIGN KEY (to_member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- The audit of every stage change: an application's or a studio's, who (an admin or a member), when, from, to, why.
CREATE TABLE stage_transitions (
    id            CHAR(36) NOT NULL PRIMARY KEY,
    subject_kind  VARCHAR(16) NOT NULL CHECK (subject_kind IN ('Application','Studio')),
    subject_id    CHAR(36) NOT NULL,
    action        VARCHAR(32) NOT NULL,
    from_state    VARCHAR(16) NULL,
    to_state      VARCHAR(16) NOT NULL,
    actor_kind    VARCHAR(8) NOT NULL CHECK (actor_kind IN ('Admin','Member')),
    actor_id      CHAR(36) NOT NULL,
    reason        VARCHAR(1000) NULL,
    occurred_at   DATETIME(6) NOT NULL,
    KEY stage_transitions_subject (subject_kind, subject_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
