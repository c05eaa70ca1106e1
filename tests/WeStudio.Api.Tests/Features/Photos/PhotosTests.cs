using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Photos;

public sealed class PhotosTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("ladybird-gps.jpg", "jpg", "image/jpeg", 300, 480, 6)]
    [InlineData("freshflower-progressive-gps.jpg", "jpg", "image/jpeg", 239, 180, 3)]
    [InlineData("garden-gps.png", "png", "image/png", 320, 200, 0)]
    [InlineData("flower-gps.webp", "webp", "image/webp", 250, 400, 6)]
    public async Task AnUploadedPhotoIsStoredWithoutGpsExifOrXmpAndKeepsItsOrientation(string fixture, string extension, string contentType, int width, int height, int orientation)
    {
        var original = await PhotoTesting.ExifToolAsync(PhotoTesting.Fixture(fixture), extension);
        Assert.NotEmpty(PhotoTesting.Leaks(original)); // the fixture does carry GPS and the rest
        var member = await factory.MemberAsync();

        var photo = await member.UploadPhotoAsync(fixture);
        var stored = await (await factory.FetchAsync(photo.Url)).Content.ReadAsByteArrayAsync();

        var tags = await PhotoTesting.ExifToolAsync(stored, extension);
        Assert.Empty(PhotoTesting.Leaks(tags));
        Assert.Equal(contentType, tags["File:MIMEType"].GetString());
        if (orientation == 0) Assert.DoesNotContain("IFD0:Orientation", tags.Keys);
        else Assert.Equal(orientation, tags["IFD0:Orientation"].GetInt32());
        Assert.Equal((width, height), (photo.Width, photo.Height));
        Assert.Equal(contentType, photo.ContentType);
        Assert.Equal(stored.Length, photo.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), photo.Sha256);
    }

    [Fact]
    public async Task ASimpleLosslessWebPHasNoMetadataAndIsStoredAsItCame()
    {
        var original = PhotoTesting.Fixture("garden-lossless.webp");

        var photo = await (await factory.MemberAsync()).UploadPhotoAsync("garden-lossless.webp");

        Assert.Equal((64, 40), (photo.Width, photo.Height));
        Assert.Equal(original, await (await factory.FetchAsync(photo.Url)).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheSamePhotoUploadedTwiceIsStoredOnce()
    {
        var member = await factory.MemberAsync();

        var first = await member.UploadPhotoAsync("garden-gps.png");
        var second = await member.UploadPhotoAsync("garden-gps.png");

        Assert.NotEqual(first.PhotoId, second.PhotoId);
        Assert.Equal(first.Sha256, second.Sha256);
        var files = Directory.GetFiles(factory.PhotoFolder, $"{first.Sha256}*", SearchOption.AllDirectories);
        Assert.Single(files);
    }

    [Fact]
    public async Task AFileThatIsNoJpegPngOrWebPIsRefusedAsUnsupportedMediaTypeWhateverItsName()
    {
        var member = await factory.MemberAsync();
        var gif = "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray();

        var response = await member.Client.UploadAsync(gif, "photo.jpg", "image/jpeg");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData("ladybird-gps.jpg")]
    [InlineData("garden-gps.png")]
    [InlineData("flower-gps.webp")]
    public async Task ATruncatedPhotoIsRefusedAsCorruptImage(string fixture)
    {
        var member = await factory.MemberAsync();
        var bytes = PhotoTesting.Fixture(fixture);

        var response = await member.Client.UploadAsync(bytes[..(bytes.Length * 2 / 3)], fixture);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "corrupt_image");
    }

    [Fact]
    public async Task APngWithABrokenChunkIsRefusedAsCorruptImage()
    {
        var member = await factory.MemberAsync();
        var bytes = PhotoTesting.Fixture("garden-gps.png");
        bytes[40] ^= 0xFF;

        var response = await member.Client.UploadAsync(bytes, "garden.png", "image/png");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "corrupt_image");
    }

    [Fact]
    public async Task APhotoOverTheSizeLimitIsRefusedAsTooLarge()
    {
        var member = await factory.MemberAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        PhotoTesting.Fixture("ladybird-gps.jpg").CopyTo(big, 0);

        var response = await member.Client.UploadAsync(big);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too_large");
    }

    [Fact]
    public async Task AnUploadWithoutTheFileFieldIsRefusedNamingTheField()
    {
        var member = await factory.MemberAsync();

        var response = await member.Client.UploadAsync(PhotoTesting.Fixture("ladybird-gps.jpg"), field: "photo");

        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task OnlySignedInMembersMayUpload()
    {
        var response = await factory.CreateClient().UploadAsync(PhotoTesting.Fixture("ladybird-gps.jpg"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ASignedUrlServesThePhotoWithTypeCacheHeadersAndETag()
    {
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync("flower-gps.webp");

        var response = await factory.FetchAsync(photo.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{photo.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.InRange(response.Headers.CacheControl!.MaxAge!.Value.TotalSeconds, 3500, 3600);

        var again = new HttpRequestMessage(HttpMethod.Get, new Uri(photo.Url).PathAndQuery);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{photo.Sha256}\""));
        var notModified = await factory.CreateClient().SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task AnAlteredUrlIsRefusedAsUrlInvalidAndAnExpiredOneAsUrlExpired()
    {
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync();
        var other = await (await factory.MemberAsync()).UploadPhotoAsync("garden-gps.png");

        var swapped = photo.Url.Replace(photo.PhotoId.ToString(), other.PhotoId.ToString());
        await (await factory.FetchAsync(swapped)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "url_invalid");
        var exp = System.Web.HttpUtility.ParseQueryString(new Uri(photo.Url).Query)["exp"]!;
        var extended = photo.Url.Replace($"exp={exp}", $"exp={long.Parse(exp) + 86_400}");
        await (await factory.FetchAsync(extended)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "url_invalid");
        await (await factory.FetchAsync(photo.Url.Split('?')[0])).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "url_invalid");

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        try
        {
            await (await factory.FetchAsync(photo.Url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "url_expired");
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-61));
        }
    }

    [Fact]
    public async Task EveryUploadIsSentToWeChatsImageCheckWithItsPublicUrl()
    {
        var member = await factory.MemberAsync();

        var photo = await member.UploadPhotoAsync();
        await using var conn = await factory.Database.OpenConnectionAsync();
        var traceId = await conn.ExecuteScalarAsync<string>("SELECT media_trace_id FROM photos WHERE id = @id", new { id = photo.PhotoId });
        var push = await factory.Sandbox.Delivery.WhenPushedAsync(traceId!).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((200, "success"), (push.Status, push.Answer));
        var call = factory.Sandbox.State.Calls("/wxa/media_check_async").Last();
        Assert.Contains($"/api/v1/photos/{photo.PhotoId}/content?exp=", call.Body!.Value.GetProperty("media_url").GetString());
        Assert.Equal(2, call.Body.Value.GetProperty("version").GetInt32());
        Assert.Equal("Pass", await conn.ExecuteScalarAsync<string>("SELECT media_check FROM photos WHERE id = @id", new { id = photo.PhotoId }));
    }

    [Fact]
    public async Task APhotoNeverAttachedToABriefIsRemovedAfterADay()
    {
        var member = await factory.MemberAsync();
        var photo = await (await member.Client.UploadAsync(PhotoTesting.UniquePng(), "unique.png", "image/png")).ReadAsync<PhotoDto>();
        var cleanup = factory.Services.GetRequiredService<OrphanPhotoCleanup>();
        await using var conn = await factory.Database.OpenConnectionAsync();
        // Only this photo is aged (the database is shared with test classes running in parallel, whose fresh photos must stay).
        const string Age = "UPDATE photos SET uploaded_at = @at WHERE id = @id";
        const string Exists = "SELECT EXISTS (SELECT 1 FROM photos WHERE id = @id)";

        await conn.ExecuteAsync(Age, new { id = photo.PhotoId, at = factory.Clock.GetUtcNow().AddHours(-23).UtcDateTime });
        await cleanup.RunOnceAsync(default);
        Assert.True(await conn.ExecuteScalarAsync<bool>(Exists, new { id = photo.PhotoId }));

        await conn.ExecuteAsync(Age, new { id = photo.PhotoId, at = factory.Clock.GetUtcNow().AddHours(-25).UtcDateTime });
        await cleanup.RunOnceAsync(default);

        Assert.False(await conn.ExecuteScalarAsync<bool>(Exists, new { id = photo.PhotoId }));
        Assert.Empty(Directory.GetFiles(factory.PhotoFolder, $"{photo.Sha256}*", SearchOption.AllDirectories));
        await (await factory.FetchAsync(photo.Url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WhenWeChatCannotBeAskedThePhotoStaysUncheckedUntilTheRetryJobAsksAgain()
    {
        await factory.Sandbox.InjectFaultAsync("/wxa/media_check_async", -1, 1);
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync("garden-gps.png");
        Assert.Equal(MediaCheckStatus.Unchecked, photo.MediaCheck);
        var mediaCheck = factory.Services.GetRequiredService<PhotoMediaCheck>();

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            Assert.True(await mediaCheck.RetryDueAsync(default) >= 1);
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-2));
        }

        await using var conn = await factory.Database.OpenConnectionAsync();
        var traceId = await conn.ExecuteScalarAsync<string>("SELECT media_trace_id FROM photos WHERE id = @id", new { id = photo.PhotoId });
        Assert.NotNull(traceId);
        await factory.Sandbox.Delivery.WhenPushedAsync(traceId).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Pass", await conn.ExecuteScalarAsync<string>("SELECT media_check FROM photos WHERE id = @id", new { id = photo.PhotoId }));
    }

    [Fact]
    public async Task CleaningUpOneUploadKeepsTheFileAnotherUploadOfTheSamePhotoStillUses()
    {
        var bytes = PhotoTesting.UniquePng();
        var orphan = await (await (await factory.MemberAsync()).Client.UploadAsync(bytes, "a.png", "image/png")).ReadAsync<PhotoDto>();
        var kept = await (await (await factory.MemberAsync()).Client.UploadAsync(bytes, "b.png", "image/png")).ReadAsync<PhotoDto>();
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE photos SET uploaded_at = @at WHERE id = @id", new { id = orphan.PhotoId, at = factory.Clock.GetUtcNow().AddHours(-25).UtcDateTime });

        await factory.Services.GetRequiredService<OrphanPhotoCleanup>().RunOnceAsync(default);

        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM photos WHERE id = @id)", new { id = orphan.PhotoId }));
        Assert.Equal(HttpStatusCode.OK, (await factory.FetchAsync(kept.Url)).StatusCode);
    }
}
