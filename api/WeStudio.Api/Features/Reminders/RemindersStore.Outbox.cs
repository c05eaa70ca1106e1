using System.Data;
using System.Text;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The outbox <c>reminders</c>: one row per occurrence, unique key <c>reminders_occurrence</c> (kind, subject_id,
/// recipient_id, occasion). Every insert is <c>INSERT … SELECT</c> with <c>UUID()</c> ids (the primary key cannot collide,
/// so <c>ON DUPLICATE KEY UPDATE</c> fires only on the occurrence key) and skips occurrences already there, so scheduling
/// twice, or on two instances at once, inserts once and the count returned is the rows really added.
/// Active memberships, the active leader and live check-ins are matched on their generated key columns
/// (<c>active = 1</c>: <c>removed_at IS NULL</c>; <c>active_leader = 1</c>: also <c>role = 'Leader'</c>; <c>live = 1</c>:
/// <c>revoked_at IS NULL</c>), so a probe is one lookup in their unique keys, however large the studio.
/// </summary>
public sealed partial class RemindersStore
{
    /// <summary>
    /// ActivityUpcoming for one lead: every active member of an approved, active or rectifying studio with a scheduled activity
    /// starting within <paramref name="lead"/> minutes of <paramref name="now"/> and later than <paramref name="nextLead"/>
    /// minutes from it; occasion <c>{lead}m@{start in unix seconds}</c>, due <paramref name="lead"/> minutes before the start.
    /// An activity already expanded for this lead and start is skipped whole. Returns the rows added.
    /// </summary>
    public async Task<int> ScheduleUpcomingAsync(int lead, int nextLead, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, about_starts_at, due_at, next_attempt_at)
            SELECT UUID(), 'ActivityUpcoming', a.id, a.studio_id, m.member_id,
                   CONCAT(@lead, 'm@', TIMESTAMPDIFF(SECOND, '1970-01-01', a.starts_at)), a.starts_at,
                   a.starts_at - INTERVAL @lead MINUTE, a.starts_at - INTERVAL @lead MINUTE
            FROM activities a
            JOIN studios s ON s.id = a.studio_id AND s.status IN ('Approved','Active','Rectifying')
            JOIN studio_memberships m ON m.studio_id = a.studio_id AND m.active = 1
            WHERE a.status = 'Scheduled'
              AND a.starts_at <= @now + INTERVAL @lead MINUTE
              AND a.starts_at > @now + INTERVAL @nextLead MINUTE
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'ActivityUpcoming' AND r.subject_id = a.id
                                AND r.occasion = CONCAT(@lead, 'm@', TIMESTAMPDIFF(SECOND, '1970-01-01', a.starts_at)))
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return await InsertAsync(Sql, new { lead, nextLead, now }, ct);
    }

    /// <summary>
    /// LeaderMonthlyDuty (occasion <paramref name="occasion"/>, <c>yyyy-MM</c>): the leader of every active or rectifying studio
    /// without a MonthlySeminar scheduled in [<paramref name="monthStart"/>, <paramref name="monthEnd"/>), when its programme
    /// owes one a month (a Month requirement counting MonthlySeminar activities: Liuzhou's 党建名师工作室) with fewer scheduled
    /// this month than the programme's target (its own value, PUT …/requirements/{code}; 0: measured only, no reminder) and the month
    /// (local, from <paramref name="firstDay"/>) lies in the programme's cycle. Returns the rows added.
    /// </summary>
    public async Task<int> ScheduleMonthlyDutyAsync(string occasion, DateTimeOffset dueAt, DateTimeOffset monthStart, DateTimeOffset monthEnd,
        DateOnly firstDay, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), 'LeaderMonthlyDuty', s.id, s.id, m.member_id, @occasion, @dueAt, @dueAt
            FROM studios s
            JOIN programmes p ON p.id = s.programme_id
            JOIN studio_memberships m ON m.studio_id = s.id AND m.active_leader = 1
            WHERE s.status IN ('Active','Rectifying')
              AND p.starts_on <= @lastDay AND DATE_ADD(p.starts_on, INTERVAL p.cycle_years YEAR) > @firstDay
              AND EXISTS (SELECT 1 FROM requirements q WHERE q.programme_id = p.id AND q.counts = 'Activities' AND q.period = 'Month'
                                                         AND JSON_CONTAINS(q.activity_kinds, '"MonthlySeminar"')
                                                         AND q.target_min > (SELECT COUNT(*) FROM activities a
                                                             WHERE a.studio_id = s.id AND a.kind = 'MonthlySeminar' AND a.status = 'Scheduled'
                                                               AND a.starts_at >= @monthStart AND a.starts_at < @monthEnd))
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'LeaderMonthlyDuty' AND r.subject_id = s.id AND r.recipient_id = m.member_id AND r.occasion = @occasion)
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return await InsertAsync(Sql, new { occasion, dueAt, monthStart, monthEnd, firstDay, lastDay = firstDay.AddMonths(1).AddDays(-1) }, ct);
    }

    /// <summary>
    /// LeaderAnnualReport (occasion <paramref name="occasion"/>, <c>yyyy-12-dd</c>): the leader of every active or rectifying
    /// studio whose progress report of <paramref name="year"/> is not submitted (a returned one counts as not), when its
    /// programme owes one (a CalendarYear ProgressReport requirement) for that year: the cycle has begun by 31 December and
    /// does not end before it (nothing is owed after acceptance). Returns the rows added.
    /// </summary>
    public async Task<int> ScheduleAnnualReportAsync(string occasion, DateTimeOffset dueAt, int year, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), 'LeaderAnnualReport', s.id, s.id, m.member_id, @occasion, @dueAt, @dueAt
            FROM studios s
            JOIN programmes p ON p.id = s.programme_id
            JOIN studio_memberships m ON m.studio_id = s.id AND m.active_leader = 1
            WHERE s.status IN ('Active','Rectifying')
              AND p.starts_on <= @lastDay AND DATE_ADD(p.starts_on, INTERVAL p.cycle_years YEAR) > @lastDay
              AND EXISTS (SELECT 1 FROM requirements q WHERE q.programme_id = p.id AND q.counts = 'ProgressReport' AND q.period = 'CalendarYear'
                                                         AND q.target_min > 0)
              AND NOT EXISTS (SELECT 1 FROM progress_reports p WHERE p.studio_id = s.id AND p.year = @year AND p.status = 'Submitted')
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'LeaderAnnualReport' AND r.subject_id = s.id AND r.recipient_id = m.member_id AND r.occasion = @occasion)
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return await InsertAsync(Sql, new { occasion, dueAt, year, lastDay = new DateOnly(year, 12, 31) }, ct);
    }

    /// <summary>
    /// CallDeadline for a lead of <paramref name="leadDays"/> days: the applicant of every Draft application of a call that is
    /// still open at <paramref name="now"/> and closes within <paramref name="leadDays"/> days of it; subject the application,
    /// no studio, occasion <c>{lead}d@{closesAt in unix seconds}</c>, due <paramref name="leadDays"/> days before
    /// <c>closesAt</c> (at once for a draft started later), <c>about_starts_at</c> = the <c>closesAt</c> it announces, so a
    /// reminder of a call that moved since is withdrawn, not sent. Returns the rows added.
    /// </summary>
    public async Task<int> ScheduleCallDeadlineAsync(int leadDays, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, about_starts_at, due_at, next_attempt_at)
            SELECT UUID(), 'CallDeadline', ap.id, NULL, ap.applicant_id,
                   CONCAT(@leadDays, 'd@', TIMESTAMPDIFF(SECOND, '1970-01-01', c.closes_at)), c.closes_at,
                   c.closes_at - INTERVAL @leadDays DAY, c.closes_at - INTERVAL @leadDays DAY
            FROM calls c
            JOIN applications ap ON ap.call_id = c.id AND ap.status = 'Draft'
            WHERE c.closes_at > @now AND c.closes_at <= @now + INTERVAL @leadDays DAY
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'CallDeadline' AND r.subject_id = ap.id AND r.recipient_id = ap.applicant_id
                                AND r.occasion = CONCAT(@leadDays, 'd@', TIMESTAMPDIFF(SECOND, '1970-01-01', c.closes_at)))
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return await InsertAsync(Sql, new { leadDays, now }, ct);
    }

    /// <summary>
    /// RectificationDeadline for a lead of <paramref name="leadDays"/> days: the active leader of every Rectifying studio whose
    /// open rectification has no report yet (status Open) and a deadline from <paramref name="today"/> to
    /// <paramref name="lastDeadline"/> (the scheduler's window: the deadlines whose reminder time has come); subject the
    /// rectification, occasion <c>{lead}d@{deadline yyyy-MM-dd}</c>, due at <paramref name="localTime"/> (wall clock of the
    /// calendar zone, <paramref name="utcOffset"/> ahead of UTC) <paramref name="leadDays"/> days before the deadline,
    /// <c>about_starts_at</c> = the end of the deadline day (from then the report is late). Returns the rows added.
    /// </summary>
    public async Task<int> ScheduleRectificationDeadlineAsync(int leadDays, DateOnly today, DateOnly lastDeadline, TimeOnly localTime, TimeSpan utcOffset,
        CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, about_starts_at, due_at, next_attempt_at)
            SELECT UUID(), 'RectificationDeadline', rc.id, s.id, m.member_id,
                   CONCAT(@leadDays, 'd@', DATE_FORMAT(rc.deadline, '%Y-%m-%d')),
                   TIMESTAMP(rc.deadline + INTERVAL 1 DAY) - INTERVAL @offsetMinutes MINUTE,
                   TIMESTAMP(rc.deadline - INTERVAL @leadDays DAY, @localTime) - INTERVAL @offsetMinutes MINUTE,
                   TIMESTAMP(rc.deadline - INTERVAL @leadDays DAY, @localTime) - INTERVAL @offsetMinutes MINUTE
            FROM rectifications rc
            JOIN studios s ON s.id = rc.studio_id AND s.status = 'Rectifying'
            JOIN studio_memberships m ON m.studio_id = s.id AND m.active_leader = 1
            WHERE rc.status = 'Open' AND rc.deadline >= @today AND rc.deadline <= @lastDeadline
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'RectificationDeadline' AND r.subject_id = rc.id AND r.recipient_id = m.member_id
                                AND r.occasion = CONCAT(@leadDays, 'd@', DATE_FORMAT(rc.deadline, '%Y-%m-%d')))
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return await InsertAsync(Sql, new
        {
            leadDays, today, lastDeadline, localTime = localTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            offsetMinutes = (int)utcOffset.TotalMinutes,
        }, ct);
    }

    /// <summary>
    /// ApplicationDecided, due <paramref name="now"/>, in the caller's transaction (the decision's: ApplicationsStore's approval
    /// and rejection): one row for the application's applicant, subject the application, no studio, occasion <c>decided</c>
    /// (a decision is final; a retried transaction plans it once). The outcome is read when it is sent.
    /// </summary>
    public static Task PlanApplicationDecidedAsync(MySqlConnection conn, MySqlTransaction tx, Guid applicationId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), 'ApplicationDecided', ap.id, NULL, ap.applicant_id, 'decided', @now, @now
            FROM applications ap
            WHERE ap.id = @applicationId
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { applicationId, now = now.UtcDateTime }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// CheckInOpened, due now, once per activity (occasion <c>opened</c>): every active member without a live check-in, when
    /// the activity is scheduled and wants it (its setting, else <paramref name="byDefault"/>). Returns the rows added.
    /// </summary>
    public async Task<int> ScheduleCheckInOpenedAsync(Guid activityId, bool byDefault, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), 'CheckInOpened', a.id, a.studio_id, m.member_id, 'opened', @now, @now
            FROM activities a
            JOIN studio_memberships m ON m.studio_id = a.studio_id AND m.active = 1
            WHERE a.id = @activityId AND a.status = 'Scheduled'
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.activity_id = a.id AND c.member_id = m.member_id AND c.live = 1)
              AND COALESCE((SELECT s.check_in_opened FROM activity_reminder_settings s WHERE s.activity_id = a.id), @byDefault)
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'CheckInOpened' AND r.subject_id = a.id AND r.recipient_id = m.member_id AND r.occasion = 'opened')
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        return await InsertAsync(Sql, new { activityId, byDefault, now }, ct);
    }

    /// <summary>
    /// Runs one outbox insert in its own READ COMMITTED transaction: its <c>SELECT</c> part reads committed rows without
    /// locking them (under REPEATABLE READ an <c>INSERT … SELECT</c> share-locks every row it reads, check-ins and
    /// memberships included, and would wait for a dispatcher's batch). Returns the rows added.
    /// </summary>
    private async Task<int> InsertAsync(string sql, object args, CancellationToken ct) =>
        await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var added = await conn.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return added;
        }, ct);

    /// <summary>
    /// After a leader changed or cancelled an activity, in one READ COMMITTED transaction (record locks only, as the
    /// dispatcher's): locks the activity's pending reminders, in index order, so two edits never deadlock; a dispatcher
    /// sending one of them right now is waited for, so a reminder that went out with the old details is then seen as Sent
    /// and its recipient is told. Then withdraws the pending ones of
    /// <paramref name="withdrawKinds"/> and, when <paramref name="notify"/> is given, inserts that kind (due now, with that
    /// occasion) for everyone already reminded (an ActivityUpcoming or CheckInOpened sent).
    /// </summary>
    public async Task WithdrawAndNotifyAsync(
        Guid activityId, IReadOnlyCollection<ReminderKind> withdrawKinds, (ReminderKind Kind, string Occasion)? notify, DateTimeOffset now, CancellationToken ct)
    {
        const string LockSql = """
            SELECT id FROM reminders
            WHERE subject_id = @activityId AND kind IN ('ActivityUpcoming','CheckInOpened','ActivityChanged') AND status = 'Pending'
            ORDER BY id FOR UPDATE
            """;
        const string WithdrawSql = """
            UPDATE reminders SET status = 'Withdrawn', updated_at = @now
            WHERE subject_id = @activityId AND status = 'Pending' AND kind IN @kinds
            """;
        // DISTINCT before UUID(): one row per recipient however many reminders they were sent.
        const string NotifySql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), @kind, x.subject_id, x.studio_id, x.recipient_id, @occasion, @now, @now
            FROM (SELECT DISTINCT r.subject_id, r.studio_id, r.recipient_id
                  FROM reminders r
                  WHERE r.subject_id = @activityId AND r.kind IN ('ActivityUpcoming','CheckInOpened') AND r.status = 'Sent') x
            WHERE NOT EXISTS (SELECT 1 FROM reminders d
                              WHERE d.kind = @kind AND d.subject_id = x.subject_id AND d.recipient_id = x.recipient_id AND d.occasion = @occasion)
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        var kinds = withdrawKinds.Select(k => k.ToString()).ToArray();
        await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            await conn.ExecuteAsync(new CommandDefinition(LockSql, new { activityId }, tx, cancellationToken: ct));
            if (kinds.Length > 0)
                await conn.ExecuteAsync(new CommandDefinition(WithdrawSql, new { activityId, kinds, now }, tx, cancellationToken: ct));
            if (notify is var (kind, occasion))
                await conn.ExecuteAsync(new CommandDefinition(NotifySql, new { kind = kind.ToString(), activityId, occasion, now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }, ct);
    }

    /// <summary>
    /// Opens a dispatcher transaction and claims up to <paramref name="limit"/> reminders due at <paramref name="now"/>, earliest
    /// first: a single-table <c>SELECT … FOR UPDATE SKIP LOCKED</c>, so dispatchers on this and other instances take disjoint
    /// rows without waiting for each other, then the claimed rows' details by id. The rows stay locked until the batch
    /// completes or is disposed (rolled back: they are Pending again). READ COMMITTED: the claim takes record locks only, no
    /// gap locks, so the scheduler's inserts and the check-in path never wait for a batch's sends.
    /// The leader kinds' flags are computed in <paramref name="zone"/> (the month or year of <c>due_at</c> there).
    /// Studios are LEFT JOINed: the application kinds (CallDeadline, ApplicationDecided) have no studio, and their recipient
    /// counts as active (no membership to leave); their application and its call, and a RectificationDeadline's
    /// rectification, come with the row for <see cref="ReminderPolicy.WithdrawReason"/> and the template.
    /// </summary>
    public async Task<DueBatch> ClaimDueAsync(int limit, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        const string ClaimSql = """
            SELECT id FROM reminders
            WHERE status = 'Pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """;
        const string RowsSql = """
            SELECT r.id, r.kind, r.subject_id, r.studio_id, r.recipient_id, r.about_starts_at, r.due_at, r.attempts,
                   m.openid, m.unionid, m.display_name AS recipient_name, f.oa_openid, COALESCE(f.following, FALSE) AS following,
                   COALESCE(s.name, ap.studio_name, '') AS studio_name, a.title, a.starts_at, a.ends_at, a.venue_name, a.status AS activity_status, a.cancelled_reason,
                   ap.status AS application_status, c.title AS call_title, c.closes_at AS call_closes_at,
                   rc.status AS rectification_status, rc.deadline AS rectification_deadline,
                   (r.studio_id IS NULL OR EXISTS (SELECT 1 FROM studio_memberships sm
                                                   WHERE sm.studio_id = r.studio_id AND sm.member_id = r.recipient_id AND sm.active = 1)) AS recipient_active
            FROM reminders r
            JOIN members m ON m.id = r.recipient_id
            LEFT JOIN studios s ON s.id = r.studio_id
            LEFT JOIN activities a ON a.id = r.subject_id
            LEFT JOIN applications ap ON ap.id = r.subject_id AND r.kind IN ('CallDeadline','ApplicationDecided')
            LEFT JOIN calls c ON c.id = ap.call_id
            LEFT JOIN rectifications rc ON rc.id = r.subject_id AND r.kind = 'RectificationDeadline'
            LEFT JOIN official_account_followers f ON f.unionid = m.unionid
            WHERE r.id IN @ids
            """;
        // The leader kinds' flags for the whole batch in two statements (not one per row): the studios' scheduled seminars
        // in the span of the rows' months, and their submitted reports of the rows' years; matched to each row in C#.
        const string SeminarsSql = """
            SELECT studio_id, starts_at FROM activities
            WHERE studio_id IN @studioIds AND kind = 'MonthlySeminar' AND status = 'Scheduled' AND starts_at >= @from AND starts_at < @to
            """;
        const string ReportsSql = """
            SELECT studio_id, year FROM progress_reports WHERE studio_id IN @studioIds AND status = 'Submitted' AND year IN @years
            """;
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var ids = (await conn.QueryAsync<Guid>(new CommandDefinition(ClaimSql, new { now, limit }, tx, cancellationToken: ct))).AsList();
            if (ids.Count == 0) return new DueBatch(conn, tx, []);
            var rows = (await conn.QueryAsync<DueReminder>(new CommandDefinition(RowsSql, new { ids }, tx, cancellationToken: ct))).ToList();
            var duties = rows.Where(r => r.Kind == ReminderKind.LeaderMonthlyDuty).ToList();
            if (duties.Count > 0)
            {
                var months = duties.Select(r => ReminderPolicy.LocalMonth(r.DueAt, zone)).ToList();
                var seminars = (await conn.QueryAsync<(Guid StudioId, DateTime StartsAt)>(new CommandDefinition(SeminarsSql, new
                {
                    studioIds = duties.Select(r => r.SubjectId).Distinct().ToArray(), from = months.Min(m => m.Start), to = months.Max(m => m.End),
                }, tx, cancellationToken: ct))).ToLookup(s => s.StudioId, s => new DateTimeOffset(s.StartsAt, TimeSpan.Zero));
                for (var i = 0; i < rows.Count; i++)
                {
                    if (rows[i].Kind != ReminderKind.LeaderMonthlyDuty) continue;
                    var (start, end) = ReminderPolicy.LocalMonth(rows[i].DueAt, zone);
                    rows[i] = rows[i] with { SeminarScheduled = seminars[rows[i].SubjectId].Any(at => at >= start && at < end) };
                }
            }
            var reports = rows.Where(r => r.Kind == ReminderKind.LeaderAnnualReport).ToList();
            if (reports.Count > 0)
            {
                var submitted = (await conn.QueryAsync<(Guid StudioId, int Year)>(new CommandDefinition(ReportsSql, new
                {
                    studioIds = reports.Select(r => r.SubjectId).Distinct().ToArray(),
                    years = reports.Select(r => ReminderPolicy.LocalYear(r.DueAt, zone)).Distinct().ToArray(),
                }, tx, cancellationToken: ct))).ToHashSet();
                for (var i = 0; i < rows.Count; i++)
                    if (rows[i].Kind == ReminderKind.LeaderAnnualReport)
                        rows[i] = rows[i] with { ReportSubmitted = submitted.Contains((rows[i].SubjectId, ReminderPolicy.LocalYear(rows[i].DueAt, zone))) };
            }
            return new DueBatch(conn, tx, rows);
        }
        catch
        {
            await conn.DisposeAsync(); // rolls the claim back
            throw;
        }
    }

    /// <summary>
    /// Reminders claimed by one dispatcher transaction (<see cref="ClaimDueAsync"/>). While it is open no other dispatcher can
    /// claim its rows; <see cref="CompleteAsync"/> records every outcome, spends the credits of the subscribe messages WeChat
    /// accepted and commits, all at once, so each reminder is sent once and a credit is never spent twice. Disposed without
    /// completing, it rolls back and its rows are Pending again.
    /// </summary>
    public sealed class DueBatch : IAsyncDisposable
    {
        private readonly MySqlConnection conn;
        private readonly MySqlTransaction tx;

        internal DueBatch(MySqlConnection conn, MySqlTransaction tx, IReadOnlyList<DueReminder> rows)
        {
            this.conn = conn;
            this.tx = tx;
            Rows = rows;
        }

        /// <summary>The claimed reminders (empty when nothing was due).</summary>
        public IReadOnlyList<DueReminder> Rows { get; }

        /// <summary>
        /// Locks (FOR UPDATE, in primary-key order, so two dispatchers never deadlock) the consents of the batch's recipients to
        /// <paramref name="templateIds"/> that have credits, and returns them. Held until the batch commits.
        /// </summary>
        public async Task<Dictionary<(Guid MemberId, string TemplateId), int>> LockCreditsAsync(IReadOnlyCollection<string> templateIds, CancellationToken ct)
        {
            if (templateIds.Count == 0 || Rows.Count == 0) return [];
            const string Sql = """
                SELECT member_id, template_id, credits FROM subscription_consents
                WHERE member_id IN @members AND template_id IN @templates AND credits > 0
                ORDER BY member_id, template_id
                FOR UPDATE
                """;
            var members = Rows.Select(r => r.RecipientId).Distinct().ToArray();
            var found = await conn.QueryAsync<CreditRow>(new CommandDefinition(Sql, new { members, templates = templateIds.ToArray() }, tx, cancellationToken: ct));
            return found.ToDictionary(c => (c.MemberId, c.TemplateId), c => c.Credits);
        }

        /// <summary>The members of the batch who answered reject or ban to one of <paramref name="templateIds"/> (no lock: only explains a NoConsent).</summary>
        public async Task<HashSet<(Guid MemberId, string TemplateId)>> RefusalsAsync(IReadOnlyCollection<string> templateIds, CancellationToken ct)
        {
            if (templateIds.Count == 0 || Rows.Count == 0) return [];
            const string Sql = """
                SELECT member_id, template_id FROM subscription_consents
                WHERE member_id IN @members AND template_id IN @templates AND last_result IN ('reject', 'ban')
                """;
            var members = Rows.Select(r => r.RecipientId).Distinct().ToArray();
            var found = await conn.QueryAsync<(Guid MemberId, string TemplateId)>(new CommandDefinition(Sql, new { members, templates = templateIds.ToArray() }, tx, cancellationToken: ct));
            return found.ToHashSet();
        }

        /// <summary>
        /// Records <paramref name="outcomes"/>, spends <paramref name="spent"/> credits (member, subscribe template → messages
        /// accepted), marks the followers WeChat answered 43004 for as no longer following, and commits. The writes go to the
        /// server as one command (a few statements, one round trip), then the commit.
        /// </summary>
        public async Task CompleteAsync(
            IReadOnlyList<ReminderOutcome> outcomes, IReadOnlyDictionary<(Guid MemberId, string TemplateId), int> spent,
            IReadOnlyCollection<(string UnionId, string OaOpenId)> unfollowed, DateTimeOffset now, CancellationToken ct)
        {
            var sql = new StringBuilder();
            var parameters = new DynamicParameters();
            parameters.Add("now", now.UtcDateTime);
            AppendLedgerLocks(sql, parameters, outcomes);
            AppendRecord(sql, parameters, outcomes, now);
            AppendSpend(sql, parameters, spent);
            AppendUnfollow(sql, parameters, unfollowed);
            if (sql.Length > 0) await conn.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }

        /// <summary>
        /// A delivered ActivityUpcoming reminder raises its studio's ledger version (trigger reminders_ledger_upd, migration
        /// 0006). The one UPDATE of the outcomes would raise them in whatever order it meets the rows, and two batches
        /// sharing two studios would deadlock, rolling back a batch whose messages WeChat already accepted. So the clock and
        /// those studios' version rows are locked first, in key order, as every other writer takes them.
        /// </summary>
        private void AppendLedgerLocks(StringBuilder sql, DynamicParameters parameters, IReadOnlyList<ReminderOutcome> outcomes)
        {
            var sent = outcomes.Where(o => o.Status == ReminderStatus.Sent).Select(o => o.Id).ToHashSet();
            var studios = Rows.Where(r => r.Kind == ReminderKind.ActivityUpcoming && sent.Contains(r.Id)).Select(r => r.StudioId).OfType<Guid>().Distinct().ToArray();
            if (studios.Length == 0) return;
            parameters.Add("ledgerStudios", studios);
            sql.AppendLine("SELECT epoch FROM ledger_clock WHERE id = 1 LOCK IN SHARE MODE;");
            sql.AppendLine("SELECT studio_id FROM ledger_versions WHERE studio_id IN @ledgerStudios ORDER BY studio_id FOR UPDATE;");
        }

        /// <summary>
        /// Every outcome in one UPDATE over the claimed ids (a range of primary-key lookups), each column set by
        /// <c>CASE id WHEN … THEN … END</c>. Measured with scripts/bench-reminders.sh: a multi-table UPDATE joining a derived
        /// table of the outcomes was planned as a scan of the whole outbox (33 ms a batch at 10,000 rows), and one UPDATE
        /// per row cost a statement each (about 0.5 ms a row on this machine under load).
        /// </summary>
        private static void AppendRecord(StringBuilder sql, DynamicParameters parameters, IReadOnlyList<ReminderOutcome> outcomes, DateTimeOffset now)
        {
            if (outcomes.Count == 0) return;
            // column = CASE id WHEN @id0 THEN <value of row 0> … ELSE column END
            string Case(string column, Func<int, string> value)
            {
                var text = new StringBuilder($"{column} = CASE id");
                for (var i = 0; i < outcomes.Count; i++) text.Append($" WHEN @id{i} THEN ").Append(value(i));
                return text.Append($" ELSE {column} END").ToString();
            }
            for (var i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                parameters.Add($"id{i}", o.Id);
                parameters.Add($"status{i}", o.Status.ToString());
                parameters.Add($"channel{i}", o.Channel?.ToString(), DbType.String);
                parameters.Add($"template{i}", o.TemplateId, DbType.String);
                parameters.Add($"data{i}", o.Data, DbType.String);
                parameters.Add($"attempted{i}", o.Attempted ? 1 : 0);
                parameters.Add($"errcode{i}", o.ErrCode, DbType.Int32);
                parameters.Add($"error{i}", o.Error is { Length: > LastErrorLength } error ? error[..LastErrorLength] : o.Error, DbType.String);
                parameters.Add($"msgid{i}", o.MsgId, DbType.Int64);
                parameters.Add($"why{i}", o.Why?.ToString(), DbType.String);
                parameters.Add($"next{i}", o.NextAttemptAt?.UtcDateTime, DbType.DateTime);
                parameters.Add($"sentAt{i}", o.Status == ReminderStatus.Sent ? now.UtcDateTime : null, DbType.DateTime);
            }
            string[] assignments =
            [
                Case("status", i => $"@status{i}"),
                Case("channel", i => $"COALESCE(@channel{i}, channel)"),
                Case("template_id", i => $"COALESCE(@template{i}, template_id)"),
                Case("data", i => $"COALESCE(@data{i}, data)"),
                Case("attempts", i => $"attempts + @attempted{i}"),
                Case("last_errcode", i => $"@errcode{i}"),
                Case("last_error", i => $"@error{i}"),
                Case("undelivered_reason", i => $"@why{i}"),
                Case("wechat_msgid", i => $"COALESCE(@msgid{i}, wechat_msgid)"),
                Case("next_attempt_at", i => $"COALESCE(@next{i}, next_attempt_at)"),
                Case("sent_at", i => $"COALESCE(@sentAt{i}, sent_at)"),
                "updated_at = @now",
            ];
            sql.Append("UPDATE reminders SET ").AppendJoin(",\n    ", assignments)
                .Append("\nWHERE id IN (").AppendJoin(", ", Enumerable.Range(0, outcomes.Count).Select(i => $"@id{i}")).AppendLine(");");
        }

        /// <summary>Spends the credits of the messages sent: one UPDATE by primary key per (member, template), in key order.</summary>
        private static void AppendSpend(StringBuilder sql, DynamicParameters parameters, IReadOnlyDictionary<(Guid MemberId, string TemplateId), int> spent)
        {
            const string Update = """
                UPDATE subscription_consents SET credits = credits - @spentCount{0}, updated_at = @now
                WHERE member_id = @spentMember{0} AND template_id = @spentTemplate{0};
                """;
            var i = 0;
            foreach (var ((memberId, templateId), count) in spent.OrderBy(e => e.Key.MemberId).ThenBy(e => e.Key.TemplateId, StringComparer.Ordinal))
            {
                parameters.Add($"spentMember{i}", memberId);
                parameters.Add($"spentTemplate{i}", templateId);
                parameters.Add($"spentCount{i}", count);
                sql.AppendLine(string.Format(Update, i));
                i++;
            }
        }

        /// <summary>Forgets the followers WeChat says no longer follow: by primary key, in key order.</summary>
        private static void AppendUnfollow(StringBuilder sql, DynamicParameters parameters, IReadOnlyCollection<(string UnionId, string OaOpenId)> unfollowed)
        {
            const string Update = "UPDATE official_account_followers SET following = FALSE, updated_at = @now WHERE unionid = @unionId{0} AND oa_openid = @oaOpenId{0};";
            var i = 0;
            foreach (var (unionId, oaOpenId) in unfollowed.Distinct().OrderBy(u => u.UnionId, StringComparer.Ordinal))
            {
                parameters.Add($"unionId{i}", unionId);
                parameters.Add($"oaOpenId{i}", oaOpenId);
                sql.AppendLine(string.Format(Update, i));
                i++;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await conn.DisposeAsync();
        }

        private const int LastErrorLength = 500; // reminders.last_error VARCHAR(500)

        private sealed record CreditRow
        {
            public Guid MemberId { get; init; }
            public string TemplateId { get; init; } = "";
            public int Credits { get; init; }
        }
    }
}
