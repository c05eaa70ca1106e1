using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Signed, expiring photo URLs: <c>/api/v1/photos/{id}/content?exp=&lt;unix seconds&gt;&amp;sig=&lt;base64url HMAC-SHA256 of
/// "{id}.{exp}" with Photos:UrlSecret&gt;</c>. A mini-program <c>&lt;image&gt;</c> sends no Authorization header, so the
/// URL itself is the permission; it is handed only to those who may see the photo.
/// </summary>
public sealed class PhotoUrls(IOptions<PhotoOptions> options, TimeProvider clock)
{
    /// <summary>Result of checking a URL's <c>exp</c> and <c>sig</c>.</summary>
    public enum Check { Valid, Invalid, Expired }

    /// <summary>The path and query of a URL for <paramref name="photoId"/> valid for <paramref name="lifetime"/> (default Photos:UrlLifetimeMinutes).</summary>
    public string PathFor(Guid photoId, TimeSpan? lifetime = null)
    {
        var exp = clock.GetUtcNow().Add(lifetime ?? TimeSpan.FromMinutes(options.Value.UrlLifetimeMinutes)).ToUnixTimeSeconds();
        return $"/api/v1/photos/{photoId}/content?exp={exp}&sig={Sign(photoId, exp)}";
    }

    /// <summary>An absolute URL: Photos:PublicBaseUrl, else <paramref name="requestBase"/> (scheme://host of the current request), else http://localhost.</summary>
    public string UrlFor(Guid photoId, string? requestBase, TimeSpan? lifetime = null)
    {
        var configured = options.Value.PublicBaseUrl;
        var origin = configured.Length > 0 ? configured : requestBase ?? "http://localhost";
        return origin.TrimEnd('/') + PathFor(photoId, lifetime);
    }

    /// <summary>scheme://host of the request, the base of URLs when Photos:PublicBaseUrl is not set.</summary>
    public static string RequestBase(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public Check Verify(Guid photoId, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig) || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return Check.Invalid;
        var expected = Encoding.ASCII.GetBytes(Sign(photoId, seconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig))) return Check.Invalid;
        return seconds <= clock.GetUtcNow().ToUnixTimeSeconds() ? Check.Expired : Check.Valid;
    }

    private string Sign(Guid photoId, long exp)
    {
        var mac = HMACSHA256.HashData(options.Value.SecretBytes, Encoding.ASCII.GetBytes($"{photoId:D}.{exp.ToString(CultureInfo.InvariantCulture)}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
