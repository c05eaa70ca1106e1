using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace WeStudio.Api.Features.Photos;

/// <summary>The sizes of a stored photo, as the signed URL's <c>size</c> names them (<c>thumb</c>, <c>display</c>, <c>original</c>).</summary>
public enum PhotoSize { Original, Display, Thumb }

/// <summary>One encoded size of a photo: its bytes (no metadata), their SHA-256 (hex, the storage key), format and pixels.</summary>
public sealed class EncodedPhoto(PhotoFormat format, byte[] bytes, int width, int height)
{
    public PhotoFormat Format { get; } = format;
    public byte[] Bytes { get; } = bytes;
    public int Width { get; } = width;
    public int Height { get; } = height;
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(bytes));
    public string ContentType => PhotoProcessor.ContentTypeOf(Format);
}

/// <summary>
/// An upload after <see cref="PhotoProcessor.ProcessAsync(SkiaSharp.SKData, CancellationToken)"/>: the re-encoded original and the two sizes for the phone (the
/// same object when no smaller size was needed), how long it waited for a decode slot and how long the codec worked.
/// </summary>
public sealed record ProcessedPhoto(EncodedPhoto Original, EncodedPhoto Display, EncodedPhoto Thumb, TimeSpan Waited, TimeSpan Worked);

/// <summary>
/// Turns an upload into what is stored, through a real codec (<see cref="IPhotoDecoder"/>):
/// <list type="number">
/// <item>the header only: not JPEG/PNG/WebP → <c>unsupported_media_type</c>; more than Photos:MaxPixels → <c>too_many_pixels</c>
/// (nothing decoded, no memory taken);</item>
/// <item>a decode slot: at most Photos:MaxConcurrentDecodes uploads decode at once, the others wait (asynchronously);</item>
/// <item>a full decode to sRGB (ICC applied), upright by the EXIF orientation; undecodable → <c>corrupt_image</c>;</item>
/// <item>the original re-encoded from the pixels (JPEG quality 90, PNG lossless, WebP lossy 90 or lossless as it came), so
/// no EXIF, GPS, XMP, IPTC or comment can survive: the encoders write none (only an sRGB ICC profile);</item>
/// <item>display (long side ≤ 1,280 px) and thumb (short side 240 px, never above the display size) as JPEG quality 82 on
/// white (JPEG through the system's SIMD libjpeg-turbo when installed, <see cref="TurboJpeg"/>), which WeChat's <c>&lt;image&gt;</c> shows on every phone without its <c>webp</c> attribute. Never enlarged.</item>
/// </list>
/// </summary>
public sealed class PhotoProcessor(IPhotoDecoder decoder, IOptions<PhotoOptions> options, ILogger<PhotoProcessor> logger) : IDisposable
{
    public const int ThumbShortSide = 240;
    public const int DisplayLongSide = 1280;
    public const int OriginalJpegQuality = 90;
    public const int OriginalWebPQuality = 90;
    public const int SizeJpegQuality = 82;

    // The decode slots; made once per processor, which also says in the log what this process decodes and encodes with.
    private readonly SemaphoreSlim gate = Announce(logger, options.Value.DecodeSlots);

    private static SemaphoreSlim Announce(ILogger logger, int slots)
    {
        if (!TurboJpeg.Available) logger.LogWarning("Photos: libturbojpeg0 is not installed; JPEG is encoded with Skia (about 5 times slower). apt-get install -y libturbojpeg0");
        logger.LogInformation("Photos: {Slots} decode slots, JPEG encoder {Encoder}, {Malloc}", slots, JpegEncoder, GlibcMalloc.Apply());
        return new SemaphoreSlim(slots, slots);
    }

    private int waiting;

    /// <summary>Decode slots free right now (Photos:MaxConcurrentDecodes when idle).</summary>
    public int FreeDecodeSlots => gate.CurrentCount;

