-- The committee overview (GET /api/v1/ledger) keeps each studio's ledger counts in Redis (Features/Ledger/LedgerCache.cs)
-- and must never answer from counts older than the data. Every write to what the ledger counts raises the studio's
-- version here, in the writer's own transaction; the overview reads versions and facts in one REPEATABLE READ snapshot,
-- stores the counts with that version, and uses stored counts only while the version is still the current one.
--
-- changed_xid: the transaction that raised it last. An API instance that read the versions in a snapshot asks next time
-- only for rows with changed_xid >= that snapshot's xmin: every transaction it could not see has such an id, so it
-- learns of every change, in O(changes) rather than O(studios).
--
-- Check-ins are deliberately not versioned: two hundred members checking in at once must not queue on one row lock.
-- Attendance-rate requirements are therefore never cached; they are counted from check_ins on every request.
CREATE TABLE ledger_versions (
    studio_id    uuid PRIMARY KEY REFERENCES studios (id),
    version      bigint NOT NULL,
    changed_xid  xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX ledger_versions_changed ON ledger_versions (changed_xid);

-- What the overview lists about studios (which studios a programme has, their names, host units, licensing instant)
-- and the org tree they hang in change rarely; any change to them raises this one counter.
CREATE TABLE ledger_catalogue (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version   bigint NOT NULL
);
INSERT INTO ledger_catalogue (version) VALUES (0);

CREATE FUNCTION ledger_catalogue_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ledger_catalogue SET version = version + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER studios_ledger_catalogue AFTER INSERT OR UPDATE OR DELETE ON studios FOR EACH STATEMENT EXECUTE FUNCTION ledger_catalogue_touch();
CREATE TRIGGER org_units_ledger_catalogue AFTER INSERT OR UPDATE OR DELETE ON org_units FOR EACH STATEMENT EXECUTE FUNCTION ledger_catalogue_touch();

-- Raises the version of each studio once, in studio order (a fixed lock order, so two statements touching the same
-- studios cannot deadlock on these rows).
CREATE FUNCTION ledger_bump(studio_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO ledger_versions AS v (studio_id, version)
    SELECT DISTINCT id, 1 FROM unnest(studio_ids) AS id WHERE id IS NOT NULL ORDER BY 1
    ON CONFLICT (studio_id) DO UPDATE SET version = v.version + 1, changed_xid = pg_current_xact_id();
$$;

-- Statement-level triggers with transition tables: one bump per studio per statement, however many rows it wrote
-- (a COPY of 800,000 activities bumps each studio once).
CREATE FUNCTION ledger_touch_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_bump(ARRAY(SELECT studio_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_touch_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_bump(ARRAY(SELECT studio_id FROM new_rows UNION SELECT studio_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_touch_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_bump(ARRAY(SELECT studio_id FROM old_rows));
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['activities','briefs','achievements','backbone_teachers','progress_reports','studio_memberships'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_touch_inserted()', t || '_ledger_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_touch_updated()', t || '_ledger_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_touch_deleted()', t || '_ledger_del', t);
    END LOOP;
END $$;

-- Reminders change often (attempts, retries); only a delivered "activity upcoming" reminder is a notice (通知) the
-- ledger counts (Wenzhou "有通知").
CREATE FUNCTION ledger_touch_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_bump(ARRAY(
        SELECT studio_id FROM new_rows WHERE kind = 'ActivityUpcoming' AND status = 'Sent'
        UNION SELECT studio_id FROM old_rows WHERE kind = 'ActivityUpcoming' AND status = 'Sent'));
    RETURN NULL;
END $$;
CREATE TRIGGER reminders_ledger_upd AFTER UPDATE ON reminders REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_touch_reminders();
CREATE FUNCTION ledger_touch_reminders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_bump(ARRAY(SELECT studio_id FROM new_rows WHERE kind = 'ActivityUpcoming' AND status = 'Sent'));
    RETURN NULL;
END $$;
CREATE TRIGGER reminders_ledger_ins AFTER INSERT ON reminders REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_touch_reminders_inserted();


-- Counting a studio again reads its memberships (team size, members expected at an activity, members joining or leaving
-- after the counted instant), removed ones included: the partial indexes of 0001 cover only active memberships.
CREATE INDEX studio_memberships_studio ON studio_memberships (studio_id, joined_at);
