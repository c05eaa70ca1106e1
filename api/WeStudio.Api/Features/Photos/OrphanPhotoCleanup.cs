using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Removes photos that no brief version references once Photos:OrphanHours (24) have passed since upload, and their
/// bytes when no other photo row shares the hash. Safe with several API instances: rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> and deleted by id in one transaction, and a file is deleted under the same named lock on
/// its hash that uploads take (<see cref="PhotosStore"/>).
/// </summary>
public sealed class OrphanPhotoCleanup(PhotosStore photos, IPhotoStorage storage, IOptions<PhotoOptions> options, TimeProvider clock, ILogger<OrphanPhotoCleanup> logger)
{
    /// <summary>Photos removed in one pass at most.</summary>
    private const int BatchSize = 200;

    /// <summary>One pass; returns how many photos it removed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddHours(-options.Value.OrphanHours);
        var deleted = await photos.DeleteOrphansAsync(cutoff, BatchSize, ct);
        foreach (var sha256 in deleted.Sha256s) await photos.DeleteFileIfUnusedAsync(storage, sha256, ct);
        if (deleted.Count > 0) logger.LogInformation("Removed {Count} photos never attached to a brief", deleted.Count);
        return deleted.Count;
    }
}
