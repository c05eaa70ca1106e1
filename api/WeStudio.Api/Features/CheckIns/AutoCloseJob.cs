using Dapper;
using Microsoft.Extensions.Options;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Closes check-ins left open (DESIGN.md, "Check-in (the heart)", property 7): once an activity that tracks duration has
/// ended <c>CheckIn:AutoCloseGraceMinutes</c> ago, each of its live check-ins without a check-out is closed at the
/// scheduled end (or at the check-in, when that was later), with the capped duration, method <c>Auto</c> and
/// <c>auto_closed</c> set, for the leader to confirm or correct (<c>PUT …/attendance/{memberId}/checkout</c>).
/// Runs every <c>CheckIn:AutoCloseIntervalSeconds</c> while <c>CheckIn:AutoCloseEnabled</c>.
/// </summary>
/// <remarks>
/// A batch: the due rows are read (no lock), claimed <c>FOR UPDATE SKIP LOCKED</c> by id on <c>check_ins</c> alone (so
/// no activity row is locked) with the open condition re-checked, and updated by id, every condition checked again under
/// the lock, in one transaction. Instances running it at once take disjoint rows (never waiting on each other, so no
/// deadlock), a row being checked out by a member at that moment is left for the next pass, and a row another instance
/// closed meanwhile no longer matches <c>checked_out_at IS NULL</c>: each row is closed once and nothing relies on
/// in-process state. Cancelled activities are left alone.
/// </remarks>
public sealed class AutoCloseJob(MySqlDataSource dataSource, IOptions<CheckInOptions> options, TimeProvider clock, ILogger<AutoCloseJob> logger)
    : PeriodicJob(clock, logger)
{
    private readonly TimeProvider clock = clock;
    private readonly ILogger<AutoCloseJob> logger = logger;

    /// <summary>Check-ins claimed and closed per transaction.</summary>
    private const int BatchSize = 500;

    protected override TimeSpan Interval =>
        options.Value.AutoCloseEnabled ? TimeSpan.FromSeconds(options.Value.AutoCloseIntervalSeconds) : TimeSpan.Zero;

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken ct)
    {
        await RunOnceAsync(ct);
        return null;
    }

    /// <summary>One pass: closes what is due now, batch by batch; returns how many check-ins it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var due = clock.GetUtcNow().AddMinutes(-settings.AutoCloseGraceMinutes);
        var total = 0;
        while (true)
        {
            var (candidates, closed) = await Database.RetryAsync(() => CloseBatchAsync(due, settings.CheckOutAllowanceMinutes, ct), ct);
            total += closed;
            // Fewer candidates than a batch: nothing more is due. A full batch of which nothing could be claimed (all being
            // checked out or closed elsewhere): the next pass tries again.
            if (candidates < BatchSize || closed == 0) break;
        }
        if (total > 0) logger.LogInformation("Auto-closed {Count} check-ins of activities that ended before {Due:u}", total, due);
        return total;
    }

    private const string DueActivity = """
        a.status = 'Scheduled' AND (a.kind = 'VolunteerService' OR a.tracks_duration) AND a.ends_at <= @due
        """;

    /// <summary>Closes the claimed rows <c>@ids</c> at the scheduled end (or the check-in, when later), re-checking everything.</summary>
    private static readonly string Close = $"""
        UPDATE check_ins c JOIN activities a ON a.id = c.activity_id
        SET c.checked_out_at = GREATEST(a.ends_at, c.checked_in_at), c.check_out_method = 'Auto', c.auto_closed = TRUE,
            c.duration_minutes = {CheckInStore.DurationSql.Replace("@outAt", "GREATEST(a.ends_at, c.checked_in_at)")}
        WHERE c.id IN @ids AND c.revoked_at IS NULL AND c.checked_out_at IS NULL AND {DueActivity}
        """;

    /// <summary>One transaction: how many due rows were read and how many of them this instance claimed and closed.</summary>
    private async Task<(int Candidates, int Closed)> CloseBatchAsync(DateTimeOffset due, int allowanceMinutes, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        const string Candidates = $"""
            SELECT c.id FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.revoked_at IS NULL AND c.checked_out_at IS NULL AND {DueActivity}
            LIMIT @limit
            """;
        var candidates = (await conn.QueryAsync<Guid>(new CommandDefinition(Candidates, new { due, limit = BatchSize }, tx, cancellationToken: ct))).ToList();
        if (candidates.Count == 0) return (0, 0);

        const string Claim = """
            SELECT id FROM check_ins WHERE id IN @ids AND revoked_at IS NULL AND checked_out_at IS NULL
            FOR UPDATE SKIP LOCKED
            """;
        var claimed = (await conn.QueryAsync<Guid>(new CommandDefinition(Claim, new { ids = candidates }, tx, cancellationToken: ct))).ToList();
        if (claimed.Count == 0) return (candidates.Count, 0);

        var closed = await conn.ExecuteAsync(new CommandDefinition(Close, new { ids = claimed, due, allowanceMinutes }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (candidates.Count, closed);
    }
}
