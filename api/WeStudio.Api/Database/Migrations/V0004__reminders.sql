-- Reminders (issue 6): consent credits for mini-program subscribe messages, followers of the official account, and the
-- outbox of reminders that the dispatcher sends exactly once.

-- What wx.requestSubscribeMessage returned, per member and subscribe template. Each 'accept' adds one credit
-- (WeChat's one-time subscription); a subscribe message sent spends one, in the transaction that records the send.
CREATE TABLE subscription_consents (
    member_id    CHAR(36) NOT NULL,
    template_id  VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    credits      INT NOT NULL DEFAULT 0 CHECK (credits >= 0),
    last_result  VARCHAR(16) NOT NULL CHECK (last_result IN ('accept','reject','ban','filter')),
    updated_at   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (member_id, template_id),
    CONSTRAINT subscription_consents_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Followers of the studio system's official account, keyed by unionid (the member's mini-program openid differs from
-- the official-account openid). Written from the message-push subscribe/unsubscribe events.
CREATE TABLE official_account_followers (
    unionid     VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    oa_openid   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    following   BOOLEAN NOT NULL,
    updated_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- The outbox: one row per (kind, subject, recipient, occasion), so scheduling twice sends once.
-- subject_id is the activity (activity kinds) or the studio (leader kinds). occasion tells occurrences apart
-- (e.g. '1440m@<start unix seconds>', '2026-11', 'changed@<unix ms>').
-- The dispatcher claims due rows with SELECT … FOR UPDATE SKIP LOCKED on reminders_due.
CREATE TABLE reminders (
    id                 CHAR(36) NOT NULL PRIMARY KEY,
    kind               VARCHAR(32) NOT NULL CHECK (kind IN ('ActivityUpcoming','ActivityChanged','ActivityCancelled','CheckInOpened','LeaderMonthlyDuty','LeaderAnnualReport')),
    subject_id         CHAR(36) NOT NULL,
    studio_id          CHAR(36) NOT NULL,
    recipient_id       CHAR(36) NOT NULL,
    occasion           VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- For ActivityUpcoming: the start it announces; a reminder whose activity moved since is Withdrawn, not sent.
    about_starts_at    DATETIME(6) NULL,
    due_at             DATETIME(6) NOT NULL,
    next_attempt_at    DATETIME(6) NOT NULL,
    status             VARCHAR(16) NOT NULL DEFAULT 'Pending' CHECK (status IN ('Pending','Sent','NoConsent','NotFollowing','Failed','Withdrawn')),
    channel            VARCHAR(16) NULL CHECK (channel IN ('Subscribe','Template')),
    template_id        VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    data               JSON NULL,
    attempts           INT NOT NULL DEFAULT 0,
    last_errcode       INT NULL,
    last_error         VARCHAR(500) NULL,
    wechat_msgid       BIGINT NULL,
    sent_at            DATETIME(6) NULL,
    created_at         DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at         DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY reminders_occurrence (kind, subject_id, recipient_id, occasion),
    KEY reminders_due (status, next_attempt_at),
    KEY reminders_studio (studio_id, due_at),
    KEY reminders_subject (subject_id, kind),
    CONSTRAINT reminders_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT reminders_recipient FOREIGN KEY (recipient_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Per-activity reminder options the leader sets; an activity without a row follows the configured defaults.
CREATE TABLE activity_reminder_settings (
    activity_id      CHAR(36) NOT NULL PRIMARY KEY,
    check_in_opened  BOOLEAN NOT NULL,
    updated_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT activity_reminder_settings_activity FOREIGN KEY (activity_id) REFERENCES activities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
