using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The send rate shared by every API instance: a Redis counter per second of <see cref="TimeProvider"/> time
/// (key <c>reminders:rate:{unix seconds}</c>, expires after 2 s), taken atomically by a Lua script. A dispatcher takes the
/// sends it may make before it claims rows, so the sends of one second never exceed <c>Reminders:SendsPerSecond</c>.
/// </summary>
public sealed class ReminderRateLimiter(RedisConnection redis, IOptionsMonitor<ReminderOptions> options, TimeProvider clock)
{
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local used = tonumber(redis.call('GET', @key) or '0')
        local free = tonumber(@limit) - used
        if free <= 0 then return 0 end
        local take = math.min(free, tonumber(@wanted))
        redis.call('INCRBY', @key, take)
        redis.call('PEXPIRE', @key, 2000)
        return take
        """);

    /// <summary>How many of <paramref name="wanted"/> sends may be made now (all of them when the limit is 0), and when the next second starts.</summary>
    public async Task<(int Granted, TimeSpan RetryAfter)> TryTakeAsync(int wanted)
    {
        var limit = options.CurrentValue.SendsPerSecond;
        if (limit <= 0 || wanted <= 0) return (wanted, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var granted = (int)await redis.Database.ScriptEvaluateAsync(Take, new { key = redis.Key($"reminders:rate:{second}"), limit, wanted });
        var retryAfter = DateTimeOffset.FromUnixTimeSeconds(second + 1) - now;
        return (granted, retryAfter);
    }
}
