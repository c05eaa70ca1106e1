using System.Runtime.InteropServices;
using SkiaSharp;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// JPEG decoding and encoding through the system's libjpeg-turbo (TurboJPEG API, Debian package <c>libturbojpeg0</c>), which is built
/// with its SIMD code (SSE2/AVX2). SkiaSharp's own libjpeg-turbo (in SkiaSharp.NativeAssets.Linux.NoDependencies) is
/// built without it: on this project's 2-core AMD EPYC a 12 MP JPEG at quality 90 takes ~216 ms of CPU through Skia and
/// ~41 ms through TurboJPEG (the same library with JSIMD_FORCENONE=1: ~250 ms); decoding it ~205 against ~105 ms.
/// Skia still reads every header (pixel limit, orientation, ICC profile) and decodes whatever TurboJPEG does not take
/// cleanly (<see cref="SkiaPhotoDecoder"/>). Pixels are encoded as they are (the
/// caller's bitmap is sRGB); TurboJPEG writes a JFIF header and nothing else: no EXIF, XMP, IPTC, comment or ICC (an
/// untagged JPEG is read as sRGB).
/// When the library cannot be loaded (<see cref="Available"/> false), <see cref="PhotoProcessor"/> encodes with Skia:
/// the same pixels and guarantees, only slower. <c>scripts/run.sh</c>, <c>scripts/test.sh</c> and the bench install it.
/// </summary>
internal static class TurboJpeg
{
    private const string Library = "libturbojpeg.so.0";
    private const int PixelFormatRgba = 7; // TJPF_RGBA
    private const int Subsampling420 = 2; // TJSAMP_420

    /// <summary>Whether libturbojpeg could be loaded (decided once per process).</summary>
    public static bool Available { get; } = NativeLibrary.TryLoad(Library, typeof(TurboJpeg).Assembly, null, out _);

    /// <summary>
    /// The RGBA8888 bitmap as a baseline JPEG (4:2:0, <paramref name="quality"/> 1–100); the alpha channel is ignored (the
    /// caller has drawn transparent parts on white). Throws <see cref="InvalidOperationException"/> when TurboJPEG fails.
    /// </summary>
    public static byte[] Encode(SKBitmap bitmap, int quality)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888) throw new ArgumentException("TurboJPEG is given RGBA8888 pixels only.", nameof(bitmap));
        var handle = tjInitCompress();
        if (handle == 0) throw new InvalidOperationException("TurboJPEG could not start a compressor.");
        nint jpeg = 0;
        nuint size = 0;
        try
        {
            if (tjCompress2(handle, bitmap.GetPixels(), bitmap.Width, bitmap.RowBytes, bitmap.Height, PixelFormatRgba, ref jpeg, ref size, Subsampling420, quality, 0) != 0)
                throw new InvalidOperationException("TurboJPEG failed: " + Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)));
            var bytes = GC.AllocateUninitializedArray<byte>(checked((int)size));
            Marshal.Copy(jpeg, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            if (jpeg != 0) tjFree(jpeg);
            tjDestroy(handle);
        }
    }

    /// <summary>
    /// Decodes a JPEG into <paramref name="target"/> (RGBA8888, the JPEG's own width and height). False, and the target's
    /// pixels undefined, on any error or warning (TJFLAG_STOPONWARNING: a truncated file, extraneous bytes, a colour
    /// space TurboJPEG cannot turn into RGBA such as CMYK): the caller then leaves the decision to Skia.
    /// </summary>
    public static bool TryDecode(SKData data, SKBitmap target)
    {
        if (target.ColorType != SKColorType.Rgba8888) return false;
        var handle = tjInitDecompress();
        if (handle == 0) return false;
        try
        {
            return tjDecompressHeader3(handle, data.Data, (nuint)data.Size, out var width, out var height, out _, out _) == 0
                && width == target.Width && height == target.Height
                && tjDecompress2(handle, data.Data, (nuint)data.Size, target.GetPixels(), width, target.RowBytes, height, PixelFormatRgba, StopOnWarning) == 0;
        }
        finally
        {
            tjDestroy(handle);
        }
    }

    private const int StopOnWarning = 8192; // TJFLAG_STOPONWARNING

    [DllImport(Library)]
    private static extern nint tjInitDecompress();

    [DllImport(Library)]
    private static extern int tjDecompressHeader3(nint handle, nint jpegBuf, nuint jpegSize, out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [DllImport(Library)]
    private static extern int tjDecompress2(nint handle, nint jpegBuf, nuint jpegSize, nint dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [DllImport(Library)]
    private static extern nint tjInitCompress();

    [DllImport(Library)]
    private static extern int tjCompress2(nint handle, nint srcBuf, int width, int pitch, int height, int pixelFormat,
        ref nint jpegBuf, ref nuint jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [DllImport(Library)]
    private static extern void tjFree(nint buffer);

    [DllImport(Library)]
    private static extern int tjDestroy(nint handle);

    [DllImport(Library)]
    private static extern nint tjGetErrorStr2(nint handle);
}
