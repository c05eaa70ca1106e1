-- Photos, activity briefs (简讯) with their versions, WeChat content-security state and the message-push journal.

-- One row per upload; the bytes live in IPhotoStorage under their SHA-256 (hex), so the same photo is stored once.
-- media_check: WeChat's asynchronous image check (wxa/media_check_async); Risky photos are hidden everywhere.
CREATE TABLE photos (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sha256              text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type        text NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
    width               integer NOT NULL CHECK (width > 0),
    height              integer NOT NULL CHECK (height > 0),
    bytes               integer NOT NULL CHECK (bytes > 0),
    uploaded_by         uuid NOT NULL REFERENCES members (id),
    uploaded_at         timestamptz NOT NULL,
    media_check         text NOT NULL DEFAULT 'Unchecked' CHECK (media_check IN ('Unchecked','Pending','Pass','Review','Risky')),
    media_trace_id      text UNIQUE,
    media_label         integer,
    media_checked_at    timestamptz,
    media_attempts      integer NOT NULL DEFAULT 0,
    media_next_try_at   timestamptz
);
CREATE INDEX photos_sha256 ON photos (sha256);
CREATE INDEX photos_unchecked ON photos (media_next_try_at) WHERE media_check = 'Unchecked';
CREATE INDEX photos_uploaded_at ON photos (uploaded_at);

-- One brief per activity. The text lives in brief_versions; current_version is the latest edit, published_version
-- what feeds show (null until first published). status: Draft (never published, no check pending), PendingReview
-- (a publish waits for WeChat's text check; pending_version is the version being checked), Published.
CREATE TABLE briefs (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_id          uuid NOT NULL UNIQUE REFERENCES activities (id),
    studio_id            uuid NOT NULL REFERENCES studios (id),
    status               text NOT NULL CHECK (status IN ('Draft','PendingReview','Published')),
    current_version      integer NOT NULL,
    published_version    integer,
    pending_version      integer,
    pending_requested_by uuid REFERENCES members (id),
    check_attempts       integer NOT NULL DEFAULT 0,
    next_check_at        timestamptz,
    flagged_for_review   boolean NOT NULL DEFAULT false,
    flag_label           integer,
    last_check_result    text CHECK (last_check_result IN ('pass','review','risky')),
    last_check_label     integer,
    first_published_at   timestamptz,
    published_at         timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CHECK ((status = 'PendingReview') = (pending_version IS NOT NULL))
);
CREATE INDEX briefs_studio_feed ON briefs (studio_id, first_published_at DESC, id DESC) WHERE published_version IS NOT NULL;
CREATE INDEX briefs_pending ON briefs (next_check_at) WHERE status = 'PendingReview';

-- Every version of every brief, kept (who, when). photo_ids in display order (≤ 9).
CREATE TABLE brief_versions (
    brief_id    uuid NOT NULL REFERENCES briefs (id),
    version     integer NOT NULL CHECK (version >= 1),
    title       text NOT NULL,
    theme       text,
    exchange    text,
    record      text,
    summary     text,
    photo_ids   uuid[] NOT NULL,
    edited_by   uuid NOT NULL REFERENCES members (id),
    edited_at   timestamptz NOT NULL,
    PRIMARY KEY (brief_id, version),
    CHECK (cardinality(photo_ids) <= 9)
);
CREATE INDEX brief_versions_photo_ids ON brief_versions USING gin (photo_ids);

-- Message-push journal: one row per distinct event (WeChat may push the same one twice).
CREATE TABLE wechat_push_events (
    dedupe_key   text PRIMARY KEY,
    event        text NOT NULL,
    received_at  timestamptz NOT NULL,
    body         jsonb NOT NULL
);

-- wxa_media_check verdicts by trace_id, kept even when the push arrives before the photo row knows its trace_id.
CREATE TABLE media_check_results (
    trace_id     text PRIMARY KEY,
    suggest      text NOT NULL,
    label        integer,
    received_at  timestamptz NOT NULL
);
