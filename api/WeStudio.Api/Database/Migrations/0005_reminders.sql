-- Reminders (issue 6): consent credits for mini-program subscribe messages, followers of the official account, and the
-- outbox of reminders that the dispatcher sends exactly once.

-- What wx.requestSubscribeMessage returned, per member and subscribe template. Each 'accept' adds one credit
-- (WeChat's one-time subscription); a subscribe message sent spends one, in the transaction that records the send.
CREATE TABLE subscription_consents (
    member_id    uuid NOT NULL REFERENCES members (id),
    template_id  text NOT NULL,
    credits      integer NOT NULL DEFAULT 0 CHECK (credits >= 0),
    last_result  text NOT NULL CHECK (last_result IN ('accept','reject','ban','filter')),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, template_id)
);

-- Followers of the studio system's official account, keyed by unionid (the member's mini-program openid differs from
-- the official-account openid). Written from the message-push subscribe/unsubscribe events.
CREATE TABLE official_account_followers (
    unionid     text PRIMARY KEY,
    oa_openid   text NOT NULL,
    following   boolean NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The outbox: one row per (kind, subject, recipient, occasion), so scheduling twice sends once.
-- subject_id is the activity (activity kinds) or the studio (leader kinds). occasion tells occurrences apart
-- (e.g. '1440m@<start unix seconds>', '2026-11', 'changed@<unix ms>').
CREATE TABLE reminders (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind               text NOT NULL CHECK (kind IN ('ActivityUpcoming','ActivityChanged','ActivityCancelled','CheckInOpened','LeaderMonthlyDuty','LeaderAnnualReport')),
    subject_id         uuid NOT NULL,
    studio_id          uuid NOT NULL REFERENCES studios (id),
    recipient_id       uuid NOT NULL REFERENCES members (id),
    occasion           text NOT NULL,
    -- For ActivityUpcoming: the start it announces; a reminder whose activity moved since is Withdrawn, not sent.
    about_starts_at    timestamptz,
    due_at             timestamptz NOT NULL,
    next_attempt_at    timestamptz NOT NULL,
    status             text NOT NULL DEFAULT 'Pending' CHECK (status IN ('Pending','Sent','NoConsent','NotFollowing','Failed','Withdrawn')),
    channel            text CHECK (channel IN ('Subscribe','Template')),
    template_id        text,
    data               jsonb,
    attempts           integer NOT NULL DEFAULT 0,
    last_errcode       integer,
    last_error         text,
    wechat_msgid       bigint,
    sent_at            timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, subject_id, recipient_id, occasion)
);
CREATE INDEX reminders_due ON reminders (next_attempt_at) WHERE status = 'Pending';
CREATE INDEX reminders_studio ON reminders (studio_id, due_at DESC);
CREATE INDEX reminders_subject ON reminders (subject_id) WHERE kind IN ('ActivityUpcoming','CheckInOpened');

-- The scheduler looks for activities starting within the reminder leads.
CREATE INDEX activities_scheduled_starts ON activities (starts_at) WHERE status = 'Scheduled';

-- Per-activity reminder options the leader sets; an activity without a row follows the configured defaults.
CREATE TABLE activity_reminder_settings (
    activity_id      uuid PRIMARY KEY REFERENCES activities (id),
    check_in_opened  boolean NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
