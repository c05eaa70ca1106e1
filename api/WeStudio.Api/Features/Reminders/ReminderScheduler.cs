using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// Puts reminders into the outbox (table <c>reminders</c>): one row per (kind, subject, recipient, occasion), inserted with
/// <c>ON CONFLICT DO NOTHING</c>, so scheduling twice, or on two instances at once, sends once. Rows are inserted when
/// they are due, with the membership of that moment; <see cref="ReminderDispatcher"/> sends them.
/// </summary>
public sealed class ReminderScheduler(NpgsqlDataSource dataSource, IOptionsMonitor<ReminderOptions> options, Calendar calendar, TimeProvider clock, ILogger<ReminderScheduler> logger)
{
    private ReminderOptions Options => options.CurrentValue;

    /// <summary>One pass of the time-driven kinds: activity reminders now due, the leader's monthly duty and annual report. Returns the rows added.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var added = 0;
        if (Options.IsEnabled(ReminderKind.ActivityUpcoming)) added += await UpcomingAsync(conn, now, ct);
        if (Options.IsEnabled(ReminderKind.LeaderMonthlyDuty)) added += await MonthlyDutyAsync(conn, now, ct);
        if (Options.IsEnabled(ReminderKind.LeaderAnnualReport)) added += await AnnualReportAsync(conn, now, ct);
        if (added > 0) logger.LogInformation("Scheduled {Count} reminders", added);
        return added;
    }

    /// <summary>
    /// For each lead (e.g. 1440 and 60 minutes), every active member of a studio with an activity whose reminder time for that
    /// lead has come and whose next shorter lead has not: an activity scheduled 2 h ahead gets its "24 h" reminder at once and
    /// its 1 h reminder an hour later, and none is sent once the activity has started. An activity is expanded to its members
    /// once per lead (later passes skip it, so a pass costs little however large the studios): a member who joins after a
    /// lead's reminders were scheduled gets the next lead's.
    /// </summary>
    private async Task<int> UpcomingAsync(NpgsqlConnection conn, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (kind, subject_id, studio_id, recipient_id, occasion, about_starts_at, due_at, next_attempt_at)
            SELECT 'ActivityUpcoming', a.id, a.studio_id, m.member_id,
                   @lead || 'm@' || extract(epoch FROM a.starts_at)::bigint, a.starts_at,
                   a.starts_at - make_interval(mins => @lead), a.starts_at - make_interval(mins => @lead)
            FROM activities a
            JOIN studios s ON s.id = a.studio_id AND s.status IN ('Approved','Active','Rectifying')
            JOIN studio_memberships m ON m.studio_id = a.studio_id AND m.removed_at IS NULL
            WHERE a.status = 'Scheduled'
              AND a.starts_at <= @now + make_interval(mins => @lead)
              AND a.starts_at > @now + make_interval(mins => @nextLead)
              AND NOT EXISTS (SELECT 1 FROM reminders r
                              WHERE r.kind = 'ActivityUpcoming' AND r.subject_id = a.id
                                AND r.occasion = @lead || 'm@' || extract(epoch FROM a.starts_at)::bigint)
            ON CONFLICT (kind, subject_id, recipient_id, occasion) DO NOTHING
            """;
        var leads = Options.ActivityLeadMinutes.Where(l => l > 0).Distinct().OrderDescending().ToArray();
        var added = 0;
        for (var i = 0; i < leads.Length; i++)
        {
            var nextLead = i + 1 < leads.Length ? leads[i + 1] : 0;
            added += await conn.ExecuteAsync(new CommandDefinition(Sql, new { lead = leads[i], nextLead, now = now.UtcDateTime }, cancellationToken: ct));
        }
        return added;
    }

    /// <summary>
    /// From <c>MonthlyDutyDay</c> at <c>LeaderReminderTime</c> (Asia/Shanghai) to the month's end: the leader of every active or
    /// rectifying studio without a MonthlySeminar scheduled in that month, once a month (occasion <c>yyyy-MM</c>).
    /// </summary>
    private async Task<int> MonthlyDutyAsync(NpgsqlConnection conn, DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.Today;
        var day = Math.Clamp(Options.MonthlyDutyDay, 1, DateTime.DaysInMonth(today.Year, today.Month));
        var dueAt = calendar.At(new DateOnly(today.Year, today.Month, day), LeaderTime);
        if (dueAt > now) return 0;
        var monthStart = calendar.At(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        var monthEnd = calendar.At(new DateOnly(today.Year, today.Month, 1).AddMonths(1), TimeOnly.MinValue);
        const string Sql = """
            INSERT INTO reminders (kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT 'LeaderMonthlyDuty', s.id, s.id, m.member_id, @occasion, @dueAt, @dueAt
            FROM studios s
            JOIN studio_memberships m ON m.studio_id = s.id AND m.role = 'Leader' AND m.removed_at IS NULL
            WHERE s.status IN ('Active','Rectifying')
              AND NOT EXISTS (SELECT 1 FROM activities a
                              WHERE a.studio_id = s.id AND a.kind = 'MonthlySeminar' AND a.status = 'Scheduled'
                                AND a.starts_at >= @monthStart AND a.starts_at < @monthEnd)
            ON CONFLICT (kind, subject_id, recipient_id, occasion) DO NOTHING
            """;
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            occasion = $"{today.Year:D4}-{today.Month:D2}", dueAt = dueAt.UtcDateTime,
            monthStart = monthStart.UtcDateTime, monthEnd = monthEnd.UtcDateTime,
        }, cancellationToken: ct));
    }

    /// <summary>
    /// 1 and 20 December at <c>LeaderReminderTime</c>: the leader of every active or rectifying studio whose progress
    /// report of the year is not submitted (Liuzhou, seeds/000: "每年 12 月底前，需提交年度建设进展报告"; a returned report
    /// counts as not submitted). The dispatcher withdraws the reminder if the report is submitted before it goes out.
    /// </summary>
    private async Task<int> AnnualReportAsync(NpgsqlConnection conn, DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.Today;
        if (today.Month != 12) return 0;
        var day = today.Day >= 20 ? 20 : 1;
        var dueAt = calendar.At(new DateOnly(today.Year, 12, day), LeaderTime);
        if (dueAt > now) return 0;
        const string Sql = """
            INSERT INTO reminders (kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT 'LeaderAnnualReport', s.id, s.id, m.member_id, @occasion, @dueAt, @dueAt
            FROM studios s
            JOIN studio_memberships m ON m.studio_id = s.id AND m.role = 'Leader' AND m.removed_at IS NULL
            WHERE s.status IN ('Active','Rectifying')
              AND NOT EXISTS (SELECT 1 FROM progress_reports p WHERE p.studio_id = s.id AND p.year = @year AND p.status = 'Submitted')
            ON CONFLICT (kind, subject_id, recipient_id, occasion) DO NOTHING
            """;
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { occasion = $"{today.Year:D4}-12-{day:D2}", dueAt = dueAt.UtcDateTime, year = today.Year }, cancellationToken: ct));
    }

    private TimeOnly LeaderTime => TimeOnly.TryParse(Options.LeaderReminderTime, out var time) ? time : new TimeOnly(9, 0);

    /// <summary>
    /// After a leader edited an activity (ActivitiesApi): when its title, start, end or venue changed, members already reminded
    /// of it (ActivityUpcoming or CheckInOpened sent) get an ActivityChanged reminder, once per edit; pending reminders for the
    /// old start are withdrawn (the scheduler adds those for the new start when their time comes).
    /// </summary>
    public async Task ActivityChangedAsync(ActivityDto before, ActivityDto after, CancellationToken ct)
    {
        if (before.Title == after.Title && before.StartsAt == after.StartsAt && before.EndsAt == after.EndsAt && before.VenueName == after.VenueName) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockPendingAsync(conn, tx, after.Id, ct);
        if (before.StartsAt != after.StartsAt) await WithdrawPendingAsync(conn, tx, after.Id, ["ActivityUpcoming"], ct);
        if (Options.IsEnabled(ReminderKind.ActivityChanged))
            await NotifyRemindedAsync(conn, tx, after.Id, ReminderKind.ActivityChanged, $"changed@{after.UpdatedAt.ToUnixTimeMilliseconds()}", ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>After a leader cancelled an activity: its pending reminders are withdrawn and members already reminded get an ActivityCancelled reminder.</summary>
    public async Task ActivityCancelledAsync(Guid activityId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockPendingAsync(conn, tx, activityId, ct);
        await WithdrawPendingAsync(conn, tx, activityId, ["ActivityUpcoming", "CheckInOpened", "ActivityChanged"], ct);
        if (Options.IsEnabled(ReminderKind.ActivityCancelled))
            await NotifyRemindedAsync(conn, tx, activityId, ReminderKind.ActivityCancelled, "cancelled", ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Check-in of the activity was opened: when the activity wants it (its reminder settings, else
    /// <c>CheckInOpenedByDefault</c>), every active member without a live check-in gets a CheckInOpened reminder,
    /// once per activity (reopening sends nothing new). Called by the check-in open endpoint; returns the rows added.
    /// </summary>
    public async Task<int> CheckInOpenedAsync(Guid activityId, CancellationToken ct)
    {
        if (!Options.IsEnabled(ReminderKind.CheckInOpened)) return 0;
        const string Sql = """
            INSERT INTO reminders (kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT 'CheckInOpened', a.id, a.studio_id, m.member_id, 'opened', @now, @now
            FROM activities a
            JOIN studio_memberships m ON m.studio_id = a.studio_id AND m.removed_at IS NULL
            WHERE a.id = @activityId AND a.status = 'Scheduled'
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.activity_id = a.id AND c.member_id = m.member_id AND c.revoked_at IS NULL)
              AND COALESCE((SELECT s.check_in_opened FROM activity_reminder_settings s WHERE s.activity_id = a.id), @byDefault)
            ON CONFLICT (kind, subject_id, recipient_id, occasion) DO NOTHING
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { activityId, now = clock.GetUtcNow().UtcDateTime, byDefault = Options.CheckInOpenedByDefault }, cancellationToken: ct));
    }

    private static Task WithdrawPendingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid activityId, string[] kinds, CancellationToken ct)
    {
        const string Sql = """
            UPDATE reminders SET status = 'Withdrawn', updated_at = now()
            WHERE subject_id = @activityId AND status = 'Pending' AND kind = ANY (@kinds)
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { activityId, kinds }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// Locks the activity's pending reminders, in id order (so two edits never deadlock). It waits for a dispatcher sending
    /// one of them right now to commit, so a reminder that went out with the old details is then seen as Sent and its
    /// recipient is told of the change; the pending ones wait for this transaction and go out with the new details.
    /// </summary>
    private static Task LockPendingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid activityId, CancellationToken ct)
    {
        const string Sql = """
            SELECT id FROM reminders
            WHERE subject_id = @activityId AND kind IN ('ActivityUpcoming','CheckInOpened','ActivityChanged') AND status = 'Pending'
            ORDER BY id FOR UPDATE
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { activityId }, tx, cancellationToken: ct));
    }

    /// <summary>Inserts <paramref name="kind"/> for everyone already reminded of the activity (an ActivityUpcoming or CheckInOpened sent).</summary>
    private async Task NotifyRemindedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid activityId, ReminderKind kind, string occasion, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO reminders (kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT DISTINCT @kind, r.subject_id, r.studio_id, r.recipient_id, @occasion, @now::timestamptz, @now::timestamptz
            FROM reminders r
            WHERE r.subject_id = @activityId AND r.kind IN ('ActivityUpcoming','CheckInOpened') AND r.status = 'Sent'
            ON CONFLICT (kind, subject_id, recipient_id, occasion) DO NOTHING
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { kind = kind.ToString(), activityId, occasion, now = clock.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
    }
}
