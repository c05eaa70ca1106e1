using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// A programme's own targets: the committee changes a requirement's target or points on one programme
/// (<c>requirements</c>, a copy per programme), each change audited in <c>requirement_changes</c> (V0014). The trigger
/// <c>requirements_ledger_catalogue_upd</c> raises the ledger catalogue version (V0006) in the same transaction, so the
/// overview reads the requirements again; cached counts are keyed by the targets (<see cref="LedgerService.Plan"/>).
/// </summary>
public sealed class RequirementTargetsStore(MySqlDataSource dataSource)
{
    private sealed class ChangeRow
    {
        public Guid RequirementId { get; init; }
        public Guid ChangedBy { get; init; }
        public string ChangedByName { get; init; } = "";
        public DateTimeOffset ChangedAt { get; init; }
        public int OldTargetMin { get; init; }
        public int NewTargetMin { get; init; }
        public decimal? OldTargetRate { get; init; }
        public decimal? NewTargetRate { get; init; }
        public decimal? OldPointsAtTarget { get; init; }
        public decimal? NewPointsAtTarget { get; init; }
        public decimal? OldPointsPerUnit { get; init; }
        public decimal? NewPointsPerUnit { get; init; }
        public decimal? OldPointsMax { get; init; }
        public decimal? NewPointsMax { get; init; }
        public string Reason { get; init; } = "";

        public RequirementChangeDto AsDto() => new(ChangedBy, ChangedByName, ChangedAt,
            new(OldTargetMin, OldTargetRate, OldPointsAtTarget, OldPointsPerUnit, OldPointsMax),
            new(NewTargetMin, NewTargetRate, NewPointsAtTarget, NewPointsPerUnit, NewPointsMax), Reason);
    }

    private static RequirementTargetDto Current(RequirementDto r) => new(r.TargetMin, r.TargetRate, r.PointsAtTarget, r.PointsPerUnit, r.PointsMax);

    /// <summary>
    /// The programme's requirements with the notice's default (the first change's old value, or the current one) and the
    /// latest change, on the caller's connection.
    /// </summary>
    public static async Task<RequirementDto[]> WithDefaultsAsync(MySqlConnection conn, Guid programmeId, CancellationToken ct, MySqlTransaction? tx = null)
    {
        const string Sql = """
            SELECT c.requirement_id, c.changed_by, a.display_name AS changed_by_name, c.changed_at, c.old_target_min, c.new_target_min,
                   c.old_target_rate, c.new_target_rate, c.old_points_at_target, c.new_points_at_target, c.old_points_per_unit,
                   c.new_points_per_unit, c.old_points_max, c.new_points_max, c.reason
            FROM requirement_changes c JOIN admins a ON a.id = c.changed_by
            WHERE c.programme_id = @programmeId ORDER BY c.changed_at, c.id
            """;
        var requirements = await LedgerStore.RequirementsAsync(conn, programmeId, ct, tx);
        var changes = (await conn.QueryAsync<ChangeRow>(new CommandDefinition(Sql, new { programmeId }, tx, cancellationToken: ct))).ToLookup(c => c.RequirementId);
        return requirements.Select(r =>
        {
            var mine = changes[r.Id].ToList();
            return r with
            {
                NoticeDefault = mine.Count == 0 ? Current(r) : mine[0].AsDto().Old,
                Changed = mine.Count > 0,
                LastChange = mine.Count == 0 ? null : mine[^1].AsDto(),
            };
        }).ToArray();
    }

    /// <summary>The programme's requirements with defaults and changes (<see cref="WithDefaultsAsync"/>).</summary>
    public async Task<RequirementDto[]> ListAsync(Guid programmeId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await WithDefaultsAsync(conn, programmeId, ct);
    }

    /// <summary>What a change attempt found: the requirement as it was, or null when the programme has no such code.</summary>
    public delegate RequirementTargetDto? Decide(RequirementDto current, out Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? refusal);

    /// <summary>
    /// Changes one requirement of the programme: reads it under a row lock, lets <paramref name="decide"/> refuse or
    /// give the new values, writes them and the audit row in one transaction (the catalogue trigger fires in it). Returns
    /// the requirement after (with defaults), a refusal, or (null, null) when the programme has no requirement of that code.
    /// </summary>
    public Task<(RequirementDto? After, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refusal)> ChangeAsync(Guid programmeId, string code, Guid adminId,
        DateTimeOffset now, string reason, Decide decide, CancellationToken ct) => Database.RetryAsync(async () =>
    {
        const string LockSql = "SELECT id FROM requirements WHERE programme_id = @programmeId AND code = @code FOR UPDATE";
        const string UpdateSql = """
            UPDATE requirements SET target_min = @TargetMin, target_rate = @TargetRate, points_at_target = @PointsAtTarget,
                                    points_per_unit = @PointsPerUnit, points_max = @PointsMax
            WHERE id = @id
            """;
        const string AuditSql = """
            INSERT INTO requirement_changes (id, programme_id, requirement_id, changed_by, changed_at, old_target_min, new_target_min,
                old_target_rate, new_target_rate, old_points_at_target, new_points_at_target, old_points_per_unit, new_points_per_unit,
                old_points_max, new_points_max, reason)
            VALUES (@auditId, @programmeId, @id, @adminId, @now, @oldMin, @newMin, @oldRate, @newRate, @oldAt, @newAt, @oldPer, @newPer, @oldMax, @newMax, @reason)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await conn.ExecuteScalarAsync<Guid?>(new CommandDefinition(LockSql, new { programmeId, code }, tx, cancellationToken: ct));
        if (id is null) return ((RequirementDto?)null, (Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?)null);
        var current = (await LedgerStore.RequirementsAsync(conn, programmeId, ct, tx)).Single(r => r.Id == id);
        var next = decide(current, out var refusal);
        if (next is null) return (null, refusal);
        var old = Current(current);
        await conn.ExecuteAsync(new CommandDefinition(UpdateSql, new { id, next.TargetMin, next.TargetRate, next.PointsAtTarget, next.PointsPerUnit, next.PointsMax }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(AuditSql, new
        {
            auditId = Database.NewId(), programmeId, id, adminId, now = now.UtcDateTime, oldMin = old.TargetMin, newMin = next.TargetMin,
            oldRate = old.TargetRate, newRate = next.TargetRate, oldAt = old.PointsAtTarget, newAt = next.PointsAtTarget,
            oldPer = old.PointsPerUnit, newPer = next.PointsPerUnit, oldMax = old.PointsMax, newMax = next.PointsMax, reason,
        }, tx, cancellationToken: ct));
        var after = (await WithDefaultsAsync(conn, programmeId, ct, tx)).Single(r => r.Id == id);
        await tx.CommitAsync(ct);
        return (after, null);
    }, ct);
}
