using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Studios;

/// <summary>Studios, their people, invitations and joining.</summary>
public static class StudiosApi
{
    public static IEndpointRouteBuilder MapStudios(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/studios").WithTags("Studios").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListStudios")
            .WithSummary("A member's studios, or for an admin every studio hosted inside their org subtree.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetStudio")
            .WithSummary("One studio, for its members and the admins above it. 403 forbidden; 404 not_found.");
        group.MapGet("/{id:guid}/members", MembersAsync).WithName("ListStudioMembers")
            .WithSummary("The studio's active people, leader first. 403 forbidden; 404 not_found.");
        group.MapPost("/{id:guid}/invitations", CreateInvitationAsync).WithName("CreateInvitation").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader issues a member invitation. 400 validation_failed; 403 forbidden (not the leader); 404 not_found.");
        group.MapPost("/{id:guid}/leader-invitation", CreateLeaderInvitationAsync).WithName("CreateLeaderInvitation").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("An admin issues a new one-use leader invitation (7 days), which hands the studio over when used and voids earlier ones. 403 forbidden; 404 not_found.");
        group.MapPost("/join", JoinAsync).WithName("JoinStudio").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Joins the studio of an invitation code. 400 validation_failed; 404 invitation_not_found; 409 invitation_expired (expired, used up or replaced), team_full, studio_inactive.");
        group.MapDelete("/{id:guid}/members/{memberId:guid}", RemoveMemberAsync).WithName("RemoveStudioMember").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader removes a member; their history stays. 400 validation_failed (the leader cannot remove themselves); 403 forbidden; 404 not_found.");
        return app;
    }

    private const string StudioSelect = """
        SELECT s.id, s.name, s.status, s.programme_id, p.name AS programme_name, p.studio_kind AS kind,
               s.host_org_unit_id, o.name AS host_org_unit_name, p.team_cap,
               (SELECT count(*) FROM studio_memberships m WHERE m.studio_id = s.id AND m.removed_at IS NULL AND m.role = 'Member')::int AS member_count,
               l.member_id AS leader_id, lm.display_name AS leader_name
        FROM studios s
        JOIN programmes p ON p.id = s.programme_id
        JOIN org_units o ON o.id = s.host_org_unit_id
        LEFT JOIN studio_memberships l ON l.studio_id = s.id AND l.removed_at IS NULL AND l.role = 'Leader'
        LEFT JOIN members lm ON lm.id = l.member_id
        """;

    /// <summary>One studio's public shape, or null.</summary>
    public static async Task<StudioDto?> FindAsync(NpgsqlConnection conn, Guid studioId, CancellationToken ct, NpgsqlTransaction? tx = null) =>
        await conn.QuerySingleOrDefaultAsync<StudioDto>(new CommandDefinition(StudioSelect + " WHERE s.id = @studioId", new { studioId }, tx, cancellationToken: ct));

    internal static async Task<Results<Created<CreatedStudioDto>, ProblemHttpResult>> CreateInProgrammeAsync(
        Guid id, CreateStudioRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", request.Name, 100);
        var hostId = v.Required("hostOrgUnitId", request.HostOrgUnitId);
        if (v.Problem is { } invalid) return invalid;

        await using var conn = await db.OpenConnectionAsync(ct);
        var programme = await ProgrammesApi.FindOwnedAsync(conn, id, user.Id(), ct);
        if (programme is null) return Problems.NotFound("Programme");
        if (!programme.Visible) return Problems.Forbidden("The programme belongs to another committee.");

        const string HostSql = """
            SELECT EXISTS (SELECT 1 FROM admins a WHERE a.id = @adminId AND a.org_unit_id = ANY (o.ancestors)) FROM org_units o WHERE o.id = @hostId
            """;
        var hostInSubtree = await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(HostSql, new { hostId, adminId = user.Id() }, cancellationToken: ct));
        if (hostInSubtree is null) return Problems.UnknownReference("hostOrgUnitId", "Org unit");
        if (hostInSubtree is false) return Problems.Forbidden("The host unit is outside your org subtree.");

        await using var tx = await conn.BeginTransactionAsync(ct);
        const string InsertSql = """
            INSERT INTO studios (programme_id, name, host_org_unit_id, status) VALUES (@id, @name, @hostId, 'Active')
            ON CONFLICT (programme_id, name) DO NOTHING
            RETURNING id
            """;
        var studioId = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(InsertSql, new { id, name, hostId }, tx, cancellationToken: ct));
        if (studioId is null) return Problems.Conflict("duplicate_name", $"The programme already has a studio named '{name}'.");
        var invitation = await Invitations.CreateAsync(conn, tx, studioId.Value, StudioRole.Leader, 1,
            clock.GetUtcNow().Add(Invitations.LeaderInvitationLifetime), user.Id(), ct);
        var studio = (await FindAsync(conn, studioId.Value, ct, tx))!;
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/studios/{studioId}", new CreatedStudioDto(studio, invitation));
    }

    internal static async Task<Results<Ok<StudioDto[]>, ProblemHttpResult>> ListInProgrammeAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM programmes WHERE id = @id)";
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition(ExistsSql, new { id }, cancellationToken: ct))) return Problems.NotFound("Programme");
        const string Sql = StudioSelect + """
             WHERE s.programme_id = @id
               AND EXISTS (SELECT 1 FROM admins a WHERE a.id = @adminId AND a.org_unit_id = ANY (o.ancestors))
             ORDER BY s.name
            """;
        var studios = await conn.QueryAsync<StudioDto>(new CommandDefinition(Sql, new { id, adminId = user.Id() }, cancellationToken: ct));
        return TypedResults.Ok(studios.ToArray());
    }

    private static async Task<Ok<StudioDto[]>> ListAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string AdminSql = StudioSelect + """
             WHERE EXISTS (SELECT 1 FROM admins a WHERE a.id = @subjectId AND a.org_unit_id = ANY (o.ancestors))
             ORDER BY p.starts_on DESC, s.name
            """;
        const string MemberSql = StudioSelect + """
             WHERE EXISTS (SELECT 1 FROM studio_memberships me WHERE me.studio_id = s.id AND me.member_id = @subjectId AND me.removed_at IS NULL)
             ORDER BY s.name
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var studios = await conn.QueryAsync<StudioDto>(new CommandDefinition(user.IsAdmin() ? AdminSql : MemberSql, new { subjectId = user.Id() }, cancellationToken: ct));
        return TypedResults.Ok(studios.ToArray());
    }

    private static async Task<Results<Ok<StudioDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        await using var conn = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok((await FindAsync(conn, id, ct))!);
    }

    private static async Task<Results<Ok<StudioMemberDto[]>, ProblemHttpResult>> MembersAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        const string Sql = """
            SELECT m.member_id, p.display_name, m.role, m.joined_at
            FROM studio_memberships m JOIN members p ON p.id = m.member_id
            WHERE m.studio_id = @id AND m.removed_at IS NULL
            ORDER BY m.role = 'Leader' DESC, m.joined_at, p.display_name
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var members = await conn.QueryAsync<StudioMemberDto>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
        return TypedResults.Ok(members.ToArray());
    }

    private static async Task<Results<Created<InvitationDto>, ProblemHttpResult>> CreateInvitationAsync(
        Guid id, CreateInvitationRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var maxUses = v.Range("maxUses", request.MaxUses, 1, 100);
        var hours = v.Range("expiresInHours", request.ExpiresInHours, 1, 720);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var invitation = await Invitations.CreateAsync(conn, tx, id, StudioRole.Member, maxUses!.Value, clock.GetUtcNow().AddHours(hours!.Value), user.Id(), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/studios/{id}/invitations", invitation);
    }

    private static async Task<Results<Created<InvitationDto>, ProblemHttpResult>> CreateLeaderInvitationAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var right = await access.RightAsync(id, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        if (right is not StudioRight.Admin) return Problems.Forbidden("The studio is outside your org subtree.");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var invitation = await Invitations.CreateAsync(conn, tx, id, StudioRole.Leader, 1, clock.GetUtcNow().Add(Invitations.LeaderInvitationLifetime), user.Id(), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/studios/{id}/leader-invitation", invitation);
    }

    private static async Task<Results<Ok<JoinedStudioDto>, ProblemHttpResult>> JoinAsync(
        JoinStudioRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var code = Invitations.Normalize(request.Code);
        if (code is null)
            return Problems.Field("code", string.IsNullOrWhiteSpace(request.Code) ? "'code' is required." : "'code' is not an invitation code (12 letters and digits).");
        var memberId = user.Id();
        var now = clock.GetUtcNow();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string InvitationSql = """
            SELECT i.id, i.studio_id, i.role, i.max_uses, i.used_count, i.expires_at, i.revoked_at
            FROM invitations i WHERE i.code_hash = @hash FOR UPDATE
            """;
        var invitation = await conn.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(InvitationSql, new { hash = Invitations.Hash(code) }, tx, cancellationToken: ct));
        if (invitation is null)
            return Problems.Of(404, "invitation_not_found", "No invitation has this code.", errors: new Dictionary<string, string[]> { ["code"] = ["No invitation has this code; check it with the leader."] });
        if (invitation.RevokedAt is not null || invitation.ExpiresAt <= now || invitation.UsedCount >= invitation.MaxUses)
            return Problems.Conflict("invitation_expired", "This invitation has expired, been used up or been replaced; ask for a new one.");

        // Lock the studio so concurrent joins see each other's rows before the team cap is checked.
        const string StudioSql = """
            SELECT s.status, p.team_cap,
                   (SELECT m.role FROM studio_memberships m WHERE m.studio_id = s.id AND m.member_id = @memberId AND m.removed_at IS NULL) AS current_role,
                   (SELECT count(*) FROM studio_memberships m WHERE m.studio_id = s.id AND m.removed_at IS NULL AND m.role = 'Member')::int AS member_count
            FROM studios s JOIN programmes p ON p.id = s.programme_id
            WHERE s.id = @studioId FOR UPDATE OF s
            """;
        var studio = await conn.QuerySingleAsync<JoinStudioRow>(new CommandDefinition(StudioSql, new { studioId = invitation.StudioId, memberId }, tx, cancellationToken: ct));
        if (studio.Status is not (StudioStatus.Approved or StudioStatus.Active or StudioStatus.Rectifying))
            return Problems.Conflict("studio_inactive", $"The studio is {studio.Status} and takes no new members.");

        StudioRole role;
        if (invitation.Role == StudioRole.Leader)
        {
            role = StudioRole.Leader;
            if (studio.CurrentRole != StudioRole.Leader)
            {
                // Hand-over: the previous leader's stint ends (their history stays); the new leader keeps any member row, promoted.
                const string EndLeaderSql = """
                    UPDATE studio_memberships SET removed_at = now(), removed_by = @memberId, removed_reason = 'Leadership handed over'
                    WHERE studio_id = @studioId AND role = 'Leader' AND removed_at IS NULL
                    """;
                await conn.ExecuteAsync(new CommandDefinition(EndLeaderSql, new { studioId = invitation.StudioId, memberId }, tx, cancellationToken: ct));
                const string UpsertSql = """
                    WITH promoted AS (
                        UPDATE studio_memberships SET role = 'Leader'
                        WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL RETURNING id)
                    INSERT INTO studio_memberships (studio_id, member_id, role)
                    SELECT @studioId, @memberId, 'Leader' WHERE NOT EXISTS (SELECT 1 FROM promoted)
                    """;
                await conn.ExecuteAsync(new CommandDefinition(UpsertSql, new { studioId = invitation.StudioId, memberId }, tx, cancellationToken: ct));
                await MarkUsedAsync(conn, tx, invitation.Id, memberId, ct);
            }
        }
        else if (studio.CurrentRole is { } current)
        {
            role = current; // Already in the studio: joining again changes nothing and spends no use of the code.
        }
        else
        {
            if (studio.MemberCount >= studio.TeamCap)
                return Problems.Conflict("team_full", $"The studio already has {studio.MemberCount} members, its programme's cap.");
            role = StudioRole.Member;
            const string InsertSql = "INSERT INTO studio_memberships (studio_id, member_id, role) VALUES (@studioId, @memberId, 'Member')";
            await conn.ExecuteAsync(new CommandDefinition(InsertSql, new { studioId = invitation.StudioId, memberId }, tx, cancellationToken: ct));
            await MarkUsedAsync(conn, tx, invitation.Id, memberId, ct);
        }
        var dto = (await FindAsync(conn, invitation.StudioId, ct, tx))!;
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new JoinedStudioDto(dto, role));
    }

    private static async Task MarkUsedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid invitationId, Guid memberId, CancellationToken ct)
    {
        const string Sql = """
            UPDATE invitations SET used_count = used_count + 1 WHERE id = @invitationId;
            INSERT INTO invitation_uses (invitation_id, member_id) VALUES (@invitationId, @memberId) ON CONFLICT DO NOTHING;
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { invitationId, memberId }, tx, cancellationToken: ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        Guid id, Guid memberId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct, string? reason = null)
    {
        var v = new Validation();
        var why = v.Text("reason", reason, 200, required: false);
        if (memberId == user.Id()) v.Add("memberId", "The leader cannot remove themselves; an admin hands the studio over with a new leader invitation.");
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;

        const string Sql = """
            UPDATE studio_memberships SET removed_at = now(), removed_by = @leaderId, removed_reason = @why
            WHERE studio_id = @id AND member_id = @memberId AND removed_at IS NULL AND role = 'Member'
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var removed = await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, memberId, leaderId = user.Id(), why }, cancellationToken: ct));
        return removed == 0 ? Problems.NotFound("Member of this studio") : TypedResults.NoContent();
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
        public StudioRole? CurrentRole { get; init; }
        public int MemberCount { get; init; }
    }
}
