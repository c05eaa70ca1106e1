using WeStudio.Api.Features.WeChat;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary>
/// The shared access_token (Redis cache, one refresher at a time, no needless force_refresh) and
/// <see cref="IWeChatClient.PostAsync{TResponse}"/>'s refresh-and-retry-once, against the sandbox and the real Redis.
/// </summary>
public sealed class WeChatAccessTokenTests : IAsyncLifetime
{
    private const string StableToken = "/cgi-bin/stable_token";
    private const string Quota = "/cgi-bin/openapi/quota/get";

    private readonly WeChatTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public async Task AccessTokenIsCachedSoTheSecondCallMakesNoSandboxCall()
    {
        var client = context.NewClient();

        var first = await client.GetAccessTokenAsync();
        var second = await client.GetAccessTokenAsync();

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(context.Sandbox.State.CurrentStableToken, first.Value);
        var call = Assert.Single(context.Calls(StableToken));
        Assert.False(call.Body!.Value.GetProperty("force_refresh").GetBoolean());
    }

    [Fact]
    public async Task AccessTokenIsCachedPerAppIdForExpiresInLessFiveMinutes()
    {
        await context.NewClient().GetAccessTokenAsync();

        var ttl = await context.Redis.Database.KeyTimeToLiveAsync(context.TokenKey);

        Assert.InRange(ttl!.Value.TotalSeconds, SandboxState.TokenLifetimeSeconds - 310, SandboxState.TokenLifetimeSeconds - 300);
        Assert.False(await context.Redis.Database.KeyExistsAsync(context.LockKey));
    }

    [Fact]
    public async Task AccessTokenIsSharedByInstances()
    {
        var first = await context.NewClient().GetAccessTokenAsync();
        var second = await context.NewClient().GetAccessTokenAsync();

        Assert.Equal(first.Value, second.Value);
        Assert.Single(context.Calls(StableToken));
    }

