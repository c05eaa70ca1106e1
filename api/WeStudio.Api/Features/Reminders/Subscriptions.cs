using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// Consent to subscribe messages (WECHAT.md "Subscribe message"): one <c>accept</c> of a one-time template allows one message,
/// so each accept adds a credit and each subscribe message sent spends one (in <see cref="ReminderDispatcher"/>, in the
/// transaction that records the send). <c>reject</c> and <c>ban</c> are remembered so the mini-program stops asking.
/// </summary>
public sealed class Subscriptions(NpgsqlDataSource dataSource, IOptionsMonitor<ReminderOptions> options, TimeProvider clock)
{
    public static readonly string[] Results = ["accept", "reject", "ban", "filter"];

    /// <summary>The subscribe template ids configured, each with the kinds that use it.</summary>
    public IReadOnlyDictionary<string, ReminderKind[]> Templates()
    {
        var byTemplate = new Dictionary<string, List<ReminderKind>>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            if (options.CurrentValue.For(kind)?.Subscribe is not { TemplateId.Length: > 0 } template) continue;
            if (!byTemplate.TryGetValue(template.TemplateId, out var kinds)) byTemplate[template.TemplateId] = kinds = [];
            kinds.Add(kind);
        }
        return byTemplate.ToDictionary(t => t.Key, t => t.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Records what <c>wx.requestSubscribeMessage</c> answered (already validated: known template ids, known results).</summary>
    public async Task RecordAsync(Guid memberId, IReadOnlyDictionary<string, string> results, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO subscription_consents (member_id, template_id, credits, last_result, updated_at)
            VALUES (@memberId, @templateId, CASE WHEN @result = 'accept' THEN 1 ELSE 0 END, @result, @now)
            ON CONFLICT (member_id, template_id) DO UPDATE
               SET credits = subscription_consents.credits + CASE WHEN @result = 'accept' THEN 1 ELSE 0 END,
                   last_result = @result, updated_at = @now
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var (templateId, result) in results.OrderBy(r => r.Key, StringComparer.Ordinal))
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { memberId, templateId, result, now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>Every configured subscribe template with the member's credits and last answer.</summary>
    public async Task<SubscriptionsResponse> ForMemberAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = "SELECT template_id, credits, last_result FROM subscription_consents WHERE member_id = @memberId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<ConsentRow>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct)))
            .ToDictionary(r => r.TemplateId, StringComparer.Ordinal);
        var items = Templates().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            var row = rows.GetValueOrDefault(t.Key);
            var credits = row?.Credits ?? 0;
            return new SubscriptionDto(t.Key, t.Value, credits, row?.LastResult, credits == 0 && row?.LastResult is not ("reject" or "ban"));
        });
        return new SubscriptionsResponse(items.ToArray());
    }

    private sealed record ConsentRow
    {
        public string TemplateId { get; init; } = "";
        public int Credits { get; init; }
        public string? LastResult { get; init; }
    }
}

/// <summary>
/// Followers of the official account, by unionid (a member's official-account openid differs from the mini-program one).
/// The message-push endpoint calls <see cref="RecordAsync"/> on <c>subscribe</c> and <c>unsubscribe</c> events; the
/// dispatcher sends a template message only to a member whose unionid follows.
/// </summary>
public sealed class OfficialAccountFollowers(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Records that <paramref name="oaOpenId"/> (unionid <paramref name="unionId"/>) follows or stopped following the account.</summary>
    public async Task RecordAsync(string unionId, string oaOpenId, bool following, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(oaOpenId);
        const string Sql = """
            INSERT INTO official_account_followers (unionid, oa_openid, following, updated_at) VALUES (@unionId, @oaOpenId, @following, @now)
            ON CONFLICT (unionid) DO UPDATE SET oa_openid = @oaOpenId, following = @following, updated_at = @now
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { unionId, oaOpenId, following, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }
}
