using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// Consent to subscribe messages (WECHAT.md "Subscribe message"): one <c>accept</c> of a one-time template allows one message,
/// so each accept adds a credit and each subscribe message sent spends one (in <see cref="ReminderDispatcher"/>, in the
/// transaction that records the send). <c>reject</c> and <c>ban</c> are remembered so the mini-program stops asking.
/// </summary>
public sealed class Subscriptions(RemindersStore store, IOptionsMonitor<ReminderOptions> options, TimeProvider clock)
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
    public Task RecordAsync(Guid memberId, IReadOnlyDictionary<string, string> results, CancellationToken ct) =>
        store.RecordConsentsAsync(memberId, results, clock.GetUtcNow(), ct);

    /// <summary>Every configured subscribe template with the member's credits and last answer.</summary>
    public async Task<SubscriptionsResponse> ForMemberAsync(Guid memberId, CancellationToken ct)
    {
        var rows = (await store.ConsentsAsync(memberId, ct)).ToDictionary(r => r.TemplateId, StringComparer.Ordinal);
        var items = Templates().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            var row = rows.GetValueOrDefault(t.Key);
            var credits = row?.Credits ?? 0;
            return new SubscriptionDto(t.Key, t.Value, credits, row?.LastResult, credits == 0 && row?.LastResult is not ("reject" or "ban"));
        });
        return new SubscriptionsResponse(items.ToArray());
    }
}

/// <summary>
/// Followers of the official account, by unionid (a member's official-account openid differs from the mini-program one).
/// The message-push endpoint calls <see cref="RecordAsync"/> on <c>subscribe</c> and <c>unsubscribe</c> events; the
/// dispatcher sends a template message only to a member whose unionid follows.
/// </summary>
public sealed class OfficialAccountFollowers(RemindersStore store, TimeProvider clock)
{
    /// <summary>Records that <paramref name="oaOpenId"/> (unionid <paramref name="unionId"/>) follows or stopped following the account.</summary>
    public Task RecordAsync(string unionId, string oaOpenId, bool following, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(oaOpenId);
        return store.RecordFollowerAsync(unionId, oaOpenId, following, clock.GetUtcNow(), ct);
    }
}
