using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// All of the Reminders feature's SQL: subscribe consents, official-account followers, the activities' reminder settings,
/// the leader's list, and the outbox (<c>reminders</c>: scheduling in RemindersStore.Outbox.cs, claiming due rows and
/// recording what WeChat answered in <see cref="DueBatch"/>). The outbox statements read the tables they decide on
/// (activities, memberships, check-ins, progress reports) in the same statement, as the scheduler's rules need one snapshot.
/// Triggers of the Ledger feature watch <c>reminders</c> (reminders_ledger_ins/upd, V0006__ledger_versions.sql): a delivered
/// ActivityUpcoming reminder is a notice (通知) the ledger counts and raises its studio's ledger version.
/// </summary>
public sealed partial class RemindersStore(MySqlDataSource dataSource)
{
    /// <summary>
    /// Adds one credit per <c>accept</c> and remembers the last answer of each template, in one transaction (templates in
    /// ordinal order, the order the dispatcher locks consents in, so the two never deadlock).
    /// </summary>
    public async Task RecordConsentsAsync(Guid memberId, IReadOnlyDictionary<string, string> results, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO subscription_consents (member_id, template_id, credits, last_result, updated_at)
            VALUES (@memberId, @templateId, CASE WHEN @result = 'accept' THEN 1 ELSE 0 END, @result, @now)
            ON DUPLICATE KEY UPDATE credits = credits + VALUES(credits), last_result = VALUES(last_result), updated_at = VALUES(updated_at)
            """;
        await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            foreach (var (templateId, result) in results.OrderBy(r => r.Key, StringComparer.Ordinal))
                await conn.ExecuteAsync(new CommandDefinition(Sql, new { memberId, templateId, result, now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }, ct);
    }

    /// <summary>The member's consents: template id, credits left and last answer.</summary>
    public async Task<ConsentRow[]> ConsentsAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = "SELECT template_id, credits, last_result FROM subscription_consents WHERE member_id = @memberId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ConsentRow>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>Records that <paramref name="oaOpenId"/> (unionid <paramref name="unionId"/>) follows or stopped following the official account.</summary>
    public async Task RecordFollowerAsync(string unionId, string oaOpenId, bool following, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO official_account_followers (unionid, oa_openid, following, updated_at) VALUES (@unionId, @oaOpenId, @following, @now)
            ON DUPLICATE KEY UPDATE oa_openid = VALUES(oa_openid), following = VALUES(following), updated_at = VALUES(updated_at)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { unionId, oaOpenId, following, now }, cancellationToken: ct));
    }

    /// <summary>The leader's choice for the activity: remind members when check-in opens; null when not chosen.</summary>
    public async Task<bool?> CheckInOpenedSettingAsync(Guid activityId, CancellationToken ct)
    {
        const string Sql = "SELECT check_in_opened FROM activity_reminder_settings WHERE activity_id = @activityId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(Sql, new { activityId }, cancellationToken: ct));
    }

    /// <summary>Sets the activity's <c>check_in_opened</c> option (the activity exists).</summary>
    public async Task SetCheckInOpenedAsync(Guid activityId, bool checkInOpened, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO activity_reminder_settings (activity_id, check_in_opened, updated_at) VALUES (@activityId, @checkInOpened, @now)
            ON DUPLICATE KEY UPDATE check_in_opened = VALUES(check_in_opened), updated_at = VALUES(updated_at)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { activityId, checkInOpened, now }, cancellationToken: ct));
    }

    /// <summary>
    /// A page of the studio's reminders (latest due first), the total under <paramref name="status"/> (null: all), and the
    /// count per status over all of them.
    /// </summary>
    public async Task<ReminderPage> ListAsync(Guid studioId, ReminderStatus? status, int page, int pageSize, CancellationToken ct)
    {
        const string Sql = """
            SELECT r.id, r.kind, r.subject_id, a.title AS activity_title, r.recipient_id, m.display_name AS recipient_name,
                   r.due_at, r.status, r.channel, r.attempts, r.last_errcode, r.last_error, r.undelivered_reason, r.sent_at
            FROM reminders r
            JOIN members m ON m.id = r.recipient_id
            LEFT JOIN activities a ON a.id = r.subject_id
            WHERE r.studio_id = @studioId AND (@status IS NULL OR r.status = @status)
            ORDER BY r.due_at DESC, r.id
            LIMIT @pageSize OFFSET @offset;
            SELECT COUNT(*) FROM reminders WHERE studio_id = @studioId AND (@status IS NULL OR status = @status);
            SELECT status, COUNT(*) AS count FROM reminders WHERE studio_id = @studioId GROUP BY status;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql,
            new { studioId, status = status?.ToString(), pageSize, offset = (page - 1) * pageSize }, cancellationToken: ct));
        var items = (await grid.ReadAsync<ReminderDto>()).ToArray();
        var total = await grid.ReadSingleAsync<long>();
        var byStatus = (await grid.ReadAsync<StatusCount>()).ToDictionary(s => s.Status, s => (int)s.Count);
        return new ReminderPage(items, page, pageSize, (int)total, byStatus);
    }

    private sealed record StatusCount
    {
        public string Status { get; init; } = "";
        public long Count { get; init; }
    }
}

