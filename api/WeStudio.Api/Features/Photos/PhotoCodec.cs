using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace WeStudio.Api.Features.Photos;

/// <summary>The three photo types WeStudio accepts and stores, decided by magic bytes.</summary>
public enum PhotoFormat { Jpeg, Png, WebP }

/// <summary>
/// What the header of an upload says, read without decoding a pixel: the format, the encoded width and height (before the
/// EXIF orientation), the EXIF orientation (1–8) and, for WebP, whether it is lossless (VP8L).
/// </summary>
public sealed record PhotoHeader(PhotoFormat Format, int Width, int Height, int Orientation, bool Lossless)
{
    /// <summary>Pixels the decoded image holds (width × height).</summary>
    public long Pixels => (long)Width * Height;
}

/// <summary>Why an upload is refused: not one of our types, too many pixels, or undecodable.</summary>
public sealed class PhotoRejectedException(string code, string message) : Exception(message)
{
    /// <summary><c>unsupported_media_type</c>, <c>too_many_pixels</c> or <c>corrupt_image</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// The image codec behind photo uploads, in two steps so that a refusal by size never decodes anything:
/// <see cref="ReadHeader"/> reads only the header; <see cref="Decode"/> decodes every pixel. <see cref="PhotoProcessor"/>
/// checks Photos:MaxPixels between the two, and holds a decode slot (Photos:MaxConcurrentDecodes) around the second.
/// Tests swap this for a spy that counts decodes.
/// </summary>
public interface IPhotoDecoder
{
    /// <summary>The header of the upload's bytes; throws <see cref="PhotoRejectedException"/> (unsupported_media_type, corrupt_image).</summary>
    PhotoHeader ReadHeader(SKData data);

