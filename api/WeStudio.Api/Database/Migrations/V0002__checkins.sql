-- Check-ins (DESIGN.md, "Check-in (the heart)"): one live check-in per (activity, member), enforced here by a unique
-- key over `live` (1 while not revoked, NULL after). An undo does not delete: it sets revoked_at/revoked_by/
-- revoked_reason, so a member may check in again after an undo and the history stays. Every manual mark, pass scan,
-- undo and check-out review is in check_in_audit.
-- method: Scan (the member scanned the rotating code), Manual (the leader marked), Pass (the leader scanned the
-- member's personal pass, GET /me/pass; marked_by is the leader).
-- Check-out (volunteer service, property 7): when, how (Scan, Pass, Auto by the auto-close job, Manual correction),
-- the member's retry key, position and distance, and the duration in whole minutes, capped at the scheduled length
-- plus CheckIn:CheckOutAllowanceMinutes when written. auto_closed stays true once the job closed the row; reviewed_*
-- say the leader confirmed or corrected it.
-- Nonces are the mini-program's retry keys (8–64 of A–Z a–z 0–9 _ -), unique per member and compared byte-wise.
-- check_out_nonce stays when the leader corrects a scanned check-out (method becomes Manual), so the member's retry
-- with it answers the corrected row.
CREATE TABLE check_ins (
    id                         CHAR(36) NOT NULL PRIMARY KEY,
    activity_id                CHAR(36) NOT NULL,
    member_id                  CHAR(36) NOT NULL,
    checked_in_at              DATETIME(6) NOT NULL,
    method                     VARCHAR(16) NOT NULL CHECK (method IN ('Scan','Manual','Pass')),
    client_nonce               VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    -- the member's reported position (GCJ-02 degrees) and accuracy, and the distance to the venue, in metres
    latitude                   DOUBLE NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude                  DOUBLE NULL CHECK (longitude BETWEEN -180 AND 180),
    accuracy_meters            DOUBLE NULL CHECK (accuracy_meters >= 0),
    distance_meters            DOUBLE NULL CHECK (distance_meters >= 0),
    marked_by                  CHAR(36) NULL,
    marked_reason              VARCHAR(500) NULL,
    revoked_at                 DATETIME(6) NULL,
    revoked_by                 CHAR(36) NULL,
    revoked_reason             VARCHAR(500) NULL,
    created_at                 DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    checked_out_at             DATETIME(6) NULL,
    check_out_method           VARCHAR(16) NULL CHECK (check_out_method IN ('Scan','Pass','Auto','Manual')),
    check_out_nonce            VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    check_out_latitude         DOUBLE NULL CHECK (check_out_latitude BETWEEN -90 AND 90),
    check_out_longitude        DOUBLE NULL CHECK (check_out_longitude BETWEEN -180 AND 180),
    check_out_accuracy_meters  DOUBLE NULL CHECK (check_out_accuracy_meters >= 0),
    check_out_distance_meters  DOUBLE NULL CHECK (check_out_distance_meters >= 0),
    duration_minutes           INT NULL CHECK (duration_minutes >= 0),
    auto_closed                BOOLEAN NOT NULL DEFAULT FALSE,
    reviewed_by                CHAR(36) NULL,
    reviewed_at                DATETIME(6) NULL,
    live                       TINYINT AS (CASE WHEN revoked_at IS NULL THEN 1 END) STORED,
    UNIQUE KEY check_ins_one_live (activity_id, member_id, live),
    UNIQUE KEY check_ins_member_nonce (member_id, client_nonce),
    UNIQUE KEY check_ins_member_check_out_nonce (member_id, check_out_nonce),
    KEY check_ins_member (member_id, live, checked_in_at),
    CONSTRAINT check_ins_client_nonce CHECK (client_nonce IS NULL OR client_nonce REGEXP '^[A-Za-z0-9_-]{8,64}$'),
    CONSTRAINT check_ins_check_out_nonce CHECK (check_out_nonce IS NULL OR check_out_nonce REGEXP '^[A-Za-z0-9_-]{8,64}$'),
    CONSTRAINT check_ins_nonce_iff_scan CHECK ((method = 'Scan') = (client_nonce IS NOT NULL)),
    CONSTRAINT check_ins_position_pair CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT check_ins_revoked_by CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CONSTRAINT check_ins_check_out_complete CHECK ((checked_out_at IS NULL) = (check_out_method IS NULL) AND (checked_out_at IS NULL) = (duration_minutes IS NULL)),
    CONSTRAINT check_ins_activity FOREIGN KEY (activity_id) REFERENCES activities (id),
    CONSTRAINT check_ins_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Who changed attendance by hand, when and why, with the check-in before and after (JSON; null when there was none).
CREATE TABLE check_in_audit (
    id           CHAR(36) NOT NULL PRIMARY KEY,
    activity_id  CHAR(36) NOT NULL,
    member_id    CHAR(36) NOT NULL,
    actor_id     CHAR(36) NOT NULL,
    action       VARCHAR(32) NOT NULL CHECK (action IN ('Mark','Undo','PassCheckIn','PassCheckOut','ConfirmCheckOut','CorrectCheckOut')),
    reason       VARCHAR(500) NOT NULL,
    `before`     JSON NULL,
    `after`      JSON NULL,
    at           DATETIME(6) NOT NULL,
    KEY check_in_audit_activity (activity_id, at),
    CONSTRAINT check_in_audit_activity FOREIGN KEY (activity_id) REFERENCES activities (id),
    CONSTRAINT check_in_audit_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
