using System.Buffers.Binary;

namespace WeStudio.Api.Features.Photos;

/// <summary>The three photo types WeStudio stores, decided by magic bytes.</summary>
public enum PhotoFormat { Jpeg, Png, WebP }

/// <summary>
/// What <see cref="PhotoSanitizer.Sanitize"/> made of an upload: the bytes to store and what they are. Width and height
/// are pixels as displayed, i.e. after the EXIF orientation (5–8 swap them); Orientation (1–8) is the one kept in the
/// stored file (1 when the upload had none).
/// </summary>
public sealed record SanitizedPhoto(PhotoFormat Format, byte[] Bytes, int Width, int Height, int Orientation)
{
    public string ContentType => Format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        _ => "image/webp",
    };
}

/// <summary>Why an upload is refused: not one of our types, or a container that is truncated or broken.</summary>
public sealed class PhotoRejectedException(string code, string message) : Exception(message)
{
    /// <summary><c>unsupported_media_type</c> or <c>corrupt_image</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// Removes metadata from JPEG, PNG and WebP at the container level (no image codec is served here; pixels are never
/// decoded or re-encoded), reads the dimensions, and refuses truncated or corrupt containers.
/// <list type="bullet">
/// <item>JPEG: keeps SOI, APP0 (JFIF), APP2 <c>ICC_PROFILE</c> (colour), APP14 (Adobe: colour transform), tables, frames and
/// scans; drops every other APPn (APP1 EXIF and XMP, APP13 IPTC/Photoshop, APP2 FlashPix/MPF, APP12…), COM, and anything
/// after EOI (phone trailers). An EXIF Orientation ≠ 1 is written back as a minimal APP1 holding only that tag.</item>
/// <item>PNG: keeps the critical chunks and the ancillary ones that affect rendering (tRNS, gAMA, cHRM, sRGB, iCCP, cICP,
/// mDCv, cLLi, sBIT, bKGD, pHYs, and APNG's acTL/fcTL/fdAT); drops eXIf, tEXt, zTXt, iTXt (XMP), tIME and every other.
/// CRCs are checked. An eXIf orientation ≠ 1 is kept as a minimal eXIf chunk.</item>
/// <item>WebP: simple files (VP8/VP8L) carry no metadata; in VP8X files the EXIF and XMP chunks are dropped, the VP8X flags
/// and the RIFF size fixed, and an orientation ≠ 1 kept as a minimal EXIF chunk at the end.</item>
/// </list>
/// </summary>
public static class PhotoSanitizer
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> PngKeptAncillary = new(StringComparer.Ordinal)
    {
        "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCv", "cLLi", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT",
    };

