using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// A studio's ledger counts kept in Redis for the committee overview, so that 10,000 studios are not recounted from
/// the tables on every look. Key: <c>ledger:{plan}:{studio}:{horizon}</c> (plan: <see cref="LedgerService.YearPlan.Key"/>;
/// horizon: the end of the period asked for, unix seconds). An entry holds the studio's data version
/// (<c>ledger_versions</c>, migration V0006) read in the same snapshot as the facts, the instant counted as of, the first
/// instant a dated fact of the studio comes due after it (an activity starting, a brief published with a later time…),
/// and one count per requirement and period. The service reuses it only while all three still hold, so a stale entry is
/// never served; entries expire after <see cref="Lifetime"/>. Redis unavailable: every studio is counted from the tables.
/// Each instance keeps the counts it uses in memory too (<see cref="LedgerOverview"/>); Redis serves the other instances
/// and restarts.
/// </summary>
public sealed class LedgerCache(RedisConnection redis, ILogger<LedgerCache> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Counts flattened in plan order (requirement, then period); NaN for an evaluator item's null.</summary>
    public sealed record Entry(long Version, DateTimeOffset AsOf, DateTimeOffset ValidUntil, double[] Actuals)
    {
        public static Entry Of(long version, DateTimeOffset asOf, DateTimeOffset validUntil, LedgerService.StudioCounts counts) =>
            new(version, asOf, validUntil, counts.Actuals.SelectMany(row => row.Select(a => a ?? double.NaN)).ToArray());

        internal byte[] ToBytes()
        {
            var bytes = new byte[24 + 8 * Actuals.Length];
            BitConverter.TryWriteBytes(bytes.AsSpan(0), Version);
            BitConverter.TryWriteBytes(bytes.AsSpan(8), AsOf.UtcTicks);
            BitConverter.TryWriteBytes(bytes.AsSpan(16), ValidUntil.UtcTicks);
            for (var i = 0; i < Actuals.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(24 + 8 * i), Actuals[i]);
            return bytes;
        }

        internal static Entry? FromBytes(byte[]? bytes)
        {
            if (bytes is null || bytes.Length < 24 || (bytes.Length - 24) % 8 != 0) return null;
            var actuals = new double[(bytes.Length - 24) / 8];
            for (var i = 0; i < actuals.Length; i++) actuals[i] = BitConverter.ToDouble(bytes, 24 + 8 * i);
            return new Entry(BitConverter.ToInt64(bytes, 0), new DateTimeOffset(BitConverter.ToInt64(bytes, 8), TimeSpan.Zero),
                new DateTimeOffset(BitConverter.ToInt64(bytes, 16), TimeSpan.Zero), actuals);
        }
    }

    private RedisKey Key(string plan, Guid studioId, DateTimeOffset horizon) =>
        redis.Key($"ledger:{plan}:{studioId:N}:{horizon.ToUnixTimeSeconds()}");

    /// <summary>The entries of the studios, in order; null where absent or unreadable, all null when Redis is unavailable.
    /// The caller checks each against the studio's current version.</summary>
    public async Task<Entry?[]> GetAsync(string plan, Guid[] studioIds, DateTimeOffset horizon, CancellationToken ct)
    {
        if (studioIds.Length == 0) return [];
        try
        {
            var values = await redis.Database.StringGetAsync(studioIds.Select(id => Key(plan, id, horizon)).ToArray()).WaitAsync(ct);
            return values.Select(v => Entry.FromBytes(v)).ToArray();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Ledger cache unavailable; counting {Studios} studios from the tables", studioIds.Length);
            return new Entry?[studioIds.Length];
        }
    }

    /// <summary>Stores entries; a Redis failure is logged and ignored (the next look counts again).</summary>
    public async Task SetAsync(string plan, DateTimeOffset horizon, IReadOnlyList<(Guid StudioId, Entry Entry)> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        try
        {
            var db = redis.Database;
            await Task.WhenAll(entries.Select(e => db.StringSetAsync(Key(plan, e.StudioId, horizon), e.Entry.ToBytes(), Lifetime))).WaitAsync(ct);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Ledger cache unavailable; {Entries} counts not stored", entries.Count);
        }
    }
}
