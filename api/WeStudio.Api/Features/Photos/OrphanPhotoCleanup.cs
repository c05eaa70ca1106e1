using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Removes photos that no brief version references once Photos:OrphanHours (24) have passed since upload, and their
/// bytes when no other photo row shares the hash. Safe with several API instances: rows are claimed by one
/// <c>DELETE … WHERE id IN (… FOR UPDATE SKIP LOCKED) RETURNING</c>, and a file is deleted under the same advisory lock
/// on its hash that uploads take.
/// </summary>
public sealed class OrphanPhotoCleanup(NpgsqlDataSource dataSource, IPhotoStorage storage, IOptions<PhotoOptions> options, TimeProvider clock, ILogger<OrphanPhotoCleanup> logger)
{
    private sealed record Deleted
    {
        public Guid Id { get; init; }
        public string Sha256 { get; init; } = "";
    }

    /// <summary>One pass; returns how many photos it removed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        const string Claim = """
            DELETE FROM photos WHERE id IN (
                SELECT p.id FROM photos p
                WHERE p.uploaded_at < @cutoff
                  AND NOT EXISTS (SELECT 1 FROM brief_versions v WHERE p.id = ANY (v.photo_ids))
                ORDER BY p.uploaded_at LIMIT 200
                FOR UPDATE SKIP LOCKED)
            RETURNING id, sha256
            """;
        var cutoff = clock.GetUtcNow().AddHours(-options.Value.OrphanHours).UtcDateTime;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var deleted = (await conn.QueryAsync<Deleted>(new CommandDefinition(Claim, new { cutoff }, cancellationToken: ct))).ToArray();
        foreach (var sha256 in deleted.Select(d => d.Sha256).Distinct())
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            await PhotosApi.LockHashAsync(conn, tx, sha256, ct);
            var shared = await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM photos WHERE sha256 = @sha256)", new { sha256 }, tx, cancellationToken: ct));
            if (!shared) await storage.DeleteAsync(sha256, ct);
            await tx.CommitAsync(ct);
        }
        if (deleted.Length > 0) logger.LogInformation("Removed {Count} photos never attached to a brief", deleted.Length);
        return deleted.Length;
    }
}