    /// <summary>
    /// Every pixel, converted to sRGB (an embedded ICC profile is applied) and turned upright by the EXIF orientation, as a
    /// bitmap the caller disposes. Throws <see cref="PhotoRejectedException"/> (corrupt_image) for anything undecodable,
    /// including a truncated file.
    /// </summary>
    SKBitmap Decode(SKData data, PhotoHeader header);
}

/// <summary>
/// <see cref="IPhotoDecoder"/> on SkiaSharp (Skia's codecs: libjpeg-turbo, libpng, libwebp; skcms for colour), whose
/// native library ships in <c>SkiaSharp.NativeAssets.Linux.NoDependencies</c> (no apt package needed). Skia reads every
/// header; JPEGs without a non-sRGB profile are decoded by the system's SIMD libjpeg-turbo when it is installed and takes
/// them without a single warning (<see cref="TurboJpeg"/>), everything else by Skia.
/// </summary>
public sealed class SkiaPhotoDecoder : IPhotoDecoder
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format by magic bytes, or null. GIF, BMP, HEIC … are refused before any codec sees them.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return PhotoFormat.Jpeg;
        if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature)) return PhotoFormat.Png;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return PhotoFormat.WebP;
        return null;
    }

    public PhotoHeader ReadHeader(SKData data)
    {
        var format = Detect(data.AsSpan()) ?? throw new PhotoRejectedException("unsupported_media_type", "Only JPEG, PNG and WebP photos are accepted (decided by the file's content).");
        // SKCodec.Create reads the header only (dimensions, EXIF orientation, ICC profile); no pixel buffer exists yet.
        using var codec = SKCodec.Create(data) ?? throw Corrupt("its header cannot be read");
        return Header(codec, format, data);
    }

    private static PhotoHeader Header(SKCodec codec, PhotoFormat format, SKData data)
    {
        var expected = format switch { PhotoFormat.Jpeg => SKEncodedImageFormat.Jpeg, PhotoFormat.Png => SKEncodedImageFormat.Png, _ => SKEncodedImageFormat.Webp };
        if (codec.EncodedFormat != expected) throw Corrupt("its header does not match its type");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) throw Corrupt("it has no pixels");
        return new PhotoHeader(format, info.Width, info.Height, (int)codec.EncodedOrigin, format == PhotoFormat.WebP && IsLosslessWebP(data.AsSpan()));
    }

    public SKBitmap Decode(SKData data, PhotoHeader header)
    {
        using var codec = SKCodec.Create(data) ?? throw Corrupt("its header cannot be read");
        var source = codec.Info;
        if (source.Width != header.Width || source.Height != header.Height) throw Corrupt("its header changed");
        var alpha = source.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        // Decoding into an sRGB destination makes Skia convert from the embedded ICC profile (skcms).
        var info = new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        if (header.Format == PhotoFormat.Jpeg && TurboJpeg.Available && (source.ColorSpace is null || source.ColorSpace.IsSrgb)
            && DecodeWithTurboJpeg(data, info, codec.EncodedOrigin) is { } fast) return fast;
        if (codec.EncodedOrigin != SKEncodedOrigin.TopLeft && DecodeTurning(codec, info, codec.EncodedOrigin) is { } turned) return turned;

        var bitmap = new SKBitmap();
        try
        {
            if (!bitmap.TryAllocPixels(info)) throw new InsufficientMemoryException($"No memory for a {info.Width} × {info.Height} photo.");
            var result = codec.GetPixels(info, bitmap.GetPixels());
            // IncompleteInput: a truncated file (Skia fills the rest); refused like any other undecodable input.
            if (result != SKCodecResult.Success) throw Corrupt(result == SKCodecResult.IncompleteInput ? "it is truncated" : $"it cannot be decoded ({result})");
            var upright = Orient(bitmap, codec.EncodedOrigin);
            if (!ReferenceEquals(upright, bitmap)) bitmap.Dispose();
            return upright;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A JPEG without a colour profile other than sRGB, decoded by the system's SIMD libjpeg-turbo (about twice as fast as
    /// Skia's copy, built without SIMD: 12 MP ~105 against ~205 ms of CPU) and turned upright. Null, with nothing kept, when
    /// TurboJPEG reports anything at all (an error or a mere warning: truncated, extraneous bytes, CMYK …): Skia's decoder
    /// then decides, as it does for every other upload, so what is refused stays the same.
    /// </summary>
    private static SKBitmap? DecodeWithTurboJpeg(SKData data, SKImageInfo info, SKEncodedOrigin origin)
    {
        SKBitmap? stored = new SKBitmap();
        try
        {
            if (!stored.TryAllocPixels(info)) throw new InsufficientMemoryException($"No memory for a {info.Width} × {info.Height} photo.");
            if (!TurboJpeg.TryDecode(data, stored)) return null;
            if (origin == SKEncodedOrigin.TopLeft)
            {
                var upright = stored;
                stored = null;
                return upright;
            }
            return Turned(stored, origin);
        }
        finally
        {
            stored?.Dispose();
        }
    }

    /// <summary>
    /// Decodes in strips of <see cref="StripRows"/> rows (JPEG, PNG: Skia's scanline decoder) straight into the upright
    /// bitmap, so a turned photo takes one bitmap of memory instead of two (decoded, then turned); see <see cref="TurnStrip"/>.
    /// Null when the codec cannot decode by rows (WebP, interlaced PNG): <see cref="Orient"/> turns a full decode then.
    /// </summary>
    private static SKBitmap? DecodeTurning(SKCodec codec, SKImageInfo info, SKEncodedOrigin origin)
    {
        if (codec.ScanlineOrder != SKCodecScanlineOrder.TopDown || codec.StartScanlineDecode(info) != SKCodecResult.Success) return null;
        int w = info.Width, h = info.Height;
        var target = Upright(info, origin);
        // Pinned (pinned object heap), so the decoder writes into it while managed code reads it without copies.
        var strip = GC.AllocateUninitializedArray<uint>(w * StripRows, pinned: true);
        var stripAddress = Marshal.UnsafeAddrOfPinnedArrayElement(strip, 0);
        try
        {
            ref var pixels = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, uint>(target.GetPixelSpan()));
            ref var rows = ref MemoryMarshal.GetArrayDataReference(strip);
            for (var y0 = 0; y0 < h; y0 += StripRows)
            {
                var n = Math.Min(StripRows, h - y0);
                if (codec.GetScanlines(stripAddress, n, w * 4) != n) throw Corrupt("it is truncated");
                TurnStrip(ref rows, w, n, y0, w, h, ref pixels, target.RowBytes / 4, origin);
            }
            GC.KeepAlive(strip);
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>An uninitialised bitmap for the upright form of a stored w × h image (5–8 swap width and height).</summary>
    private static SKBitmap Upright(SKImageInfo stored, SKEncodedOrigin origin)
    {
        var swap = origin >= SKEncodedOrigin.LeftTop;
        var target = new SKBitmap();
        if (!target.TryAllocPixels(stored.WithSize(swap ? stored.Height : stored.Width, swap ? stored.Width : stored.Height)))
            throw new InsufficientMemoryException($"No memory for a {stored.Width} × {stored.Height} photo.");
        return target;
    }

    /// <summary>
    /// A stored bitmap turned upright strip by strip into a new bitmap (the TurboJPEG path decodes whole; see
    /// <see cref="TurnStrip"/>), the stored one left to the caller.
    /// </summary>
    private static SKBitmap Turned(SKBitmap stored, SKEncodedOrigin origin)
    {
        int w = stored.Width, h = stored.Height;
        var target = Upright(stored.Info, origin);
        ref var source = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, uint>(stored.GetPixelSpan()));
        ref var pixels = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, uint>(target.GetPixelSpan()));
        var sourceStride = stored.RowBytes / 4;
        for (var y0 = 0; y0 < h; y0 += StripRows)
            TurnStrip(ref Unsafe.Add(ref source, y0 * sourceStride), sourceStride, Math.Min(StripRows, h - y0), y0, w, h, ref pixels, target.RowBytes / 4, origin);
        return target;
    }

    /// <summary>
    /// Writes <paramref name="n"/> stored rows (from row <paramref name="y0"/> of a w × h image, <paramref name="rowStride"/>
    /// pixels apart) to their upright places (see <see cref="Orient"/> for the mapping). A quarter turn writes the strip
    /// column by column: the strip's pixels of one stored column are adjacent in one upright row, so the writes stay in a few
    /// cache lines (12 MP: ~55 ms of CPU for the turn, against ~90 ms pixel by pixel across rows).
    /// </summary>
    private static void TurnStrip(ref uint rows, int rowStride, int n, int y0, int w, int h, ref uint pixels, int stride, SKEncodedOrigin origin)
    {
        if (origin < SKEncodedOrigin.LeftTop)
        {
            for (var k = 0; k < n; k++)
            {
                // Stored pixel (x, y) goes to start + x·step.
                var y = y0 + k;
                var (start, step) = origin switch
                {
                    SKEncodedOrigin.TopLeft => (y * stride, 1),
                    SKEncodedOrigin.TopRight => ((y * stride) + w - 1, -1),
                    SKEncodedOrigin.BottomRight => (((h - 1 - y) * stride) + w - 1, -1),
                    _ => ((h - 1 - y) * stride, 1), // BottomLeft
                };
                ref var row = ref Unsafe.Add(ref rows, k * rowStride);
                for (int x = 0, i = start; x < w; x++, i += step) Unsafe.Add(ref pixels, i) = Unsafe.Add(ref row, x);
            }
            return;
        }
        // Stored (x, y) goes to upright row x (or w − 1 − x), column y (or h − 1 − y): for one x, the strip's n pixels
        // are n adjacent pixels of one upright row, written forwards (dir 1) or backwards (dir −1).
        var (column, dir) = origin switch
        {
            SKEncodedOrigin.LeftTop or SKEncodedOrigin.LeftBottom => (y0, 1),
            _ => (h - 1 - y0, -1), // RightTop, RightBottom
        };
        var mirrored = origin is SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom; // upright row w − 1 − x
        for (var x = 0; x < w; x++)
        {
            var i = ((mirrored ? w - 1 - x : x) * stride) + column;
            for (var k = 0; k < n; k++, i += dir) Unsafe.Add(ref pixels, i) = Unsafe.Add(ref rows, (k * rowStride) + x);
        }
    }

    /// <summary>Rows turned at once by <see cref="TurnStrip"/> (a 4,000 px wide photo: 250 KB of strip).</summary>
    private const int StripRows = 16;

    /// <summary>
    /// The bitmap turned upright by an EXIF orientation (TIFF 6.0 tag 274: 1 as stored, 2 mirrored, 3 rotated 180°,
    /// 4 flipped, 5 transposed, 6 to be rotated 90° clockwise, 7 transversed, 8 to be rotated 90° counter-clockwise).
    /// Returns the same bitmap for 1; otherwise a new one (5–8 swap width and height), drawn pixel for pixel.
    /// </summary>
    public static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source;
        float w = source.Width, h = source.Height;
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY: where the stored pixel (x, y) is shown.
        var m = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var swap = origin >= SKEncodedOrigin.LeftTop;
        var info = source.Info.WithSize(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        var upright = new SKBitmap();
        if (!upright.TryAllocPixels(info)) throw new InsufficientMemoryException($"No memory to turn a {info.Width} × {info.Height} photo upright.");
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(m);
        using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
        source.SetImmutable(); // so the image shares its pixels instead of copying them
        using var image = SKImage.FromBitmap(source);
        // Nearest sampling: a quarter turn or a mirror maps each stored pixel onto exactly one shown pixel.
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None), paint);
        canvas.Flush();
        return upright;
    }

    /// <summary>Whether a WebP's image chunk is VP8L (lossless), walking the RIFF chunks (simple or VP8X files).</summary>
    internal static bool IsLosslessWebP(ReadOnlySpan<byte> data)
    {
        var pos = 12;
        while (pos + 8 <= data.Length)
        {
            var type = data.Slice(pos, 4);
            if (type.SequenceEqual("VP8L"u8)) return true;
            if (type.SequenceEqual("VP8 "u8)) return false;
            var size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(pos + 4, 4));
            if (size > data.Length) return false;
            pos += 8 + (int)(size + (size & 1));
        }
        return false;
    }

    private static PhotoRejectedException Corrupt(string why) => new("corrupt_image", $"The image is not a decodable photo: {why}.");
}
