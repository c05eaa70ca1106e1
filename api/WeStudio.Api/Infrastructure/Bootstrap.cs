using Dapper;
using Npgsql;
using WeStudio.Api.Features.Auth;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Creates the first committee admin of a new deployment from configuration (<c>Bootstrap:OrgUnitName</c>,
/// <c>Bootstrap:AdminUsername</c>, <c>Bootstrap:AdminPassword</c>, <c>Bootstrap:AdminDisplayName</c>): the root org unit
/// and an admin over it. Does nothing when the password is not configured or the username exists, so it is safe at every start.
/// </summary>
public sealed class Bootstrap(NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<Bootstrap> logger)
{
    public async Task EnsureFirstAdminAsync(CancellationToken ct = default)
    {
        var username = configuration["Bootstrap:AdminUsername"];
        var password = configuration["Bootstrap:AdminPassword"];
        var orgName = configuration["Bootstrap:OrgUnitName"];
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(orgName)) return;
        if (password.Length < 10) throw new InvalidOperationException("Bootstrap:AdminPassword must be at least 10 characters.");
        await EnsureAdminAsync(dataSource, orgName, username, password, configuration["Bootstrap:AdminDisplayName"] ?? username, ct);
        logger.LogInformation("Bootstrap admin {Username} is present", username);
    }

    /// <summary>The root org unit of this name (created if missing) and an admin over it (created if the username is new); returns the unit's id.</summary>
    internal static async Task<Guid> EnsureAdminAsync(NpgsqlDataSource dataSource, string orgName, string username, string password, string displayName, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string OrgSql = """
            WITH new_id AS (SELECT gen_random_uuid() AS id),
            inserted AS (
                INSERT INTO org_units (id, name, parent_id, ancestors)
                SELECT id, @orgName, NULL, ARRAY[id] FROM new_id
                ON CONFLICT (name) WHERE parent_id IS NULL DO NOTHING
                RETURNING id)
            SELECT id FROM inserted UNION ALL SELECT id FROM org_units WHERE parent_id IS NULL AND name = @orgName LIMIT 1
            """;
        var orgId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(OrgSql, new { orgName }, tx, cancellationToken: ct));
        const string AdminSql = """
            INSERT INTO admins (username, password_hash, display_name, org_unit_id)
            SELECT @username, @hash, @displayName, @orgId WHERE NOT EXISTS (SELECT 1 FROM admins WHERE lower(username) = lower(@username))
            """;
        await conn.ExecuteAsync(new CommandDefinition(AdminSql, new { username, hash = AdminPasswords.Hash(password), displayName, orgId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return orgId;
    }
}
