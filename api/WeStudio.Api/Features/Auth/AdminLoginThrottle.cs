using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Auth;

/// <summary>
/// Slows password guessing on <c>POST /api/v1/auth/admin-login</c> without letting a stranger lock an admin out.
/// Failures are counted per (username, client address) for <see cref="Window"/>: after <see cref="FreeFailures"/> of
/// them the pair waits 1 s, then 2 s, 4 s, … (at most <see cref="MaxDelay"/>) before its next attempt is even checked
/// (429 <c>too_many_attempts</c> with <c>Retry-After</c>). Another address is not slowed, so the admin still signs in
/// while someone hammers their username from elsewhere. A global cap per username
/// (<c>Auth:AdminLoginGlobalFailureCap</c>, default 1,000 failures per window from all addresses) stops a distributed
/// guess. Every failure and refusal is logged with the username and address. State lives in Redis (all instances share it).
/// The client address is the connection's, or X-Forwarded-For's when the connection comes from a known proxy
/// (<see cref="ForwardedHeadersSetup"/>).
/// </summary>
public sealed class AdminLoginThrottle(RedisConnection redis, IConfiguration configuration, ILogger<AdminLoginThrottle> logger)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    private int GlobalCap => configuration.GetValue("Auth:AdminLoginGlobalFailureCap", 1000);

    /// <summary>How long this pair must still wait (null: it may try now), or the username's global cap reached.</summary>
    public async Task<TimeSpan?> WaitAsync(string username, string address)
    {
        var (pair, user, wait) = Keys(username, address);
        var ttl = await redis.Database.KeyTimeToLiveAsync(wait);
        if (ttl is { } left && left > TimeSpan.Zero)
        {
            logger.LogWarning("Admin sign-in for {Username} from {Address} refused: waiting {Seconds:F0} s after repeated failures", username, address, left.TotalSeconds);
            return left;
        }
        var global = (long?)await redis.Database.StringGetAsync(user) ?? 0;
        if (global >= GlobalCap)
        {
            var userTtl = await redis.Database.KeyTimeToLiveAsync(user) ?? Window;
            logger.LogWarning("Admin sign-in for {Username} from {Address} refused: {Failures} failures from all addresses in the window", username, address, global);
            return userTtl;
        }
        return null;
    }

    /// <summary>Counts a failure of the pair and of the username; sets the pair's wait when past the free failures.</summary>
    public async Task FailedAsync(string username, string address)
    {
        var (pair, user, wait) = Keys(username, address);
        var db = redis.Database;
        var count = await db.StringIncrementAsync(pair);
        await db.KeyExpireAsync(pair, Window);
        var global = await db.StringIncrementAsync(user);
        if (global == 1) await db.KeyExpireAsync(user, Window);
        var delay = DelayAfter(count);
        if (delay > TimeSpan.Zero) await db.StringSetAsync(wait, "1", delay);
        logger.LogWarning("Admin sign-in failed for {Username} from {Address}: failure {Count} from this address, {Global} in all; next attempt allowed in {Seconds} s",
            username, address, count, global, delay.TotalSeconds);
    }

    /// <summary>A success clears the pair's failures (not the username's global count).</summary>
    public async Task SucceededAsync(string username, string address)
    {
        var (pair, _, wait) = Keys(username, address);
        await redis.Database.KeyDeleteAsync([pair, wait]);
        logger.LogInformation("Admin {Username} signed in from {Address}", username, address);
    }

    /// <summary>0 for the first <see cref="FreeFailures"/> failures, then 1 s, 2 s, 4 s, … up to <see cref="MaxDelay"/>.</summary>
    public static TimeSpan DelayAfter(long failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(failures - FreeFailures, 20))));

    private (RedisKey Pair, RedisKey User, RedisKey Wait) Keys(string username, string address)
    {
        var u = username.ToLowerInvariant();
        return (redis.Key($"admin-login:pair:{u}:{address}"), redis.Key($"admin-login:user:{u}"), redis.Key($"admin-login:wait:{u}:{address}"));
    }
}
