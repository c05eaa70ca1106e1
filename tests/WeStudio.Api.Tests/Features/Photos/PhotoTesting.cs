using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Photos;

/// <summary>Uploads, fixtures and exiftool for photo tests.</summary>
public static class PhotoTesting
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Photos", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    /// <summary>
    /// The PNG fixture made unique: one pixel set to a random colour, so that its re-encoded bytes (and hash) differ from
    /// every other upload's (the API re-encodes from pixels: a changed chunk alone would not make a new file).
    /// </summary>
    public static byte[] UniquePng()
    {
        using var bitmap = SKBitmap.Decode(Fixture("garden-gps.png"));
        bitmap.SetPixel(Random.Shared.Next(bitmap.Width), Random.Shared.Next(bitmap.Height), new SKColor((uint)Random.Shared.Next() | 0xFF000000));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A w × h JPEG (quality 90) of a colour gradient with a random tint, made with Skia; no metadata.</summary>
    public static byte[] GradientJpeg(int w, int h)
    {
        using var bitmap = new SKBitmap(w, h);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            var tint = (byte)Random.Shared.Next(256);
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), [new SKColor(tint, 40, 200), new SKColor(250, tint, 30)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, w, h, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>Width and height of an encoded image as stored (no orientation applied), read by Skia.</summary>
    public static (int Width, int Height) Dimensions(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidOperationException("not an image");
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Runs a tool and returns (exit code, stdout, stderr).</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// ImageMagick's normalised root-mean-square difference (0 same, 1 opposite) of two image files of equal size:
    /// <c>compare -metric RMSE a b null:</c> prints "absolute (normalised)" on stderr.
    /// </summary>
    public static async Task<double> RmseAsync(string a, string b)
    {
        var (code, _, err) = await RunAsync("compare", "-metric", "RMSE", a, b, "null:");
        Assert.True(code is 0 or 1, $"compare failed: {err}");
        var open = err.IndexOf('(');
        return double.Parse(err[(open + 1)..err.IndexOf(')', open)], System.Globalization.CultureInfo.InvariantCulture);
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
