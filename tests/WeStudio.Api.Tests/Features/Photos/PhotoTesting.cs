using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Photos;

/// <summary>Uploads, fixtures and exiftool for photo tests.</summary>
public static class PhotoTesting
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Photos", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>
    /// The PNG fixture made unique (its stored bytes and hash differ from every other upload): a pHYs chunk, which the
    /// API keeps, with random pixels-per-unit is inserted after IHDR.
    /// </summary>
    public static byte[] UniquePng()
    {
        var png = Fixture("garden-gps.png");
        var chunk = new byte[4 + 4 + 9 + 4];
        chunk[3] = 9;
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), Random.Shared.Next(1, int.MaxValue));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), Random.Shared.Next(1, int.MaxValue));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), PhotoSanitizer.Crc32(chunk.AsSpan(4, 13)));
        const int AfterIhdr = 8 + 25;
        return [.. png[..AfterIhdr], .. chunk, .. png[AfterIhdr..]];
    }

    /// <summary>POSTs one file as multipart/form-data, the way wx.uploadFile does (field <c>file</c>).</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg", string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return client.PostAsync("/api/v1/photos", form);
    }

    public static async Task<PhotoDto> UploadPhotoAsync(this SignedIn who, string fixture = "ladybird-gps.jpg")
    {
        var response = await who.Client.UploadAsync(Fixture(fixture), fixture);
        return await response.ReadAsync<PhotoDto>();
    }

    /// <summary>Fetches a signed URL anonymously.</summary>
    public static Task<HttpResponseMessage> FetchAsync(this ApiFactory factory, string url) => factory.CreateClient().GetAsync(new Uri(url).PathAndQuery);

    /// <summary><c>exiftool -json -a -G1 -n</c> of the bytes: every tag as "Group:Tag" → value.</summary>
    public static async Task<Dictionary<string, JsonElement>> ExifToolAsync(byte[] bytes, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"westudio-exif-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var start = new ProcessStartInfo("exiftool", ["-json", "-a", "-G1", "-n", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("exiftool did not start");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            using var json = JsonDocument.Parse(output);
            return json.RootElement[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Tags that reveal where, when or by whom a photo was taken; only these groups may remain in a stored photo.</summary>
    public static string[] Leaks(Dictionary<string, JsonElement> tags) =>
        tags.Keys.Where(k =>
            k.Contains("GPS", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("XMP", StringComparison.Ordinal)
            || k.StartsWith("IPTC", StringComparison.Ordinal)
            || k.StartsWith("ExifIFD", StringComparison.Ordinal)
            || k.StartsWith("Photoshop", StringComparison.Ordinal)
            || (k.StartsWith("IFD", StringComparison.Ordinal) && k != "IFD0:Orientation")
            || k.EndsWith(":Comment", StringComparison.Ordinal)
            || k.EndsWith(":Make", StringComparison.Ordinal)
            || k.EndsWith(":Artist", StringComparison.Ordinal)
            || k.EndsWith(":Model", StringComparison.Ordinal)
            || k.EndsWith(":Creator", StringComparison.Ordinal)).ToArray();
}
