using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Closes check-ins left open (DESIGN.md, "Check-in (the heart)", property 7): once an activity that tracks duration has
/// ended <c>CheckIn:AutoCloseGraceMinutes</c> ago, each of its live check-ins without a check-out is closed at the
/// scheduled end (or at the check-in, when that was later), with the capped duration, method <c>Auto</c> and
/// <c>auto_closed</c> set, for the leader to confirm or correct (<c>PUT …/attendance/{memberId}/checkout</c>).
/// </summary>
/// <remarks>
/// One statement: the due rows are locked <c>FOR UPDATE SKIP LOCKED</c> and updated. Instances running it at once take
/// disjoint rows (never waiting on each other, so no deadlock), a row being checked out by a member at that moment is left
/// for the next pass, and a row another instance closed meanwhile no longer matches <c>checked_out_at IS NULL</c> when
/// re-checked under its lock: each row is closed once and nothing relies on in-process state. Cancelled activities are left alone.
/// </remarks>
public sealed class AutoCloseJob(NpgsqlDataSource dataSource, IOptions<CheckInOptions> options, TimeProvider clock, ILogger<AutoCloseJob> logger)
{
    private static readonly string Sql = $"""
            WITH due AS (
                SELECT c.id FROM check_ins c JOIN activities a ON a.id = c.activity_id
                WHERE c.revoked_at IS NULL AND c.checked_out_at IS NULL
                  AND a.status = 'Scheduled' AND (a.kind = 'VolunteerService' OR a.tracks_duration)
                  AND a.ends_at <= @due
                FOR UPDATE OF c SKIP LOCKED
            )
            UPDATE check_ins c
            SET checked_out_at = greatest(a.ends_at, c.checked_in_at), check_out_method = 'Auto', auto_closed = true,
                duration_minutes = {CheckInStore.DurationSql.Replace("@outAt", "greatest(a.ends_at, c.checked_in_at)")}
            FROM due, activities a
            WHERE c.id = due.id AND a.id = c.activity_id
            """;

    /// <summary>One pass: closes what is due now; returns how many check-ins it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var due = clock.GetUtcNow().AddMinutes(-settings.AutoCloseGraceMinutes);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var closed = await conn.ExecuteAsync(new CommandDefinition(Sql,
            new { due = due.UtcDateTime, allowanceMinutes = settings.CheckOutAllowanceMinutes }, cancellationToken: ct));
        if (closed > 0) logger.LogInformation("Auto-closed {Count} check-ins of activities that ended before {Due:u}", closed, due);
        return closed;
    }
}

/// <summary>Runs <see cref="AutoCloseJob"/> every <c>CheckIn:AutoCloseIntervalSeconds</c> while <c>CheckIn:AutoCloseEnabled</c>.</summary>
public sealed class AutoCloseLoop(AutoCloseJob job, IOptions<CheckInOptions> options, TimeProvider clock, ILogger<AutoCloseLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.AutoCloseEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.AutoCloseIntervalSeconds), clock);
        do
        {
            try
            {
                await job.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Auto-close pass failed; the next pass tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
