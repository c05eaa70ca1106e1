using Dapper;
using MySqlConnector;

namespace WeStudio.Api.Features.Auth;

/// <summary>The <c>admins</c> table: committee admins, their password hashes and the org unit at the top of their subtree.</summary>
public sealed class AuthStore(MySqlDataSource dataSource)
{
    private const string AdminSelect = """
        SELECT a.id, a.username, a.display_name, a.org_unit_id, o.name AS org_unit_name, a.password_hash
        FROM admins a JOIN org_units o ON o.id = a.org_unit_id
        """;

    /// <summary>The admin of a username (compared case-insensitively by the column's collation), with their password hash; null when none.</summary>
    public async Task<AdminCredentials?> FindByUsernameAsync(string username, CancellationToken ct)
    {
        const string Sql = AdminSelect + " WHERE a.username = @username";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<AdminCredentials>(new CommandDefinition(Sql, new { username }, cancellationToken: ct));
    }

    /// <summary>The admin; throws when the id names none (a signed-in admin always exists).</summary>
    public async Task<AdminDto> GetAsync(Guid id, CancellationToken ct)
    {
        const string Sql = AdminSelect + " WHERE a.id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QuerySingleAsync<AdminCredentials>(new CommandDefinition(Sql, new { id }, cancellationToken: ct))).AsDto();
    }

    /// <summary>Stores a new hash of the admin's password (after a sign-in whose hash needed upgrading).</summary>
    public async Task SetPasswordHashAsync(Guid id, string hash, CancellationToken ct)
    {
        const string Sql = "UPDATE admins SET password_hash = @hash WHERE id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, hash }, cancellationToken: ct));
    }
}

/// <summary>An admin row with the password hash: for sign-in only, never returned.</summary>
public sealed class AdminCredentials
{
    public Guid Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string PasswordHash { get; init; } = "";

    public AdminDto AsDto() => new() { Id = Id, Username = Username, DisplayName = DisplayName, OrgUnitId = OrgUnitId, OrgUnitName = OrgUnitName };
}
