using System.Data;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Studios;

/// <summary>
/// Studios, their memberships (one row per stint; removal ends it and keeps the history) and invitations (only the code's
/// SHA-256 is stored, <see cref="Invitations"/>). Times are UTC from the <see cref="TimeProvider"/>.
/// Triggers of the Ledger feature (V0006__ledger_versions.sql) watch <c>studios</c> (studios_ledger_catalogue_*: the
/// overview's catalogue version; a new studio gets its ledger_versions row) and <c>studio_memberships</c>
/// (studio_memberships_ledger_*: the studio's ledger version).
/// </summary>
public sealed partial class StudiosStore(MySqlDataSource dataSource, TimeProvider clock)
{
    private const string StudioSelect = """
        SELECT s.id, s.name, s.status, s.programme_id, p.name AS programme_name, p.studio_kind AS kind,
               s.host_org_unit_id, o.name AS host_org_unit_name, p.team_cap,
               (SELECT COUNT(*) FROM studio_memberships m WHERE m.studio_id = s.id AND m.removed_at IS NULL AND m.role = 'Member') AS member_count,
               (SELECT COUNT(*) FROM studio_memberships m WHERE m.studio_id = s.id AND m.removed_at IS NULL AND m.role = 'Trainee') AS trainee_count,
               l.member_id AS leader_id, lm.display_name AS leader_name
        FROM studios s
        JOIN programmes p ON p.id = s.programme_id
        JOIN org_units o ON o.id = s.host_org_unit_id
        LEFT JOIN studio_memberships l ON l.studio_id = s.id AND l.removed_at IS NULL AND l.role = 'Leader'
        LEFT JOIN members lm ON lm.id = l.member_id
        """;

    /// <summary>The studio's host unit lies in the subtree of admin <c>@adminId</c>.</summary>
    private const string HostInAdminSubtree = """
        EXISTS (SELECT 1 FROM admins a JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
                WHERE a.id = @adminId AND c.descendant_id = s.host_org_unit_id)
        """;

    /// <summary>One studio's public shape, or null.</summary>
    public async Task<StudioDto?> FindAsync(Guid studioId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await FindAsync(conn, null, studioId, ct);
    }

    private static Task<StudioDto?> FindAsync(MySqlConnection conn, MySqlTransaction? tx, Guid studioId, CancellationToken ct) =>
        conn.QuerySingleOrDefaultAsync<StudioDto>(new CommandDefinition(StudioSelect + " WHERE s.id = @studioId", new { studioId }, tx, cancellationToken: ct));

