using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>What one dispatch pass did: rows settled (sent, refused, withdrawn or rescheduled) and whether the send rate stopped it.</summary>
public sealed record DispatchResult(int Handled, int Sent, bool RateLimited, TimeSpan RetryAfter);

/// <summary>
/// Sends due reminders. A worker claims up to <c>BatchSize</c> due rows with <c>FOR UPDATE SKIP LOCKED</c> in one transaction,
/// sends each, records the outcome (and spends the subscribe credit) in that same transaction and commits: while the
/// transaction is open no other dispatcher, on this instance or another, can claim those rows, so each reminder is sent
/// once. If the process dies between a send and the commit, the rows of that batch return to Pending and are sent again
/// (at-least-once for at most one batch per worker); template messages carry <c>client_msg_id</c> = the reminder id, which
/// WeChat de-duplicates, subscribe messages have no such key.
/// Channel: a subscribe message when the member has a credit for the kind's subscribe template; else a template message
/// when the member's unionid follows the official account; else <c>NoConsent</c>, so the leader knows whom to phone.
/// WeChat's answers: 0 → Sent; 43101 → NoConsent (no credit spent); 43004 → NotFollowing; -1, 45009, 45011, network, and
/// 40001/42001 still refused after the client's refresh-and-retry → retried after a backoff with jitter, Failed after
/// <c>MaxAttempts</c>; 47003 and any other code → Failed, logged as an error.
/// </summary>
public sealed class ReminderDispatcher(
    NpgsqlDataSource dataSource, IServiceProvider services, IOptionsMonitor<ReminderOptions> options, IOptions<WeChatOptions> weChatOptions,
    ReminderRateLimiter rateLimiter, Calendar calendar, TimeProvider clock, ILogger<ReminderDispatcher> logger)
{
    public const string SubscribeSendPath = "cgi-bin/message/subscribe/send";
    public const string TemplateSendPath = "cgi-bin/message/template/send";

    private ReminderOptions Options => options.CurrentValue;

    /// <summary>One pass: <c>Workers</c> concurrent workers take batches until nothing is due or the send rate is used up.</summary>
    public async Task<DispatchResult> RunOnceAsync(CancellationToken ct)
    {
        var workers = Enumerable.Range(0, Math.Max(1, Options.Workers)).Select(_ => WorkAsync(ct)).ToArray();
        var results = await Task.WhenAll(workers);
        return new DispatchResult(results.Sum(r => r.Handled), results.Sum(r => r.Sent), results.Any(r => r.RateLimited),
            results.Select(r => r.RetryAfter).DefaultIfEmpty(TimeSpan.Zero).Max());
    }

    private async Task<DispatchResult> WorkAsync(CancellationToken ct)
    {
        var weChat = services.GetRequiredService<IWeChatClient>();
        var (handled, sent) = (0, 0);
        while (!ct.IsCancellationRequested)
        {
            var (granted, retryAfter) = await rateLimiter.TryTakeAsync(Math.Max(1, Options.BatchSize));
            if (granted == 0) return new DispatchResult(handled, sent, true, retryAfter);
            var batch = await RunBatchAsync(weChat, granted, ct);
            handled += batch.Handled;
            sent += batch.Sent;
            if (batch.Handled < granted) break;
        }
        return new DispatchResult(handled, sent, false, TimeSpan.Zero);
    }

    private const string ClaimSql = """
        SELECT r.id, r.kind, r.subject_id, r.studio_id, r.recipient_id, r.about_starts_at, r.due_at, r.attempts,
               m.openid, m.display_name AS recipient_name, f.oa_openid, COALESCE(f.following, false) AS following,
               s.name AS studio_name, a.title, a.starts_at, a.ends_at, a.venue_name, a.status AS activity_status, a.cancelled_reason,
               EXISTS (SELECT 1 FROM studio_memberships sm
                       WHERE sm.studio_id = r.studio_id AND sm.member_id = r.recipient_id AND sm.removed_at IS NULL) AS recipient_active,
               (r.kind = 'LeaderMonthlyDuty' AND EXISTS (
                   SELECT 1 FROM activities x
                   WHERE x.studio_id = r.subject_id AND x.kind = 'MonthlySeminar' AND x.status = 'Scheduled'
                     AND date_trunc('month', x.starts_at AT TIME ZONE @zone) = date_trunc('month', r.due_at AT TIME ZONE @zone))) AS seminar_scheduled
        FROM reminders r
        JOIN members m ON m.id = r.recipient_id
        JOIN studios s ON s.id = r.studio_id
        LEFT JOIN activities a ON a.id = r.subject_id
        LEFT JOIN official_account_followers f ON f.unionid = m.unionid
        WHERE r.status = 'Pending' AND r.next_attempt_at <= @now
        ORDER BY r.next_attempt_at
        LIMIT @limit
        FOR UPDATE OF r SKIP LOCKED
        """;

    /// <summary>One transaction: claim up to <paramref name="limit"/> due rows, send, record, commit.</summary>
    internal async Task<(int Handled, int Sent)> RunBatchAsync(IWeChatClient weChat, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rows = (await conn.QueryAsync<DueRow>(new CommandDefinition(ClaimSql,
            new { now = now.UtcDateTime, limit, zone = calendar.Zone.Id }, tx, cancellationToken: ct))).ToList();
        if (rows.Count == 0) return (0, 0);

        // Credits are locked row by row; taking them in one order in every transaction means two workers never deadlock.
        var sent = 0;
        foreach (var row in rows.OrderBy(r => r.RecipientId).ThenBy(r => r.Id))
        {
            if (await HandleAsync(conn, tx, weChat, row, now, ct)) sent++;
        }
        await tx.CommitAsync(ct);
        return (rows.Count, sent);
    }

    /// <summary>Settles one claimed row inside the batch's transaction; true when WeChat accepted a message.</summary>
    private async Task<bool> HandleAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IWeChatClient weChat, DueRow row, DateTimeOffset now, CancellationToken ct)
    {
        if (WithdrawReason(row, now) is { } reason)
        {
            await SettleAsync(conn, tx, row, ReminderStatus.Withdrawn, null, null, null, null, reason, null, now, ct);
            return false;
        }

        var templates = Options.For(row.Kind);
        var subscribe = templates?.Subscribe is { TemplateId.Length: > 0 } s ? s : null;
        var official = templates?.Official is { TemplateId.Length: > 0 } o ? o : null;
        ReminderChannel channel;
        TemplateConfig template;
        if (subscribe is not null && await CreditsAsync(conn, tx, row.RecipientId, subscribe.TemplateId, ct) > 0)
            (channel, template) = (ReminderChannel.Subscribe, subscribe);
        else if (official is not null && row.Following && !string.IsNullOrEmpty(row.OaOpenid))
            (channel, template) = (ReminderChannel.Template, official);
        else
        {
            var why = templates is null ? $"no template is configured for {row.Kind}" : "no subscribe credit and not following the official account";
            await SettleAsync(conn, tx, row, ReminderStatus.NoConsent, null, null, null, null, why, null, now, ct);
            return false;
        }

        var data = TemplateFields.Render(template, Values(row), calendar.Zone);
        var page = Page(template, row);
        object body = channel == ReminderChannel.Subscribe
            ? new { touser = row.Openid, template_id = template.TemplateId, page, data, miniprogram_state = Options.MiniProgramState, lang = "zh_CN" }
            : new
            {
                touser = row.OaOpenid, template_id = template.TemplateId,
                miniprogram = page is null ? null : new { appid = weChatOptions.Value.AppId, pagepath = page },
                data, client_msg_id = row.Id.ToString("N"),
            };
        var answer = await weChat.PostAsync<SendResponse>(channel == ReminderChannel.Subscribe ? SubscribeSendPath : TemplateSendPath, body, ct);
        var json = JsonSerializer.Serialize(data);

        if (answer.IsSuccess)
        {
            if (channel == ReminderChannel.Subscribe) await SpendCreditAsync(conn, tx, row.RecipientId, template.TemplateId, now, ct);
            await SettleAsync(conn, tx, row, ReminderStatus.Sent, channel, template.TemplateId, json, null, null, answer.Value.MsgId, now, ct);
            return true;
        }

        var error = answer.Error;
        switch (error.ErrCode)
        {
            case 43101:
                await SettleAsync(conn, tx, row, ReminderStatus.NoConsent, channel, template.TemplateId, json, error.ErrCode, error.ErrMsg, null, now, ct);
                break;
            case 43004:
                await SettleAsync(conn, tx, row, ReminderStatus.NotFollowing, channel, template.TemplateId, json, error.ErrCode, error.ErrMsg, null, now, ct);
                await conn.ExecuteAsync(new CommandDefinition(
                    "UPDATE official_account_followers SET following = false, updated_at = @now WHERE oa_openid = @openid",
                    new { openid = row.OaOpenid, now = now.UtcDateTime }, tx, cancellationToken: ct));
                break;
            case var _ when error.IsTransient || error.IsAccessTokenRejected:
                var attempts = row.Attempts + 1;
                if (attempts >= Options.MaxAttempts)
                {
                    logger.LogWarning("Reminder {Id} ({Kind}) failed after {Attempts} attempts: errcode {ErrCode} {ErrMsg}", row.Id, row.Kind, attempts, error.ErrCode, error.ErrMsg);
                    await SettleAsync(conn, tx, row, ReminderStatus.Failed, channel, template.TemplateId, json, error.ErrCode, error.ErrMsg, null, now, ct);
                }
                else
                {
                    await RetryLaterAsync(conn, tx, row, attempts, error, now, ct);
                }
                break;
            default:
                // 47003 (a field value WeChat refuses), 40037 (unknown template), 40003 (bad openid): our bug or our configuration.
                logger.LogError("Reminder {Id} ({Kind}) REFUSED by WeChat {Path} with errcode {ErrCode} {ErrMsg}; template {TemplateId}, data {Data}",
                    row.Id, row.Kind, channel == ReminderChannel.Subscribe ? SubscribeSendPath : TemplateSendPath, error.ErrCode, error.ErrMsg, template.TemplateId, json);
                await SettleAsync(conn, tx, row, ReminderStatus.Failed, channel, template.TemplateId, json, error.ErrCode, error.ErrMsg, null, now, ct);
                break;
        }
        return false;
    }

    /// <summary>Why a due reminder is no longer true (it is then withdrawn, not sent), or null.</summary>
    private static string? WithdrawReason(DueRow row, DateTimeOffset now) => row.Kind switch
    {
        _ when !row.RecipientActive => "the recipient left the studio",
        ReminderKind.ActivityUpcoming when row.ActivityStatus != "Scheduled" => "the activity is cancelled",
        ReminderKind.ActivityUpcoming when row.StartsAt != row.AboutStartsAt => "the activity moved",
        ReminderKind.ActivityUpcoming when row.StartsAt <= now => "the activity has started",
        ReminderKind.CheckInOpened when row.ActivityStatus != "Scheduled" || row.EndsAt <= now => "the activity is over or cancelled",
        ReminderKind.ActivityChanged when row.ActivityStatus != "Scheduled" => "the activity is cancelled",
        ReminderKind.LeaderMonthlyDuty when row.SeminarScheduled => "a MonthlySeminar is scheduled this month",
        _ => null,
    };

    /// <summary>The placeholders a template may use (TemplateConfig): activity, studio, recipient and the leader kinds' month and deadline.</summary>
    private Dictionary<string, object?> Values(DueRow row)
    {
        var local = TimeZoneInfo.ConvertTime(row.DueAt, calendar.Zone);
        var monthEnd = new DateOnly(local.Year, local.Month, 1).AddMonths(1).AddDays(-1);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Title"] = row.Title,
            ["StartsAt"] = row.StartsAt,
            ["EndsAt"] = row.EndsAt,
            ["Venue"] = string.IsNullOrWhiteSpace(row.VenueName) ? "待定" : row.VenueName,
            ["Studio"] = row.StudioName,
            ["Reason"] = row.CancelledReason,
            ["Recipient"] = row.RecipientName,
            ["Month"] = $"{local.Year}年{local.Month}月",
            ["Deadline"] = row.Kind == ReminderKind.LeaderAnnualReport ? new DateOnly(local.Year, 12, 31) : monthEnd,
        };
    }

    private static string? Page(TemplateConfig template, DueRow row) =>
        string.IsNullOrWhiteSpace(template.Page) ? null
        : template.Page.Replace("{activityId}", row.SubjectId.ToString()).Replace("{studioId}", row.StudioId.ToString());

    private static async Task<int> CreditsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid memberId, string templateId, CancellationToken ct)
    {
        const string Sql = "SELECT credits FROM subscription_consents WHERE member_id = @memberId AND template_id = @templateId FOR UPDATE";
        return await conn.ExecuteScalarAsync<int?>(new CommandDefinition(Sql, new { memberId, templateId }, tx, cancellationToken: ct)) ?? 0;
    }

    private static Task SpendCreditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid memberId, string templateId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE subscription_consents SET credits = credits - 1, updated_at = @now
            WHERE member_id = @memberId AND template_id = @templateId AND credits > 0
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { memberId, templateId, now = now.UtcDateTime }, tx, cancellationToken: ct));
    }

    private static Task SettleAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DueRow row, ReminderStatus status, ReminderChannel? channel,
        string? templateId, string? data, int? errcode, string? error, long? msgId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE reminders
            SET status = @status, channel = @channel, template_id = @templateId, data = @data::jsonb,
                attempts = attempts + @sendAttempt, last_errcode = @errcode, last_error = @error, wechat_msgid = @msgId,
                sent_at = CASE WHEN @status = 'Sent' THEN @now ELSE sent_at END, updated_at = @now
            WHERE id = @id
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id = row.Id, status = status.ToString(), channel = channel?.ToString(), templateId, data, errcode, error, msgId,
            sendAttempt = channel is null ? 0 : 1, now = now.UtcDateTime,
        }, tx, cancellationToken: ct));
    }

    private Task RetryLaterAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DueRow row, int attempts, WeChatError error, DateTimeOffset now, CancellationToken ct)
    {
        var next = now + Backoff(attempts, Options, Random.Shared.NextDouble());
        const string Sql = """
            UPDATE reminders SET attempts = @attempts, next_attempt_at = @next, last_errcode = @errcode, last_error = @error, updated_at = @now
            WHERE id = @id
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id = row.Id, attempts, next = next.UtcDateTime, errcode = error.ErrCode, error = error.ErrMsg, now = now.UtcDateTime,
        }, tx, cancellationToken: ct));
    }

    /// <summary>Wait before attempt <paramref name="attempts"/> + 1: base × 2^(attempts−1), capped, times 0.5–1.5 from <paramref name="random"/> ∈ [0, 1).</summary>
    public static TimeSpan Backoff(int attempts, ReminderOptions options, double random)
    {
        var seconds = Math.Min(options.RetryMaxSeconds, options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.5 + random));
    }

    private sealed record SendResponse : WeChatResponse
    {
        [System.Text.Json.Serialization.JsonPropertyName("msgid")]
        public long? MsgId { get; init; }
    }

    private sealed record DueRow
    {
        public Guid Id { get; init; }
        public ReminderKind Kind { get; init; }
        public Guid SubjectId { get; init; }
        public Guid StudioId { get; init; }
        public Guid RecipientId { get; init; }
        public DateTimeOffset? AboutStartsAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public int Attempts { get; init; }
        public string Openid { get; init; } = "";
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
        public bool RecipientActive { get; init; }
        public bool SeminarScheduled { get; init; }
    }
}
