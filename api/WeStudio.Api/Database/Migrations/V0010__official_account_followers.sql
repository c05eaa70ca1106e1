-- Followers of the official account from WeChat (issue 19): the subscribe/unsubscribe push and a full sync
-- (cgi-bin/user/get pages of 10,000 openids, cgi-bin/user/info/batchget 100 at a time).

-- An unsubscribe push names only the account openid; updated_at becomes the time WeChat's answer was observed, so a
-- sync page read before a push never overwrites it (OfficialAccountStore.RecordFollowersAsync).
ALTER TABLE official_account_followers
    ADD COLUMN subscribed_at DATETIME(6) NULL COMMENT 'WeChat subscribe_time (UTC) when known',
    ADD KEY official_account_followers_oa_openid (oa_openid);

-- One full sync of the followers, resumable: page_cursor is the next_openid that fetches the page being worked on
-- ('' = the first page), page_offset how many openids of that page are recorded. A runner holds the lease
-- (lease_owner until lease_until) and renews it with each batch; a killed runner's sync is taken over when it lapses.
-- At most one sync is Running or Paused (unique key over the generated column active).
CREATE TABLE official_account_syncs (
    id               CHAR(36) NOT NULL PRIMARY KEY,
    status           VARCHAR(16) NOT NULL CHECK (status IN ('Running','Paused','Completed','Failed')),
    active           TINYINT GENERATED ALWAYS AS (IF(status IN ('Running','Paused'), 1, NULL)) STORED,
    requested_by     CHAR(36) NULL,
    requested_at     DATETIME(6) NOT NULL,
    finished_at      DATETIME(6) NULL,
    page_cursor      VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
    page_offset      INT NOT NULL DEFAULT 0,
    pages            INT NOT NULL DEFAULT 0,
    total            INT NULL,
    processed        INT NOT NULL DEFAULT 0,
    linked           INT NOT NULL DEFAULT 0,
    without_unionid  INT NOT NULL DEFAULT 0,
    calls            INT NOT NULL DEFAULT 0,
    takeovers        INT NOT NULL DEFAULT 0,
    lease_owner      CHAR(36) NULL,
    lease_until      DATETIME(6) NULL,
    resume_at        DATETIME(6) NULL,
    last_errcode     INT NULL,
    last_error       VARCHAR(255) NULL,
    updated_at       DATETIME(6) NOT NULL,
    UNIQUE KEY official_account_syncs_active (active),
    KEY official_account_syncs_requested (requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Why a reminder did not reach its recipient, for the leader's "whom to phone" list: NoConsent (no subscribe credit and
-- not linked to a follower), NotFollowing (the linked follower left the official account), Blocked (the member answered
-- reject or ban to the subscribe template and does not follow). NULL when sent or still pending.
ALTER TABLE reminders
    ADD COLUMN undelivered_reason VARCHAR(16) NULL CHECK (undelivered_reason IN ('NoConsent','NotFollowing','Blocked'));
