-- Issues 13 and 14: reminders of the studio's stages through the existing outbox.
-- * New kinds: CallDeadline (to applicants with a Draft before the call's closesAt), RectificationDeadline (to the
--   leader before the rectification's deadline while it is open and unreported), ApplicationDecided (approved or
--   rejected, to the applicant), EvaluationFeedback (issue 14's 反馈意见, to the leader).
-- * studio_id becomes NULL-able: an application has no studio (ApplicationDecided, CallDeadline); the foreign key stays.
--
-- The kind CHECK is swapped with V0007's portable technique: MariaDB keeps the column-level CHECK in the column's
-- definition (MODIFY without it drops it), MySQL 8 keeps it as reminders_chk_<n> (MODIFY keeps it), so MODIFY, then drop
-- whatever CHECK still mentions the old list (found in information_schema, dropped by name), then add a named CHECK.
CREATE PROCEDURE westudio_drop_check(IN p_table VARCHAR(64), IN p_marker VARCHAR(200))
BEGIN
    DECLARE found_name VARCHAR(64) DEFAULT NULL;
    SELECT MIN(tc.CONSTRAINT_NAME) INTO found_name
    FROM information_schema.TABLE_CONSTRAINTS tc
    JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
    WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = p_table AND tc.CONSTRAINT_TYPE = 'CHECK'
      AND cc.CHECK_CLAUSE LIKE CONCAT('%', p_marker, '%');
    IF found_name IS NOT NULL THEN
        SET @westudio_ddl = CONCAT('ALTER TABLE `', p_table, '` DROP CONSTRAINT `', found_name, '`');
        PREPARE westudio_stmt FROM @westudio_ddl;
        EXECUTE westudio_stmt;
        DEALLOCATE PREPARE westudio_stmt;
    END IF;
END;

ALTER TABLE reminders MODIFY kind VARCHAR(32) NOT NULL, MODIFY studio_id CHAR(36) NULL;
CALL westudio_drop_check('reminders', '''LeaderAnnualReport''');
ALTER TABLE reminders ADD CONSTRAINT reminders_kind
    CHECK (kind IN ('ActivityUpcoming','ActivityChanged','ActivityCancelled','CheckInOpened','LeaderMonthlyDuty','LeaderAnnualReport',
                    'CallDeadline','RectificationDeadline','ApplicationDecided','EvaluationFeedback'));

DROP PROCEDURE westudio_drop_check;
