using Microsoft.Extensions.Options;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Photos;

/// <summary>What one backfill pass did: photos given sizes, photos given up on (sizes_error), photos skipped (another
/// instance had them, or they were done meanwhile), and whether a full batch was found (more may remain).</summary>
public sealed record PhotoSizesPass(int Made, int GaveUp, int Skipped, bool FullBatch);

/// <summary>
/// Background backfill of the display and thumb sizes of photos stored before sizes existed (migration V0009), every
/// Photos:JobIntervalSeconds (0 disables the loop; tests call <see cref="RunOnceAsync"/>), at once again while a full
/// batch was found. Each photo: the stored original is read, decoded in one of the uploads' decode slots (header check,
/// upright by its EXIF orientation, sRGB) and reduced exactly as an upload's sizes are (JPEG, no metadata); the original
/// itself is left as it is (its hash is its identity). Until a photo is backfilled its DTOs hand out the original for
/// thumb and display, with the original's width and height (<see cref="PhotoRow.File"/>).
/// Idempotent and safe with several API instances: each photo is claimed with <c>GET_LOCK</c> (skipped when another
/// instance holds it, released in <c>finally</c>), and the row is filled only while its sizes are still NULL
/// (<see cref="PhotosStore.BackfillSizesAsync"/>). A photo whose file is missing or that the codec refuses is marked
/// (<c>sizes_error</c>, V0015) and never tried again; it keeps serving its original.
/// </summary>
public sealed class PhotoSizesBackfill(
    PhotosStore photos, IPhotoStorage storage, PhotoProcessor processor, IOptions<PhotoOptions> options, TimeProvider clock, ILogger<PhotoSizesBackfill> logger)
    : PeriodicJob(clock, logger)
{
    /// <summary>Photos looked at in one pass at most.</summary>
    public const int BatchSize = 20;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.JobIntervalSeconds);

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken ct)
    {
        var pass = await RunOnceAsync(ct);
        // A full batch with progress: run again at once; otherwise (all skipped by another instance, or none left) wait.
        return pass.FullBatch && pass.Made + pass.GaveUp > 0 ? TimeSpan.Zero : null;
    }

    /// <summary>One pass over at most <see cref="BatchSize"/> photos without sizes.</summary>
    public async Task<PhotoSizesPass> RunOnceAsync(CancellationToken ct)
    {
        var ids = await photos.WithoutSizesAsync(BatchSize, ct);
        int made = 0, gaveUp = 0, skipped = 0;
        foreach (var id in ids)
        {
            switch (await photos.BackfillSizesAsync(id, storage, MakeAsync, ct))
            {
                case PhotosStore.Backfilled.Made: made++; break;
                case PhotosStore.Backfilled.GaveUp: gaveUp++; break;
                default: skipped++; break;
            }
        }
        if (made + gaveUp > 0) logger.LogInformation("Photo sizes backfilled for {Made} photos, given up on {GaveUp}", made, gaveUp);
        return new PhotoSizesPass(made, gaveUp, skipped, ids.Length == BatchSize);
    }

    private async Task<PhotosStore.SizesOutcome> MakeAsync(PhotoRow row, CancellationToken ct)
    {
        await using var stream = await storage.OpenReadAsync(row.Sha256, ct);
        if (stream is null)
        {
            logger.LogWarning("Photo {PhotoId}: its stored file {Sha256} is missing; it keeps no sizes", row.Id, row.Sha256);
            return new PhotosStore.SizesOutcome(null, null, "file_missing");
        }
        var source = stream;
        if (!stream.CanSeek) // a storage whose stream has no length: copied first
        {
            source = new MemoryStream();
            await stream.CopyToAsync(source, ct);
            source.Position = 0;
        }
        using var data = await PhotoProcessor.ReadAsync(source, source.Length, ct);
        try
        {
            var (display, thumb) = await processor.SizesAsync(data, ct);
            return new PhotosStore.SizesOutcome(display, thumb, null);
        }
        catch (PhotoRejectedException e)
        {
            logger.LogWarning("Photo {PhotoId} stored before sizes existed is refused by the codec ({Code}: {Message}); it keeps serving its original", row.Id, e.Code, e.Message);
            return new PhotosStore.SizesOutcome(null, null, e.Code);
        }
    }
}
