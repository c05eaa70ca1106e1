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
/// locks the consents they may spend, sends the batch's messages concurrently, records every outcome and spends the
/// subscribe credits of the messages WeChat accepted in that same transaction, and commits: while the
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
        var official = OfficialAccountClient(weChat);
        var (handled, sent) = (0, 0);
        while (!ct.IsCancellationRequested)
        {
            var (granted, retryAfter) = await rateLimiter.TryTakeAsync(Math.Max(1, Options.BatchSize));
            if (granted == 0) return new DispatchResult(handled, sent, true, retryAfter);
            var batch = await RunBatchAsync(weChat, official, granted, ct);
            handled += batch.Handled;
            sent += batch.Sent;
            if (batch.Handled < granted) break;
        }
        return new DispatchResult(handled, sent, false, TimeSpan.Zero);
    }

    /// <summary>
    /// The client of the official account (<c>Reminders:OfficialAccount</c>): the same typed HttpClient and Redis token cache
    /// (keyed by AppId) as the mini-program's, with the account's credentials; the mini-program's client when none is configured.
    /// </summary>
    private IWeChatClient OfficialAccountClient(IWeChatClient miniProgram)
    {
        var account = Options.OfficialAccount;
        if (string.IsNullOrWhiteSpace(account.AppId)) return miniProgram;
        var main = weChatOptions.Value;
        var accountOptions = new WeChatOptions { BaseUrl = main.BaseUrl, AppId = account.AppId, AppSecret = account.AppSecret, TimeoutSeconds = main.TimeoutSeconds };
        return new WeChatClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IWeChatClient)),
            Microsoft.Extensions.Options.Options.Create(accountOptions), services.GetRequiredService<RedisConnection>(), services.GetRequiredService<ILogger<WeChatClient>>());
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
                     AND date_trunc('month', x.starts_at AT TIME ZONE @zone) = date_trunc('month', r.due_at AT TIME ZONE @zone))) AS seminar_scheduled,
               (r.kind = 'LeaderAnnualReport' AND EXISTS (
                   SELECT 1 FROM progress_reports p
                   WHERE p.studio_id = r.subject_id AND p.status = 'Submitted'
                     AND p.year = extract(year FROM r.due_at AT TIME ZONE @zone)::int)) AS report_submitted
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

    /// <summary>
    /// One transaction: claim up to <paramref name="limit"/> due rows, lock the consents they may spend, send the messages
    /// (concurrently), record every outcome and spend the credits of the messages sent, commit.
    /// </summary>
    internal async Task<(int Handled, int Sent)> RunBatchAsync(IWeChatClient weChat, IWeChatClient official, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rows = (await conn.QueryAsync<DueRow>(new CommandDefinition(ClaimSql,
            new { now = now.UtcDateTime, limit, zone = calendar.Zone.Id }, tx, cancellationToken: ct))).ToList();
        if (rows.Count == 0) return (0, 0);

        var credits = await LockCreditsAsync(conn, tx, rows, ct);
        var outcomes = new List<Outcome>(rows.Count);
        var sends = new List<(DueRow Row, ReminderChannel Channel, TemplateConfig Template, object Body, string Data)>();
        foreach (var row in rows)
        {
            if (WithdrawReason(row, now) is { } reason)
            {
                outcomes.Add(new Outcome(row.Id, ReminderStatus.Withdrawn, Error: reason));
                continue;
            }
            var templates = Options.For(row.Kind);
            var subscribe = templates?.Subscribe is { TemplateId.Length: > 0 } s ? s : null;
            var accountTemplate = templates?.Official is { TemplateId.Length: > 0 } o ? o : null;
            if (subscribe is not null && credits.TryGetValue((row.RecipientId, subscribe.TemplateId), out var left) && left > 0)
            {
                credits[(row.RecipientId, subscribe.TemplateId)] = left - 1; // reserved in this batch; the database spends only what WeChat accepts
                sends.Add(Prepare(row, ReminderChannel.Subscribe, subscribe));
            }
            else if (accountTemplate is not null && row.Following && !string.IsNullOrEmpty(row.OaOpenid))
                sends.Add(Prepare(row, ReminderChannel.Template, accountTemplate));
            else
                outcomes.Add(new Outcome(row.Id, ReminderStatus.NoConsent,
                    Error: templates is null ? $"no template is configured for {row.Kind}" : "no subscribe credit and not following the official account"));
        }

        var answers = await Task.WhenAll(sends.Select(send => send.Channel == ReminderChannel.Subscribe
            ? weChat.PostAsync<SendResponse>(SubscribeSendPath, send.Body, ct)
            : official.PostAsync<SendResponse>(TemplateSendPath, send.Body, ct)));
        var spent = new Dictionary<(Guid MemberId, string TemplateId), int>();
        var unfollowed = new List<string>();
        for (var i = 0; i < sends.Count; i++)
        {
            var (row, channel, template, _, data) = sends[i];
            var answer = answers[i];
            if (answer.IsSuccess)
            {
                if (channel == ReminderChannel.Subscribe) spent[(row.RecipientId, template.TemplateId)] = spent.GetValueOrDefault((row.RecipientId, template.TemplateId)) + 1;
                outcomes.Add(new Outcome(row.Id, ReminderStatus.Sent, channel, template.TemplateId, data, Attempted: true, MsgId: answer.Value.MsgId));
                continue;
            }
            var error = answer.Error;
            var failed = new Outcome(row.Id, ReminderStatus.Failed, channel, template.TemplateId, data, Attempted: true, ErrCode: error.ErrCode, Error: error.ErrMsg);
            switch (error.ErrCode)
            {
                case 43101:
                    outcomes.Add(failed with { Status = ReminderStatus.NoConsent });
                    break;
                case 43004:
                    outcomes.Add(failed with { Status = ReminderStatus.NotFollowing });
                    unfollowed.Add(row.OaOpenid!);
                    break;
                case var _ when error.IsTransient || error.IsAccessTokenRejected:
                    if (row.Attempts + 1 >= Options.MaxAttempts)
                    {
                        logger.LogWarning("Reminder {Id} ({Kind}) failed after {Attempts} attempts: errcode {ErrCode} {ErrMsg}", row.Id, row.Kind, row.Attempts + 1, error.ErrCode, error.ErrMsg);
                        outcomes.Add(failed);
                    }
                    else
                    {
                        outcomes.Add(failed with { Status = ReminderStatus.Pending, NextAttemptAt = now + Backoff(row.Attempts + 1, Options, Random.Shared.NextDouble()) });
                    }
                    break;
                default:
                    // 47003 (a field value WeChat refuses), 40037 (unknown template), 40003 (bad openid): our bug or our configuration.
                    logger.LogError("Reminder {Id} ({Kind}) REFUSED by WeChat {Path} with errcode {ErrCode} {ErrMsg}; template {TemplateId}, data {Data}",
                        row.Id, row.Kind, channel == ReminderChannel.Subscribe ? SubscribeSendPath : TemplateSendPath, error.ErrCode, error.ErrMsg, template.TemplateId, data);
                    outcomes.Add(failed);
                    break;
            }
        }

        await RecordAsync(conn, tx, outcomes, now, ct);
        await SpendCreditsAsync(conn, tx, spent, now, ct);
        if (unfollowed.Count > 0)
            await conn.ExecuteAsync(new CommandDefinition(
                "UPDATE official_account_followers SET following = false, updated_at = @now WHERE oa_openid = ANY (@unfollowed)",
                new { unfollowed = unfollowed.ToArray(), now = now.UtcDateTime }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (rows.Count, outcomes.Count(o => o.Status == ReminderStatus.Sent));
    }

    /// <summary>The WeChat request of one reminder by one channel, and its rendered <c>data</c> as JSON for the record.</summary>
    private (DueRow, ReminderChannel, TemplateConfig, object, string) Prepare(DueRow row, ReminderChannel channel, TemplateConfig template)
    {
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
        return (row, channel, template, body, JsonSerializer.Serialize(data));
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
        ReminderKind.LeaderAnnualReport when row.ReportSubmitted => "the year's progress report is submitted",
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

    /// <summary>
    /// Locks (FOR UPDATE, in one order, so two dispatchers never deadlock) the consents the batch's subscribe templates may
    /// spend, and returns their credits. Held until the batch commits, so a credit is never spent twice.
    /// </summary>
    private async Task<Dictionary<(Guid MemberId, string TemplateId), int>> LockCreditsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<DueRow> rows, CancellationToken ct)
    {
        var templates = rows.Select(r => Options.For(r.Kind)?.Subscribe?.TemplateId).OfType<string>().Where(t => t.Length > 0).Distinct().ToArray();
        if (templates.Length == 0) return [];
        const string Sql = """
            SELECT member_id, template_id, credits FROM subscription_consents
            WHERE member_id = ANY (@members) AND template_id = ANY (@templates) AND credits > 0
            ORDER BY member_id, template_id
            FOR UPDATE
            """;
        var members = rows.Select(r => r.RecipientId).Distinct().ToArray();
        var found = await conn.QueryAsync<CreditRow>(new CommandDefinition(Sql, new { members, templates }, tx, cancellationToken: ct));
        return found.ToDictionary(c => (c.MemberId, c.TemplateId), c => c.Credits);
    }

    private static Task SpendCreditsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Dictionary<(Guid MemberId, string TemplateId), int> spent, DateTimeOffset now, CancellationToken ct)
    {
        if (spent.Count == 0) return Task.CompletedTask;
        const string Sql = """
            UPDATE subscription_consents c SET credits = c.credits - u.n, updated_at = @now
            FROM unnest(@members, @templates, @counts) AS u(member_id, template_id, n)
            WHERE c.member_id = u.member_id AND c.template_id = u.template_id
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            members = spent.Keys.Select(k => k.MemberId).ToArray(), templates = spent.Keys.Select(k => k.TemplateId).ToArray(),
            counts = spent.Values.ToArray(), now = now.UtcDateTime,
        }, tx, cancellationToken: ct));
    }

    /// <summary>Writes every outcome of the batch in one statement.</summary>
    private static Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<Outcome> outcomes, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE reminders r
            SET status = u.status, channel = COALESCE(u.channel, r.channel), template_id = COALESCE(u.template_id, r.template_id),
                data = COALESCE(u.data::jsonb, r.data), attempts = r.attempts + u.attempted, last_errcode = u.errcode, last_error = u.error,
                wechat_msgid = COALESCE(u.msgid, r.wechat_msgid), next_attempt_at = COALESCE(u.next_attempt_at, r.next_attempt_at),
                sent_at = CASE WHEN u.status = 'Sent' THEN @now ELSE r.sent_at END, updated_at = @now
            FROM unnest(@ids, @statuses, @channels, @templateIds, @data, @attempted, @errcodes, @errors, @msgids, @nextAttempts)
                 AS u(id, status, channel, template_id, data, attempted, errcode, error, msgid, next_attempt_at)
            WHERE r.id = u.id
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            ids = outcomes.Select(o => o.Id).ToArray(),
            statuses = outcomes.Select(o => o.Status.ToString()).ToArray(),
            channels = outcomes.Select(o => o.Channel?.ToString()).ToArray(),
            templateIds = outcomes.Select(o => o.TemplateId).ToArray(),
            data = outcomes.Select(o => o.Data).ToArray(),
            attempted = outcomes.Select(o => o.Attempted ? 1 : 0).ToArray(),
            errcodes = outcomes.Select(o => o.ErrCode).ToArray(),
            errors = outcomes.Select(o => o.Error).ToArray(),
            msgids = outcomes.Select(o => o.MsgId).ToArray(),
            nextAttempts = outcomes.Select(o => o.NextAttemptAt?.ToUniversalTime()).ToArray(),
            now = now.UtcDateTime,
        }, tx, cancellationToken: ct));
    }

    /// <summary>Wait before attempt <paramref name="attempts"/> + 1: base × 2^(attempts−1), capped, times 0.5–1.5 from <paramref name="random"/> ∈ [0, 1).</summary>
    public static TimeSpan Backoff(int attempts, ReminderOptions options, double random)
    {
        var seconds = Math.Min(options.RetryMaxSeconds, options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.5 + random));
    }

    /// <summary>What a batch records for one reminder; <see cref="NextAttemptAt"/> only when it stays Pending for a retry.</summary>
    private sealed record Outcome(
        Guid Id, ReminderStatus Status, ReminderChannel? Channel = null, string? TemplateId = null, string? Data = null,
        bool Attempted = false, int? ErrCode = null, string? Error = null, long? MsgId = null, DateTimeOffset? NextAttemptAt = null);

    private sealed record CreditRow
    {
        public Guid MemberId { get; init; }
        public string TemplateId { get; init; } = "";
        public int Credits { get; init; }
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
        public bool ReportSubmitted { get; init; }
    }
}
