namespace WeStudio.Api.Features.Photos;

/// <summary>WeChat's verdict on a photo (media_check_async): Unchecked (WeChat not asked yet), Pending, Pass, Review, Risky (hidden).</summary>
public enum MediaCheckStatus { Unchecked, Pending, Pass, Review, Risky }

/// <summary>
/// An uploaded photo: <c>url</c> is signed and expires (Photos:UrlLifetimeMinutes); <c>width</c>/<c>height</c> in pixels
/// as displayed (EXIF orientation applied); <c>bytes</c> and <c>sha256</c> (hex) of the stored, metadata-free file.
/// </summary>
public sealed record PhotoDto(Guid PhotoId, string Url, int Width, int Height, int Bytes, string Sha256, string ContentType, MediaCheckStatus MediaCheck);

/// <summary>A photo row.</summary>
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
}
