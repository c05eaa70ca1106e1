using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The client of the official account (<c>Reminders:OfficialAccount</c>): the typed WeChat HttpClient (so the same resilience
/// pipeline) and a Redis token cache keyed by the account's AppId, with the account's credentials; the mini-program's client
/// when no AppId is configured (right only against a sandbox that plays both).
/// </summary>
public sealed class OfficialAccountClients(IServiceProvider services, IOptionsMonitor<ReminderOptions> options, IOptions<WeChatOptions> weChatOptions)
{
    public IWeChatClient Create() => Create(options.CurrentValue.OfficialAccount);

    public IWeChatClient Create(OfficialAccountOptions account)
    {
        var miniProgram = services.GetRequiredService<IWeChatClient>();
        if (string.IsNullOrWhiteSpace(account.AppId)) return miniProgram;
        var main = weChatOptions.Value;
        var accountOptions = new WeChatOptions
        {
            BaseUrl = main.BaseUrl, AppId = account.AppId, AppSecret = account.AppSecret, TimeoutSeconds = main.TimeoutSeconds, Resilience = main.Resilience,
        };
        return new WeChatClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(IWeChatClient)),
            Options.Create(accountOptions), services.GetRequiredService<RedisConnection>(), services.GetRequiredService<ILogger<WeChatClient>>());
    }
}

/// <summary>
/// The full sync of the official account's followers (WECHAT.md "Official-account followers"): <c>cgi-bin/user/get</c> pages of
/// up to 10,000 openids (<c>next_openid</c> from the previous page), each looked up 100 at a time with
/// <c>cgi-bin/user/info/batchget</c>; followers with a unionid are recorded. State is in MySQL (<c>official_account_syncs</c>): the
/// cursor of the page being worked on and the offset reached in it, moved in the transaction that records each batch, so a
/// runner killed at any point loses at most the batch in flight, and the next runner (after the lease lapses) fetches the page
/// again and goes on from the offset. Pace: at most <c>SyncCallsPerSecond</c>. WeChat's answers: 45011 (minute quota) →
/// Paused for <c>MinuteQuotaPauseSeconds</c>; 45009 (daily quota) → Paused until the next midnight in Asia/Shanghai (when
/// WeChat's daily quotas reset); −1, network or an open circuit, which the client's pipeline already retried → Paused for
/// <c>SyncRetrySeconds</c>; anything else (48001 unauthorized, 40003 …) → Failed with the errcode.
/// </summary>
public sealed class FollowerSync(
    OfficialAccountStore store, OfficialAccountClients clients, IOptionsMonitor<ReminderOptions> options, Calendar calendar, TimeProvider clock,
    ILogger<FollowerSync> logger)
{
    public const string UserGetPath = "cgi-bin/user/get";
    public const string BatchGetPath = "cgi-bin/user/info/batchget";

    /// <summary>WeChat's limit of one batchget.</summary>
    public const int BatchSize = 100;

    private OfficialAccountOptions Account => options.CurrentValue.OfficialAccount;

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, Account.SyncLeaseSeconds));

    /// <summary>Runs the active sync if nobody holds it and it is not waiting; true when it ran (whatever the outcome).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var owner = Database.NewId();
        var now = clock.GetUtcNow();
        var state = await store.ClaimSyncAsync(owner, now, now + Lease, ct);
        if (state is null) return false;
        if (state.Takeovers > 0 && (state.PageCursor.Length > 0 || state.PageOffset > 0))
            logger.LogInformation("Follower sync {Id} resumed at cursor {Cursor} offset {Offset}", state.Id, state.PageCursor, state.PageOffset);
        await RunAsync(state, owner, clients.Create(), ct);
        return true;
    }

    private async Task RunAsync(FollowerSyncState state, Guid owner, IWeChatClient weChat, CancellationToken ct)
    {
        var (cursor, offset) = (state.PageCursor, state.PageOffset);
        while (true)
        {
            await PaceAsync(ct);
            var page = await weChat.GetAsync<UserGetResponse>(UserGetPath, new Dictionary<string, string?> { ["next_openid"] = cursor }, ct);
            if (!page.IsSuccess)
            {
                await StopAsync(state.Id, owner, page.Error, ct);
                return;
            }
            var openIds = page.Value.Count > 0 ? page.Value.Data?.OpenIds ?? [] : [];
            if (openIds.Length == 0)
            {
                var done = clock.GetUtcNow();
                await store.MovePageAsync(state.Id, owner, cursor, 0, 0, page.Value.Total, 1, done, done + Lease, ct);
                await store.ReleaseSyncAsync(state.Id, owner, FollowerSyncStatus.Completed, null, 0, null, null, done, ct);
                logger.LogInformation("Follower sync {Id} completed", state.Id);
                return;
            }
            var fetched = clock.GetUtcNow();
            if (!await store.MovePageAsync(state.Id, owner, cursor, offset, 0, page.Value.Total, 1, fetched, fetched + Lease, ct)) return;

            for (; offset < openIds.Length; offset += BatchSize)
            {
                await PaceAsync(ct);
                var slice = openIds[offset..Math.Min(openIds.Length, offset + BatchSize)];
                var body = new { user_list = slice.Select(openid => new { openid, lang = "zh_CN" }).ToArray() };
                var infos = await weChat.PostAsync<UserInfoBatchResponse>(BatchGetPath, body, ct);
                if (!infos.IsSuccess)
                {
                    await StopAsync(state.Id, owner, infos.Error, ct);
                    return;
                }
                var followers = infos.Value.UserInfoList
                    .Where(u => !string.IsNullOrEmpty(u.UnionId) && !string.IsNullOrEmpty(u.OpenId))
                    .Select(u => new FollowerRecord(u.UnionId!, u.OpenId!, u.Subscribe == 1, u.SubscribeTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(u.SubscribeTime) : null))
                    .ToArray();
                var now = clock.GetUtcNow();
                if (!await store.RecordBatchAsync(state.Id, owner, followers, slice.Length, slice.Length - followers.Length,
                        offset + slice.Length, 1, now, now + Lease, ct))
                {
                    logger.LogWarning("Follower sync {Id}: lease lost to another runner; stopping", state.Id);
                    return;
                }
            }
            var next = page.Value.NextOpenId ?? openIds[^1];
            var moved = clock.GetUtcNow();
            if (!await store.MovePageAsync(state.Id, owner, next, 0, 1, page.Value.Total, 0, moved, moved + Lease, ct)) return;
            (cursor, offset) = (next, 0);
        }
    }

    /// <summary>Pauses or fails the sync according to WeChat's error (see the class summary).</summary>
    private async Task StopAsync(Guid syncId, Guid owner, WeChatError error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (status, resumeAt) = error.ErrCode switch
        {
            WeChatError.MinuteQuotaReached => (FollowerSyncStatus.Paused, now.AddSeconds(Account.MinuteQuotaPauseSeconds)),
            WeChatError.DailyQuotaReached => (FollowerSyncStatus.Paused, NextMidnight(now)),
            _ when error.IsTransient => (FollowerSyncStatus.Paused, now.AddSeconds(Account.SyncRetrySeconds)),
            _ => (FollowerSyncStatus.Failed, (DateTimeOffset?)null),
        };
        logger.LogWarning("Follower sync {Id} {Status} on errcode {ErrCode} {ErrMsg}; resumes at {ResumeAt}", syncId, status, error.ErrCode, error.ErrMsg, resumeAt);
        await store.ReleaseSyncAsync(syncId, owner, status, resumeAt, 1, error.ErrCode, error.ErrMsg, now, ct);
    }

    /// <summary>The next 00:00 in the calendar zone (Asia/Shanghai), when WeChat's daily quotas reset.</summary>
    private DateTimeOffset NextMidnight(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, calendar.Zone);
        return calendar.At(DateOnly.FromDateTime(local.DateTime).AddDays(1), TimeOnly.MinValue);
    }

    private Task PaceAsync(CancellationToken ct)
    {
        var rate = Account.SyncCallsPerSecond;
        return rate <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds(1 / rate), clock, ct);
    }
}