    /// <summary>Uploads waiting for a decode slot right now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public static string ContentTypeOf(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        _ => "image/webp",
    };

    /// <summary>The stored forms of an upload's bytes (see <see cref="ProcessAsync(SKData, CancellationToken)"/>).</summary>
    public async Task<ProcessedPhoto> ProcessAsync(byte[] data, CancellationToken ct)
    {
        using var native = SKData.CreateCopy(data);
        return await ProcessAsync(native, ct);
    }

    /// <summary>
    /// Copies an upload of <paramref name="length"/> bytes from <paramref name="stream"/> into native memory (an SKData the
    /// caller disposes): the codec reads it there, and no large managed array is left for the garbage collector.
    /// </summary>
    public static async Task<SKData> ReadAsync(Stream stream, long length, CancellationToken ct)
    {
        var data = SKData.Create(length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long done = 0;
            int read;
            while (done < length && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), ct)) > 0)
            {
                System.Runtime.InteropServices.Marshal.Copy(buffer, 0, data.Data + (nint)done, read);
                done += read;
            }
            if (done != length) throw new EndOfStreamException($"The upload ended after {done} of {length} bytes.");
            return data;
        }
        catch
        {
            data.Dispose();
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The stored forms of an upload. Throws <see cref="PhotoRejectedException"/> for what is refused (see the class).</summary>
    public async Task<ProcessedPhoto> ProcessAsync(SKData data, CancellationToken ct)
    {
        var (result, waited, worked) = await InSlotAsync(data, Encode, ct);
        return new ProcessedPhoto(result.Original, result.Display, result.Thumb, waited, worked);
    }

    /// <summary>
    /// Only the display and thumb sizes of a stored photo's bytes (through the same header check, decode slot, decode to
    /// upright sRGB and reduction as an upload; the bytes themselves are not re-encoded): the backfill of photos stored
    /// before sizes existed (<see cref="PhotoSizesBackfill"/>). Throws <see cref="PhotoRejectedException"/> as an upload would.
    /// </summary>
    public async Task<(EncodedPhoto Display, EncodedPhoto Thumb)> SizesAsync(SKData data, CancellationToken ct)
    {
        var (sizes, _, _) = await InSlotAsync(data, (d, header) =>
        {
            using var pixels = decoder.Decode(d, header);
            pixels.SetImmutable();
            return EncodeSizes(pixels, null);
        }, ct);
        return sizes;
    }

    /// <summary>The header check (Photos:MaxPixels, before anything is decoded), then <paramref name="work"/> in a decode slot.</summary>
    private async Task<(T Result, TimeSpan Waited, TimeSpan Worked)> InSlotAsync<T>(SKData data, Func<SKData, PhotoHeader, T> work, CancellationToken ct)
    {
        var header = decoder.ReadHeader(data);
        var max = options.Value.MaxPixels;
        if (header.Pixels > max)
            throw new PhotoRejectedException("too_many_pixels", $"The photo is {header.Width} × {header.Height} pixels; at most {max:N0} pixels are accepted.");

        var queued = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref waiting);
        try
        {
            await gate.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = work(data, header);
            return (result, Stopwatch.GetElapsedTime(queued, started), Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            gate.Release();
        }
    }

    private (EncodedPhoto Original, EncodedPhoto Display, EncodedPhoto Thumb) Encode(SKData data, PhotoHeader header)
    {
        using var pixels = decoder.Decode(data, header);
        pixels.SetImmutable();
        var original = new EncodedPhoto(header.Format, EncodeOriginal(pixels, header), pixels.Width, pixels.Height);
        var (display, thumb) = EncodeSizes(pixels, header.Format == PhotoFormat.Jpeg ? original : null);
        return (original, display, thumb);
    }

    /// <summary>
    /// The display and thumb sizes of upright sRGB <paramref name="pixels"/> (JPEG quality 82 on white; the same object
    /// twice when the thumb needs no reduction below the display size). <paramref name="sameAsPixels"/>: an already encoded
    /// JPEG of these very pixels, used as the display size when that needs no reduction. The backfill of photos stored
    /// before sizes existed uses this too.
    /// </summary>
    internal static (EncodedPhoto Display, EncodedPhoto Thumb) EncodeSizes(SKBitmap pixels, EncodedPhoto? sameAsPixels)
    {
        int w = pixels.Width, h = pixels.Height;
        var (dw, dh) = DisplaySize(w, h);
        SKBitmap? displayPixels = null;
        try
        {
            EncodedPhoto display;
            if ((dw, dh) == (w, h) && sameAsPixels is not null) display = sameAsPixels;
            else
            {
                displayPixels = (dw, dh) == (w, h) && pixels.AlphaType == SKAlphaType.Opaque ? null : Reduce(pixels, dw, dh);
                display = new EncodedPhoto(PhotoFormat.Jpeg, Jpeg(displayPixels ?? pixels, SizeJpegQuality), dw, dh);
            }

            var (tw, th) = ThumbSize(w, h);
            if ((tw, th) == (dw, dh)) return (display, display);
            using var thumbPixels = Reduce(displayPixels ?? pixels, tw, th);
            return (display, new EncodedPhoto(PhotoFormat.Jpeg, Jpeg(thumbPixels, SizeJpegQuality), tw, th));
        }
        finally
        {
            displayPixels?.Dispose();
        }
    }

    /// <summary>The display size of a w × h photo: long side at most 1,280 px, aspect kept, never enlarged.</summary>
    public static (int Width, int Height) DisplaySize(int w, int h) => Fit(w, h, Math.Min(1.0, (double)DisplayLongSide / Math.Max(w, h)));

    /// <summary>The thumbnail size: short side 240 px (never enlarged, never above the display size for very long panoramas).</summary>
    public static (int Width, int Height) ThumbSize(int w, int h) =>
        Fit(w, h, Math.Min(1.0, Math.Min((double)ThumbShortSide / Math.Min(w, h), (double)DisplayLongSide / Math.Max(w, h))));

    private static (int, int) Fit(int w, int h, double scale) =>
        scale >= 1.0 ? (w, h) : (Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)));

    private static byte[] EncodeOriginal(SKBitmap pixels, PhotoHeader header) => header.Format switch
    {
        PhotoFormat.Jpeg => Jpeg(pixels, OriginalJpegQuality),
        PhotoFormat.Png => Encoded(pixels.PeekPixels().Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))),
        _ => Encoded(pixels.PeekPixels().Encode(header.Lossless
            ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75)
            : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, OriginalWebPQuality))),
    };

    /// <summary>Which JPEG encoder this process uses: <c>libturbojpeg</c> (SIMD, see <see cref="TurboJpeg"/>) or <c>skia</c>.</summary>
    public static string JpegEncoder => TurboJpeg.Available ? "libturbojpeg" : "skia";

    private static byte[] Jpeg(SKBitmap pixels, int quality) => TurboJpeg.Available && pixels.ColorType == SKColorType.Rgba8888
        ? TurboJpeg.Encode(pixels, quality)
        : Encoded(pixels.PeekPixels().Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)));

    private static byte[] Encoded(SKData? data)
    {
        using (data) return data?.ToArray() ?? throw new InvalidOperationException("The image encoder failed.");
    }

    /// <summary>
    /// The photo reduced to w × h on white (transparent parts of a PNG or WebP become white, as a JPEG has no alpha). It is
    /// halved with bilinear sampling while a half is still at least w × h (bilinear at exactly half averages each 2 × 2
    /// block, so nothing is dropped), then drawn at w × h with bilinear sampling (a reduction by less than half).
    /// Measured on a 12 MP photo: ~47 ms of CPU, against ~86–106 ms for one draw with linear mipmaps, which first builds
    /// every mipmap level of the full image.
    /// </summary>
    private static SKBitmap Reduce(SKBitmap source, int w, int h)
    {
        var current = source;
        SKBitmap? half = null;
        try
        {
            while (current.Width / 2 >= w && current.Height / 2 >= h)
            {
                var next = Allocate(current.Info.WithSize(current.Width / 2, current.Height / 2));
                if (!current.ScalePixels(next, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)))
                {
                    next.Dispose();
                    throw new InvalidOperationException("The image could not be reduced.");
                }
                half?.Dispose();
                half = next;
                current = next;
            }
            return OnWhite(current, w, h);
        }
        finally
        {
            half?.Dispose();
        }
    }

    private static SKBitmap Allocate(SKImageInfo info)
    {
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info)) throw new InsufficientMemoryException($"No memory for a {info.Width} × {info.Height} size.");
        return bitmap;
    }

    /// <summary>The image drawn at w × h on white with bilinear sampling (callers reduce by at most half).</summary>
    private static SKBitmap OnWhite(SKBitmap source, int w, int h)
    {
        var target = Allocate(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        source.SetImmutable(); // the image shares the pixels instead of copying them
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint();
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), paint);
        canvas.Flush();
        return target;
    }

    public void Dispose() => gate.Dispose();
}
