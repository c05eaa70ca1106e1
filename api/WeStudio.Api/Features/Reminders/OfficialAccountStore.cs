using System.Text;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The SQL of the official account's followers (<c>official_account_followers</c>, also written by <see cref="RemindersStore"/>)
/// and of the resumable full sync (<c>official_account_syncs</c>, migration V0010).
/// </summary>
public sealed class OfficialAccountStore(MySqlDataSource dataSource)
{
    private const string SyncColumns = """
        id, status, requested_at, finished_at, total, pages, processed, linked, without_unionid, calls, takeovers, resume_at, last_errcode, last_error
        """;

    /// <summary>
    /// Records followers as WeChat described them at <paramref name="observedAt"/>. A row last written from a later observation
    /// (a push handled while this page was in flight) is left alone, so an older page never undoes a newer unsubscribe.
    /// </summary>
    public static async Task RecordFollowersAsync(MySqlConnection conn, MySqlTransaction? tx, IReadOnlyList<FollowerRecord> followers, DateTimeOffset observedAt, CancellationToken ct)
    {
        if (followers.Count == 0) return;
        var sql = new StringBuilder("INSERT INTO official_account_followers (unionid, oa_openid, following, subscribed_at, updated_at) VALUES ");
        var parameters = new DynamicParameters();
        parameters.Add("now", observedAt);
        // Key order (unionid) keeps two writers of overlapping sets from deadlocking.
        var ordered = followers.GroupBy(f => f.UnionId, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(f => f.UnionId, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Append($"(@u{i}, @o{i}, @f{i}, @s{i}, @now)");
            parameters.Add($"u{i}", ordered[i].UnionId);
            parameters.Add($"o{i}", ordered[i].OaOpenId);
            parameters.Add($"f{i}", ordered[i].Following);
            parameters.Add($"s{i}", ordered[i].SubscribedAt);
        }
        sql.Append("""
             ON DUPLICATE KEY UPDATE
                oa_openid = IF(updated_at > VALUES(updated_at), oa_openid, VALUES(oa_openid)),
                following = IF(updated_at > VALUES(updated_at), following, VALUES(following)),
                subscribed_at = IF(updated_at > VALUES(updated_at), subscribed_at, COALESCE(VALUES(subscribed_at), subscribed_at)),
                updated_at = GREATEST(updated_at, VALUES(updated_at))
            """);
        await conn.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, tx, cancellationToken: ct));
    }

    /// <summary>Records one follower (a subscribe push, after user/info).</summary>
    public async Task RecordFollowerAsync(FollowerRecord follower, DateTimeOffset observedAt, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await RecordFollowersAsync(conn, null, [follower], observedAt, ct);
    }

    /// <summary>An unsubscribe push: the follower with this account openid no longer follows; false when none was known.</summary>
    public async Task<bool> UnfollowAsync(string oaOpenId, DateTimeOffset observedAt, CancellationToken ct)
    {
        const string Sql = """
            UPDATE official_account_followers SET following = FALSE, updated_at = GREATEST(updated_at, @observedAt)
            WHERE oa_openid = @oaOpenId
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { oaOpenId, observedAt }, cancellationToken: ct)) > 0;
    }

    /// <summary>Starts a sync; null when one is already Running or Paused (unique key <c>official_account_syncs_active</c>).</summary>
    public async Task<FollowerSyncDto?> StartSyncAsync(Guid requestedBy, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO official_account_syncs (id, status, requested_by, requested_at, updated_at) VALUES (@id, 'Running', @requestedBy, @now, @now)
            """;
        var id = Database.NewId();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, requestedBy, now }, cancellationToken: ct));
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "official_account_syncs_active"))
        {
            return null;
        }
        return await FindSyncAsync(id, ct);
    }

    public async Task<FollowerSyncDto?> FindSyncAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"SELECT {SyncColumns} FROM official_account_syncs WHERE id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<FollowerSyncDto>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>The sync Running or Paused, if any.</summary>
    public async Task<FollowerSyncDto?> ActiveSyncAsync(CancellationToken ct)
    {
        const string Sql = $"SELECT {SyncColumns} FROM official_account_syncs WHERE active = 1";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<FollowerSyncDto>(new CommandDefinition(Sql, cancellationToken: ct));
    }

    /// <summary>
    /// Takes the active sync for <paramref name="owner"/> until <paramref name="leaseUntil"/> when nobody holds it (no lease, or
    /// one that lapsed: its runner died) and it is not waiting (<c>resume_at</c> passed); counts a takeover when a lease lapsed.
    /// </summary>
    internal async Task<FollowerSyncState?> ClaimSyncAsync(Guid owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        const string Sql = """
            UPDATE official_account_syncs
            SET takeovers = takeovers + IF(lease_owner IS NULL, 0, 1), status = 'Running', lease_owner = @owner, lease_until = @leaseUntil,
                resume_at = NULL, updated_at = @now
            WHERE active = 1 AND (lease_until IS NULL OR lease_until < @now) AND (resume_at IS NULL OR resume_at <= @now);
            SELECT id, page_cursor, page_offset, takeovers FROM official_account_syncs WHERE active = 1 AND lease_owner = @owner;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<FollowerSyncState>(new CommandDefinition(Sql, new { owner, now, leaseUntil }, cancellationToken: ct));
    }

    /// <summary>
    /// One batch: records its followers and moves the sync on (offset in the page, counts, lease) in one transaction, only while
    /// <paramref name="owner"/> still holds the lease; false (nothing written) when another runner took it over.
    /// </summary>
    internal async Task<bool> RecordBatchAsync(
        Guid syncId, Guid owner, IReadOnlyList<FollowerRecord> followers, int processed, int withoutUnionId, int newOffset, int calls,
        DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        const string Sql = """
            UPDATE official_account_syncs
            SET page_offset = @newOffset, processed = processed + @processed, linked = linked + @linked, without_unionid = without_unionid + @withoutUnionId,
                calls = calls + @calls, lease_until = @leaseUntil, last_errcode = NULL, last_error = NULL, updated_at = @now
            WHERE id = @syncId AND lease_owner = @owner AND status = 'Running'
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var held = await conn.ExecuteAsync(new CommandDefinition(Sql,
            new { syncId, owner, newOffset, processed, linked = followers.Count, withoutUnionId, calls, leaseUntil, now }, tx, cancellationToken: ct));
        if (held == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        await RecordFollowersAsync(conn, tx, followers, now, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A page is done (or a page was fetched): the cursor moves to <paramref name="cursor"/> at <paramref name="offset"/>, WeChat's total is kept.</summary>
    internal async Task<bool> MovePageAsync(Guid syncId, Guid owner, string cursor, int offset, int pagesDone, int total, int calls, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        const string Sql = """
            UPDATE official_account_syncs
            SET page_cursor = @cursor, page_offset = @offset, pages = pages + @pagesDone, total = @total, calls = calls + @calls,
                lease_until = @leaseUntil, updated_at = @now
            WHERE id = @syncId AND lease_owner = @owner AND status = 'Running'
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { syncId, owner, cursor, offset, pagesDone, total, calls, leaseUntil, now }, cancellationToken: ct)) > 0;
    }

    /// <summary>Ends the runner's hold: <paramref name="status"/> Completed or Failed (finished), or Paused until <paramref name="resumeAt"/>; records the last WeChat error.</summary>
    internal async Task ReleaseSyncAsync(
        Guid syncId, Guid owner, FollowerSyncStatus status, DateTimeOffset? resumeAt, int calls, int? errcode, string? error, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE official_account_syncs
            SET status = @status, resume_at = @resumeAt, lease_owner = NULL, lease_until = NULL, calls = calls + @calls,
                last_errcode = COALESCE(@errcode, last_errcode), last_error = COALESCE(@error, last_error),
                finished_at = IF(@status IN ('Completed', 'Failed'), @now, NULL), updated_at = @now
            WHERE id = @syncId AND lease_owner = @owner
            """;
        if (error is { Length: > 255 }) error = error[..255];
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { syncId, owner, status = status.ToString(), resumeAt, calls, errcode, error, now }, cancellationToken: ct));
    }

    /// <summary>Whether the member with <paramref name="unionId"/> follows the account (false without a unionid).</summary>
    public async Task<bool> IsFollowingAsync(string? unionId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(unionId)) return false;
        const string Sql = "SELECT COALESCE(MAX(following), FALSE) FROM official_account_followers WHERE unionid = @unionId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { unionId }, cancellationToken: ct));
    }
}
