using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.OrgUnits;

/// <summary>
/// The organisation tree: <c>org_units</c> and its closure <c>org_unit_closure</c> (one row per ancestor and descendant,
/// the unit itself at depth 0), written together. "X lies in admin A's subtree" is a closure row from A's unit to X.
/// A trigger of the Ledger feature watches <c>org_units</c> (org_units_ledger_catalogue_*, V0006__ledger_versions.sql): any
/// change raises the overview's catalogue version.
/// </summary>
public sealed class OrgUnitsStore(MySqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The admin's subtree, parents before children (by depth from the root, then name).</summary>
    public async Task<OrgUnitDto[]> ListSubtreeAsync(Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            SELECT o.id, o.name, o.parent_id,
                   (SELECT MAX(r.depth) FROM org_unit_closure r WHERE r.descendant_id = o.id) AS depth
            FROM admins a
            JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
            JOIN org_units o ON o.id = c.descendant_id
            WHERE a.id = @adminId
            ORDER BY depth, o.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<OrgUnitRow>(new CommandDefinition(Sql, new { adminId }, cancellationToken: ct));
        return rows.Select(r => r.AsDto()).ToArray();
    }

    /// <summary>Whether the unit lies in the admin's subtree (the admin's own unit included); null when no unit has this id.</summary>
    public async Task<bool?> InSubtreeAsync(Guid orgUnitId, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM admins a JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
                           WHERE a.id = @adminId AND c.descendant_id = o.id)
            FROM org_units o WHERE o.id = @orgUnitId
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(Sql, new { orgUnitId, adminId }, cancellationToken: ct));
    }

    /// <summary>
    /// Adds a unit under <paramref name="parentId"/> on behalf of an admin: <see cref="CreateOutcome.NoParent"/> when no unit has
    /// that id, <see cref="CreateOutcome.OutsideSubtree"/> when it is outside the admin's subtree,
    /// <see cref="CreateOutcome.DuplicateName"/> when a sibling has the name (compared case-insensitively).
    /// </summary>
    public async Task<(CreateOutcome Outcome, OrgUnitDto? Unit)> CreateAsync(string name, Guid parentId, Guid adminId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        const string ParentSql = """
            SELECT (SELECT MAX(r.depth) FROM org_unit_closure r WHERE r.descendant_id = o.id) AS depth,
                   EXISTS (SELECT 1 FROM admins a JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
                           WHERE a.id = @adminId AND c.descendant_id = o.id) AS in_subtree
            FROM org_units o WHERE o.id = @parentId
            """;
        var parent = await conn.QuerySingleOrDefaultAsync<ParentRow>(new CommandDefinition(ParentSql, new { parentId, adminId }, cancellationToken: ct));
        if (parent is null) return (CreateOutcome.NoParent, null);
        if (!parent.InSubtree) return (CreateOutcome.OutsideSubtree, null);

        var id = Database.NewId();
        await using var tx = await conn.BeginTransactionAsync(ct);
        try
        {
            await InsertChildAsync(conn, tx, id, name, parentId, clock.GetUtcNow(), ct);
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "org_units_parent_name"))
        {
            return (CreateOutcome.DuplicateName, null);
        }
        await tx.CommitAsync(ct);
        return (CreateOutcome.Created, new OrgUnitDto(id, name, parentId, parent.Depth + 1));
    }

    /// <summary>
    /// Inserts a unit under <paramref name="parentId"/> and its closure rows (the parent's ancestors one level deeper, and
    /// itself at depth 0), in the caller's transaction: the one place the closure is written for a new child. A sibling of
    /// the same name fails on org_units_parent_name.
    /// </summary>
    internal static async Task InsertChildAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, string name, Guid parentId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO org_units (id, name, parent_id, is_root, created_at) VALUES (@id, @name, @parentId, NULL, @now);
            INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
            SELECT ancestor_id, @id, depth + 1 FROM org_unit_closure WHERE descendant_id = @parentId
            UNION ALL SELECT @id, @id, 0;
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, name, parentId, now }, tx, cancellationToken: ct));
    }

    public enum CreateOutcome { Created, NoParent, OutsideSubtree, DuplicateName }

    private sealed class OrgUnitRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public Guid? ParentId { get; init; }
        public int Depth { get; init; }

        public OrgUnitDto AsDto() => new(Id, Name, ParentId, Depth);
    }

    private sealed class ParentRow
    {
        public int Depth { get; init; }
        public bool InSubtree { get; init; }
    }
}
