-- Photos, activity briefs (简讯) with their versions, WeChat content-security state and the message-push journal.

-- One row per upload; the bytes live in IPhotoStorage under their SHA-256 (hex), so the same photo is stored once.
-- media_check: WeChat's asynchronous image check (wxa/media_check_async); Risky photos are hidden everywhere.
CREATE TABLE photos (
    id                  CHAR(36) NOT NULL PRIMARY KEY,
    sha256              CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (sha256 REGEXP '^[0-9a-f]{64}$'),
    content_type        VARCHAR(32) NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
    width               INT NOT NULL CHECK (width > 0),
    height              INT NOT NULL CHECK (height > 0),
    bytes               INT NOT NULL CHECK (bytes > 0),
    uploaded_by         CHAR(36) NOT NULL,
    uploaded_at         DATETIME(6) NOT NULL,
    media_check         VARCHAR(16) NOT NULL DEFAULT 'Unchecked' CHECK (media_check IN ('Unchecked','Pending','Pass','Review','Risky')),
    media_trace_id      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    media_label         INT NULL,
    media_checked_at    DATETIME(6) NULL,
    media_attempts      INT NOT NULL DEFAULT 0,
    media_next_try_at   DATETIME(6) NULL,
    UNIQUE KEY photos_media_trace_id (media_trace_id),
    KEY photos_sha256 (sha256),
    KEY photos_unchecked (media_check, media_next_try_at),
    KEY photos_uploaded_at (uploaded_at),
    CONSTRAINT photos_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- One brief per activity. The text lives in brief_versions; current_version is the latest edit, published_version
-- what feeds show (null until first published). status: Draft (never published, no check pending), PendingReview
-- (a publish waits for WeChat's text check; pending_version is the version being checked), Published.
CREATE TABLE briefs (
    id                   CHAR(36) NOT NULL PRIMARY KEY,
    activity_id          CHAR(36) NOT NULL,
    studio_id            CHAR(36) NOT NULL,
    status               VARCHAR(16) NOT NULL CHECK (status IN ('Draft','PendingReview','Published')),
    current_version      INT NOT NULL,
    published_version    INT NULL,
    pending_version      INT NULL,
    pending_requested_by CHAR(36) NULL,
    check_attempts       INT NOT NULL DEFAULT 0,
    next_check_at        DATETIME(6) NULL,
    flagged_for_review   BOOLEAN NOT NULL DEFAULT FALSE,
    flag_label           INT NULL,
    last_check_result    VARCHAR(16) NULL CHECK (last_check_result IN ('pass','review','risky')),
    last_check_label     INT NULL,
    first_published_at   DATETIME(6) NULL,
    published_at         DATETIME(6) NULL,
    created_at           DATETIME(6) NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    UNIQUE KEY briefs_activity (activity_id),
    KEY briefs_studio_feed (studio_id, first_published_at, id),
    KEY briefs_pending (status, next_check_at),
    CONSTRAINT briefs_pending_version CHECK ((status = 'PendingReview') = (pending_version IS NOT NULL)),
    CONSTRAINT briefs_activity FOREIGN KEY (activity_id) REFERENCES activities (id),
    CONSTRAINT briefs_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT briefs_pending_requested_by FOREIGN KEY (pending_requested_by) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Every version of every brief, kept (who, when).
CREATE TABLE brief_versions (
    brief_id    CHAR(36) NOT NULL,
    version     INT NOT NULL CHECK (version >= 1),
    title       VARCHAR(200) NOT NULL,
    theme       VARCHAR(1000) NULL,
    exchange    TEXT NULL,
    record      TEXT NULL,
    summary     TEXT NULL,
    edited_by   CHAR(36) NOT NULL,
    edited_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (brief_id, version),
    CONSTRAINT brief_versions_brief FOREIGN KEY (brief_id) REFERENCES briefs (id),
    CONSTRAINT brief_versions_edited_by FOREIGN KEY (edited_by) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- The photos of a brief version in display order (position 0–8: at most 9).
CREATE TABLE brief_version_photos (
    brief_id    CHAR(36) NOT NULL,
    version     INT NOT NULL,
    position    INT NOT NULL CHECK (position BETWEEN 0 AND 8),
    photo_id    CHAR(36) NOT NULL,
    PRIMARY KEY (brief_id, version, position),
    KEY brief_version_photos_photo (photo_id),
    CONSTRAINT brief_version_photos_version FOREIGN KEY (brief_id, version) REFERENCES brief_versions (brief_id, version),
    CONSTRAINT brief_version_photos_photo FOREIGN KEY (photo_id) REFERENCES photos (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Message-push journal: one row per distinct event (WeChat may push the same one twice).
CREATE TABLE wechat_push_events (
    dedupe_key   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    event        VARCHAR(64) NOT NULL,
    received_at  DATETIME(6) NOT NULL,
    body         JSON NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- wxa_media_check verdicts by trace_id, kept even when the push arrives before the photo row knows its trace_id.
CREATE TABLE media_check_results (
    trace_id     VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    suggest      VARCHAR(16) NOT NULL,
    label        INT NULL,
    received_at  DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
