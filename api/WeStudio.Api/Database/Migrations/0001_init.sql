-- WeStudio initial schema. Times are timestamptz (UTC); calendar rules are computed in Asia/Shanghai by the API.

-- Organisation tree: committee → county/district → school (host unit).
-- ancestors holds every id from the root down to and including the unit itself, so
-- "is X inside admin A's subtree" is `A.org_unit_id = ANY(X.ancestors)`.
CREATE TABLE org_units (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    parent_id   uuid REFERENCES org_units (id),
    ancestors   uuid[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (parent_id, name)
);
CREATE UNIQUE INDEX org_units_one_root_name ON org_units (name) WHERE parent_id IS NULL;
CREATE INDEX org_units_ancestors ON org_units USING gin (ancestors);

-- Committee admins sign in with a username and password (ASP.NET Core Identity's PasswordHasher).
CREATE TABLE admins (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    display_name  text NOT NULL,
    org_unit_id   uuid NOT NULL REFERENCES org_units (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Members are WeChat users of the mini-program, keyed by openid.
CREATE TABLE members (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    openid         text NOT NULL UNIQUE,
    unionid        text,
    display_name   text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX members_unionid ON members (unionid) WHERE unionid IS NOT NULL;

CREATE TABLE programmes (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         text NOT NULL,
    issuer       text NOT NULL,
    studio_kind  text NOT NULL CHECK (studio_kind IN ('BranchSecretary','PartyBuildingMaster','DualLeader','PioneerMember','DualExcellence')),
    cycle_years  integer NOT NULL CHECK (cycle_years BETWEEN 1 AND 10),
    starts_on    date NOT NULL,
    team_cap     integer NOT NULL CHECK (team_cap BETWEEN 1 AND 500),
    org_unit_id  uuid NOT NULL REFERENCES org_units (id),
    created_by   uuid NOT NULL REFERENCES admins (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE studios (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    programme_id      uuid NOT NULL REFERENCES programmes (id),
    name              text NOT NULL,
    host_org_unit_id  uuid NOT NULL REFERENCES org_units (id),
    status            text NOT NULL CHECK (status IN ('Applied','Approved','Active','Completed','Rectifying','Rejected','Revoked')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_id, name)
);
CREATE INDEX studios_host ON studios (host_org_unit_id);

-- One row per stint of a person in a studio; removal ends the stint (removed_at) and keeps the history.
CREATE TABLE studio_memberships (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    studio_id   uuid NOT NULL REFERENCES studios (id),
    member_id   uuid NOT NULL REFERENCES members (id),
    role        text NOT NULL CHECK (role IN ('Leader','Member')),
    joined_at   timestamptz NOT NULL DEFAULT now(),
    removed_at  timestamptz,
    removed_by  uuid,
    removed_reason text
);
CREATE UNIQUE INDEX studio_memberships_one_active ON studio_memberships (studio_id, member_id) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX studio_memberships_one_leader ON studio_memberships (studio_id) WHERE removed_at IS NULL AND role = 'Leader';
CREATE INDEX studio_memberships_member ON studio_memberships (member_id) WHERE removed_at IS NULL;

-- Invitation codes: a leader invitation (issued by an admin) or a member invitation (issued by the leader).
-- Only the SHA-256 of the code is stored.
CREATE TABLE invitations (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    studio_id     uuid NOT NULL REFERENCES studios (id),
    role          text NOT NULL CHECK (role IN ('Leader','Member')),
    code_hash     text NOT NULL UNIQUE,
    max_uses      integer NOT NULL CHECK (max_uses >= 1),
    used_count    integer NOT NULL DEFAULT 0 CHECK (used_count >= 0 AND used_count <= max_uses),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invitation_uses (
    invitation_id uuid NOT NULL REFERENCES invitations (id),
    member_id     uuid NOT NULL REFERENCES members (id),
    used_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (invitation_id, member_id)
);

CREATE TABLE activities (
    id                              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq                             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    studio_id                       uuid NOT NULL REFERENCES studios (id),
    kind                            text NOT NULL CHECK (kind IN ('MonthlySeminar','SemesterSeminar','TrainingLecture','VolunteerService','PairingVisit','ThemedPartyDay','ThreeMeetingsOneLesson','ResearchSession','Other')),
    title                           text NOT NULL,
    theme                           text,
    starts_at                       timestamptz NOT NULL,
    ends_at                         timestamptz NOT NULL,
    venue_name                      text,
    latitude                        double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude                       double precision CHECK (longitude BETWEEN -180 AND 180),
    radius_meters                   integer CHECK (radius_meters BETWEEN 10 AND 5000),
    check_in_opens_minutes_before   integer NOT NULL DEFAULT 30,
    check_in_closes_minutes_after   integer NOT NULL DEFAULT 30,
    status                          text NOT NULL DEFAULT 'Scheduled' CHECK (status IN ('Scheduled','Cancelled')),
    cancelled_reason                text,
    created_by                      uuid NOT NULL REFERENCES members (id),
    created_at                      timestamptz NOT NULL DEFAULT now(),
    updated_at                      timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (radius_meters IS NULL OR latitude IS NOT NULL)
);
CREATE INDEX activities_studio_starts ON activities (studio_id, starts_at);
