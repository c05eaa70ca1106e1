using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Tests.Infrastructure;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>
/// The full sync of the official account's followers against the sandbox: pages of user/get, batches of batchget, state in
/// MySQL, resumed after a kill, paused by WeChat's quotas. One sync may be active in the database, so these tests run in
/// one class (one at a time) and each ends the active sync it left.
/// </summary>
public sealed class FollowerSyncTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private OfficialAccountState Followers => factory.Sandbox.Services.GetRequiredService<OfficialAccountState>();

    public async Task InitializeAsync() => await EndActiveSyncsAsync();

    public async Task DisposeAsync() => await EndActiveSyncsAsync();

    [Fact]
    public async Task TheFullSyncOf25000FollowersGoesInPagesAndBatchesAndResumesAfterAKill()
    {
        var prefix = $"f{Guid.NewGuid():N}"[..12];
        Followers.Generate(25_000, prefix, withUnionId: true);
        var (admin, _) = await factory.CommitteeAdminAsync();
        var started = await admin.Client.PostAsync("/api/v1/admin/official-account/sync", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.Equal(FollowerSyncStatus.Running, (await started.ReadAsync<FollowerSyncDto>()).Status);

        // A runner is killed after about 120 batches: its cancellation cuts it wherever it is, its lease stays.
        using (var kill = new CancellationTokenSource())
        {
            var killer = Task.Run(async () =>
            {
                while (factory.Sandbox.State.Calls("/cgi-bin/user/info/batchget").Count < 120) await Task.Delay(5);
                await kill.CancelAsync();
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sync().RunOnceAsync(kill.Token));
            await killer;
        }
        var halfway = await (await admin.Client.GetAsync(location)).ReadAsync<FollowerSyncDto>();
        Assert.Equal(FollowerSyncStatus.Running, halfway.Status);
        Assert.InRange(halfway.Processed, 11_900, 12_200);
        Assert.False(await Sync().RunOnceAsync(default)); // the dead runner's lease has not lapsed yet

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await Sync().RunOnceAsync(default));

        var done = await (await admin.Client.GetAsync(location)).ReadAsync<FollowerSyncDto>();
        Assert.Equal(FollowerSyncStatus.Completed, done.Status);
        Assert.Equal((25_000, 25_000, 25_000, 0, 3, 1), (done.Total, done.Processed, done.Linked, done.WithoutUnionId, done.Pages, done.Takeovers));
        var pages = factory.Sandbox.State.Calls("/cgi-bin/user/get");
        var batches = factory.Sandbox.State.Calls("/cgi-bin/user/info/batchget");
        Assert.InRange(pages.Count, 5, 6); // 3 pages and the empty 4th, plus the page the killed runner was in, fetched again
        Assert.InRange(batches.Count, 250, 251); // at most the batch in flight when it was killed is asked twice
        Assert.All(batches, b => Assert.InRange(b.Body!.Value.GetProperty("user_list").GetArrayLength(), 1, 100));
        Assert.Equal(["", Followers.Page("", 10_000)!.Value.Next], pages.Select(p => p.Query.GetValueOrDefault("next_openid") ?? "").Distinct().Take(2));

        var names = Enumerable.Range(1, 25_000).Select(i => $"{prefix}-{i:D5}").ToArray();
        await using var conn = await factory.Database.OpenConnectionAsync();
        var recorded = 0;
        foreach (var chunk in names.Chunk(2_000))
        {
            recorded += await conn.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM official_account_followers WHERE following AND unionid IN @unionIds AND oa_openid IN @openIds",
                new { unionIds = chunk.Select(LoginApi.UnionId).ToArray(), openIds = chunk.Select(Followers.OpenIdOf).ToArray() });
        }
        Assert.Equal(25_000, recorded);
    }

    [Fact]
    public async Task QuotaAnswersPauseTheSyncUntilTheQuotaComesBack()
    {
        // A factory of its own: its sandbox has only these 150 followers, none with a unionid.
        await using var own = new ApiFactory();
        await ((IAsyncLifetime)own).InitializeAsync();
        var (admin, _) = await own.CommitteeAdminAsync();
        own.Sandbox.Services.GetRequiredService<OfficialAccountState>().Generate(150, $"q{Guid.NewGuid():N}"[..12], withUnionId: false);
        var location = (await admin.Client.PostAsync("/api/v1/admin/official-account/sync", null)).Headers.Location!.ToString();

        await own.Sandbox.InjectFaultAsync(FollowerSync.BatchGetPath, 45011, 1);
        Assert.True(await Sync(own).RunOnceAsync(default));
        var paused = await (await admin.Client.GetAsync(location)).ReadAsync<FollowerSyncDto>();
        Assert.Equal((FollowerSyncStatus.Paused, 45011), (paused.Status, paused.LastErrcode));
        Assert.Equal(own.Clock.GetUtcNow().AddSeconds(60), paused.ResumeAt!.Value, TimeSpan.FromSeconds(1));
        Assert.False(await Sync(own).RunOnceAsync(default));

        own.Clock.Advance(TimeSpan.FromSeconds(61));
        await own.Sandbox.InjectFaultAsync(FollowerSync.UserGetPath, 45009, 1);
        Assert.True(await Sync(own).RunOnceAsync(default));
        var daily = await (await admin.Client.GetAsync(location)).ReadAsync<FollowerSyncDto>();
        Assert.Equal((FollowerSyncStatus.Paused, 45009), (daily.Status, daily.LastErrcode));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(daily.ResumeAt!.Value, shanghai).TimeOfDay);
        Assert.InRange(daily.ResumeAt.Value - own.Clock.GetUtcNow(), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Assert.False(await Sync(own).RunOnceAsync(default));

        own.Clock.Advance(daily.ResumeAt.Value - own.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.True(await Sync(own).RunOnceAsync(default));
        var done = await (await admin.Client.GetAsync(location)).ReadAsync<FollowerSyncDto>();
        Assert.Equal((FollowerSyncStatus.Completed, 150, 150, 0), (done.Status, done.Processed, done.WithoutUnionId, done.Linked));
        Assert.Equal(7, done.Calls); // user/get + batchget (45011); user/get (45009); user/get, two batchgets, the empty last page
    }

    [Fact]
    public async Task OnlyAdminsStartASyncAndOnlyOneRunsAtATime()
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        var member = await factory.MemberAsync();

        var refused = await member.Client.PostAsync("/api/v1/admin/official-account/sync", null);
        var first = await admin.Client.PostAsync("/api/v1/admin/official-account/sync", null);
        var second = await admin.Client.PostAsync("/api/v1/admin/official-account/sync", null);
        var unknown = await admin.Client.GetAsync($"/api/v1/admin/official-account/sync/{Guid.NewGuid()}");
        var anonymous = await factory.CreateClient().PostAsync("/api/v1/admin/official-account/sync", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var conflict = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "sync_running");
        Assert.Equal(first.Headers.Location!.ToString(), conflict.GetProperty("detail").GetString());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var active = await (await admin.Client.GetAsync("/api/v1/admin/official-account/sync")).ReadAsync<JsonElement>();
        Assert.Equal(first.Headers.Location!.ToString(), $"/api/v1/admin/official-account/sync/{active.GetProperty("id").GetGuid()}");
    }

    /// <summary>A sync runner without pacing (the sandbox is in memory) and the factory's other options.</summary>
    private FollowerSync Sync() => Sync(factory);

    private static FollowerSync Sync(ApiFactory factory)
    {
        var current = factory.Services.GetRequiredService<IOptionsMonitor<ReminderOptions>>().CurrentValue;
        var account = current.OfficialAccount;
        var options = new ReminderOptions
        {
            OfficialAccount = new OfficialAccountOptions
            {
                AppId = account.AppId, AppSecret = account.AppSecret, SyncCallsPerSecond = 0, SyncLeaseSeconds = 60,
                MinuteQuotaPauseSeconds = 60, SyncRetrySeconds = 30,
            },
        };
        return ActivatorUtilities.CreateInstance<FollowerSync>(factory.Services, new Fixed(options));
    }

    private async Task EndActiveSyncsAsync()
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE official_account_syncs SET status = 'Failed', lease_owner = NULL, lease_until = NULL WHERE active = 1");
    }

    private sealed class Fixed(ReminderOptions value) : IOptionsMonitor<ReminderOptions>
    {
        public ReminderOptions CurrentValue => value;

        public ReminderOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ReminderOptions, string?> listener) => null;
    }
}
