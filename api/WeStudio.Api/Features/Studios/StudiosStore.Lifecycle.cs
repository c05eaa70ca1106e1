using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Studios;

/// <summary>
/// What the stages of a studio's life (Features/Applications, Features/Lifecycle) change in studios and memberships, each
/// inside the caller's transaction: licensing from an approved application, the status, and a leader change.
/// </summary>
public sealed partial class StudiosStore
{
    /// <summary>The studio's status and programme, its row locked until the caller's transaction ends; null when absent.</summary>
    public Task<StudioStage?> LockStageAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, CancellationToken ct)
    {
        const string Sql = "SELECT id, programme_id, status, created_at FROM studios WHERE id = @studioId FOR UPDATE";
        return conn.QuerySingleOrDefaultAsync<StudioStage>(new CommandDefinition(Sql, new { studioId }, tx, cancellationToken: ct));
    }

    /// <summary>Sets the studio's status (the caller checked the transition under <see cref="LockStageAsync"/>).</summary>
    public Task SetStatusAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, StudioStatus status, CancellationToken ct)
    {
        const string Sql = "UPDATE studios SET status = @status WHERE id = @studioId";
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, status = status.ToString() }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// Licenses a studio from an approved application: the studio (status Active, <c>created_at</c> = the licence instant,
    /// which the ledger counts from), the applicant as its leader, and, when the application listed a team, one member
    /// invitation for <paramref name="teamInvitations"/> uses valid 30 days. Null when the programme already has a studio
    /// of this name (the caller rolls back).
    /// </summary>
    public async Task<(StudioDto Studio, InvitationDto? MemberInvitation)?> LicenseAsync(MySqlConnection conn, MySqlTransaction tx, Guid programmeId,
        string name, Guid hostOrgUnitId, Guid leaderId, DateTimeOffset licensedAt, int teamInvitations, Guid adminId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var studioId = Database.NewId();
        const string Sql = """
            INSERT INTO studios (id, programme_id, name, host_org_unit_id, status, created_at)
            VALUES (@studioId, @programmeId, @name, @hostOrgUnitId, 'Active', @licensedAt)
            """;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, programmeId, name, hostOrgUnitId, licensedAt }, tx, cancellationToken: ct));
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "studios_programme_name"))
        {
            return null;
        }
        await InsertMembershipAsync(conn, tx, studioId, leaderId, StudioRole.Leader, now, ct);
        InvitationDto? invitation = null;
        if (teamInvitations > 0)
            invitation = await CreateInvitationAsync(conn, tx, studioId, StudioRole.Member, teamInvitations, now.AddDays(30), adminId, now, ct);
        return ((await FindAsync(conn, tx, studioId, ct))!, invitation);
    }

    /// <summary>The member's active role in the studio, or null.</summary>
    public async Task<StudioRole?> ActiveRoleAsync(MySqlConnection conn, MySqlTransaction? tx, Guid studioId, Guid memberId, CancellationToken ct)
    {
        const string Sql = "SELECT role FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL";
        var role = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { studioId, memberId }, tx, cancellationToken: ct));
        return role is null ? null : Enum.Parse<StudioRole>(role);
    }

    /// <summary>
    /// Swaps the roles of the leader and a member (an approved leader change): the leader stays in the team as a member.
    /// False when <paramref name="fromLeaderId"/> no longer leads or <paramref name="toMemberId"/> is no longer a member.
    /// </summary>
    public async Task<bool> SwapLeaderAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, Guid fromLeaderId, Guid toMemberId, CancellationToken ct)
    {
        const string DemoteSql = """
            UPDATE studio_memberships SET role = 'Member'
            WHERE studio_id = @studioId AND member_id = @fromLeaderId AND role = 'Leader' AND removed_at IS NULL
            """;
        const string PromoteSql = """
            UPDATE studio_memberships SET role = 'Leader'
            WHERE studio_id = @studioId AND member_id = @toMemberId AND role = 'Member' AND removed_at IS NULL
            """;
        if (await conn.ExecuteAsync(new CommandDefinition(DemoteSql, new { studioId, fromLeaderId }, tx, cancellationToken: ct)) != 1) return false;
        return await conn.ExecuteAsync(new CommandDefinition(PromoteSql, new { studioId, toMemberId }, tx, cancellationToken: ct)) == 1;
    }
}

/// <summary>A studio's stage as the lifecycle reads it under lock. <c>CreatedAt</c> is the licence instant (UTC).</summary>
public sealed class StudioStage
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public StudioStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
