namespace WeStudio.Api.Features.Photos;

/// <summary>WeChat's verdict on a photo (media_check_async): Unchecked (WeChat not asked yet), Pending, Pass, Review, Risky (hidden).</summary>
public enum MediaCheckStatus { Unchecked, Pending, Pass, Review, Risky }

/// <summary>
/// One size of a photo for the phone: <c>url</c> signed and expiring (Photos:UrlLifetimeMinutes, <c>size=thumb|display</c>),
/// <c>width</c>/<c>height</c> in pixels, upright. Both sizes are JPEG: thumb has a short side of 240 px, display a long
/// side of at most 1,280 px (neither is larger than the original). A photo stored before sizes existed serves its
/// original (any of the three types) for both until the background backfill has made them (usually within a minute),
/// and <c>width</c>/<c>height</c> are then the original's.
/// </summary>
public sealed record PhotoSizeDto(string Url, int Width, int Height);

/// <summary>
/// An uploaded photo: <c>url</c> is the original's signed URL (<c>size=original</c>, expires after Photos:UrlLifetimeMinutes);
/// <c>width</c>/<c>height</c> in pixels, upright (the EXIF orientation applied to the pixels); <c>bytes</c> and
/// <c>sha256</c> (hex) of the stored original, re-encoded without metadata; <c>thumb</c> and <c>display</c> the sizes
/// the feed shows.
/// </summary>
public sealed record PhotoDto(
    Guid PhotoId, string Url, int Width, int Height, int Bytes, string Sha256, string ContentType, MediaCheckStatus MediaCheck,
    PhotoSizeDto Thumb, PhotoSizeDto Display);

/// <summary>
/// A photo row. The size columns are null for photos stored before sizes existed (migration V0009) until
/// <see cref="PhotoSizesBackfill"/> fills them (or gives up on the photo): meanwhile those serve the original.
/// </summary>
public sealed record PhotoRow
{
    public Guid Id { get; init; }
    public string Sha256 { get; init; } = "";
    public string ContentType { get; init; } = "";
    public int Width { get; init; }
    public int Height { get; init; }
    public int Bytes { get; init; }
    public Guid UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public MediaCheckStatus MediaCheck { get; init; }
    public string? DisplaySha256 { get; init; }
    public int? DisplayWidth { get; init; }
    public int? DisplayHeight { get; init; }
    public string? ThumbSha256 { get; init; }
    public int? ThumbWidth { get; init; }
    public int? ThumbHeight { get; init; }

    /// <summary>The stored file of a size: its key, content type and pixels (the original's when the size was never made).</summary>
    public (string Sha256, string ContentType, int Width, int Height) File(PhotoSize size) => size switch
    {
        PhotoSize.Display when DisplaySha256 is not null => (DisplaySha256, "image/jpeg", DisplayWidth ?? Width, DisplayHeight ?? Height),
        PhotoSize.Thumb when ThumbSha256 is not null => (ThumbSha256, "image/jpeg", ThumbWidth ?? Width, ThumbHeight ?? Height),
        _ => (Sha256, ContentType, Width, Height),
    };
}
