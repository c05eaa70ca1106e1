-- Check-ins (DESIGN.md, "Check-in (the heart)"): one live check-in per (activity, member), enforced here.
-- An undo does not delete: it sets revoked_at/revoked_by/revoked_reason, and the live-row index ignores revoked rows,
-- so a member may check in again after an undo and the history stays. Every manual mark and undo is in check_in_audit.
CREATE TABLE check_ins (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_id      uuid NOT NULL REFERENCES activities (id),
    member_id        uuid NOT NULL REFERENCES members (id),
    checked_in_at    timestamptz NOT NULL,
    method           text NOT NULL CHECK (method IN ('Scan','Manual')),
    -- Scan: the mini-program's retry key (8–64 of A–Z a–z 0–9 _ -), unique per member. Manual: null.
    client_nonce     text CHECK (client_nonce IS NULL OR client_nonce ~ '^[A-Za-z0-9_-]{8,64}$'),
    -- The member's reported position (GCJ-02 degrees) and accuracy, and the distance to the venue, in metres.
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    accuracy_meters  double precision CHECK (accuracy_meters >= 0),
    distance_meters  double precision CHECK (distance_meters >= 0),
    -- Manual: who marked and why.
    marked_by        uuid,
    marked_reason    text,
    revoked_at       timestamptz,
    revoked_by       uuid,
    revoked_reason   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((method = 'Scan') = (client_nonce IS NOT NULL)),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX check_ins_one_live ON check_ins (activity_id, member_id) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX check_ins_member_nonce ON check_ins (member_id, client_nonce) WHERE client_nonce IS NOT NULL;
CREATE INDEX check_ins_member ON check_ins (member_id, checked_in_at DESC) WHERE revoked_at IS NULL;

-- Who changed attendance by hand, when and why, with the check-in before and after (null when there was none).
CREATE TABLE check_in_audit (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    activity_id  uuid NOT NULL REFERENCES activities (id),
    member_id    uuid NOT NULL REFERENCES members (id),
    actor_id     uuid NOT NULL,
    action       text NOT NULL CHECK (action IN ('Mark','Undo')),
    reason       text NOT NULL,
    before       jsonb,
    after        jsonb,
    at           timestamptz NOT NULL
);
CREATE INDEX check_in_audit_activity ON check_in_audit (activity_id, at);