    /// <summary>The format by magic bytes, or null.</summary>
    public static PhotoFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return PhotoFormat.Jpeg;
        if (data.Length >= 8 && data[..8].SequenceEqual(PngSignature)) return PhotoFormat.Png;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return PhotoFormat.WebP;
        return null;
    }

    /// <summary>The stored form of an upload. Throws <see cref="PhotoRejectedException"/> for anything else or anything broken.</summary>
    public static SanitizedPhoto Sanitize(byte[] data)
    {
        var format = Detect(data) ?? throw new PhotoRejectedException("unsupported_media_type", "Only JPEG, PNG and WebP photos are accepted (decided by the file's content).");
        try
        {
            return format switch
            {
                PhotoFormat.Jpeg => Jpeg(data),
                PhotoFormat.Png => Png(data),
                _ => WebP(data),
            };
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw Corrupt("the container is truncated");
        }
    }

    private static PhotoRejectedException Corrupt(string why) => new("corrupt_image", $"The image is truncated or corrupt: {why}.");

    private static (int Width, int Height) Displayed(int width, int height, int orientation) =>
        orientation is >= 5 and <= 8 ? (height, width) : (width, height);

    // ---------------- JPEG ----------------

    private static SanitizedPhoto Jpeg(byte[] d)
    {
        using var output = new MemoryStream(d.Length);
        output.Write([0xFF, 0xD8]);
        var orientation = 1;
        int width = 0, height = 0;
        var sawScan = false;
        var pos = 2;
        var orientationWritten = false;

        void WriteOrientationOnce()
        {
            if (orientationWritten || orientation == 1) return;
            var tiff = MinimalExif(orientation);
            var length = 2 + 6 + tiff.Length;
            output.Write([0xFF, 0xE1, (byte)(length >> 8), (byte)length]);
            output.Write("Exif\0\0"u8);
            output.Write(tiff);
            orientationWritten = true;
        }

        while (true)
        {
            if (pos >= d.Length) throw Corrupt("no end-of-image marker");
            if (d[pos] != 0xFF) throw Corrupt($"expected a marker at byte {pos}");
            while (pos < d.Length && d[pos] == 0xFF) pos++; // fill bytes
            if (pos >= d.Length) throw Corrupt("no end-of-image marker");
            var marker = d[pos++];
            if (marker == 0xD9)
            {
                if (!sawScan || width == 0) throw Corrupt("the image has no frame or no scan");
                output.Write([0xFF, 0xD9]);
                break; // anything after EOI (phone trailers, MPF images) is dropped
            }
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) throw Corrupt("a restart marker outside a scan");
            if (pos + 2 > d.Length) throw Corrupt("a segment is cut short");
            var length = (d[pos] << 8) | d[pos + 1];
            if (length < 2 || pos + length > d.Length) throw Corrupt("a segment is cut short");
            var body = d.AsSpan(pos + 2, length - 2);
            var segment = d.AsSpan(pos - 2, length + 2);
            pos += length;

            if (marker == 0xE1)
            {
                if (body.StartsWith("Exif\0\0"u8)) orientation = ExifOrientation(body[6..]) is var o and >= 1 and <= 8 ? o : orientation;
                continue;
            }
            if (marker is >= 0xE0 and <= 0xEF)
            {
                var keep = marker == 0xE0 || marker == 0xEE || (marker == 0xE2 && body.StartsWith("ICC_PROFILE\0"u8));
                if (keep) output.Write(segment);
                continue;
            }
            if (marker == 0xFE) continue; // COM

            if (marker is >= 0xC0 and <= 0xCF && marker is not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (body.Length < 6) throw Corrupt("a frame header is cut short");
                height = (body[1] << 8) | body[2];
                width = (body[3] << 8) | body[4];
                if (width == 0 || height == 0) throw Corrupt("the frame has no size");
            }
            WriteOrientationOnce();
            output.Write(segment);

            if (marker == 0xDA)
            {
                if (width == 0) throw Corrupt("a scan before the frame header");
                sawScan = true;
                var start = pos;
                // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker; anything else ends the scan.
                while (true)
                {
                    if (pos + 1 >= d.Length) throw Corrupt("the scan data is cut short");
                    if (d[pos] == 0xFF && d[pos + 1] != 0x00 && d[pos + 1] is not (>= 0xD0 and <= 0xD7) && d[pos + 1] != 0xFF) break;
                    if (d[pos] == 0xFF && d[pos + 1] == 0xFF) { pos++; continue; }
                    pos++;
                }
                output.Write(d, start, pos - start);
            }
        }

        var (w, h) = Displayed(width, height, orientation);
        return new SanitizedPhoto(PhotoFormat.Jpeg, output.ToArray(), w, h, orientation);
    }

    // ---------------- EXIF (TIFF) orientation ----------------

    /// <summary>The Orientation tag (0x0112) of IFD0 of a TIFF structure, or 1 when absent or unreadable.</summary>
    internal static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return 1;
        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I') little = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') little = false;
        else return 1;
        ushort U16(ReadOnlySpan<byte> s, int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt16BigEndian(s[at..]);
        uint U32(ReadOnlySpan<byte> s, int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
        if (U16(tiff, 2) != 42) return 1;
        var ifd = U32(tiff, 4);
        if (ifd > (uint)tiff.Length - 2) return 1;
        var count = U16(tiff, (int)ifd);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + (12 * i);
            if (entry + 12 > tiff.Length) return 1;
            if (U16(tiff, entry) != 0x0112) continue;
            if (U16(tiff, entry + 2) != 3) return 1; // SHORT
            var value = U16(tiff, entry + 8);
            return value is >= 1 and <= 8 ? value : 1;
        }
        return 1;
    }

    /// <summary>A big-endian TIFF structure with one IFD holding only Orientation (SHORT) = <paramref name="orientation"/>.</summary>
    internal static byte[] MinimalExif(int orientation) =>
    [
        (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // header, IFD0 at 8
        0x00, 0x01,                                             // one entry
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,         // Orientation, SHORT, count 1
        0x00, (byte)orientation, 0x00, 0x00,                    // value, padded
        0x00, 0x00, 0x00, 0x00,                                 // no next IFD
    ];

    // ---------------- PNG ----------------

    private static SanitizedPhoto Png(byte[] d)
    {
        using var output = new MemoryStream(d.Length);
        output.Write(PngSignature);
        var pos = 8;
        int width = 0, height = 0, orientation = 1;
        var first = true;
        var orientationWritten = false;
        while (true)
        {
            if (pos + 12 > d.Length) throw Corrupt("no IEND chunk");
            var length = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(pos));
            if (length > int.MaxValue || pos + 12 + (long)length > d.Length) throw Corrupt("a chunk is cut short");
            var type = System.Text.Encoding.ASCII.GetString(d, pos + 4, 4);
            if (!type.All(char.IsAsciiLetter)) throw Corrupt("a chunk has an invalid type");
            var data = d.AsSpan(pos + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(pos + 8 + (int)length));
            if (Crc32(d.AsSpan(pos + 4, 4 + (int)length)) != crc) throw Corrupt($"the CRC of chunk {type} is wrong");
            var chunk = d.AsSpan(pos, 12 + (int)length);
            pos += 12 + (int)length;

            if (first)
            {
                if (type != "IHDR" || length != 13) throw Corrupt("the first chunk is not IHDR");
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                if (width <= 0 || height <= 0) throw Corrupt("the image has no size");
                first = false;
            }
            if (type == "eXIf")
            {
                orientation = ExifOrientation(data);
                continue;
            }
            var critical = char.IsAsciiLetterUpper(type[0]);
            if (!critical && !PngKeptAncillary.Contains(type)) continue;
            if ((type == "IDAT" || type == "IEND") && !orientationWritten && orientation != 1)
            {
                WritePngChunk(output, "eXIf", MinimalExif(orientation));
                orientationWritten = true;
            }
            output.Write(chunk);
            if (type == "IEND") break;
        }
        var (w, h) = Displayed(width, height, orientation);
        return new SanitizedPhoto(PhotoFormat.Png, output.ToArray(), w, h, orientation);
    }

    private static void WritePngChunk(Stream output, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);
        var crcInput = new byte[4 + data.Length];
        header[4..].CopyTo(crcInput);
        data.CopyTo(crcInput, 4);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(crcInput));
        output.Write(crc);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in the PNG specification's sample code).</summary>
    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    // ---------------- WebP ----------------

    private const byte WebPFlagExif = 0x08;
    private const byte WebPFlagXmp = 0x04;

    private static SanitizedPhoto WebP(byte[] d)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(4));
        if (riffSize % 2 == 1 || riffSize < 4 || 8L + riffSize > d.Length) throw Corrupt("the RIFF size does not match the file");
        var end = 8 + (int)riffSize; // bytes after the RIFF container are dropped
        var chunks = new List<(string Type, int Start, int Size)>();
        var pos = 12;
        while (pos < end)
        {
            if (pos + 8 > end) throw Corrupt("a chunk header is cut short");
            var type = System.Text.Encoding.ASCII.GetString(d, pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(pos + 4));
            var padded = size + (size & 1);
            if (pos + 8L + padded > end) throw Corrupt($"chunk {type.Trim()} is cut short");
            chunks.Add((type, pos, (int)size));
            pos += 8 + (int)padded;
        }
        if (chunks.Count == 0) throw Corrupt("no image data");

        int width, height;
        var orientation = 1;
        var first = chunks[0];
        if (first.Type is "VP8 " or "VP8L")
        {
            if (chunks.Count != 1) throw Corrupt("a simple WebP file with more than one chunk");
            (width, height) = WebPFrameSize(d.AsSpan(first.Start + 8, first.Size), first.Type);
            return new SanitizedPhoto(PhotoFormat.WebP, d[..end], width, height, 1);
        }
        if (first.Type != "VP8X" || first.Size < 10) throw Corrupt("the first chunk is not VP8, VP8L or VP8X");
        var header = d.AsSpan(first.Start + 8, first.Size);
        width = 1 + (header[4] | (header[5] << 8) | (header[6] << 16));
        height = 1 + (header[7] | (header[8] << 8) | (header[9] << 16));
        if (!chunks.Any(c => c.Type is "VP8 " or "VP8L" or "ANMF")) throw Corrupt("no image data");

        var exif = chunks.FirstOrDefault(c => c.Type == "EXIF");
        if (exif.Type is not null)
        {
            var payload = d.AsSpan(exif.Start + 8, exif.Size);
            if (payload.StartsWith("Exif\0\0"u8)) payload = payload[6..];
            orientation = ExifOrientation(payload);
        }

        using var output = new MemoryStream(end);
        output.Write(d, 0, 12);
        foreach (var c in chunks)
        {
            if (c.Type is "EXIF" or "XMP ") continue;
            var bytes = d.AsSpan(c.Start, 8 + c.Size + (c.Size & 1)).ToArray();
            if (c.Type == "VP8X")
            {
                bytes[8] = (byte)(bytes[8] & ~(WebPFlagExif | WebPFlagXmp));
                if (orientation != 1) bytes[8] |= WebPFlagExif;
            }
            output.Write(bytes);
        }
        if (orientation != 1)
        {
            var tiff = MinimalExif(orientation);
            Span<byte> chunkHeader = stackalloc byte[8];
            "EXIF"u8.CopyTo(chunkHeader);
            BinaryPrimitives.WriteUInt32LittleEndian(chunkHeader[4..], (uint)tiff.Length);
            output.Write(chunkHeader);
            output.Write(tiff); // even length: no padding
        }
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        var (w, h) = Displayed(width, height, orientation);
        return new SanitizedPhoto(PhotoFormat.WebP, result, w, h, orientation);
    }

    private static (int Width, int Height) WebPFrameSize(ReadOnlySpan<byte> payload, string type)
    {
        if (type == "VP8 ")
        {
            if (payload.Length < 10 || payload[3] != 0x9D || payload[4] != 0x01 || payload[5] != 0x2A) throw Corrupt("a VP8 frame without its start code");
            var w = BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]) & 0x3FFF;
            var h = BinaryPrimitives.ReadUInt16LittleEndian(payload[8..]) & 0x3FFF;
            if (w == 0 || h == 0) throw Corrupt("the image has no size");
            return (w, h);
        }
        if (payload.Length < 5 || payload[0] != 0x2F) throw Corrupt("a VP8L stream without its signature");
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]);
        return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
    }
}
