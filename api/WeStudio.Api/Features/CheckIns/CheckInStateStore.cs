using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Whether an activity's check-in is open and which key epoch its codes must carry.
/// <see cref="ClosesAt"/> (UTC) is the scheduled close while open and the moment it closed once closed.
/// </summary>
public sealed record CheckInState(bool Open, int Epoch, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt)
{
    /// <summary>The state of an activity that has no state in Redis: never opened, or closed long enough ago to have expired.</summary>
    public static readonly CheckInState NotOpen = new(false, 0, null, null);

    /// <summary>True when open and the scheduled close, if any, is still ahead of <paramref name="now"/>.</summary>
    public bool IsOpenAt(DateTimeOffset now) => Open && (ClosesAt is null || now < ClosesAt);
}

/// <summary>
/// Per-activity check-in state in Redis, shared by every API instance (DESIGN.md, "Check-in (the heart)", property 3):
/// one hash <c>{prefix}checkin:{act:&lt;uuid&gt;}</c> with fields <c>open</c> (0|1), <c>epoch</c> (0–65535),
/// <c>opened_at</c> and <c>closes_at</c> (unix milliseconds). Other per-activity keys should use the same hash tag
/// <c>{act:&lt;uuid&gt;}</c> so they land in the same cluster slot.
/// </summary>
/// <remarks>
/// <para>
/// Open and close are each one Lua script, so concurrent leaders and instances agree on one epoch. Every opening of a
/// closed activity takes a new epoch, so codes shown during an earlier opening (which carry the old epoch) are refused
/// even while their window is still running.
/// </para>
/// <para>
/// The hash expires <see cref="Retention"/> after <c>closes_at</c> (after the open, for an opening without a scheduled
/// close; after the close, once closed). A missing hash reads as <see cref="CheckInState.NotOpen"/> with epoch 0: check-in
/// is closed, and the next opening starts again at epoch 1. Restarting the epoch is safe because a code outlives its window
/// by seconds, not days. Losing Redis therefore closes check-in (the leader opens it again); it loses no check-in, which
/// MySQL holds.
/// </para>
/// </remarks>
public sealed class CheckInStateStore(RedisConnection redis, TimeProvider clock)
{
    /// <summary>How long the state is kept after check-in closed (or was scheduled to close).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    // KEYS[1] state; ARGV now_ms, closes_at_ms ('' for none), ttl_ms. Open and not past its scheduled close: keep
    // the epoch and opened_at (idempotent). Otherwise: a new epoch. Either way the scheduled close is the given one.
    private const string OpenScript = """
        local state = redis.call('HMGET', KEYS[1], 'open', 'epoch', 'closes_at')
        local now = tonumber(ARGV[1])
        local epoch = tonumber(state[2] or '0')
        if not (state[1] == '1' and (not state[3] or tonumber(state[3]) > now)) then
          epoch = (epoch + 1) % 65536
          redis.call('HSET', KEYS[1], 'open', '1', 'epoch', epoch, 'opened_at', ARGV[1])
        end
        if ARGV[2] == '' then
          redis.call('HDEL', KEYS[1], 'closes_at')
        else
          redis.call('HSET', KEYS[1], 'closes_at', ARGV[2])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return epoch
        """;

    // KEYS[1] state; ARGV now_ms, ttl_ms. Always a new epoch; closes_at becomes now unless check-in had already
    // closed (by hand or by its schedule), in which case the earlier moment stays.
    private const string CloseScript = """
        local state = redis.call('HMGET', KEYS[1], 'open', 'epoch', 'closes_at')
        local now = tonumber(ARGV[1])
        local epoch = (tonumber(state[2] or '0') + 1) % 65536
        redis.call('HSET', KEYS[1], 'open', '0', 'epoch', epoch)
        if state[1] == '1' and (not state[3] or tonumber(state[3]) > now) then
          redis.call('HSET', KEYS[1], 'closes_at', ARGV[1])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return epoch
        """;

    /// <summary>
    /// Opens check-in until <paramref name="closesAt"/> (UTC; null: until closed, at most <see cref="Retention"/>).
    /// Opening a closed activity takes a new epoch; opening an open one keeps its epoch and <c>opened_at</c> and only
    /// sets the scheduled close.
    /// </summary>
    /// <returns>The epoch that codes of this opening carry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="closesAt"/> is not after now (validate it before).</exception>
    public async Task<int> OpenAsync(Guid activityId, DateTimeOffset? closesAt)
    {
        var now = clock.GetUtcNow();
        if (closesAt <= now) throw new ArgumentOutOfRangeException(nameof(closesAt), closesAt, "The close must be in the future.");
        var ttl = (closesAt ?? now) - now + Retention;
        var result = await redis.Database.ScriptEvaluateAsync(OpenScript, [StateKey(activityId)],
            [now.ToUnixTimeMilliseconds(), closesAt?.ToUnixTimeMilliseconds().ToString() ?? "", (long)ttl.TotalMilliseconds]);
        return (int)result;
    }

    /// <summary>Closes check-in and takes a new epoch, so every code already shown stops working on every instance at once.</summary>
    /// <returns>The new epoch.</returns>
    public async Task<int> CloseAsync(Guid activityId)
    {
        var now = clock.GetUtcNow();
        var result = await redis.Database.ScriptEvaluateAsync(CloseScript, [StateKey(activityId)],
            [now.ToUnixTimeMilliseconds(), (long)Retention.TotalMilliseconds]);
        return (int)result;
    }

    /// <summary>The current state in one round trip; <see cref="CheckInState.NotOpen"/> when Redis has none.</summary>
    public async Task<CheckInState> GetAsync(Guid activityId) => Parse(await redis.Database.HashGetAllAsync(StateKey(activityId)));

    /// <summary>
    /// The open state and another string key (the scan's bearer session, <see cref="Auth.SessionStore.SessionKey"/>) in one
    /// round trip: both commands go out in one batch on this Redis. Throws <see cref="RedisConnectionException"/> or
    /// <see cref="RedisTimeoutException"/> when Redis does not answer.
    /// </summary>
    public async Task<(CheckInState State, RedisValue Other)> GetWithAsync(Guid activityId, RedisKey otherKey)
    {
        var batch = redis.Database.CreateBatch();
        var state = batch.HashGetAllAsync(StateKey(activityId));
        var other = batch.StringGetAsync(otherKey);
        batch.Execute();
        await Task.WhenAll(state, other);
        return (Parse(state.Result), other.Result);
    }

    private static CheckInState Parse(HashEntry[] entries)
    {
        if (entries.Length == 0) return CheckInState.NotOpen;
        var fields = entries.ToDictionary(e => (string)e.Name!, e => e.Value);
        return new CheckInState(
            Open: fields.GetValueOrDefault("open") == "1",
            Epoch: fields.TryGetValue("epoch", out var epoch) ? (int)epoch : 0,
            OpenedAt: Time(fields.GetValueOrDefault("opened_at")),
            ClosesAt: Time(fields.GetValueOrDefault("closes_at")));
    }

    private static DateTimeOffset? Time(RedisValue unixMilliseconds) =>
        unixMilliseconds.IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)unixMilliseconds);

    private RedisKey StateKey(Guid activityId) => redis.Key($"checkin:{{act:{activityId:D}}}");
}