    /// <summary>Every studio hosted inside the admin's subtree, newest programme first.</summary>
    public async Task<StudioDto[]> ListForAdminAsync(Guid adminId, CancellationToken ct)
    {
        const string Sql = StudioSelect + $"""
             WHERE {HostInAdminSubtree}
             ORDER BY p.starts_on DESC, s.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StudioDto>(new CommandDefinition(Sql, new { adminId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>The studios the member is active in.</summary>
    public async Task<StudioDto[]> ListForMemberAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = StudioSelect + """
             WHERE EXISTS (SELECT 1 FROM studio_memberships me WHERE me.studio_id = s.id AND me.member_id = @memberId AND me.removed_at IS NULL)
             ORDER BY s.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StudioDto>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>The programme's studios hosted inside the admin's subtree.</summary>
    public async Task<StudioDto[]> ListInProgrammeAsync(Guid programmeId, Guid adminId, CancellationToken ct)
    {
        const string Sql = StudioSelect + $"""
             WHERE s.programme_id = @programmeId AND {HostInAdminSubtree}
             ORDER BY s.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StudioDto>(new CommandDefinition(Sql, new { programmeId, adminId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>The member's studios and role in each, the ones they lead first.</summary>
    public async Task<MyStudioDto[]> OfMemberAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.id AS studio_id, s.name, m.role, s.status, p.name AS programme_name
            FROM studio_memberships m JOIN studios s ON s.id = m.studio_id JOIN programmes p ON p.id = s.programme_id
            WHERE m.member_id = @memberId AND m.removed_at IS NULL
            ORDER BY m.role = 'Leader' DESC, s.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<MyStudioDto>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>The studio's active people: the leader first, then by joining time and name (people without a name last).</summary>
    public async Task<StudioMemberDto[]> MembersAsync(Guid studioId, CancellationToken ct)
    {
        const string Sql = """
            SELECT m.member_id, p.display_name, m.role, m.joined_at, p.school_org_unit_id, u.name AS school_name
            FROM studio_memberships m JOIN members p ON p.id = m.member_id LEFT JOIN org_units u ON u.id = p.school_org_unit_id
            WHERE m.studio_id = @studioId AND m.removed_at IS NULL
            ORDER BY m.role = 'Leader' DESC, m.joined_at, p.display_name IS NULL, p.display_name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StudioMemberDto>(new CommandDefinition(Sql, new { studioId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>
    /// The subject's right in the studio, or null when the studio does not exist: for an admin Admin or None by the host
    /// unit's place in their subtree, for a member their active role or None (a trainee reads as a member does).
    /// </summary>
    public async Task<StudioRight?> RightAsync(Guid studioId, Guid subjectId, bool isAdmin, CancellationToken ct)
    {
        const string Sql = """
            SELECT CASE
                     WHEN @isAdmin THEN
                       CASE WHEN EXISTS (SELECT 1 FROM admins a JOIN org_unit_closure c ON c.ancestor_id = a.org_unit_id
                                         WHERE a.id = @subjectId AND c.descendant_id = s.host_org_unit_id)
                            THEN 'Admin' ELSE 'None' END
                     -- a revoked studio is read-only: its leader keeps reading it, as a member (issue 13)
                     ELSE COALESCE((SELECT CASE WHEN s.status = 'Revoked' THEN 'Member' WHEN m.role = 'Trainee' THEN 'Member' ELSE m.role END FROM studio_memberships m
                                    WHERE m.studio_id = s.id AND m.member_id = @subjectId AND m.removed_at IS NULL), 'None')
                   END
            FROM studios s
            WHERE s.id = @studioId
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var right = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { studioId, subjectId, isAdmin }, cancellationToken: ct));
        return right is null ? null : Enum.Parse<StudioRight>(right);
    }

    /// <summary>
    /// Licenses a studio (status Active) in the programme with its one-use leader invitation, in one transaction; null when
    /// the programme already has a studio of this name (compared case-insensitively).
    /// </summary>
    public async Task<CreatedStudioDto?> CreateAsync(Guid programmeId, string name, Guid hostOrgUnitId, Guid adminId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var studioId = Database.NewId();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string Sql = """
            INSERT INTO studios (id, programme_id, name, host_org_unit_id, status, created_at)
            VALUES (@studioId, @programmeId, @name, @hostOrgUnitId, 'Active', @now)
            """;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, programmeId, name, hostOrgUnitId, now }, tx, cancellationToken: ct));
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "studios_programme_name"))
        {
            return null;
        }
        var invitation = await CreateInvitationAsync(conn, tx, studioId, StudioRole.Leader, 1, now.Add(Invitations.LeaderInvitationLifetime), adminId, now, ct);
        var studio = (await FindAsync(conn, tx, studioId, ct))!;
        await tx.CommitAsync(ct);
        return new CreatedStudioDto(studio, invitation);
    }

    /// <summary>
    /// Stores a new invitation and returns the code to hand out (shown once). A leader invitation voids any earlier one
    /// still open: only the newest hands the studio over.
    /// </summary>
    public async Task<InvitationDto> CreateInvitationAsync(Guid studioId, StudioRole role, int maxUses, DateTimeOffset expiresAt, Guid createdBy, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var invitation = await CreateInvitationAsync(conn, tx, studioId, role, maxUses, expiresAt, createdBy, clock.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        return invitation;
    }

    private static async Task<InvitationDto> CreateInvitationAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, StudioRole role,
        int maxUses, DateTimeOffset expiresAt, Guid createdBy, DateTimeOffset now, CancellationToken ct)
    {
        if (role == StudioRole.Leader)
        {
            const string RevokeSql = """
                UPDATE invitations SET revoked_at = @now
                WHERE studio_id = @studioId AND role = 'Leader' AND revoked_at IS NULL AND used_count < max_uses
                """;
            await conn.ExecuteAsync(new CommandDefinition(RevokeSql, new { studioId, now }, tx, cancellationToken: ct));
        }
        var code = Invitations.NewCode();
        const string Sql = """
            INSERT INTO invitations (id, studio_id, role, code_hash, max_uses, expires_at, created_by, created_at)
            VALUES (@id, @studioId, @role, @hash, @maxUses, @expiresAt, @createdBy, @now)
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id = Database.NewId(), studioId, role = role.ToString(), hash = Invitations.Hash(Invitations.Normalize(code)!), maxUses, expiresAt, createdBy, now,
        }, tx, cancellationToken: ct));
        return new InvitationDto(code, role, expiresAt, maxUses);
    }

    /// <summary>Why a join was refused, or <see cref="JoinRefusal.None"/>.</summary>
    public enum JoinRefusal { None, InvitationNotFound, InvitationExpired, StudioInactive, TeamFull }

    /// <summary>What <see cref="JoinAsync"/> did: <c>Joined</c> when not refused; the studio's status and team for the refusal's message.</summary>
    public sealed record JoinOutcome(JoinRefusal Refusal, JoinedStudioDto? Joined = null, StudioStatus Status = default, int MemberCount = 0);

    /// <summary>
    /// A member joins the studio of the invitation whose code hashes to <paramref name="codeHash"/>. A leader invitation
    /// hands the studio over (the previous leader's stint ends; the new leader keeps any member row, promoted). Joining a
    /// studio one is already in changes nothing and spends no use of the code. Refused when the invitation is unknown,
    /// expired, used up or revoked, when the studio is not Approved, Active or Rectifying, or (a member invitation) when the
    /// team is at its cap; a trainee invitation makes a trainee, outside the cap. Someone already in the studio keeps their role.
    /// </summary>
    public Task<JoinOutcome> JoinAsync(string codeHash, Guid memberId, CancellationToken ct) =>
        Database.RetryAsync(() => JoinOnceAsync(codeHash, memberId, ct), ct);

    private async Task<JoinOutcome> JoinOnceAsync(string codeHash, Guid memberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // READ COMMITTED: once the studio row is locked, the team count below sees every join committed before ours
        // (under REPEATABLE READ a plain read could answer from an earlier snapshot).
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        const string InvitationSql = """
            SELECT id, studio_id, role, max_uses, used_count, expires_at, revoked_at
            FROM invitations WHERE code_hash = @codeHash FOR UPDATE
            """;
        var invitation = await conn.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(InvitationSql, new { codeHash }, tx, cancellationToken: ct));
        if (invitation is null) return new JoinOutcome(JoinRefusal.InvitationNotFound);
        if (invitation.RevokedAt is not null || invitation.ExpiresAt <= now || invitation.UsedCount >= invitation.MaxUses)
            return new JoinOutcome(JoinRefusal.InvitationExpired);

        // Lock the studio (alone: a locking read of a join would lock the programme too), so concurrent joins see each
        // other's rows before the team cap is checked.
        const string LockSql = "SELECT id FROM studios WHERE id = @studioId FOR UPDATE";
        await conn.ExecuteScalarAsync<Guid>(new CommandDefinition(LockSql, new { studioId = invitation.StudioId }, tx, cancellationToken: ct));
        const string StudioSql = """
            SELECT s.status, p.team_cap,
                   (SELECT m.role FROM studio_memberships m WHERE m.studio_id = s.id AND m.member_id = @memberId AND m.removed_at IS NULL) AS existing_role,
                   (SELECT COUNT(*) FROM studio_memberships m WHERE m.studio_id = s.id AND m.removed_at IS NULL AND m.role = 'Member') AS member_count
            FROM studios s JOIN programmes p ON p.id = s.programme_id
            WHERE s.id = @studioId
            """;
        var studio = await conn.QuerySingleAsync<JoinStudioRow>(new CommandDefinition(StudioSql, new { studioId = invitation.StudioId, memberId }, tx, cancellationToken: ct));
        if (studio.Status is not (StudioStatus.Approved or StudioStatus.Active or StudioStatus.Rectifying))
            return new JoinOutcome(JoinRefusal.StudioInactive, Status: studio.Status);

        StudioRole role;
        if (invitation.Role == StudioRole.Leader)
        {
            role = StudioRole.Leader;
            if (studio.ExistingRole != StudioRole.Leader)
            {
                const string EndLeaderSql = """
                    UPDATE studio_memberships SET removed_at = @now, removed_by = @memberId, removed_reason = 'Leadership handed over'
                    WHERE studio_id = @studioId AND role = 'Leader' AND removed_at IS NULL
                    """;
                await conn.ExecuteAsync(new CommandDefinition(EndLeaderSql, new { studioId = invitation.StudioId, memberId, now }, tx, cancellationToken: ct));
                const string PromoteSql = """
                    UPDATE studio_memberships SET role = 'Leader'
                    WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL
                    """;
                var promoted = await conn.ExecuteAsync(new CommandDefinition(PromoteSql, new { studioId = invitation.StudioId, memberId }, tx, cancellationToken: ct));
                if (promoted == 0) await InsertMembershipAsync(conn, tx, invitation.StudioId, memberId, StudioRole.Leader, now, ct);
                await MarkUsedAsync(conn, tx, invitation.Id, memberId, now, ct);
            }
        }
        else if (studio.ExistingRole is { } current)
        {
            role = current;
        }
        else if (invitation.Role == StudioRole.Trainee)
        {
            // Trainees (学员) are cultivated by the studio, not part of its team: no cap.
            role = StudioRole.Trainee;
            await InsertMembershipAsync(conn, tx, invitation.StudioId, memberId, StudioRole.Trainee, now, ct);
            await MarkUsedAsync(conn, tx, invitation.Id, memberId, now, ct);
        }
        else
        {
            if (studio.MemberCount >= studio.TeamCap)
                return new JoinOutcome(JoinRefusal.TeamFull, MemberCount: studio.MemberCount);
            role = StudioRole.Member;
            await InsertMembershipAsync(conn, tx, invitation.StudioId, memberId, StudioRole.Member, now, ct);
            await MarkUsedAsync(conn, tx, invitation.Id, memberId, now, ct);
        }
        var dto = (await FindAsync(conn, tx, invitation.StudioId, ct))!;
        await tx.CommitAsync(ct);
        return new JoinOutcome(JoinRefusal.None, new JoinedStudioDto(dto, role));
    }

    private static Task InsertMembershipAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, Guid memberId, StudioRole role, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at) VALUES (@id, @studioId, @memberId, @role, @now)
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { id = Database.NewId(), studioId, memberId, role = role.ToString(), now }, tx, cancellationToken: ct));
    }

    private static async Task MarkUsedAsync(MySqlConnection conn, MySqlTransaction tx, Guid invitationId, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        const string CountSql = "UPDATE invitations SET used_count = used_count + 1 WHERE id = @invitationId";
        await conn.ExecuteAsync(new CommandDefinition(CountSql, new { invitationId }, tx, cancellationToken: ct));
        // A member who left and joins again with the same code keeps their first use row (its only key is the pair).
        const string UseSql = """
            INSERT INTO invitation_uses (invitation_id, member_id, used_at) VALUES (@invitationId, @memberId, @now)
            ON DUPLICATE KEY UPDATE invitation_id = invitation_id
            """;
        await conn.ExecuteAsync(new CommandDefinition(UseSql, new { invitationId, memberId, now }, tx, cancellationToken: ct));
    }

    /// <summary>Ends a member's or trainee's (not the leader's) active stint, keeping it as history; false when they have none in the studio.</summary>
    public async Task<bool> RemoveMemberAsync(Guid studioId, Guid memberId, Guid leaderId, string? reason, CancellationToken ct)
    {
        const string Sql = """
            UPDATE studio_memberships SET removed_at = @now, removed_by = @leaderId, removed_reason = @reason
            WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL AND role IN ('Member', 'Trainee')
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, memberId, leaderId, reason, now = clock.GetUtcNow() }, cancellationToken: ct)) > 0;
    }

    private sealed class InvitationRow
    {
        public Guid Id { get; init; }
        public Guid StudioId { get; init; }
        public StudioRole Role { get; init; }
        public int MaxUses { get; init; }
        public int UsedCount { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }

    private sealed class JoinStudioRow
    {
        public StudioStatus Status { get; init; }
        public int TeamCap { get; init; }
        public StudioRole? ExistingRole { get; init; }
        public int MemberCount { get; init; }
    }
}
