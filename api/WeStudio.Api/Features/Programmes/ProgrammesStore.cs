using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Programmes;

/// <summary>The <c>programmes</c> table: batches of studios under one notice, each owned by an org unit.</summary>
public sealed class ProgrammesStore(MySqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = "p.id, p.name, p.issuer, p.studio_kind, p.cycle_years, p.starts_on, p.team_cap, p.org_unit_id, p.rule_set";

    /// <summary>
    /// An admin sees a programme owned by a unit of their subtree or by one of their unit's ancestors (a district admin
    /// sees the city's programme).
    /// </summary>
    private const string VisibleSql = """
        EXISTS (SELECT 1 FROM admins a
                WHERE a.id = @adminId
                  AND (EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.ancestor_id = a.org_unit_id AND c.descendant_id = p.org_unit_id)
                       OR EXISTS (SELECT 1 FROM org_unit_closure c WHERE c.ancestor_id = p.org_unit_id AND c.descendant_id = a.org_unit_id)))
        """;

    /// <summary>
    /// Creates a programme owned by the admin's org unit and gives it a copy of the rule set's requirements
    /// (<see cref="RuleSets.InstallAsync"/>), in one transaction.
    /// </summary>
    public async Task<ProgrammeDto> CreateAsync(Guid adminId, string name, string issuer, StudioKind kind, int cycleYears, DateOnly startsOn,
        int teamCap, RuleSet ruleSet, CancellationToken ct)
    {
        var id = Database.NewId();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string Sql = """
            INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, created_at, rule_set)
            SELECT @id, @name, @issuer, @kind, @cycleYears, @startsOn, @teamCap, a.org_unit_id, a.id, @now, @ruleSet FROM admins a WHERE a.id = @adminId
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id, name, issuer, kind = kind.ToString(), cycleYears, startsOn, teamCap, adminId, now = clock.GetUtcNow(), ruleSet = ruleSet.ToString(),
        }, tx, cancellationToken: ct));
        await RuleSets.InstallAsync(conn, tx, id, ruleSet, ct);
        const string ReadSql = $"SELECT {Columns} FROM programmes p WHERE p.id = @id";
        var dto = await conn.QuerySingleAsync<ProgrammeDto>(new CommandDefinition(ReadSql, new { id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return dto;
    }

    /// <summary>The programmes the admin sees, newest first.</summary>
    public async Task<ProgrammeDto[]> ListVisibleAsync(Guid adminId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns}
            FROM programmes p WHERE {VisibleSql}
            ORDER BY p.starts_on DESC, p.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProgrammeDto>(new CommandDefinition(Sql, new { adminId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>The programme, <c>Visible</c> when the admin sees it (see <see cref="ListVisibleAsync"/>); null when absent.</summary>
    public async Task<ProgrammeRow?> FindVisibleAsync(Guid id, Guid adminId, CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns}, {VisibleSql} AS visible FROM programmes p WHERE p.id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ProgrammeRow>(new CommandDefinition(Sql, new { id, adminId }, cancellationToken: ct));
    }

    /// <summary>
    /// The programme as the studio feature needs it: null when absent; <c>Visible</c> when it is owned inside the admin's
    /// subtree (stricter than <see cref="FindVisibleAsync"/>: a district admin does not license studios in the city's programme).
    /// </summary>
    public Task<ProgrammeRow?> FindOwnedAsync(MySqlConnection conn, Guid id, Guid adminId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {Columns},
                   EXISTS (SELECT 1 FROM admins a JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
                           WHERE a.id = @adminId AND c.descendant_id = p.org_unit_id) AS visible
            FROM programmes p WHERE p.id = @id
            """;
        return conn.QuerySingleOrDefaultAsync<ProgrammeRow>(new CommandDefinition(Sql, new { id, adminId }, cancellationToken: ct));
    }

    /// <summary><see cref="FindOwnedAsync(MySqlConnection, Guid, Guid, CancellationToken)"/> on a connection of its own.</summary>
    public async Task<ProgrammeRow?> FindOwnedAsync(Guid id, Guid adminId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await FindOwnedAsync(conn, id, adminId, ct);
    }

    /// <summary>Whether a programme has this id.</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        const string Sql = "SELECT EXISTS (SELECT 1 FROM programmes WHERE id = @id)";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }
}
