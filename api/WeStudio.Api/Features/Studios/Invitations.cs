using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace WeStudio.Api.Features.Studios;

/// <summary>
/// Invitation codes: 12 characters from a 32-letter alphabet without 0/O/1/I (60 bits), shown as <c>XXXX-XXXX-XXXX</c>
/// so they can be read aloud or typed; only their SHA-256 is stored. Input is matched case-insensitively, ignoring spaces and dashes.
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

    /// <summary>Stores a new invitation in the caller's transaction and returns the code to hand out.</summary>
    public static async Task<InvitationDto> CreateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid studioId, StudioRole role,
        int maxUses, DateTimeOffset expiresAt, Guid createdBy, CancellationToken ct)
    {
        if (role == StudioRole.Leader)
        {
            // A new leader invitation replaces any earlier one still open: only the newest hands the studio over.
            const string RevokeSql = """
                UPDATE invitations SET revoked_at = now()
                WHERE studio_id = @studioId AND role = 'Leader' AND revoked_at IS NULL AND used_count < max_uses
                """;
            await conn.ExecuteAsync(new CommandDefinition(RevokeSql, new { studioId }, tx, cancellationToken: ct));
        }
        var code = NewCode();
        const string Sql = """
            INSERT INTO invitations (studio_id, role, code_hash, max_uses, expires_at, created_by)
            VALUES (@studioId, @role, @hash, @maxUses, @expiresAt, @createdBy)
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql,
            new { studioId, role = role.ToString(), hash = Hash(Normalize(code)!), maxUses, expiresAt = expiresAt.UtcDateTime, createdBy }, tx, cancellationToken: ct));
        return new InvitationDto(code, role, expiresAt, maxUses);
    }
}
