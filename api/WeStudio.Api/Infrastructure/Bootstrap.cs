using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Auth;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Creates the first committee admin of a new deployment from configuration (<c>Bootstrap:OrgUnitName</c>,
/// <c>Bootstrap:AdminUsername</c>, <c>Bootstrap:AdminPassword</c>, <c>Bootstrap:AdminDisplayName</c>): the root org unit
/// and an admin over it. Does nothing when the password is not configured or the username exists, so it is safe at every start.
/// </summary>
public sealed class Bootstrap(MySqlDataSource dataSource, IConfiguration configuration, ILogger<Bootstrap> logger)
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

    /// <summary>
    /// The root org unit of this name (created if missing, with its closure row) and an admin over it (created if the
    /// username is new; usernames and root names compare case-insensitively); returns the unit's id. Safe to run
    /// concurrently: each insert can only collide on the key it means (org_units_one_root_name, admins_username).
    /// The SQL of two features' tables lives here because it runs before any request, in one transaction.
    /// </summary>
    internal static async Task<Guid> EnsureAdminAsync(MySqlDataSource dataSource, string orgName, string username, string password, string displayName, CancellationToken ct)
    {
        var hash = AdminPasswords.Hash(password);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var newOrgId = Database.NewId();
        const string OrgSql = """
            INSERT INTO org_units (id, name, parent_id, is_root) VALUES (@newOrgId, @orgName, NULL, 1)
            ON DUPLICATE KEY UPDATE id = id;
            SELECT id FROM org_units WHERE is_root = 1 AND name = @orgName FOR UPDATE;
            """;
        var orgId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(OrgSql, new { newOrgId, orgName }, tx, cancellationToken: ct));
        if (orgId == newOrgId)
        {
            const string ClosureSql = "INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth) VALUES (@orgId, @orgId, 0)";
            await conn.ExecuteAsync(new CommandDefinition(ClosureSql, new { orgId }, tx, cancellationToken: ct));
        }
        const string AdminSql = """
            INSERT INTO admins (id, username, password_hash, display_name, org_unit_id) VALUES (@id, @username, @hash, @displayName, @orgId)
            ON DUPLICATE KEY UPDATE id = id
            """;
        await conn.ExecuteAsync(new CommandDefinition(AdminSql, new { id = Database.NewId(), username, hash, displayName, orgId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return orgId;
    }
}
