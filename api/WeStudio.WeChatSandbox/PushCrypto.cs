using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// WeChat's side of the message push (WECHAT.md "Message push"), written independently of the API's receiver:
/// <c>signature</c> = hex SHA-1 of the sorted, concatenated strings; safe mode = AES-256-CBC with key
/// Base64(EncodingAESKey + "="), IV its first 16 bytes, PKCS#7 to 32-byte blocks over
/// random(16) + length(4, big-endian) + message + AppId.
/// </summary>
public static class PushCrypto
{
    public static string Sign(params string[] parts)
    {
        var sorted = parts.OrderBy(p => p, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    public static string Encrypt(string message, string encodingAesKey, string appId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var msg = Encoding.UTF8.GetBytes(message);
        var app = Encoding.UTF8.GetBytes(appId);
        using var plain = new MemoryStream();
        plain.Write(RandomNumberGenerator.GetBytes(16));
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)msg.Length);
        plain.Write(length);
        plain.Write(msg);
        plain.Write(app);
        var pad = 32 - (int)(plain.Length % 32);
        for (var i = 0; i < pad; i++) plain.WriteByte((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
    }
}
