using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Photos: a member uploads one file per request (as <c>wx.uploadFile</c> sends it); anyone holding a signed URL fetches it.
/// Uploads are typed by magic bytes, stripped of metadata (<see cref="PhotoSanitizer"/>), stored under their SHA-256 and
/// sent to WeChat's image check.
/// </summary>
public static class PhotosApi
{
    /// <summary>Room for the multipart envelope around the file.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/api/v1/photos").WithTags("Photos");
        photos.MapPost("/", UploadAsync).WithName("UploadPhoto").RequireAuthorization(CurrentUser.MemberPolicy)
            .AcceptsFile("file").DisableAntiforgery()
            .WithSummary("A member uploads one JPEG, PNG or WebP photo (multipart field `file`, ≤ Photos:MaxBytes); metadata is removed. 400 validation_failed; 413 too_large; 415 unsupported_media_type; 422 corrupt_image; 503 storage_unavailable (the photo folder refused the write: nothing is saved).");
        photos.MapGet("/{id:guid}/content", ContentAsync).WithName("GetPhotoContent").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp"]).Produces(StatusCodes.Status304NotModified)
            .WithSummary("The photo's bytes through a signed URL (exp, sig) handed out by the API; no Authorization needed. 304 when If-None-Match matches; 403 url_invalid, url_expired; 404 not_found.");
        return app;
    }

    private static async Task<Results<Created<PhotoDto>, ProblemHttpResult>> UploadAsync(
        HttpContext context, ClaimsPrincipal user, IOptions<PhotoOptions> options, IPhotoStorage storage, PhotoUrls urls,
        PhotoMediaCheck mediaCheck, PhotosStore photos, TimeProvider clock, CancellationToken ct)
    {
        var max = options.Value.MaxBytes;
        var request = context.Request;
        if (request.ContentLength > max + EnvelopeBytes) return TooLarge(max);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + EnvelopeBytes;
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Problems.Field("file", "Send the photo as multipart/form-data in the field 'file'.");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + EnvelopeBytes }, ct);
        }
        catch (InvalidDataException)
        {
            return TooLarge(max);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }
        var file = form.Files.GetFile("file");
        if (file is null || form.Files.Count != 1) return Problems.Field("file", "Send exactly one photo, in the field 'file'.");
        if (file.Length > max) return TooLarge(max);
        if (file.Length == 0) return Problems.Of(StatusCodes.Status422UnprocessableEntity, "corrupt_image", "The file is empty.");

        var original = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(original, ct);
        SanitizedPhoto photo;
        try
        {
            photo = PhotoSanitizer.Sanitize(original);
        }
        catch (PhotoRejectedException e)
        {
            return e.Code == "unsupported_media_type"
                ? Problems.Of(StatusCodes.Status415UnsupportedMediaType, e.Code, "Only JPEG, PNG and WebP photos are accepted.", e.Message)
                : Problems.Of(StatusCodes.Status422UnprocessableEntity, e.Code, "The image is truncated or corrupt.", e.Message);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(photo.Bytes));
        var id = await photos.StoreAsync(storage, photo, sha256, user.Id(), clock.GetUtcNow(), ct);
        await mediaCheck.RequestAsync(id, ct);
        var row = (await photos.FindAsync(id, ct))!;
        var dto = new PhotoDto(id, urls.UrlFor(id, PhotoUrls.RequestBase(request)), photo.Width, photo.Height, photo.Bytes.Length, sha256, photo.ContentType, row.MediaCheck);
        return TypedResults.Created($"/api/v1/photos/{id}", dto);
    }

    private static ProblemHttpResult TooLarge(long max) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", $"A photo may be at most {max} bytes.");

    private static async Task<IResult> ContentAsync(
        Guid id, string? exp, string? sig, HttpContext context, PhotoUrls urls, IPhotoStorage storage, PhotosStore photos,
        TimeProvider clock, CancellationToken ct)
    {
        switch (urls.Verify(id, exp, sig))
        {
            case PhotoUrls.Check.Invalid:
                return Problems.Of(StatusCodes.Status403Forbidden, "url_invalid", "This photo URL is not valid.");
            case PhotoUrls.Check.Expired:
                return Problems.Of(StatusCodes.Status403Forbidden, "url_expired", "This photo URL has expired; fetch the brief again for a fresh one.");
        }
        var photo = await photos.FindAsync(id, ct);
        if (photo is null || photo.MediaCheck == MediaCheckStatus.Risky) return Problems.NotFound("Photo");

        var seconds = Math.Max(0, long.Parse(exp!, System.Globalization.CultureInfo.InvariantCulture) - clock.GetUtcNow().ToUnixTimeSeconds());
        var etag = new EntityTagHeaderValue($"\"{photo.Sha256}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromSeconds(seconds) };
        headers.ETag = etag;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Tag == etag.Tag || t.Equals(EntityTagHeaderValue.Any))) return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var stream = await storage.OpenReadAsync(photo.Sha256, ct);
        if (stream is null) return Problems.NotFound("Photo");
        return TypedResults.Stream(stream, photo.ContentType);
    }
}
