using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// Signatures and the AES layer of WeChat's message push (WECHAT.md "Message push"):
/// <c>signature</c> = hex SHA-1 of <c>token, timestamp, nonce</c> sorted and concatenated; <c>msg_signature</c> the same
/// with <c>Encrypt</c> added. Safe mode: key = Base64(EncodingAESKey + "="), AES-256-CBC, IV = the key's first 16 bytes,
/// PKCS#7 padding to 32-byte blocks; plaintext = 16 random bytes + length (4 bytes, big-endian) + message + AppId.
/// </summary>
public static class WeChatPushCrypto
{
    private const int Block = 32;

    /// <summary>Lowercase hex SHA-1 of the parts sorted ordinally and concatenated.</summary>
    public static string Signature(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>True when <paramref name="given"/> equals the signature of the parts (constant-time, case-insensitive hex).</summary>
    public static bool Verify(string? given, params string[] parts) =>
        given is { Length: 40 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(Signature(parts)));

    /// <summary>The 32-byte key of a 43-character EncodingAESKey; throws <see cref="FormatException"/> otherwise.</summary>
    public static byte[] Key(string encodingAesKey)
    {
        if (encodingAesKey.Length != 43) throw new FormatException("EncodingAESKey has 43 characters.");
        var key = Convert.FromBase64String(encodingAesKey + "=");
        return key.Length == 32 ? key : throw new FormatException("EncodingAESKey does not decode to 32 bytes.");
    }

    public static string Encrypt(string message, string encodingAesKey, string appId, byte[]? random = null)
    {
        var key = Key(encodingAesKey);
        var body = Encoding.UTF8.GetBytes(message);
        var app = Encoding.UTF8.GetBytes(appId);
        var plain = new byte[16 + 4 + body.Length + app.Length];
        (random ?? RandomNumberGenerator.GetBytes(16)).AsSpan(0, 16).CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), body.Length);
        body.CopyTo(plain, 20);
        app.CopyTo(plain, 20 + body.Length);
        var pad = Block - (plain.Length % Block);
        var padded = new byte[plain.Length + pad];
        plain.CopyTo(padded, 0);
        padded.AsSpan(plain.Length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(padded, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The message inside <paramref name="encrypt"/>, or null when it does not decrypt, is malformed, or names another AppId.</summary>
    public static string? Decrypt(string encrypt, string encodingAesKey, string appId)
    {
        try
        {
            var key = Key(encodingAesKey);
            var cipher = Convert.FromBase64String(encrypt);
            if (cipher.Length == 0 || cipher.Length % 16 != 0) return null;
            using var aes = Aes.Create();
            aes.Key = key;
            var plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
            var pad = plain[^1];
            if (pad is < 1 or > Block || pad > plain.Length) return null;
            var unpadded = plain.AsSpan(0, plain.Length - pad);
            if (unpadded.Length < 20) return null;
            var length = BinaryPrimitives.ReadInt32BigEndian(unpadded[16..]);
            if (length < 0 || 20 + length > unpadded.Length) return null;
            var message = Encoding.UTF8.GetString(unpadded.Slice(20, length));
            var from = Encoding.UTF8.GetString(unpadded[(20 + length)..]);
            return from == appId ? message : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
