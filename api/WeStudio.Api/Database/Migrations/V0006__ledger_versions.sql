-- The committee overview (GET /api/v1/ledger) keeps each studio's ledger counts (Features/Ledger/LedgerCache.cs,
-- LedgerOverview.cs) and must never answer from counts older than the data. Every write to what the ledger counts
-- raises the studio's version here, in the writer's own transaction (the triggers below); the overview reads versions
-- and facts in one consistent snapshot and uses stored counts only while the version is still the current one.
--
-- "Which studios changed since my last look" — the epoch barrier:
-- * a writer's trigger reads ledger_clock.epoch under a shared lock (held to its COMMIT) and stamps the studio's row
--   with changed_epoch = that epoch;
-- * a look first raises the epoch (UPDATE, its own short transaction): the exclusive lock waits until every writer
--   that stamped the old epoch has committed, so after it no transaction stamped with an older epoch is in flight;
-- * the look then opens a consistent snapshot and reads the rows with changed_epoch >= the epoch it raised to last
--   time. A writer that stamped epoch e either committed before this look's raise (and is in its snapshot) or has
--   e >= the epoch this look raised to, and is read by the next look. Writers that commit out of order are therefore
--   never missed (a timestamp or auto-increment watermark misses them).
-- Check-ins are deliberately not versioned: two hundred members checking in at once must not queue on one row lock.
-- Attendance-rate requirements are therefore never cached; they are counted from check_ins on every request.
CREATE TABLE ledger_clock (
    id     TINYINT NOT NULL PRIMARY KEY CHECK (id = 1),
    epoch  BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO ledger_clock (id, epoch) VALUES (1, 1);

CREATE TABLE ledger_versions (
    studio_id      CHAR(36) NOT NULL PRIMARY KEY,
    version        BIGINT NOT NULL,
    changed_epoch  BIGINT NOT NULL,
    KEY ledger_versions_changed (changed_epoch),
    CONSTRAINT ledger_versions_studio FOREIGN KEY (studio_id) REFERENCES studios (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- What the overview lists about studios (which studios a programme has, their names, host units, licensing instant)
-- and the org tree they hang in change rarely; any change to them raises this one counter.
CREATE TABLE ledger_catalogue (
    id       TINYINT NOT NULL PRIMARY KEY CHECK (id = 1),
    version  BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO ledger_catalogue (id, version) VALUES (1, 0);

-- Raises a studio's version under the current epoch (see above). Triggers are row-level in MySQL: a bulk load
-- (scripts/bench-ledger.sh) sets @westudio_bulk_load = 1 in its session to skip them and bumps once at the end.
-- The row usually exists (made with the studio, below): a plain UPDATE by primary key locks that one record. An
-- INSERT … ON DUPLICATE KEY UPDATE would take next-key locks for its duplicate check on every call, and two writers of
-- one studio would deadlock on them.
CREATE PROCEDURE ledger_bump(IN p_studio_id CHAR(36))
BEGIN
    DECLARE current_epoch BIGINT;
    SELECT epoch INTO current_epoch FROM ledger_clock WHERE id = 1 LOCK IN SHARE MODE;
    UPDATE ledger_versions SET version = version + 1, changed_epoch = current_epoch WHERE studio_id = p_studio_id;
    IF ROW_COUNT() = 0 THEN
        INSERT INTO ledger_versions (studio_id, version, changed_epoch) VALUES (p_studio_id, 1, current_epoch)
            ON DUPLICATE KEY UPDATE version = version + 1, changed_epoch = VALUES(changed_epoch);
    END IF;
END;

CREATE TRIGGER studios_ledger_catalogue_ins AFTER INSERT ON studios FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN
        UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
        INSERT INTO ledger_versions (studio_id, version, changed_epoch) VALUES (NEW.id, 0, 0);
    END IF;
CREATE TRIGGER studios_ledger_catalogue_upd AFTER UPDATE ON studios FOR EACH ROW
    UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
CREATE TRIGGER studios_ledger_catalogue_del AFTER DELETE ON studios FOR EACH ROW
    UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
CREATE TRIGGER org_units_ledger_catalogue_ins AFTER INSERT ON org_units FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1; END IF;
CREATE TRIGGER org_units_ledger_catalogue_upd AFTER UPDATE ON org_units FOR EACH ROW
    UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
CREATE TRIGGER org_units_ledger_catalogue_del AFTER DELETE ON org_units FOR EACH ROW
    UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;

-- Tables the ledger counts: activities, briefs, achievements, backbone_teachers, progress_reports, studio_memberships.
CREATE TRIGGER activities_ledger_ins AFTER INSERT ON activities FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER activities_ledger_upd AFTER UPDATE ON activities FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER activities_ledger_del AFTER DELETE ON activities FOR EACH ROW CALL ledger_bump(OLD.studio_id);

CREATE TRIGGER briefs_ledger_ins AFTER INSERT ON briefs FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER briefs_ledger_upd AFTER UPDATE ON briefs FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER briefs_ledger_del AFTER DELETE ON briefs FOR EACH ROW CALL ledger_bump(OLD.studio_id);

CREATE TRIGGER achievements_ledger_ins AFTER INSERT ON achievements FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER achievements_ledger_upd AFTER UPDATE ON achievements FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER achievements_ledger_del AFTER DELETE ON achievements FOR EACH ROW CALL ledger_bump(OLD.studio_id);

CREATE TRIGGER backbone_teachers_ledger_ins AFTER INSERT ON backbone_teachers FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER backbone_teachers_ledger_upd AFTER UPDATE ON backbone_teachers FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER backbone_teachers_ledger_del AFTER DELETE ON backbone_teachers FOR EACH ROW CALL ledger_bump(OLD.studio_id);

CREATE TRIGGER progress_reports_ledger_ins AFTER INSERT ON progress_reports FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER progress_reports_ledger_upd AFTER UPDATE ON progress_reports FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER progress_reports_ledger_del AFTER DELETE ON progress_reports FOR EACH ROW CALL ledger_bump(OLD.studio_id);

CREATE TRIGGER studio_memberships_ledger_ins AFTER INSERT ON studio_memberships FOR EACH ROW
    IF @westudio_bulk_load IS NULL THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER studio_memberships_ledger_upd AFTER UPDATE ON studio_memberships FOR EACH ROW
BEGIN
    CALL ledger_bump(NEW.studio_id);
    IF OLD.studio_id <> NEW.studio_id THEN CALL ledger_bump(OLD.studio_id); END IF;
END;
CREATE TRIGGER studio_memberships_ledger_del AFTER DELETE ON studio_memberships FOR EACH ROW CALL ledger_bump(OLD.studio_id);

-- Reminders change often (attempts, retries); only a delivered "activity upcoming" reminder is a notice (通知) the
-- ledger counts (Wenzhou "有通知").
CREATE TRIGGER reminders_ledger_ins AFTER INSERT ON reminders FOR EACH ROW
    IF NEW.kind = 'ActivityUpcoming' AND NEW.status = 'Sent' THEN CALL ledger_bump(NEW.studio_id); END IF;
CREATE TRIGGER reminders_ledger_upd AFTER UPDATE ON reminders FOR EACH ROW
    IF (NEW.kind = 'ActivityUpcoming' AND NEW.status = 'Sent') OR (OLD.kind = 'ActivityUpcoming' AND OLD.status = 'Sent') THEN
        CALL ledger_bump(NEW.studio_id);
    END IF;
