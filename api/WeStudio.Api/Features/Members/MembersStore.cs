using Dapper;
using MySqlConnector;

namespace WeStudio.Api.Features.Members;

/// <summary>
/// The <c>members</c> table: WeChat users keyed by openid (compared byte-wise), created on first login. A member's
/// <c>followsOfficialAccount</c> is read from <c>official_account_followers</c> (the Reminders feature's table, written by
/// <c>OfficialAccountStore</c>) by unionid.
/// </summary>
public sealed class MembersStore(MySqlDataSource dataSource, TimeProvider clock)
{
    private const string MemberColumns = """
        m.id, m.display_name,
        EXISTS (SELECT 1 FROM official_account_followers f WHERE f.unionid = m.unionid AND f.following) AS follows_official_account
        """;

    /// <summary>
    /// Creates the member of an openid or refreshes their unionid and last login (UTC); returns them. A display name is
    /// kept once set: <paramref name="displayName"/> only fills an empty one.
    /// </summary>
    public async Task<MemberDto> UpsertByOpenIdAsync(string openId, string? unionId, string? displayName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // A returning member is updated in place: an INSERT … ON DUPLICATE KEY UPDATE would spend an AUTO_INCREMENT seq
        // (the member pass number) on every login. A first login inserts; two first logins at once meet on members_openid,
        // the only unique key that can collide (id is new, seq is the server's).
        const string UpdateSql = """
            UPDATE members SET unionid = COALESCE(@unionId, unionid), display_name = COALESCE(display_name, @displayName), last_login_at = @now
            WHERE openid = @openId
            """;
        var found = await conn.ExecuteAsync(new CommandDefinition(UpdateSql, new { openId, unionId, displayName, now }, cancellationToken: ct));
        if (found == 0)
        {
            const string InsertSql = """
                INSERT INTO members (id, openid, unionid, display_name, created_at, last_login_at)
                VALUES (@id, @openId, @unionId, @displayName, @now, @now)
                ON DUPLICATE KEY UPDATE unionid = COALESCE(VALUES(unionid), unionid), display_name = COALESCE(display_name, VALUES(display_name)),
                                        last_login_at = VALUES(last_login_at)
                """;
            await conn.ExecuteAsync(new CommandDefinition(InsertSql, new { id = Infrastructure.Database.NewId(), openId, unionId, displayName, now }, cancellationToken: ct));
        }
        const string Sql = $"SELECT {MemberColumns} FROM members m WHERE m.openid = @openId";
        return await conn.QuerySingleAsync<MemberDto>(new CommandDefinition(Sql, new { openId }, cancellationToken: ct));
    }

    /// <summary>The member; throws when the id names none (a signed-in member always exists).</summary>
    public async Task<MemberDto> GetAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"SELECT {MemberColumns} FROM members m WHERE m.id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<MemberDto>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>
    /// Sets the member's display name and returns them. The trigger <c>members_name_to_memberships</c> (V0016, for the
    /// CheckIns feature's attendance order) copies the new name into the person's <c>studio_memberships.member_name</c>
    /// in the same statement.
    /// </summary>
    public async Task<MemberDto> SetDisplayNameAsync(Guid id, string displayName, CancellationToken ct)
    {
        const string Sql = $"""
            UPDATE members SET display_name = @displayName WHERE id = @id;
            SELECT {MemberColumns} FROM members m WHERE m.id = @id;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<MemberDto>(new CommandDefinition(Sql, new { id, displayName }, cancellationToken: ct));
    }

    /// <summary>The facts <c>PUT …/members/{memberId}/school</c> checks, in one read.</summary>
    public sealed record SchoolCheck(bool InStudio, bool UnitExists, bool IsSchool, bool InCommittee);

    /// <summary>
    /// Whether the person is active in the studio (any role), the unit exists, is a school (not a root, no child units)
    /// and lies in the subtree of the org unit owning the studio's programme (its committee).
    /// </summary>
    public async Task<SchoolCheck> SchoolCheckAsync(Guid studioId, Guid memberId, Guid orgUnitId, CancellationToken ct)
    {
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM studio_memberships m WHERE m.studio_id = @studioId AND m.member_id = @memberId AND m.removed_at IS NULL) AS in_studio,
                   EXISTS (SELECT 1 FROM org_units u WHERE u.id = @orgUnitId) AS unit_exists,
                   EXISTS (SELECT 1 FROM org_units u WHERE u.id = @orgUnitId AND u.parent_id IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM org_units c WHERE c.parent_id = u.id)) AS is_school,
                   EXISTS (SELECT 1 FROM studios s JOIN programmes p ON p.id = s.programme_id
                           JOIN org_unit_closure c ON c.ancestor_id = p.org_unit_id AND c.descendant_id = @orgUnitId
                           WHERE s.id = @studioId) AS in_committee
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<(bool, bool, bool, bool)>(new CommandDefinition(Sql, new { studioId, memberId, orgUnitId }, cancellationToken: ct));
        return new SchoolCheck(row.Item1, row.Item2, row.Item3, row.Item4);
    }

    /// <summary>
    /// Records the person's school. A trigger (V0014, members_ledger_school_upd) raises the ledger version of every studio
    /// they are or were in, in this transaction.
    /// </summary>
    public async Task<MemberSchoolDto> SetSchoolAsync(Guid memberId, Guid orgUnitId, CancellationToken ct)
    {
        const string Sql = """
            UPDATE members SET school_org_unit_id = @orgUnitId WHERE id = @memberId;
            SELECT m.id AS member_id, m.display_name, m.school_org_unit_id, u.name AS school_name
            FROM members m LEFT JOIN org_units u ON u.id = m.school_org_unit_id WHERE m.id = @memberId;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<MemberSchoolDto>(new CommandDefinition(Sql, new { memberId, orgUnitId }, cancellationToken: ct));
    }
}