/// <summary>Runs or resumes the follower sync on every instance (<c>Reminders:OfficialAccount:SyncPollSeconds</c>, 0 = off); the lease lets one run it.</summary>
public sealed class FollowerSyncWorker(FollowerSync sync, IOptionsMonitor<ReminderOptions> options, TimeProvider clock, ILogger<FollowerSyncWorker> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0, options.CurrentValue.OfficialAccount.SyncPollSeconds));

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken ct)
    {
        await sync.RunOnceAsync(ct);
        return null;
    }
}

/// <summary>
/// The official account's <c>subscribe</c> push: asks <c>cgi-bin/user/info</c> for the follower's unionid (the push carries only
/// the account openid) and records them as following. WeChat failing throws, so the push answers 500 and WeChat pushes again
/// (three times); a follower without a unionid is logged and left out (nothing to link them by).
/// </summary>
public sealed class SubscribeEventHandler(OfficialAccountClients clients, OfficialAccountStore store, TimeProvider clock, ILogger<SubscribeEventHandler> logger)
    : IOfficialAccountEventHandler
{
    public string Event => "subscribe";

    public async Task HandleAsync(JsonObject message, CancellationToken ct)
    {
        var oaOpenId = message["FromUserName"]?.ToString();
        if (string.IsNullOrEmpty(oaOpenId)) return;
        var info = await clients.Create().GetAsync<UserInfoResponse>("cgi-bin/user/info", new Dictionary<string, string?> { ["openid"] = oaOpenId, ["lang"] = "zh_CN" }, ct);
        if (!info.IsSuccess)
        {
            if (info.Error.IsTransient || info.Error.IsAccessTokenRejected)
                throw new InvalidOperationException($"user/info failed with errcode {info.Error.ErrCode}; WeChat will push the event again");
            logger.LogWarning("user/info refused a subscribe push's openid: errcode {ErrCode}", info.Error.ErrCode);
            return;
        }
        if (string.IsNullOrEmpty(info.Value.UnionId))
        {
            logger.LogInformation("A follower subscribed without a unionid (is the account bound to the Open Platform?); not linked");
            return;
        }
        var subscribedAt = info.Value.SubscribeTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(info.Value.SubscribeTime) : (DateTimeOffset?)null;
        await store.RecordFollowerAsync(new FollowerRecord(info.Value.UnionId, oaOpenId, info.Value.Subscribe == 1, subscribedAt), clock.GetUtcNow(), ct);
    }
}

/// <summary>The official account's <c>unsubscribe</c> push: the follower with that account openid no longer follows.</summary>
public sealed class UnsubscribeEventHandler(OfficialAccountStore store, TimeProvider clock) : IOfficialAccountEventHandler
{
    public string Event => "unsubscribe";

    public async Task HandleAsync(JsonObject message, CancellationToken ct)
    {
        var oaOpenId = message["FromUserName"]?.ToString();
        if (!string.IsNullOrEmpty(oaOpenId)) await store.UnfollowAsync(oaOpenId, clock.GetUtcNow(), ct);
    }
}
