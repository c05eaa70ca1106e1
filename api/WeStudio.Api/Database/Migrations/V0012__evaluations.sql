-- Issue 14: evaluation rounds, appointed evaluators, materials, score sheets, results and feedback (反馈意见).
-- Rubrics are data in code (Features/Evaluation/Rubrics.cs); a round names its rubric by code.

CREATE TABLE evaluation_rounds (
    id            CHAR(36) NOT NULL PRIMARY KEY,
    programme_id  CHAR(36) NOT NULL,
    kind          VARCHAR(24) NOT NULL CHECK (kind IN ('MidTerm','YearlyAssessment','Final')),
    rubric        VARCHAR(40) NOT NULL,
    title         VARCHAR(200) NOT NULL,
    opens_at      DATETIME(6) NOT NULL,
    closes_at     DATETIME(6) NOT NULL,
    materials     TEXT NOT NULL,
    status        VARCHAR(16) NOT NULL DEFAULT 'Open' CHECK (status IN ('Open','Closed')),
    created_by    CHAR(36) NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    closed_at     DATETIME(6) NULL,
    closed_by     CHAR(36) NULL,
    KEY evaluation_rounds_programme (programme_id, created_at),
    CONSTRAINT evaluation_rounds_programme_fk FOREIGN KEY (programme_id) REFERENCES programmes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE evaluation_evaluators (
    round_id      CHAR(36) NOT NULL,
    member_id     CHAR(36) NOT NULL,
    appointed_by  CHAR(36) NOT NULL,
    appointed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (round_id, member_id),
    KEY evaluation_evaluators_member (member_id),
    CONSTRAINT evaluation_evaluators_round_fk FOREIGN KEY (round_id) REFERENCES evaluation_rounds (id),
    CONSTRAINT evaluation_evaluators_member_fk FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE evaluation_materials (
    round_id      CHAR(36) NOT NULL,
    studio_id     CHAR(36) NOT NULL,
    code          VARCHAR(40) NOT NULL,
    body          MEDIUMTEXT NOT NULL,
    submitted_by  CHAR(36) NOT NULL,
    submitted_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (round_id, studio_id, code),
    CONSTRAINT evaluation_materials_round_fk FOREIGN KEY (round_id) REFERENCES evaluation_rounds (id),
    CONSTRAINT evaluation_materials_studio_fk FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- One sheet per evaluator per studio per round. entries: the evaluator's items as JSON; frozen: the data items and their
-- evidence copied at submission (NULL while Draft: data items are computed live).
CREATE TABLE score_sheets (
    id            CHAR(36) NOT NULL PRIMARY KEY,
    round_id      CHAR(36) NOT NULL,
    studio_id     CHAR(36) NOT NULL,
    evaluator_id  CHAR(36) NOT NULL,
    status        VARCHAR(16) NOT NULL DEFAULT 'Draft' CHECK (status IN ('Draft','Submitted')),
    entries       MEDIUMTEXT NOT NULL,
    frozen        MEDIUMTEXT NULL,
    total         DECIMAL(6,2) NULL,
    passed        TINYINT NULL,
    updated_at    DATETIME(6) NOT NULL,
    submitted_at  DATETIME(6) NULL,
    UNIQUE KEY score_sheets_one (round_id, studio_id, evaluator_id),
    KEY score_sheets_studio (studio_id),
    CONSTRAINT score_sheets_round_fk FOREIGN KEY (round_id) REFERENCES evaluation_rounds (id),
    CONSTRAINT score_sheets_studio_fk FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT score_sheets_evaluator_fk FOREIGN KEY (evaluator_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- A studio's result when the round closed: the mean of its submitted sheets, pass/fail, rank in the round, and what the
-- lifecycle did with it (Rectifying, Completed, or unchanged with the reason).
CREATE TABLE evaluation_results (
    round_id      CHAR(36) NOT NULL,
    studio_id     CHAR(36) NOT NULL,
    sheets        INT NOT NULL,
    mean_total    DECIMAL(6,2) NULL,
    passed        TINYINT NOT NULL,
    failed_gates  VARCHAR(500) NOT NULL DEFAULT '',
    rank_in_round INT NULL,
    lifecycle     VARCHAR(300) NOT NULL,
    decided_at    DATETIME(6) NOT NULL,
    -- Wenzhou "评选出优秀…工作室进行表彰": the committee's confirmation of 优秀 after the Final round, with its reason.
    excellent_at      DATETIME(6) NULL,
    excellent_by      CHAR(36) NULL,
    excellent_reason  VARCHAR(500) NULL,
    PRIMARY KEY (round_id, studio_id),
    CONSTRAINT evaluation_results_round_fk FOREIGN KEY (round_id) REFERENCES evaluation_rounds (id),
    CONSTRAINT evaluation_results_studio_fk FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE evaluation_feedback (
    round_id         CHAR(36) NOT NULL,
    studio_id        CHAR(36) NOT NULL,
    body             TEXT NOT NULL,
    written_by       CHAR(36) NOT NULL,
    written_at       DATETIME(6) NOT NULL,
    acknowledged_by  CHAR(36) NULL,
    acknowledged_at  DATETIME(6) NULL,
    PRIMARY KEY (round_id, studio_id),
    CONSTRAINT evaluation_feedback_round_fk FOREIGN KEY (round_id) REFERENCES evaluation_rounds (id),
    CONSTRAINT evaluation_feedback_studio_fk FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