    [Fact]
    public async Task AccessTokenIsFetchedOnceByConcurrentInstances()
    {
        // The refresher is held 300 ms inside its lock, so every other call arrives while it refreshes.
        var instances = Enumerable.Range(0, 2)
            .Select(_ => context.NewClient(new DelayingHandler(context.Sandbox.CreateHandler(), StableToken, TimeSpan.FromMilliseconds(300))))
            .ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => instances[i % 2].GetAccessTokenAsync()));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Single(results.Select(r => r.Value).Distinct());
        Assert.Single(context.Calls(StableToken));
    }

    [Fact]
    public async Task RefreshWaitsForTheInstanceHoldingTheLockInsteadOfStampeding()
    {
        await context.Redis.Database.StringSetAsync(context.LockKey, "another-instance", TimeSpan.FromSeconds(5));
        var waiting = context.NewClient().GetAccessTokenAsync();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        await context.Redis.Database.StringSetAsync(context.TokenKey, "token-of-another-instance", TimeSpan.FromMinutes(5));
        var result = await waiting;

        Assert.Equal("token-of-another-instance", result.Value);
        Assert.Empty(context.Calls(StableToken));
        Assert.Equal("another-instance", (string?)await context.Redis.Database.StringGetAsync(context.LockKey));
    }

    [Fact]
    public async Task RefreshTakesOverTheLockOfAnInstanceThatVanished()
    {
        await context.Redis.Database.StringSetAsync(context.LockKey, "vanished-instance", TimeSpan.FromMilliseconds(400));

        var result = await context.NewClient().GetAccessTokenAsync();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Single(context.Calls(StableToken));
        Assert.False(await context.Redis.Database.KeyExistsAsync(context.LockKey));
    }

    [Fact]
    public async Task PostSendsTheBodyWithTheCachedAccessToken()
    {
        var client = context.NewClient();
        var token = await client.GetAccessTokenAsync();

        var result = await client.PostAsync<QuotaResponse>("cgi-bin/openapi/quota/get", new { CgiPath = StableToken });

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, result.Value.Quota!.Used);
        var call = Assert.Single(context.Calls(Quota));
        Assert.Equal(token.Value, call.Query["access_token"]);
        Assert.Equal(StableToken, call.Body!.Value.GetProperty("cgi_path").GetString());
    }

    [Fact]
    public async Task ExpiredAccessTokenIsRefreshedAndTheCallRetriedOnce()
    {
        var client = context.NewClient();
        var expired = await client.GetAccessTokenAsync();
        (await context.Sandbox.Control.PostAsync("/sandbox/tokens/expire", null)).EnsureSuccessStatusCode();

        var result = await client.PostAsync<QuotaResponse>(Quota, new { cgi_path = StableToken });

        Assert.True(result.IsSuccess, result.ToString());
        var calls = context.Calls(Quota);
        Assert.Equal([42001, 0], calls.Select(c => c.ErrCode));
        Assert.Equal(expired.Value, calls[0].Query["access_token"]);
        Assert.Equal(context.Sandbox.State.CurrentStableToken, calls[1].Query["access_token"]);
        Assert.Equal(2, context.Calls(StableToken).Count);
        Assert.Equal(0, context.Sandbox.State.ForcedRefreshCount);
        Assert.Equal(calls[1].Query["access_token"], (string?)await context.Redis.Database.StringGetAsync(context.TokenKey));
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(42001)]
    public async Task RefusedAccessTokenIsRefreshedAndTheCallRetriedOnce(int errcode)
    {
        var client = context.NewClient();
        var refused = await client.GetAccessTokenAsync();
        await context.InjectFaultAsync(Quota, errcode);

        var result = await client.PostAsync<QuotaResponse>(Quota, new { cgi_path = StableToken });

        Assert.True(result.IsSuccess, result.ToString());
        var calls = context.Calls(Quota);
        Assert.Equal([errcode, 0], calls.Select(c => c.ErrCode));
        Assert.Equal(refused.Value, calls[0].Query["access_token"]);
        Assert.NotEqual(refused.Value, calls[1].Query["access_token"]);
        // WeChat still held the refused token valid, so only a forced refresh could replace it.
        Assert.Equal(1, context.Sandbox.State.ForcedRefreshCount);
    }

    [Fact]
    public async Task SecondConsecutiveInvalidCredentialIsReturnedNotRetriedForever()
    {
        var client = context.NewClient();
        await context.InjectFaultAsync(Quota, 40001, times: 5);

        var result = await client.PostAsync<QuotaResponse>(Quota, new { cgi_path = StableToken });

        Assert.Equal(40001, result.Error?.ErrCode);
        Assert.True(result.Error!.IsAccessTokenRejected);
        Assert.Equal(2, context.Calls(Quota).Count);
    }

    [Fact]
    public async Task OtherErrorsAreReturnedWithoutRefreshingOrRetrying()
    {
        var client = context.NewClient();
        await context.InjectFaultAsync(Quota, -1);

        var result = await client.PostAsync<QuotaResponse>(Quota, new { cgi_path = StableToken });

        Assert.Equal(-1, result.Error?.ErrCode);
        Assert.True(result.Error!.IsTransient);
        Assert.Single(context.Calls(Quota));
        Assert.Single(context.Calls(StableToken));
    }

    [Fact]
    public async Task ForcedRefreshUsesTheTokenAnotherInstanceAlreadyRefreshed()
    {
        var first = context.NewClient();
        var second = context.NewClient();
        var failed = await first.GetAccessTokenAsync();
        Assert.Equal(failed.Value, (await second.GetAccessTokenAsync()).Value);

        var renewedByFirst = await first.GetAccessTokenAsync(forceRefresh: true);
        var renewedBySecond = await second.GetAccessTokenAsync(forceRefresh: true);

        Assert.NotEqual(failed.Value, renewedByFirst.Value);
        Assert.Equal(renewedByFirst.Value, renewedBySecond.Value);
        Assert.Equal(1, context.Sandbox.State.ForcedRefreshCount);
        Assert.Equal(3, context.Calls(StableToken).Count);
    }

    [Fact]
    public async Task RenewingATokenThatIsNoLongerCachedUsesTheCachedOneWithoutCallingWeChat()
    {
        var client = context.NewClient();
        var current = await client.GetAccessTokenAsync();

        var renewed = await client.RenewAccessTokenAsync("an-older-token", CancellationToken.None);

        Assert.Equal(current.Value, renewed.Value);
        Assert.Single(context.Calls(StableToken));
    }

    [Fact]
    public async Task AccessTokenErrorsAreReturnedAndNothingIsPosted()
    {
        var client = context.NewClient(configure: o => o.AppSecret = "not-the-secret");

        var token = await client.GetAccessTokenAsync();
        var post = await client.PostAsync<QuotaResponse>(Quota, new { cgi_path = StableToken });

        Assert.Equal(40125, token.Error?.ErrCode);
        Assert.Equal(40125, post.Error?.ErrCode);
        Assert.Empty(context.Calls(Quota));
        Assert.False(await context.Redis.Database.KeyExistsAsync(context.TokenKey));
        Assert.False(await context.Redis.Database.KeyExistsAsync(context.LockKey));
    }

    [Fact]
    public async Task WithoutRedisTheTokenIsStillFetchedWithoutForcing()
    {
        using var down = WeChatTestContext.ConnectRedis($"127.0.0.1:{WeChatTestContext.ClosedPort()},connectTimeout=200", context.KeyPrefix);
        var client = context.NewClient(redis: down);

        var token = await client.GetAccessTokenAsync();
        var post = await client.PostAsync<QuotaResponse>(Quota, new { cgi_path = StableToken });

        Assert.True(token.IsSuccess, token.ToString());
        Assert.True(post.IsSuccess, post.ToString());
        Assert.Equal(0, context.Sandbox.State.ForcedRefreshCount);
    }

    private sealed record QuotaResponse : WeChatResponse
    {
        public QuotaInfo? Quota { get; init; }
    }

    private sealed record QuotaInfo(int DailyLimit, int Used, int Remain);
}
