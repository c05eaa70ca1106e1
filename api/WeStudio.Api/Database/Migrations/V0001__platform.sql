-- WeStudio schema, MySQL 8.0 ∩ MariaDB 10.11 (DESIGN.md "Architecture"). Times are UTC DATETIME(6) (the session's
-- time_zone is '+00:00'); calendar rules are computed in Asia/Shanghai by the API. Ids are UUIDs as CHAR(36), made by
-- the API (Guid.CreateVersion7: time-ordered, so InnoDB appends to its clustered index). Text is utf8mb4 with the
-- collation named: utf8mb4_unicode_520_ci (in MySQL 8 and MariaDB alike), not utf8mb4_unicode_ci, under which MariaDB
-- holds every character outside the BMP equal to every other ('😀' = '🔥', '𠮷' = '𡈽'), so two studios named apart by
-- one emoji or rare character would collide. Identifiers that WeChat or a hash defines (openid, nonce, sha256, …)
-- compare byte-wise (utf8mb4_bin).
-- Partial unique indexes of other databases are unique keys over a generated column that is NULL outside the rows the
-- rule covers (NULLs never collide in a unique key).

-- Organisation tree: committee → county/district → school (host unit).
CREATE TABLE org_units (
    id          CHAR(36) NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL CHECK (CHAR_LENGTH(name) BETWEEN 1 AND 100),
    parent_id   CHAR(36) NULL,
    created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- 1 for a root, NULL otherwise, so root names are unique. Written by the inserter and checked: MariaDB refuses a
    -- generated column over a foreign-key column.
    is_root     TINYINT NULL,
    CONSTRAINT org_units_is_root CHECK ((parent_id IS NULL) = (is_root IS NOT NULL) AND (is_root IS NULL OR is_root = 1)),
    UNIQUE KEY org_units_parent_name (parent_id, name),
    UNIQUE KEY org_units_one_root_name (is_root, name),
    CONSTRAINT org_units_parent FOREIGN KEY (parent_id) REFERENCES org_units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Closure of the tree: one row per (ancestor, descendant), the unit itself at depth 0. "Is X inside admin A's
-- subtree" is EXISTS (ancestor_id = A.org_unit_id AND descendant_id = X). Written with the unit, in its transaction.
CREATE TABLE org_unit_closure (
    ancestor_id    CHAR(36) NOT NULL,
    descendant_id  CHAR(36) NOT NULL,
    depth          INT NOT NULL CHECK (depth >= 0),
    PRIMARY KEY (ancestor_id, descendant_id),
    KEY org_unit_closure_descendant (descendant_id, depth),
    CONSTRAINT org_unit_closure_ancestor FOREIGN KEY (ancestor_id) REFERENCES org_units (id),
    CONSTRAINT org_unit_closure_descendant FOREIGN KEY (descendant_id) REFERENCES org_units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Committee admins sign in with a username and password (ASP.NET Core Identity's PasswordHasher).
-- Usernames are unique regardless of case (the collation is case-insensitive).
CREATE TABLE admins (
    id            CHAR(36) NOT NULL PRIMARY KEY,
    username      VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    org_unit_id   CHAR(36) NOT NULL,
    created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY admins_username (username),
    CONSTRAINT admins_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Members are WeChat users of the mini-program, keyed by openid. seq is the short number a member pass carries.
CREATE TABLE members (
    id             CHAR(36) NOT NULL PRIMARY KEY,
    seq            BIGINT NOT NULL AUTO_INCREMENT,
    openid         VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    unionid        VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    display_name   VARCHAR(100) NULL,
    created_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_login_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY members_seq (seq),
    UNIQUE KEY members_openid (openid),
    KEY members_unionid (unionid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE programmes (
    id           CHAR(36) NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    issuer       VARCHAR(200) NOT NULL,
    studio_kind  VARCHAR(32) NOT NULL CHECK (studio_kind IN ('BranchSecretary','PartyBuildingMaster','DualLeader','PioneerMember','DualExcellence')),
    cycle_years  INT NOT NULL CHECK (cycle_years BETWEEN 1 AND 10),
    starts_on    DATE NOT NULL,
    team_cap     INT NOT NULL CHECK (team_cap BETWEEN 1 AND 500),
    org_unit_id  CHAR(36) NOT NULL,
    created_by   CHAR(36) NOT NULL,
    created_at   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- Which notice's requirement set the programme got when it was created (Features/Ledger/RuleSets.cs).
    rule_set     VARCHAR(16) NOT NULL DEFAULT 'None' CHECK (rule_set IN ('None','Liuzhou','Maoming','Wenzhou')),
    CONSTRAINT programmes_org_unit FOREIGN KEY (org_unit_id) REFERENCES org_units (id),
    CONSTRAINT programmes_created_by FOREIGN KEY (created_by) REFERENCES admins (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE studios (
    id                CHAR(36) NOT NULL PRIMARY KEY,
    programme_id      CHAR(36) NOT NULL,
    name              VARCHAR(200) NOT NULL,
    host_org_unit_id  CHAR(36) NOT NULL,
    status            VARCHAR(16) NOT NULL CHECK (status IN ('Applied','Approved','Active','Completed','Rectifying','Rejected','Revoked')),
    created_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY studios_programme_name (programme_id, name),
    KEY studios_host (host_org_unit_id),
    CONSTRAINT studios_programme FOREIGN KEY (programme_id) REFERENCES programmes (id),
    CONSTRAINT studios_host_org_unit FOREIGN KEY (host_org_unit_id) REFERENCES org_units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- One row per stint of a person in a studio; removal ends the stint (removed_at) and keeps the history.
-- One active stint per (studio, member) and one active leader per studio: unique keys over generated columns.
CREATE TABLE studio_memberships (
    id              CHAR(36) NOT NULL PRIMARY KEY,
    studio_id       CHAR(36) NOT NULL,
    member_id       CHAR(36) NOT NULL,
    role            VARCHAR(16) NOT NULL CHECK (role IN ('Leader','Member')),
    joined_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    removed_at      DATETIME(6) NULL,
    removed_by      CHAR(36) NULL,
    removed_reason  VARCHAR(500) NULL,
    active          TINYINT AS (CASE WHEN removed_at IS NULL THEN 1 END) STORED,
    active_leader   TINYINT AS (CASE WHEN removed_at IS NULL AND role = 'Leader' THEN 1 END) STORED,
    UNIQUE KEY studio_memberships_one_active (studio_id, member_id, active),
    UNIQUE KEY studio_memberships_one_leader (studio_id, active_leader),
    KEY studio_memberships_member (member_id, active),
    -- counting a studio reads its memberships by join time, removed ones included
    KEY studio_memberships_studio (studio_id, joined_at),
    CONSTRAINT studio_memberships_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT studio_memberships_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Invitation codes: a leader invitation (issued by an admin) or a member invitation (issued by the leader).
-- Only the SHA-256 (hex) of the code is stored.
CREATE TABLE invitations (
    id            CHAR(36) NOT NULL PRIMARY KEY,
    studio_id     CHAR(36) NOT NULL,
    role          VARCHAR(16) NOT NULL CHECK (role IN ('Leader','Member')),
    code_hash     CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    max_uses      INT NOT NULL CHECK (max_uses >= 1),
    used_count    INT NOT NULL DEFAULT 0,
    expires_at    DATETIME(6) NOT NULL,
    revoked_at    DATETIME(6) NULL,
    created_by    CHAR(36) NOT NULL,
    created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY invitations_code_hash (code_hash),
    CONSTRAINT invitations_used_count CHECK (used_count >= 0 AND used_count <= max_uses),
    CONSTRAINT invitations_studio FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE invitation_uses (
    invitation_id CHAR(36) NOT NULL,
    member_id     CHAR(36) NOT NULL,
    used_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (invitation_id, member_id),
    CONSTRAINT invitation_uses_invitation FOREIGN KEY (invitation_id) REFERENCES invitations (id),
    CONSTRAINT invitation_uses_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Activities. seq is the short number a check-in code carries. tracks_duration (or kind VolunteerService): check-out
-- and duration are recorded. Pairing visits record the school they visit: a unit of the org tree, or a name.
CREATE TABLE activities (
    id                              CHAR(36) NOT NULL PRIMARY KEY,
    seq                             BIGINT NOT NULL AUTO_INCREMENT,
    studio_id                       CHAR(36) NOT NULL,
    kind                            VARCHAR(32) NOT NULL CHECK (kind IN ('MonthlySeminar','SemesterSeminar','TrainingLecture','VolunteerService','PairingVisit','ThemedPartyDay','ThreeMeetingsOneLesson','ResearchSession','Other')),
    title                           VARCHAR(200) NOT NULL,
    theme                           VARCHAR(1000) NULL,
    starts_at                       DATETIME(6) NOT NULL,
    ends_at                         DATETIME(6) NOT NULL,
    venue_name                      VARCHAR(200) NULL,
    latitude                        DOUBLE NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude                       DOUBLE NULL CHECK (longitude BETWEEN -180 AND 180),
    radius_meters                   INT NULL CHECK (radius_meters BETWEEN 10 AND 5000),
    check_in_opens_minutes_before   INT NOT NULL DEFAULT 30,
    check_in_closes_minutes_after   INT NOT NULL DEFAULT 30,
    status                          VARCHAR(16) NOT NULL DEFAULT 'Scheduled' CHECK (status IN ('Scheduled','Cancelled')),
    cancelled_reason                VARCHAR(500) NULL,
    tracks_duration                 BOOLEAN NOT NULL DEFAULT FALSE,
    paired_school_org_unit_id       CHAR(36) NULL,
    paired_school_name              VARCHAR(100) NULL CHECK (CHAR_LENGTH(paired_school_name) BETWEEN 1 AND 100),
    created_by                      CHAR(36) NOT NULL,
    created_at                      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY activities_seq (seq),
    KEY activities_studio_starts (studio_id, starts_at),
    KEY activities_studio_kind_starts (studio_id, kind, status, starts_at),
    KEY activities_ends (ends_at),
    KEY activities_scheduled_starts (status, starts_at),
    CONSTRAINT activities_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT activities_position_pair CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT activities_radius_needs_position CHECK (radius_meters IS NULL OR latitude IS NOT NULL),
    CONSTRAINT activities_paired_school_only_on_visits CHECK (kind = 'PairingVisit' OR (paired_school_org_unit_id IS NULL AND paired_school_name IS NULL)),
    CONSTRAINT activities_studio FOREIGN KEY (studio_id) REFERENCES studios (id),
    CONSTRAINT activities_created_by FOREIGN KEY (created_by) REFERENCES members (id),
    CONSTRAINT activities_paired_school FOREIGN KEY (paired_school_org_unit_id) REFERENCES org_units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
