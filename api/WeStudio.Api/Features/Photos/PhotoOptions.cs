using Microsoft.Extensions.Options;
using WeStudio.Api.Features.CheckIns;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Photo settings, bound from the section <c>Photos</c> (environment <c>Photos__UrlSecret</c> …) and validated on start.
/// </summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Folder of <see cref="LocalPhotoStorage"/>; relative paths are under the content root. Default <c>.data/photos</c>.</summary>
    public string Folder { get; set; } = ".data/photos";

    /// <summary>Largest accepted upload, in bytes (default 10 MiB, WeChat's limit for media_check_async images).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Most pixels (width × height, read from the header before anything is decoded) an upload may have; more is 422
    /// <c>too_many_pixels</c>. Default 40 megapixels: a 40 MP photo decodes to 160 MB of RGBA.
    /// </summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Uploads decoded and re-encoded at once (default: the machine's cores); the others wait for a slot.</summary>
    public int MaxConcurrentDecodes { get; set; } = Environment.ProcessorCount;

    internal int DecodeSlots => Math.Max(1, MaxConcurrentDecodes);

    /// <summary>Minutes a signed photo URL handed to a client stays valid (1–1440, default 60).</summary>
    public int UrlLifetimeMinutes { get; set; } = 60;

    /// <summary>HMAC-SHA256 key of signed photo URLs, at least 32 bytes (base64 or text, as <c>CheckIn:TokenSecret</c>). Secret.</summary>
    public string UrlSecret { get; set; } = "";

    /// <summary>
    /// The API's public origin (e.g. <c>https://westudio.example.cn</c>): the base of photo URLs handed out, and of the
    /// URL WeChat fetches for media_check_async. Empty: URLs are built from the request (and media checks use
    /// <c>http://localhost</c>, which only the sandbox accepts).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Hours an uploaded photo may stay unattached to any brief version before the cleanup job removes it (default 24).</summary>
    public int OrphanHours { get; set; } = 24;

    /// <summary>Seconds between two runs of the background jobs (content-security retries, orphan cleanup); 0 disables the loop (tests call RunOnceAsync).</summary>
    public int JobIntervalSeconds { get; set; } = 60;

    internal byte[] SecretBytes => CheckInOptions.SecretBytes(UrlSecret);
}

internal sealed class PhotoOptionsValidator : IValidateOptions<PhotoOptions>
{
    public ValidateOptionsResult Validate(string? name, PhotoOptions o)
    {
        var problems = new List<string>();
        if (o.SecretBytes.Length < CheckInOptions.MinSecretBytes)
            problems.Add($"Photos:UrlSecret must be at least {CheckInOptions.MinSecretBytes} bytes (e.g. `openssl rand -base64 32`).");
        if (o.MaxBytes is < 1024 or > 100 * 1024 * 1024) problems.Add("Photos:MaxBytes must be between 1 KiB and 100 MiB.");
        if (o.MaxPixels is < 1_000_000 or > 250_000_000) problems.Add("Photos:MaxPixels must be between 1000000 and 250000000.");
        if (o.MaxConcurrentDecodes is < 1 or > 256) problems.Add("Photos:MaxConcurrentDecodes must be between 1 and 256.");
        if (o.UrlLifetimeMinutes is < 1 or > 1440) problems.Add("Photos:UrlLifetimeMinutes must be between 1 and 1440.");
        if (o.OrphanHours is < 1 or > 24 * 30) problems.Add("Photos:OrphanHours must be between 1 and 720.");
        if (o.JobIntervalSeconds is < 0 or > 86_400) problems.Add("Photos:JobIntervalSeconds must be between 0 and 86400.");
        if (string.IsNullOrWhiteSpace(o.Folder)) problems.Add("Photos:Folder is required.");
        if (o.PublicBaseUrl.Length > 0 && !Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _)) problems.Add("Photos:PublicBaseUrl must be an absolute URL.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
