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
/// Uploads are typed by magic bytes, checked against Photos:MaxPixels from the header, decoded and re-encoded without
/// metadata with a thumb and a display size (<see cref="PhotoProcessor"/>), stored under their SHA-256 and sent to
/// WeChat's image check (the display size).
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
            .WithSummary("A member uploads one JPEG, PNG or WebP photo (multipart field `file`, ≤ Photos:MaxBytes, ≤ Photos:MaxPixels); it is decoded, turned upright and re-encoded without metadata, with a thumb (short side 240 px) and a display size (long side ≤ 1,280 px). 400 validation_failed, malformed_multipart; 413 too_large; 415 unsupported_media_type; 422 too_many_pixels, corrupt_image; 503 storage_unavailable (the photo folder refused the write: nothing is saved).");
        photos.MapGet("/{id:guid}/content", ContentAsync).WithName("GetPhotoContent").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "image/webp"]).Produces(StatusCodes.Status304NotModified)
            .WithSummary("One size of the photo (size=thumb|display|original, default original) through a signed URL (size, exp, sig) handed out by the API; no Authorization needed. 304 when If-None-Match matches; 400 validation_failed (size); 403 url_invalid, url_expired; 404 not_found (also for a photo WeChat found risky, in every size).");
        return app;
    }

    private static async Task<Results<Created<PhotoDto>, ProblemHttpResult>> UploadAsync(
        HttpContext context, ClaimsPrincipal user, IOptions<PhotoOptions> options, IPhotoStorage storage, PhotoUrls urls,
        PhotoProcessor processor, PhotoMediaCheck mediaCheck, PhotosStore photos, TimeProvider clock, CancellationToken ct)
    {
        var max = options.Value.MaxBytes;
        var request = context.Request;
        if (request.ContentLength > max + EnvelopeBytes) return TooLarge(max);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + EnvelopeBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the photo as multipart/form-data in the field 'file'.", $"The request's Content-Type is {(string.IsNullOrEmpty(request.ContentType) ? "missing" : $"'{request.ContentType}'")}.");
        if (HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
            return MalformedMultipart("The multipart/form-data Content-Type has no boundary.");

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + EnvelopeBytes }, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        {
            return TooLarge(max);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            // Not a multipart body (MultipartReader): no boundary line before the end (IOException "Unexpected end of
            // Stream"), a header line or header block over its limit, a body that ends mid-part …
            return MalformedMultipart(e.Message);
        }
        var file = form.Files.GetFile("file");
        if (file is null || form.Files.Count != 1) return Problems.Field("file", "Send exactly one photo, in the field 'file'.");
        if (file.Length > max) return TooLarge(max);
        if (file.Length == 0) return Problems.Of(StatusCodes.Status422UnprocessableEntity, "corrupt_image", "The file is empty.");

        ProcessedPhoto photo;
        try
        {
            await using var stream = file.OpenReadStream();
            using var upload = await PhotoProcessor.ReadAsync(stream, file.Length, ct);
            photo = await processor.ProcessAsync(upload, ct);
        }
        catch (PhotoRejectedException e)
        {
            return e.Code switch
            {
                "unsupported_media_type" => Problems.Of(StatusCodes.Status415UnsupportedMediaType, e.Code, "Only JPEG, PNG and WebP photos are accepted.", e.Message),
                "too_many_pixels" => Problems.Of(StatusCodes.Status422UnprocessableEntity, e.Code, "The photo has too many pixels.", e.Message),
                _ => Problems.Of(StatusCodes.Status422UnprocessableEntity, e.Code, "The image is truncated or corrupt.", e.Message),
            };
        }
        context.Response.Headers["Server-Timing"] =
            FormattableString.Invariant($"decode-wait;dur={photo.Waited.TotalMilliseconds:0.0}, codec;dur={photo.Worked.TotalMilliseconds:0.0}");

        var id = await photos.StoreAsync(storage, photo, user.Id(), clock.GetUtcNow(), ct);
        await mediaCheck.RequestAsync(id, ct);
        var row = (await photos.FindAsync(id, ct))!;
        return TypedResults.Created($"/api/v1/photos/{id}", ToDto(row, urls, PhotoUrls.RequestBase(request)));
    }

    /// <summary>The DTO of a stored photo, with signed URLs of its three sizes.</summary>
    internal static PhotoDto ToDto(PhotoRow row, PhotoUrls urls, string requestBase)
    {
        var thumb = row.File(PhotoSize.Thumb);
        var display = row.File(PhotoSize.Display);
        return new PhotoDto(row.Id, urls.UrlFor(row.Id, PhotoSize.Original, requestBase), row.Width, row.Height, row.Bytes, row.Sha256, row.ContentType, row.MediaCheck,
            new PhotoSizeDto(urls.UrlFor(row.Id, PhotoSize.Thumb, requestBase), thumb.Width, thumb.Height),
            new PhotoSizeDto(urls.UrlFor(row.Id, PhotoSize.Display, requestBase), display.Width, display.Height));
    }

    private static ProblemHttpResult MalformedMultipart(string detail) =>
        Problems.Of(StatusCodes.Status400BadRequest, "malformed_multipart", "The body is not a valid multipart/form-data form.", detail);

    private static ProblemHttpResult TooLarge(long max) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", $"A photo may be at most {max} bytes.");

    private static async Task<IResult> ContentAsync(
        Guid id, string? size, string? exp, string? sig, HttpContext context, PhotoUrls urls, IPhotoStorage storage, PhotosStore photos,
        TimeProvider clock, CancellationToken ct)
    {
        if (PhotoUrls.Parse(size) is not { } which) return Problems.Field("size", "size is thumb, display or original.");
        switch (urls.Verify(id, which, exp, sig))
        {
            case PhotoUrls.Check.Invalid:
                return Problems.Of(StatusCodes.Status403Forbidden, "url_invalid", "This photo URL is not valid.");
            case PhotoUrls.Check.Expired:
                return Problems.Of(StatusCodes.Status403Forbidden, "url_expired", "This photo URL has expired; fetch the brief again for a fresh one.");
        }
        var photo = await photos.FindAsync(id, ct);
        if (photo is null || photo.MediaCheck == MediaCheckStatus.Risky) return Problems.NotFound("Photo");

        var seconds = Math.Max(0, long.Parse(exp!, System.Globalization.CultureInfo.InvariantCulture) - clock.GetUtcNow().ToUnixTimeSeconds());
        var file = photo.File(which);
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromSeconds(seconds) };
        headers.ETag = etag;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Tag == etag.Tag || t.Equals(EntityTagHeaderValue.Any))) return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var stream = await storage.OpenReadAsync(file.Sha256, ct);
        if (stream is null) return Problems.NotFound("Photo");
        return TypedResults.Stream(stream, file.ContentType);
    }
}
