using System.Net;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Briefs;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Photos;

/// <summary>
/// Photos stored before V0009 (no sizes) get their thumb and display from <see cref="PhotoSizesBackfill"/>. The legacy
/// rows are made the way the old code stored them: a file under its SHA-256 and a row with NULL size columns. The tests of
/// this class run one after another (one class), so no other test makes legacy rows while they run.
/// </summary>
public sealed class PhotoSizesBackfillTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string InsertLegacy = """
        INSERT INTO photos (id, sha256, content_type, width, height, bytes, uploaded_by, uploaded_at, media_check)
        VALUES (@id, @sha256, @contentType, @width, @height, @bytes, @uploadedBy, @at, 'Pass')
        """;

    private const string Sizes = """
        SELECT display_sha256 AS DisplaySha256, display_width AS DisplayWidth, display_height AS DisplayHeight,
               thumb_sha256 AS ThumbSha256, thumb_width AS ThumbWidth, thumb_height AS ThumbHeight, sizes_error AS Error
        FROM photos WHERE id = @id
        """;

    private sealed record SizeColumns(string? DisplaySha256, int? DisplayWidth, int? DisplayHeight, string? ThumbSha256, int? ThumbWidth, int? ThumbHeight, string? Error);

    /// <summary>A legacy photo: <paramref name="bytes"/> stored (unless <paramref name="storeFile"/> is false) and a row without sizes.</summary>
    private async Task<Guid> LegacyPhotoAsync(byte[] bytes, string contentType, int width, int height, Guid uploadedBy, bool storeFile = true)
    {
        var id = Guid.NewGuid();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (storeFile) await factory.Services.GetRequiredService<IPhotoStorage>().PutAsync(sha256, bytes, default);
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync(InsertLegacy, new { id, sha256, contentType, width, height, bytes = bytes.Length, uploadedBy, at = factory.Clock.GetUtcNow().UtcDateTime });
        return id;
    }

    private async Task<SizeColumns> SizesOfAsync(Guid id)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.QuerySingleAsync<SizeColumns>(Sizes, new { id });
    }

    private async Task<BriefPhotoDto> PublishedPhotoAsync(StudioWorld world, Guid activityId) =>
        (await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>()).Photos.Single();

    [Fact]
    public async Task APhotoStoredBeforeSizesServesItsOriginalUntilTheBackfillMakesCleanUprightSizesOnceEvenWithTwoInstances()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var startsAt = DateTimeOffset.UtcNow.AddDays(-3);
        var activity = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", new
        {
            kind = "MonthlySeminar", title = "5月党建专题研讨", theme = "学习贯彻党的二十大精神", startsAt, endsAt = startsAt.AddHours(2), venueName = "党员活动室",
        })).ReadAsync<ActivityDto>();
        // The fixture as the old code could have kept it: 480 × 300 stored, EXIF orientation 6 (shown 300 × 480), GPS and all.
        var legacy = PhotoTesting.Fixture("ladybird-gps.jpg");
        Assert.NotEmpty(PhotoTesting.Leaks(await PhotoTesting.ExifToolAsync(legacy, "jpg")));
        Assert.Equal((480, 300), PhotoTesting.Dimensions(legacy));
        var id = await LegacyPhotoAsync(legacy, "image/jpeg", 300, 480, world.Leader.Id);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}/brief", new
        {
            title = "研讨简讯", record = "覃老师主持，六位党员教师交流了学习体会。", photoIds = new[] { id },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.PostAsync($"/api/v1/activities/{activity.Id}/brief/publish", null)).StatusCode);

        // Before the backfill the DTO still works: thumb and display are the original, with its dimensions.
        var before = await PublishedPhotoAsync(world, activity.Id);
        Assert.Equal((300, 480, 300, 480), (before.Thumb!.Width, before.Thumb.Height, before.Display!.Width, before.Display.Height));
        Assert.Equal(legacy, await (await factory.FetchAsync(before.Thumb.Url)).Content.ReadAsByteArrayAsync());

        var backfill = factory.Services.GetRequiredService<PhotoSizesBackfill>();
        // Another instance holds this photo's claim: this one passes over it and changes nothing.
        await using (var other = await factory.Database.OpenConnectionAsync())
        {
            Assert.Equal(1, await other.ExecuteScalarAsync<int>("SELECT GET_LOCK(@claim, 0)", new { claim = $"photo-sizes:{id:D}" }));
            var passed = await backfill.RunOnceAsync(default);
            Assert.True(passed.Skipped >= 1);
            Assert.Null((await SizesOfAsync(id)).DisplaySha256);
            await other.ExecuteScalarAsync<int>("SELECT RELEASE_LOCK(@claim)", new { claim = $"photo-sizes:{id:D}" });
        }

        var pass = await backfill.RunOnceAsync(default);

        Assert.True(pass.Made >= 1);
        var sizes = await SizesOfAsync(id);
        Assert.Equal((300, 480, 240, 384, (string?)null), (sizes.DisplayWidth, sizes.DisplayHeight, sizes.ThumbWidth, sizes.ThumbHeight, sizes.Error));
        var after = await PublishedPhotoAsync(world, activity.Id);
        Assert.Equal((240, 384, 300, 480), (after.Thumb!.Width, after.Thumb.Height, after.Display!.Width, after.Display.Height));
        foreach (var (url, w, h) in new[] { (after.Thumb.Url, 240, 384), (after.Display.Url, 300, 480) })
        {
            var response = await factory.FetchAsync(url);
            Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            var stored = await response.Content.ReadAsByteArrayAsync();
            var tags = await PhotoTesting.ExifToolAsync(stored, "jpg");
            Assert.Empty(PhotoTesting.Leaks(tags));
            Assert.DoesNotContain(tags.Keys, k => k.EndsWith(":Orientation", StringComparison.Ordinal) && tags[k].GetInt32() != 1);
            Assert.Equal((w, h), PhotoTesting.Dimensions(stored)); // upright: the stored pixels are portrait
        }
        // The original is left as it was stored (its hash is its identity).
        Assert.Equal(legacy, await (await factory.FetchAsync(after.Url!)).Content.ReadAsByteArrayAsync());

        // Idempotent: a second pass finds nothing to do for this photo and changes nothing.
        var files = Directory.GetFiles(factory.PhotoFolder, "*.bin", SearchOption.AllDirectories).Length;
        var again = await backfill.RunOnceAsync(default);
        Assert.Equal(0, again.Made);
        Assert.Equal(sizes, await SizesOfAsync(id));
        Assert.Equal(files, Directory.GetFiles(factory.PhotoFolder, "*.bin", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task ALegacyPhotoWhoseFileIsGoneOrThatTheCodecRefusesIsMarkedOnceAndKeepsItsOriginal()
    {
        var member = await factory.MemberAsync();
        var lying = PhotosTests.LyingPng(65535, 65535); // accepted before the codec existed: a header claiming 4.3 gigapixels
        var refused = await LegacyPhotoAsync(lying, "image/png", 65535, 65535, member.Id);
        var missing = await LegacyPhotoAsync(PhotoTesting.UniquePng(), "image/png", 320, 200, member.Id, storeFile: false);
        var backfill = factory.Services.GetRequiredService<PhotoSizesBackfill>();

        var pass = await backfill.RunOnceAsync(default);

        Assert.True(pass.GaveUp >= 2);
        Assert.Equal("too_many_pixels", (await SizesOfAsync(refused)).Error);
        Assert.Equal("file_missing", (await SizesOfAsync(missing)).Error);
        Assert.Null((await SizesOfAsync(refused)).DisplaySha256);
        // Never tried again.
        var again = await backfill.RunOnceAsync(default);
        Assert.Equal((0, 0, 0), (again.Made, again.GaveUp, again.Skipped));
        // Its DTO still hands out the original for every size.
        var row = await factory.Services.GetRequiredService<PhotosStore>().FindAsync(refused, default);
        var dto = PhotosApi.ToDto(row!, factory.Services.GetRequiredService<PhotoUrls>(), "http://localhost");
        Assert.Equal((65535, 65535), (dto.Thumb.Width, dto.Display.Height));
        Assert.Equal(lying, await (await factory.FetchAsync(dto.Thumb.Url)).Content.ReadAsByteArrayAsync());
    }
}
