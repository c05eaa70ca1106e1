using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// Which studios' ledger data changed since a previous look (the overview's "recount only what changed"), by the epoch
/// barrier of migration V0006: writers stamp <c>ledger_versions.changed_epoch</c> with the current epoch under a shared
/// lock on <c>ledger_clock</c> (triggers on activities, briefs, achievements, backbone_teachers, progress_reports,
/// studio_memberships and delivered ActivityUpcoming reminders); a look raises the epoch, which waits for those writers
/// to commit, and then reads <c>changed_epoch &gt;= </c> the epoch it raised to last time inside its snapshot. A change
/// whose transaction commits out of order is therefore never missed.
/// </summary>
public sealed class LedgerChangesStore(MySqlDataSource dataSource)
{
    /// <summary>
    /// Raises the epoch (a short transaction of its own, before the look's snapshot) and returns the new value: every
    /// writer stamped with an older epoch has committed when this returns. Retried on a deadlock or lock-wait timeout.
    /// </summary>
    public Task<long> RaiseEpochAsync(CancellationToken ct) => Database.RetryAsync(async () =>
    {
        const string Sql = "UPDATE ledger_clock SET epoch = epoch + 1 WHERE id = 1; SELECT epoch FROM ledger_clock WHERE id = 1";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var epoch = await conn.ExecuteScalarAsync<long>(new CommandDefinition(Sql, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return epoch;
    }, ct);

    /// <summary>The catalogue version (studios and org units change it) in the snapshot.</summary>
    public async Task<long> CatalogueAsync(LedgerSnapshot snapshot, CancellationToken ct) =>
        await snapshot.Connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT version FROM ledger_catalogue WHERE id = 1", cancellationToken: ct));

    /// <summary>Studios stamped with an epoch at or above <paramref name="sinceEpoch"/>, with their versions, in the snapshot.</summary>
    public async Task<List<(Guid StudioId, long Version)>> VersionsChangedSinceAsync(LedgerSnapshot snapshot, long sinceEpoch, CancellationToken ct) =>
        (await snapshot.Connection.QueryAsync<(Guid, long)>(new CommandDefinition(
            "SELECT studio_id, version FROM ledger_versions WHERE changed_epoch >= @sinceEpoch",
            new { sinceEpoch }, cancellationToken: ct))).AsList();
}
