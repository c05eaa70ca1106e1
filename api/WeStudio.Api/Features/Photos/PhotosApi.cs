using System.Security.Claims;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
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
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery()
            .WithSummary("A member uploads one JPEG, PNG or WebP photo (multipart field `file`, ≤ Photos:MaxBytes); metadata is removed. 400 validation_failed; 413 too_large; 415 unsupported_media_type; 422 corrupt_image.");
        photos.MapGet("/{id:guid}/content", ContentAsync).WithName("GetPhotoContent").AllowAnonymous()
            .WithSummary("The photo's bytes through a signed URL (exp, sig) handed out by the API; no Authorization needed. 304 when If-None-Match matches; 403 url_invalid, url_expired; 404 not_found.");
        return app;
    }

    private static async Task<Results<Created<PhotoDto>, ProblemHttpResult>> UploadAsync(
        HttpContext context, ClaimsPrincipal user, IOptions<PhotoOptions> options, IPhotoStorage storage, PhotoUrls urls,
        PhotoMediaCheck mediaCheck, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
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
        var id = await StoreAsync(dataSource, storage, photo, sha256, user.Id(), clock.GetUtcNow(), ct);
        await mediaCheck.RequestAsync(id, ct);
        var row = (await FindAsync(dataSource, id, ct))!;
        var dto = new PhotoDto(id, urls.UrlFor(id, RequestBase(request)), photo.Width, photo.Height, photo.Bytes.Length, sha256, photo.ContentType, row.MediaCheck);
        return TypedResults.Created($"/api/v1/photos/{id}", dto);
    }

    private static ProblemHttpResult TooLarge(long max) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", $"A photo may be at most {max} bytes.");

    /// <summary>scheme://host of the request, the base of URLs when Photos:PublicBaseUrl is not set.</summary>
    public static string RequestBase(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>
    /// Writes the bytes (once per hash) and the row in one transaction holding an advisory lock on the hash, so the orphan
    /// cleanup never deletes a file another upload is about to reference.
    /// </summary>
    public static async Task<Guid> StoreAsync(NpgsqlDataSource dataSource, IPhotoStorage storage, SanitizedPhoto photo, string sha256, Guid uploadedBy, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO photos (sha256, content_type, width, height, bytes, uploaded_by, uploaded_at)
            VALUES (@sha256, @contentType, @width, @height, @bytes, @uploadedBy, @now)
            RETURNING id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockHashAsync(conn, tx, sha256, ct);
        await storage.PutAsync(sha256, photo.Bytes, ct);
        var id = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition(Sql, new
        {
            sha256, contentType = photo.ContentType, width = photo.Width, height = photo.Height, bytes = photo.Bytes.Length,
            uploadedBy, now = now.UtcDateTime,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Transaction-scoped advisory lock on one content hash (shared by upload and cleanup).</summary>
    internal static Task LockHashAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sha256, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended('photo:' || @sha256, 0))", new { sha256 }, tx, cancellationToken: ct));

    public static async Task<PhotoRow?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        const string Sql = "SELECT id, sha256, content_type, width, height, bytes, uploaded_by, uploaded_at, media_check FROM photos WHERE id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PhotoRow>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>The photos with these ids (any order; missing ids are absent). Other features (briefs) read photos through this.</summary>
    public static async Task<PhotoRow[]> FindManyAsync(NpgsqlConnection conn, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        const string Sql = "SELECT id, sha256, content_type, width, height, bytes, uploaded_by, uploaded_at, media_check FROM photos WHERE id = ANY (@ids)";
        return (await conn.QueryAsync<PhotoRow>(new CommandDefinition(Sql, new { ids = ids.ToArray() }, cancellationToken: ct))).ToArray();
    }

    private static async Task<IResult> ContentAsync(
        Guid id, string? exp, string? sig, HttpContext context, PhotoUrls urls, IPhotoStorage storage, NpgsqlDataSource dataSource,
        TimeProvider clock, CancellationToken ct)
    {
        switch (urls.Verify(id, exp, sig))
        {
            case PhotoUrls.Check.Invalid:
                return Problems.Of(StatusCodes.Status403Forbidden, "url_invalid", "This photo URL is not valid.");
            case PhotoUrls.Check.Expired:
                return Problems.Of(StatusCodes.Status403Forbidden, "url_expired", "This photo URL has expired; fetch the brief again for a fresh one.");
        }
        var photo = await FindAsync(dataSource, id, ct);
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
