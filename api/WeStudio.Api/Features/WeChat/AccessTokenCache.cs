using System.Security.Cryptography;
using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// The access_token of one AppId in Redis, shared by every API instance (WECHAT.md "Access tokens": one token per AppId,
/// refreshed under a lock). Keys: <c>wechat:access_token:{appid}</c> (the token, TTL = expires_in − 300 s) and
/// <c>wechat:access_token:{appid}:lock</c> (the refresher's random value, <c>SET NX PX</c>, released by compare-and-delete
/// so a refresher whose lock expired never deletes the next one's).
/// </summary>
internal sealed class AccessTokenCache(RedisConnection redis, string appId)
{
    /// <summary>Seconds before WeChat's expiry that we stop using a token (WeChat itself renews stable tokens 5 minutes early).</summary>
    internal const int ExpiryMarginSeconds = 300;

    private const string ReleaseScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end
        """;

    private RedisKey TokenKey => redis.Key($"wechat:access_token:{appId}");

    private RedisKey LockKey => redis.Key($"wechat:access_token:{appId}:lock");

    public async Task<string?> GetAsync()
    {
        var value = await redis.Database.StringGetAsync(TokenKey);
        return value.IsNullOrEmpty ? null : value.ToString();
    }

    /// <summary>Stores a token WeChat said is valid for <paramref name="expiresInSeconds"/>; one valid for ten minutes or less is kept half that time.</summary>
    public Task SetAsync(string token, int expiresInSeconds)
    {
        var seconds = expiresInSeconds > 2 * ExpiryMarginSeconds ? expiresInSeconds - ExpiryMarginSeconds : expiresInSeconds / 2;
        return seconds > 0
            ? redis.Database.StringSetAsync(TokenKey, token, TimeSpan.FromSeconds(seconds))
            : Task.CompletedTask;
    }

    /// <summary>Takes the refresh lock for <paramref name="lease"/>; returns the value that releases it, or null if another instance holds it.</summary>
    public async Task<string?> TryLockAsync(TimeSpan lease)
    {
        var owner = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return await redis.Database.StringSetAsync(LockKey, owner, lease, When.NotExists) ? owner : null;
    }

    public Task ReleaseAsync(string owner) =>
        redis.Database.ScriptEvaluateAsync(ReleaseScript, [LockKey], [owner]);
}