/// <summary>A row of <c>subscription_consents</c>: the credits a member has left for a subscribe template and the last answer.</summary>
public sealed record ConsentRow
{
    public string TemplateId { get; init; } = "";
    public int Credits { get; init; }
    public string? LastResult { get; init; }
}

/// <summary>
/// A due reminder claimed by a <see cref="RemindersStore.DueBatch"/>, with what sending or withdrawing it needs: the
/// recipient (mini-program openid, official-account follower), the studio (for an application kind, the applied-for studio's
/// name), and the activity, application and call, or rectification as they are now. Times UTC.
/// <see cref="SeminarScheduled"/> (LeaderMonthlyDuty: a MonthlySeminar is scheduled in the local month of <see cref="DueAt"/>)
/// and <see cref="ReportSubmitted"/> (LeaderAnnualReport: that local year's progress report is submitted) are false for other kinds.
/// </summary>
public sealed record DueReminder
{
    public Guid Id { get; init; }
    public ReminderKind Kind { get; init; }
    public Guid SubjectId { get; init; }
    /// <summary>Null for the application kinds (CallDeadline, ApplicationDecided): an application has no studio.</summary>
    public Guid? StudioId { get; init; }
    public Guid RecipientId { get; init; }
    public DateTimeOffset? AboutStartsAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public int Attempts { get; init; }
    public string Openid { get; init; } = "";
    public string? Unionid { get; init; }
    public string? RecipientName { get; init; }
    public string? OaOpenid { get; init; }
    public bool Following { get; init; }
    public string StudioName { get; init; } = "";
    public string? Title { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public string? VenueName { get; init; }
    public string? ActivityStatus { get; init; }
    public string? CancelledReason { get; init; }
    /// <summary>The application kinds: the application's status now (null when it is gone), its call's title and <c>closesAt</c> now.</summary>
    public string? ApplicationStatus { get; init; }
    public string? CallTitle { get; init; }
    public DateTimeOffset? CallClosesAt { get; init; }
    /// <summary>RectificationDeadline: the rectification's status now (Open, Reported, Closed, Revoked) and its deadline (a local date).</summary>
    public string? RectificationStatus { get; init; }
    public DateOnly? RectificationDeadline { get; init; }
    /// <summary>An active member of the row's studio; true for a row without a studio.</summary>
    public bool RecipientActive { get; init; }
    public bool SeminarScheduled { get; init; }
    public bool ReportSubmitted { get; init; }
}

/// <summary>
/// What a batch records for one reminder: its new <see cref="Status"/>, the channel and template it went by and the rendered
/// <see cref="Data"/> (JSON), whether a send was <see cref="Attempted"/>, WeChat's code and message (<see cref="Error"/> is
/// also the reason of a NoConsent or Withdrawn), the <c>msgid</c>, and <see cref="NextAttemptAt"/> only when it stays Pending for a retry.
/// </summary>
public sealed record ReminderOutcome(
    Guid Id, ReminderStatus Status, ReminderChannel? Channel = null, string? TemplateId = null, string? Data = null,
    bool Attempted = false, int? ErrCode = null, string? Error = null, long? MsgId = null, DateTimeOffset? NextAttemptAt = null,
    UndeliveredReason? Why = null);
