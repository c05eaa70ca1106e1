using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Photos;

public sealed class PhotosTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("ladybird-gps.jpg", "jpg", "image/jpeg", 300, 480, 240, 384)]
    [InlineData("freshflower-progressive-gps.jpg", "jpg", "image/jpeg", 239, 180, 239, 180)]
    [InlineData("garden-gps.png", "png", "image/png", 320, 200, 320, 200)]
    [InlineData("flower-gps.webp", "webp", "image/webp", 250, 400, 240, 384)]
    public async Task EverySizeOfAnUploadIsReEncodedUprightWithoutGpsMakerXmpIptcOrComment(string fixture, string extension, string contentType, int width, int height, int thumbWidth, int thumbHeight)
    {
        var original = await PhotoTesting.ExifToolAsync(PhotoTesting.Fixture(fixture), extension);
        Assert.NotEmpty(PhotoTesting.Leaks(original)); // the fixture does carry GPS and the rest
        var member = await factory.MemberAsync();

        var photo = await member.UploadPhotoAsync(fixture);

        Assert.Equal((width, height, contentType), (photo.Width, photo.Height, photo.ContentType));
        Assert.Equal((thumbWidth, thumbHeight), (photo.Thumb.Width, photo.Thumb.Height));
        Assert.Equal((width, height), (photo.Display.Width, photo.Display.Height)); // all under 1,280 px: never enlarged
        foreach (var (url, type, w, h, ext) in new[]
        {
            (photo.Url, contentType, width, height, extension),
            (photo.Display.Url, "image/jpeg", width, height, "jpg"),
            (photo.Thumb.Url, "image/jpeg", thumbWidth, thumbHeight, "jpg"),
        })
        {
            var response = await factory.FetchAsync(url);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            var stored = await response.Content.ReadAsByteArrayAsync();
            var tags = await PhotoTesting.ExifToolAsync(stored, ext);
            Assert.Empty(PhotoTesting.Leaks(tags));
            Assert.DoesNotContain(tags.Keys, k => k.EndsWith(":Orientation", StringComparison.Ordinal) && tags[k].GetInt32() != 1);
            Assert.Equal(type, tags["File:MIMEType"].GetString());
            // Upright pixels: the stored width and height are the displayed ones, with no orientation left to apply.
            Assert.Equal((w, h), PhotoTesting.Dimensions(stored));
            if (url == photo.Url)
            {
                Assert.Equal(stored.Length, photo.Bytes);
                Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored)), photo.Sha256);
            }
        }
    }

    [Theory]
    [InlineData("ladybird-gps.jpg", "jpg", 300, 480, 90, 270)] // orientation 6: turned while decoding, row by row
    [InlineData("freshflower-progressive-gps.jpg", "jpg", 239, 180, 180, 0)] // orientation 3, progressive
    [InlineData("flower-gps.webp", "webp", 250, 400, 90, 270)] // orientation 6 in WebP: decoded, then turned
    public async Task AnOrientedPhotoIsStoredUprightAsImageMagickTurnsItByHand(string fixture, string extension, int width, int height, int right, int wrong)
    {
        var path = PhotoTesting.FixturePath(fixture);
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync(fixture);
        var dir = Directory.CreateTempSubdirectory("westudio-orient-");
        try
        {
            var stored = Path.Combine(dir.FullName, $"stored.{extension}");
            await File.WriteAllBytesAsync(stored, await (await factory.FetchAsync(photo.Url)).Content.ReadAsByteArrayAsync());
            // ImageMagick reads the stored pixels without applying the orientation (no -auto-orient): turned by hand.
            var rightRef = Path.Combine(dir.FullName, "right.png");
            var wrongRef = Path.Combine(dir.FullName, "wrong.png");
            Assert.Equal(0, (await PhotoTesting.RunAsync("convert", path, "-rotate", $"{right}", rightRef)).Code);
            Assert.Equal(0, (await PhotoTesting.RunAsync("convert", path, "-rotate", $"{wrong}", wrongRef)).Code);

            Assert.Equal((width, height), (photo.Width, photo.Height));
            var rightRmse = await PhotoTesting.RmseAsync(stored, rightRef);
            var wrongRmse = await PhotoTesting.RmseAsync(stored, wrongRef);
            Assert.True(rightRmse < 0.03, $"RMSE against the hand-turned reference is {rightRmse}");
            Assert.True(wrongRmse > 4 * rightRmse, $"the wrong turn should differ far more ({wrongRmse} vs {rightRmse})");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task APhotoWithADisplayP3ProfileIsStoredInSrgb()
    {
        // 64 × 64 of P3 (200, 60, 60), the values written as they are, with Skia's P3 profile embedded by the encoder.
        var p3 = SkiaSharp.SKColorSpace.CreateRgb(SkiaSharp.SKColorSpaceTransferFn.Srgb, SkiaSharp.SKColorSpaceXyz.DisplayP3);
        using var bitmap = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(64, 64, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Opaque, p3));
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4) (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (200, 60, 60, 255);
        using var encoded = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95);
        var upload = encoded.ToArray();
        Assert.Contains(await PhotoTesting.ExifToolAsync(upload, "jpg"), t => t.Key.StartsWith("ICC_Profile:", StringComparison.Ordinal));
        Assert.Equal((200, 60, 60), RawPixel(upload), new NearColour(3));

        var photo = await (await (await factory.MemberAsync()).Client.UploadAsync(upload)).ReadAsync<PhotoDto>();

        // P3 (200, 60, 60) is sRGB (219, 42, 52), by hand: linearise, the P3 → sRGB matrix, re-encode.
        foreach (var url in new[] { photo.Url, photo.Display.Url })
            Assert.Equal((219, 42, 52), RawPixel(await (await factory.FetchAsync(url)).Content.ReadAsByteArrayAsync()), new NearColour(4));
    }

    /// <summary>The centre pixel's stored values, with no colour conversion (decoded to a destination without a colour space).</summary>
    private static (int, int, int) RawPixel(byte[] image)
    {
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(image))!;
        var info = new SkiaSharp.SKImageInfo(codec.Info.Width, codec.Info.Height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Premul, null);
        using var bitmap = new SkiaSharp.SKBitmap(info);
        Assert.Equal(SkiaSharp.SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        var c = bitmap.GetPixel(info.Width / 2, info.Height / 2);
        return (c.Red, c.Green, c.Blue);
    }

    private sealed class NearColour(int tolerance) : IEqualityComparer<(int, int, int)>
    {
        public bool Equals((int, int, int) a, (int, int, int) b) =>
            Math.Abs(a.Item1 - b.Item1) <= tolerance && Math.Abs(a.Item2 - b.Item2) <= tolerance && Math.Abs(a.Item3 - b.Item3) <= tolerance;

        public int GetHashCode((int, int, int) obj) => 0;
    }

    [Fact]
    public async Task ALargePhotoGetsADisplaySizeOf1280AndAThumbnailWithAShortSideOf240()
    {
        var member = await factory.MemberAsync();

        var landscape = await (await member.Client.UploadAsync(PhotoTesting.GradientJpeg(2000, 1500))).ReadAsync<PhotoDto>();
        var portrait = await (await member.Client.UploadAsync(PhotoTesting.GradientJpeg(1500, 2000))).ReadAsync<PhotoDto>();
        var panorama = await (await member.Client.UploadAsync(PhotoTesting.GradientJpeg(4000, 500))).ReadAsync<PhotoDto>();

        Assert.Equal((2000, 1500, 1280, 960, 320, 240), (landscape.Width, landscape.Height, landscape.Display.Width, landscape.Display.Height, landscape.Thumb.Width, landscape.Thumb.Height));
        Assert.Equal((960, 1280, 240, 320), (portrait.Display.Width, portrait.Display.Height, portrait.Thumb.Width, portrait.Thumb.Height));
        // A panorama's thumbnail is never larger than its display size.
        Assert.Equal((1280, 160, 1280, 160), (panorama.Display.Width, panorama.Display.Height, panorama.Thumb.Width, panorama.Thumb.Height));
        foreach (var size in new[] { landscape.Display, landscape.Thumb, portrait.Display, portrait.Thumb })
            Assert.Equal((size.Width, size.Height), PhotoTesting.Dimensions(await (await factory.FetchAsync(size.Url)).Content.ReadAsByteArrayAsync()));
        // Three files for the landscape photo, each under its own hash.
        await using var conn = await factory.Database.OpenConnectionAsync();
        var hashes = await conn.QuerySingleAsync<(string, string, string)>("SELECT sha256, display_sha256, thumb_sha256 FROM photos WHERE id = @id", new { id = landscape.PhotoId });
        Assert.Equal(3, new[] { hashes.Item1, hashes.Item2, hashes.Item3 }.Distinct().Count());
    }

    [Fact]
    public async Task JpegIsEncodedWithTheSimdLibjpegTurboAndGlibcMallocIsCappedInProcess()
    {
        // scripts/test.sh installs libturbojpeg0 (as run.sh and the bench do): the fast path is the one under test.
        Assert.Equal("libturbojpeg", PhotoProcessor.JpegEncoder);
        _ = factory.Services.GetRequiredService<PhotoProcessor>();
        Assert.Equal($"glibc malloc: arena_max {GlibcMalloc.ArenaMax}, mmap_threshold {GlibcMalloc.MmapThresholdBytes}", GlibcMalloc.Apply());
        // A 2000 × 1500 JPEG through the whole path: TurboJPEG writes a JFIF header and no EXIF, XMP or comment.
        var member = await factory.MemberAsync();
        var photo = await (await member.Client.UploadAsync(PhotoTesting.GradientJpeg(2000, 1500), "gradient.jpg")).ReadAsync<PhotoDto>();
        var stored = await (await factory.FetchAsync(photo.Url)).Content.ReadAsByteArrayAsync();
        var tags = await PhotoTesting.ExifToolAsync(stored, "jpg");
        Assert.Empty(PhotoTesting.Leaks(tags));
        Assert.DoesNotContain(tags.Keys, k => k.StartsWith("IFD0:", StringComparison.Ordinal));
        Assert.Contains("JFIF:JFIFVersion", tags.Keys);
        Assert.Equal((2000, 1500), PhotoTesting.Dimensions(stored));
    }

    [Fact]
    public async Task ALosslessWebPStaysLosslessPixelForPixel()
    {
        var original = PhotoTesting.Fixture("garden-lossless.webp");

        var photo = await (await factory.MemberAsync()).UploadPhotoAsync("garden-lossless.webp");

        Assert.Equal((64, 40, "image/webp"), (photo.Width, photo.Height, photo.ContentType));
        var stored = await (await factory.FetchAsync(photo.Url)).Content.ReadAsByteArrayAsync();
        Assert.True(SkiaPhotoDecoder.IsLosslessWebP(stored));
        using var before = SkiaSharp.SKBitmap.Decode(original);
        using var after = SkiaSharp.SKBitmap.Decode(stored);
        Assert.Equal(before.Pixels, after.Pixels);
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
        // WeChat checks the display size (long side ≤ 1,280 px, JPEG), whatever the original weighs.
        var mediaUrl = call.Body!.Value.GetProperty("media_url").GetString()!;
        Assert.Contains($"/api/v1/photos/{photo.PhotoId}/content?size=display&exp=", mediaUrl);
        var checkedImage = await factory.FetchAsync(mediaUrl);
        Assert.Equal("image/jpeg", checkedImage.Content.Headers.ContentType?.MediaType);
        Assert.Equal((photo.Display.Width, photo.Display.Height), PhotoTesting.Dimensions(await checkedImage.Content.ReadAsByteArrayAsync()));
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
    [Fact]
    public async Task APngWhoseHeaderClaims65535By65535IsRefusedBeforeAnythingIsDecoded()
    {
        var spy = new DecoderSpy();
        var (api, member) = await WithDecoderAsync(spy);
        var lying = LyingPng(65535, 65535);
        Assert.InRange(lying.Length, 100, 400);

        var response = await member.UploadAsync(lying, "lying.png", "image/png");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "too_many_pixels");
        Assert.Contains("65535 × 65535", problem.GetProperty("detail").GetString());
        Assert.Equal((1, 0), (spy.Headers, spy.Decodes)); // the header was read; no pixel was decoded
        // The spy is in the path: a real photo goes through it.
        Assert.Equal(HttpStatusCode.Created, (await member.UploadAsync(PhotoTesting.Fixture("garden-gps.png"), "g.png", "image/png")).StatusCode);
        Assert.Equal(1, spy.Decodes);
        api.Dispose();
    }

    [Fact]
    public async Task AValid20000By20000PngIsRefusedAsTooManyPixelsWithoutDecodingIt()
    {
        var spy = new DecoderSpy();
        var (api, member) = await WithDecoderAsync(spy);
        var huge = ValidHugePng(20_000, 20_000);

        var response = await member.UploadAsync(huge, "huge.png", "image/png");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "too_many_pixels");
        Assert.Equal((1, 0), (spy.Headers, spy.Decodes));
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM photos WHERE width = 20000"));
        api.Dispose();
    }

    [Fact]
    public async Task NoMoreThanMaxConcurrentDecodesRunAtOnceAndTheOthersWaitAndSucceed()
    {
        using var hold = new ManualResetEventSlim(false);
        var spy = new DecoderSpy { Hold = hold };
        var (api, member) = await WithDecoderAsync(spy, maxConcurrentDecodes: 1);
        var processor = api.Services.GetRequiredService<PhotoProcessor>();

        // The first upload decodes and is held there; the seven others must queue for the one slot, not decode.
        var uploads = Enumerable.Range(0, 8).Select(_ => member.UploadAsync(PhotoTesting.UniquePng(), "u.png", "image/png")).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((spy.Decodes < 1 || processor.Waiting < 7) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal((1, 7, 0), (spy.Decodes, processor.Waiting, processor.FreeDecodeSlots));
        hold.Set();
        var responses = await Task.WhenAll(uploads);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal((8, 1), (spy.Decodes, spy.MaxInFlight));
        Assert.Equal((0, 1), (processor.Waiting, processor.FreeDecodeSlots));
        // Those that queued say so (Server-Timing: decode-wait;dur=<ms>, codec;dur=<ms>).
        var waits = responses.Select(r => double.Parse(r.Headers.GetValues("Server-Timing").Single().Split(';', ',')[1]["dur=".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(waits.Count(w => w > 0) >= 7, $"decode waits: {string.Join(", ", waits)} ms");
        api.Dispose();
    }

    [Fact]
    public async Task AJpegWithoutItsQuantisationTablesIsRefusedAsCorruptImage()
    {
        // Every segment up to the scan is kept but the DQT ones (FF DB): the header still reads, the pixels cannot be decoded.
        var bytes = PhotoTesting.Fixture("ladybird-gps.jpg");
        var kept = new List<byte>(bytes[..2]);
        var pos = 2;
        while (bytes[pos + 1] != 0xDA)
        {
            var length = 2 + ((bytes[pos + 2] << 8) | bytes[pos + 3]);
            if (bytes[pos + 1] != 0xDB) kept.AddRange(bytes[pos..(pos + length)]);
            pos += length;
        }
        kept.AddRange(bytes[pos..]);

        var response = await (await factory.MemberAsync()).Client.UploadAsync(kept.ToArray());

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "corrupt_image");
    }

    [Fact]
    public async Task ABodyThatIsNotMultipartIsRefusedAsMalformedMultipart()
    {
        var member = await factory.MemberAsync();
        var content = new ByteArrayContent("this is not a form"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        var noBoundary = new ByteArrayContent(PhotoTesting.Fixture("ladybird-gps.jpg"));
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        await (await member.Client.PostAsync("/api/v1/photos", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_multipart");
        await (await member.Client.PostAsync("/api/v1/photos", noBoundary)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_multipart");
    }

    [Fact]
    public async Task AnUploadWithoutAMultipartContentTypeIsRefusedAsUnsupportedMediaType()
    {
        var member = await factory.MemberAsync();
        var bare = new ByteArrayContent(PhotoTesting.Fixture("ladybird-gps.jpg"));
        var jpeg = new ByteArrayContent(PhotoTesting.Fixture("ladybird-gps.jpg"));
        jpeg.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");

        await (await member.Client.PostAsync("/api/v1/photos", bare)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await member.Client.PostAsync("/api/v1/photos", jpeg)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task AThumbUrlCannotBeTurnedIntoTheOriginalsAndAnUnknownSizeIsRefused()
    {
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync();

        await (await factory.FetchAsync(photo.Thumb.Url.Replace("size=thumb", "size=original"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "url_invalid");
        await (await factory.FetchAsync(photo.Thumb.Url.Replace("size=thumb", "size=display"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "url_invalid");
        await (await factory.FetchAsync(photo.Thumb.Url.Replace("size=thumb", "size=huge"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        // An original's URL from before sizes existed (no size parameter) is still the original's.
        var legacy = photo.Url.Replace("size=original&", "");
        Assert.Equal(photo.Sha256, (await factory.FetchAsync(legacy)).Headers.ETag?.Tag.Trim('"'));
    }

    /// <summary>This API with <paramref name="spy"/> as its decoder (and its own decode slots), and a member's client on it.</summary>
    private async Task<(WebApplicationFactory<Program> Api, HttpClient Member)> WithDecoderAsync(DecoderSpy spy, int maxConcurrentDecodes = 2)
    {
        var member = await factory.MemberAsync();
        var api = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPhotoDecoder>();
            services.AddSingleton<IPhotoDecoder>(spy);
            services.PostConfigure<PhotoOptions>(o => o.MaxConcurrentDecodes = maxConcurrentDecodes);
        }));
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
        return (api, client);
    }

    /// <summary>A PNG whose IHDR claims w × h RGB pixels, followed by a few bytes of IDAT and IEND (a few hundred bytes).</summary>
    internal static byte[] LyingPng(int w, int h)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        using var z = new MemoryStream();
        using (var zlib = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[4096]);
        return [.. Png.Signature, .. Png.Chunk("IHDR", ihdr), .. Png.Chunk("tEXt", "Comment\0lying header"u8.ToArray()), .. Png.Chunk("IDAT", z.ToArray()), .. Png.Chunk("IEND", [])];
    }

    /// <summary>A complete, valid w × h PNG (1-bit greyscale, all black): small on disk, w × h × 4 bytes once decoded to RGBA.</summary>
    private static byte[] ValidHugePng(int w, int h)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = 1; // bit depth
        ihdr[9] = 0; // greyscale
        var row = new byte[1 + ((w + 7) / 8)];
        using var z = new MemoryStream();
        using (var zlib = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true))
            for (var y = 0; y < h; y++) zlib.Write(row);
        return [.. Png.Signature, .. Png.Chunk("IHDR", ihdr), .. Png.Chunk("IDAT", z.ToArray()), .. Png.Chunk("IEND", [])];
    }

    private static class Png
    {
        public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        public static byte[] Chunk(string type, byte[] data)
        {
            var chunk = new byte[12 + data.Length];
            BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
            System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
            data.CopyTo(chunk, 8);
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
            return chunk;
        }

        private static uint Crc32(ReadOnlySpan<byte> data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
            return ~crc;
        }
    }
}

/// <summary>
/// The real decoder, counting header reads and decodes and the most decodes in flight at once; <see cref="Hold"/> keeps
/// decodes waiting until the test releases them.
/// </summary>
public sealed class DecoderSpy : IPhotoDecoder
{
    private readonly SkiaPhotoDecoder real = new();
    private int headers, decodes, inFlight, maxInFlight;

    /// <summary>When set, every decode waits for it first (a test holds the decode slot this way).</summary>
    public ManualResetEventSlim? Hold { get; init; }
    public int Headers => headers;
    public int Decodes => decodes;
    public int MaxInFlight => maxInFlight;

    public PhotoHeader ReadHeader(SkiaSharp.SKData data)
    {
        Interlocked.Increment(ref headers);
        return real.ReadHeader(data);
    }

    public SkiaSharp.SKBitmap Decode(SkiaSharp.SKData data, PhotoHeader header)
    {
        Interlocked.Increment(ref decodes);
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = maxInFlight) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen) { }
        try
        {
            Hold?.Wait(TimeSpan.FromSeconds(120));
            return real.Decode(data, header);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
