using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Signed, expiring photo URLs: <c>/api/v1/photos/{id}/content?size=thumb|display|original&amp;exp=&lt;unix seconds&gt;&amp;sig=&lt;base64url
/// HMAC-SHA256 with Photos:UrlSecret&gt;</c>. The signed text is <c>"{id}.{exp}"</c> for the original (so URLs handed out
/// before sizes existed, without <c>size</c>, stay valid) and <c>"{id}.{size}.{exp}"</c> for thumb and display, so a
/// thumbnail's URL cannot be turned into the original's. A mini-program <c>&lt;image&gt;</c> sends no Authorization
/// header, so the URL itself is the permission; it is handed only to those who may see the photo.
/// </summary>
public sealed class PhotoUrls(IOptions<PhotoOptions> options, TimeProvider clock)
{
    /// <summary>Result of checking a URL's <c>exp</c> and <c>sig</c>.</summary>
    public enum Check { Valid, Invalid, Expired }

    /// <summary>The <c>size</c> query value of a size.</summary>
    public static string Name(PhotoSize size) => size switch { PhotoSize.Thumb => "thumb", PhotoSize.Display => "display", _ => "original" };

    /// <summary>The size a <c>size</c> query value names (absent: original), or null for anything else.</summary>
    public static PhotoSize? Parse(string? size) => size switch
    {
        null or "" or "original" => PhotoSize.Original,
        "display" => PhotoSize.Display,
        "thumb" => PhotoSize.Thumb,
        _ => null,
    };

    /// <summary>The path and query of a URL for the original of <paramref name="photoId"/> valid for <paramref name="lifetime"/> (default Photos:UrlLifetimeMinutes).</summary>
    public string PathFor(Guid photoId, TimeSpan? lifetime = null) => PathFor(photoId, PhotoSize.Original, lifetime);

    /// <summary>The path and query of a URL for one size of <paramref name="photoId"/>.</summary>
    public string PathFor(Guid photoId, PhotoSize size, TimeSpan? lifetime = null)
    {
        var exp = clock.GetUtcNow().Add(lifetime ?? TimeSpan.FromMinutes(options.Value.UrlLifetimeMinutes)).ToUnixTimeSeconds();
        return $"/api/v1/photos/{photoId}/content?size={Name(size)}&exp={exp}&sig={Sign(photoId, size, exp)}";
    }

    /// <summary>An absolute URL of the original: Photos:PublicBaseUrl, else <paramref name="requestBase"/> (scheme://host of the current request), else http://localhost.</summary>
    public string UrlFor(Guid photoId, string? requestBase, TimeSpan? lifetime = null) => UrlFor(photoId, PhotoSize.Original, requestBase, lifetime);

    /// <summary>An absolute URL of one size (base as in <see cref="UrlFor(Guid, string?, TimeSpan?)"/>).</summary>
    public string UrlFor(Guid photoId, PhotoSize size, string? requestBase, TimeSpan? lifetime = null)
    {
        var configured = options.Value.PublicBaseUrl;
        var origin = configured.Length > 0 ? configured : requestBase ?? "http://localhost";
        return origin.TrimEnd('/') + PathFor(photoId, size, lifetime);
    }

    /// <summary>scheme://host of the request, the base of URLs when Photos:PublicBaseUrl is not set.</summary>
    public static string RequestBase(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public Check Verify(Guid photoId, string? exp, string? sig) => Verify(photoId, PhotoSize.Original, exp, sig);

    public Check Verify(Guid photoId, PhotoSize size, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig) || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return Check.Invalid;
        var expected = Encoding.ASCII.GetBytes(Sign(photoId, size, seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig))) return Check.Invalid;
        return seconds <= clock.GetUtcNow().ToUnixTimeSeconds() ? Check.Expired : Check.Valid;
    }

    private string Sign(Guid photoId, PhotoSize size, long exp)
    {
        var e = exp.ToString(CultureInfo.InvariantCulture);
        var text = size == PhotoSize.Original ? $"{photoId:D}.{e}" : $"{photoId:D}.{Name(size)}.{e}";
        var mac = HMACSHA256.HashData(options.Value.SecretBytes, Encoding.ASCII.GetBytes(text));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
