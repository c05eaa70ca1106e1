using System.Security.Cryptography;
using System.Text;

namespace WeStudio.Api.Features.Studios;

/// <summary>
/// Invitation codes: 12 characters from a 32-letter alphabet without 0/O/1/I (60 bits), shown as <c>XXXX-XXXX-XXXX</c>
/// so they can be read aloud or typed; only their SHA-256 is stored (<see cref="StudiosStore"/>). Input is matched case-insensitively, ignoring spaces and dashes.
/// </summary>
public static class Invitations
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Leader invitations, issued by an admin, live 7 days and work once.</summary>
    public static readonly TimeSpan LeaderInvitationLifetime = TimeSpan.FromDays(7);

    public static string NewCode()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var raw = new string(chars);
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>The canonical form of a typed code (upper case, no separators), or null if it cannot be a code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null) return null;
        var raw = new string(code.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        return raw.Length == 12 && raw.All(Alphabet.Contains) ? raw : null;
    }

    public static string Hash(string normalizedCode) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedCode)));
}
