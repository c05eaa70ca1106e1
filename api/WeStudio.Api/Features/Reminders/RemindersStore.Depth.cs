using Dapper;

namespace WeStudio.Api.Features.Reminders;

public sealed partial class RemindersStore
{
    /// <summary>The outbox backlog: Pending reminders whose next attempt is due at <paramref name="now"/> (index reminders_due).</summary>
    public async Task<long> CountDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "SELECT COUNT(*) FROM reminders WHERE status = 'Pending' AND next_attempt_at <= @now";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new { now }, cancellationToken: ct));
    }
}
