-- Volunteer service hours (DESIGN.md, "Check-in (the heart)", property 7): check-out, duration, auto-close, member pass.
-- An activity tracks duration when its kind is VolunteerService or tracks_duration is set.
ALTER TABLE activities ADD COLUMN tracks_duration boolean NOT NULL DEFAULT false;
CREATE INDEX activities_tracked_ends ON activities (ends_at) WHERE kind = 'VolunteerService' OR tracks_duration;

-- 'Pass': the leader scanned the member's personal pass (GET /me/pass), marked_by is the leader.
ALTER TABLE check_ins DROP CONSTRAINT check_ins_method_check;
ALTER TABLE check_ins ADD CONSTRAINT check_ins_method_check CHECK (method IN ('Scan','Manual','Pass'));

-- Check-out: when, how (Scan of the check-out code, Pass scanned by the leader, Auto by the auto-close job, Manual
-- correction by the leader), the member's retry key (unique per member, like client_nonce), position and distance, and
-- the duration in whole minutes, capped at the scheduled length plus CheckIn:CheckOutAllowanceMinutes when written.
-- auto_closed stays true once the job closed the row; reviewed_* say the leader confirmed or corrected it.
ALTER TABLE check_ins
    ADD COLUMN checked_out_at             timestamptz,
    ADD COLUMN check_out_method           text CHECK (check_out_method IN ('Scan','Pass','Auto','Manual')),
    ADD COLUMN check_out_nonce            text CHECK (check_out_nonce IS NULL OR check_out_nonce ~ '^[A-Za-z0-9_-]{8,64}$'),
    ADD COLUMN check_out_latitude         double precision CHECK (check_out_latitude BETWEEN -90 AND 90),
    ADD COLUMN check_out_longitude        double precision CHECK (check_out_longitude BETWEEN -180 AND 180),
    ADD COLUMN check_out_accuracy_meters  double precision CHECK (check_out_accuracy_meters >= 0),
    ADD COLUMN check_out_distance_meters  double precision CHECK (check_out_distance_meters >= 0),
    ADD COLUMN duration_minutes           integer CHECK (duration_minutes >= 0),
    ADD COLUMN auto_closed                boolean NOT NULL DEFAULT false,
    ADD COLUMN reviewed_by                uuid,
    ADD COLUMN reviewed_at                timestamptz,
    ADD CONSTRAINT check_ins_check_out_complete CHECK ((checked_out_at IS NULL) = (check_out_method IS NULL) AND (checked_out_at IS NULL) = (duration_minutes IS NULL)),
    ADD CONSTRAINT check_ins_check_out_nonce_scan CHECK (check_out_nonce IS NULL OR check_out_method = 'Scan');
CREATE UNIQUE INDEX check_ins_member_check_out_nonce ON check_ins (member_id, check_out_nonce) WHERE check_out_nonce IS NOT NULL;

ALTER TABLE check_in_audit DROP CONSTRAINT check_in_audit_action_check;
ALTER TABLE check_in_audit ADD CONSTRAINT check_in_audit_action_check
    CHECK (action IN ('Mark','Undo','PassCheckIn','PassCheckOut','ConfirmCheckOut','CorrectCheckOut'));
