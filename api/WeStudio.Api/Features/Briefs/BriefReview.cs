using Dapper;
using Npgsql;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// WeChat's text check before a brief is published (WECHAT.md "Content security", <c>msg_sec_check</c> v2, scene 3, the
/// author's openid; text over 2500 characters is checked in parts and the worst verdict wins). <c>pass</c> publishes,
/// <c>review</c> publishes and flags the brief for the committee, <c>risky</c> refuses and leaves the brief as it was.
/// When WeChat cannot answer the brief stays <c>PendingReview</c> and <see cref="RetryDueAsync"/> asks again
/// (1, 2, 4 … up to 60 minutes apart): nothing is published unchecked.
/// </summary>
public sealed class BriefReview(NpgsqlDataSource dataSource, IWeChatClient weChat, TimeProvider clock, ILogger<BriefReview> logger)
{
    /// <summary>What happened to a publish.</summary>
    public enum Outcome { Published, Flagged, Risky, Pending }

    public sealed record Result(Outcome Outcome, int? Label);

    private sealed record Pending
    {
        public Guid Id { get; init; }
        public int PendingVersion { get; init; }
        public string Openid { get; init; } = "";
        public int CheckAttempts { get; init; }
        public string Title { get; init; } = "";
        public string? Theme { get; init; }
        public string? Exchange { get; init; }
        public string? Record { get; init; }
        public string? Summary { get; init; }
    }

    private const string PendingSelect = """
        SELECT b.id, b.pending_version, m.openid, b.check_attempts, v.title, v.theme, v.exchange, v.record, v.summary
        FROM briefs b
        JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.pending_version
        JOIN members m ON m.id = b.pending_requested_by
        """;

    /// <summary>Marks the current version PendingReview (claimed for a minute) and checks it now.</summary>
    public async Task<Result> PublishAsync(Guid briefId, Guid requestedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        const string Mark = """
            UPDATE briefs SET status = 'PendingReview', pending_version = current_version, pending_requested_by = @requestedBy,
                   check_attempts = 0, next_check_at = @lease, updated_at = @now
            WHERE id = @briefId
            """;
        Pending pending;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            await conn.ExecuteAsync(new CommandDefinition(Mark, new { briefId, requestedBy, now, lease = now.AddMinutes(1) }, cancellationToken: ct));
            pending = await conn.QuerySingleAsync<Pending>(new CommandDefinition(PendingSelect + " WHERE b.id = @briefId", new { briefId }, cancellationToken: ct));
        }
        return await CheckAndApplyAsync(pending, ct);
    }

    /// <summary>
    /// Checks briefs whose retry time has come. Each is claimed by one UPDATE … RETURNING over FOR UPDATE SKIP LOCKED that
    /// pushes its retry time 5 minutes ahead, so several API instances never check the same brief at once. Returns how many.
    /// </summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        const string Claim = """
            UPDATE briefs SET next_check_at = @now + interval '5 minutes'
            WHERE id IN (SELECT id FROM briefs WHERE status = 'PendingReview' AND next_check_at <= @now
                         ORDER BY next_check_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;
        Pending[] due;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            var ids = (await conn.QueryAsync<Guid>(new CommandDefinition(Claim, new { now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct))).ToArray();
            if (ids.Length == 0) return 0;
            due = (await conn.QueryAsync<Pending>(new CommandDefinition(PendingSelect + " WHERE b.id = ANY (@ids)", new { ids }, cancellationToken: ct))).ToArray();
        }
        foreach (var pending in due) await CheckAndApplyAsync(pending, ct);
        return due.Length;
    }

    private async Task<Result> CheckAndApplyAsync(Pending pending, CancellationToken ct)
    {
        var verdict = await CheckAsync(pending, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var args = new { pending.Id, pending.PendingVersion, now, label = verdict?.Label };
        if (verdict is null)
        {
            var minutes = Math.Min(60, 1 << Math.Min(pending.CheckAttempts, 6));
            const string Later = """
                UPDATE briefs SET check_attempts = check_attempts + 1, next_check_at = @next
                WHERE id = @Id AND pending_version = @PendingVersion
                """;
            await conn.ExecuteAsync(new CommandDefinition(Later, new { pending.Id, pending.PendingVersion, next = now.AddMinutes(minutes) }, cancellationToken: ct));
            return new Result(Outcome.Pending, null);
        }
        if (verdict.Value.Suggest == "risky")
        {
            const string Refuse = """
                UPDATE briefs SET status = CASE WHEN published_version IS NULL THEN 'Draft' ELSE 'Published' END,
                       pending_version = NULL, pending_requested_by = NULL, next_check_at = NULL,
                       last_check_result = 'risky', last_check_label = @label, updated_at = @now
                WHERE id = @Id AND pending_version = @PendingVersion
                """;
            await conn.ExecuteAsync(new CommandDefinition(Refuse, args, cancellationToken: ct));
            logger.LogInformation("WeChat found brief {BriefId} v{Version} risky (label {Label}); not published", pending.Id, pending.PendingVersion, verdict.Value.Label);
            return new Result(Outcome.Risky, verdict.Value.Label);
        }
        var review = verdict.Value.Suggest == "review";
        const string Publish = """
            UPDATE briefs SET status = 'Published', published_version = @PendingVersion,
                   pending_version = NULL, pending_requested_by = NULL, next_check_at = NULL,
                   flagged_for_review = @review, flag_label = CASE WHEN @review THEN @label END,
                   last_check_result = @suggest, last_check_label = @label,
                   first_published_at = COALESCE(first_published_at, @now), published_at = @now, updated_at = @now
            WHERE id = @Id AND pending_version = @PendingVersion
            """;
        await conn.ExecuteAsync(new CommandDefinition(Publish, new { pending.Id, pending.PendingVersion, now, label = verdict.Value.Label, review, suggest = verdict.Value.Suggest }, cancellationToken: ct));
        return new Result(review ? Outcome.Flagged : Outcome.Published, verdict.Value.Label);
    }

    /// <summary>The worst verdict over the parts of the text, or null when WeChat did not answer every part.</summary>
    private async Task<(string Suggest, int Label)?> CheckAsync(Pending p, CancellationToken ct)
    {
        var text = string.Join("\n", new[] { p.Title, p.Theme, p.Exchange, p.Record, p.Summary }.Where(s => !string.IsNullOrEmpty(s)));
        var worst = ("pass", 100);
        for (var start = 0; start < text.Length; start += ContentSecurity.MaxContentChars)
        {
            var part = text.Substring(start, Math.Min(ContentSecurity.MaxContentChars, text.Length - start));
            var answer = await weChat.PostAsync<MsgSecCheckResponse>(ContentSecurity.MsgSecCheckPath, new
            {
                version = 2, openid = p.Openid, scene = ContentSecurity.ForumScene, content = part, title = p.Title,
            }, ct);
            if (!answer.IsSuccess || answer.Value.Result?.Suggest is not ("pass" or "review" or "risky"))
            {
                logger.LogWarning("msg_sec_check for brief {BriefId} failed ({Error}); it stays PendingReview", p.Id, answer.Error?.ErrCode);
                return null;
            }
            var suggest = answer.Value.Result.Suggest;
            if (ContentSecurity.Worse(suggest, worst.Item1) == suggest && suggest != worst.Item1) worst = (suggest, answer.Value.Result.Label);
        }
        return worst;
    }
}
