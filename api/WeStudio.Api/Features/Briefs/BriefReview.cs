using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// WeChat's text check before a brief is published (WECHAT.md "Content security", <c>msg_sec_check</c> v2, scene 3, the
/// author's openid; text over 2500 characters is checked in parts and the worst verdict wins). <c>pass</c> publishes,
/// <c>review</c> publishes and flags the brief for the committee, <c>risky</c> refuses and leaves the brief as it was.
/// When WeChat cannot answer the brief stays <c>PendingReview</c> and <see cref="RetryDueAsync"/> asks again
/// (1, 2, 4 … up to 60 minutes apart): nothing is published unchecked.
/// </summary>
public sealed class BriefReview(BriefsStore briefs, IWeChatClient weChat, TimeProvider clock, ILogger<BriefReview> logger)
{
    /// <summary>What happened to a publish.</summary>
    public enum Outcome { Published, Flagged, Risky, Pending }

    public sealed record Result(Outcome Outcome, int? Label);

    /// <summary>Marks the current version PendingReview (claimed for a minute) and checks it now.</summary>
    public async Task<Result> PublishAsync(Guid briefId, Guid requestedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = await briefs.MarkPendingAsync(briefId, requestedBy, now, now.AddMinutes(1), ct);
        return await CheckAndApplyAsync(pending, ct);
    }

    /// <summary>
    /// Checks briefs whose retry time has come. Each is claimed first (SELECT … FOR UPDATE SKIP LOCKED, then its retry time
    /// pushed 5 minutes ahead), so several API instances never check the same brief at once. Returns how many.
    /// </summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await briefs.ClaimDueChecksAsync(now, now.AddMinutes(5), 20, ct);
        foreach (var pending in due) await CheckAndApplyAsync(pending, ct);
        return due.Length;
    }

    private async Task<Result> CheckAndApplyAsync(PendingCheck pending, CancellationToken ct)
    {
        var verdict = await CheckAsync(pending, ct);
        var now = clock.GetUtcNow();
        if (verdict is not { } v)
        {
            var minutes = Math.Min(60, 1 << Math.Min(pending.CheckAttempts, 6));
            await briefs.PostponeCheckAsync(pending, now.AddMinutes(minutes), ct);
            return new Result(Outcome.Pending, null);
        }
        if (v.Suggest == "risky")
        {
            await briefs.RefuseAsync(pending, v.Label, now, ct);
            logger.LogInformation("WeChat found brief {BriefId} v{Version} risky (label {Label}); not published", pending.Id, pending.PendingVersion, v.Label);
            return new Result(Outcome.Risky, v.Label);
        }
        await briefs.PublishAsync(pending, v.Suggest, v.Label, now, ct);
        return new Result(v.Suggest == "review" ? Outcome.Flagged : Outcome.Published, v.Label);
    }

    /// <summary>The worst verdict over the parts of the text, or null when WeChat did not answer every part.</summary>
    private async Task<(string Suggest, int Label)?> CheckAsync(PendingCheck p, CancellationToken ct)
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
