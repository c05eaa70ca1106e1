using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Studios;

/// <summary>Studios, their people, invitations and joining; and the studios licensed under a programme.</summary>
public static class StudiosApi
{
    public static IEndpointRouteBuilder MapStudios(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/api/v1/programmes").WithTags("Programmes").RequireAuthorization(CurrentUser.AdminPolicy);
        programmes.MapPost("/{id:guid}/studios", CreateInProgrammeAsync).WithName("CreateStudio")
            .WithSummary("Licenses a studio hosted by a unit of the admin's subtree (status Active) and returns the leader invitation. 400 validation_failed; 403 forbidden; 404 not_found; 409 duplicate_name.");
        programmes.MapGet("/{id:guid}/studios", ListInProgrammeAsync).WithName("ListProgrammeStudios")
            .WithSummary("The programme's studios hosted inside the admin's subtree.");

        var group = app.MapGroup("/api/v1/studios").WithTags("Studios").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListStudios")
            .WithSummary("A member's studios, or for an admin every studio hosted inside their org subtree.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetStudio")
            .WithSummary("One studio, for its members and the admins above it. 403 forbidden; 404 not_found.");
        group.MapGet("/{id:guid}/members", MembersAsync).WithName("ListStudioMembers")
            .WithSummary("The studio's active people, leader first. 403 forbidden; 404 not_found.");
        group.MapPost("/{id:guid}/invitations", CreateInvitationAsync).WithName("CreateInvitation").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader issues a member invitation (role Member, the default: joins the team, within its cap) or a trainee invitation (role Trainee, 学员: outside the cap). 400 validation_failed; 403 forbidden (not the leader); 404 not_found.");
        group.MapPost("/{id:guid}/leader-invitation", CreateLeaderInvitationAsync).WithName("CreateLeaderInvitation").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("An admin issues a new one-use leader invitation (7 days) for a studio without a leader, voiding earlier ones. 403 forbidden; 404 not_found; 409 leader_change_required (the studio has a leader).");
        group.MapPost("/join", JoinAsync).WithName("JoinStudio").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Joins the studio of an invitation code. 400 validation_failed; 404 invitation_not_found; 409 invitation_expired (expired, used up or replaced), team_full, studio_inactive.");
        group.MapDelete("/{id:guid}/members/{memberId:guid}", RemoveMemberAsync).WithName("RemoveStudioMember").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader removes a member; their history stays. 400 validation_failed (the leader cannot remove themselves); 403 forbidden; 404 not_found.");
        return app;
    }

    private static async Task<Results<Created<CreatedStudioDto>, ProblemHttpResult>> CreateInProgrammeAsync(
        Guid id, CreateStudioRequest request, ClaimsPrincipal user, ProgrammesStore programmes, OrgUnitsStore orgUnits, StudiosStore studios, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", request.Name, 100);
        var hostId = v.Required("hostOrgUnitId", request.HostOrgUnitId);
        if (v.Problem is { } invalid) return invalid;

        var programme = await programmes.FindOwnedAsync(id, user.Id(), ct);
        if (programme is null) return Problems.NotFound("Programme");
        if (!programme.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        var hostInSubtree = await orgUnits.InSubtreeAsync(hostId!.Value, user.Id(), ct);
        if (hostInSubtree is null) return Problems.UnknownReference("hostOrgUnitId", "Org unit");
        if (hostInSubtree is false) return Problems.Forbidden("The host unit is outside your org subtree.");

        var created = await studios.CreateAsync(id, name!, hostId.Value, user.Id(), ct);
        if (created is null) return Problems.Conflict("duplicate_name", $"The programme already has a studio named '{name}'.");
        return TypedResults.Created($"/api/v1/studios/{created.Studio.Id}", created);
    }

    private static async Task<Results<Ok<StudioDto[]>, ProblemHttpResult>> ListInProgrammeAsync(
        Guid id, ClaimsPrincipal user, ProgrammesStore programmes, StudiosStore studios, CancellationToken ct)
    {
        if (!await programmes.ExistsAsync(id, ct)) return Problems.NotFound("Programme");
        return TypedResults.Ok(await studios.ListInProgrammeAsync(id, user.Id(), ct));
    }

    private static async Task<Ok<StudioDto[]>> ListAsync(ClaimsPrincipal user, StudiosStore studios, CancellationToken ct) =>
        TypedResults.Ok(user.IsAdmin() ? await studios.ListForAdminAsync(user.Id(), ct) : await studios.ListForMemberAsync(user.Id(), ct));

    private static async Task<Results<Ok<StudioDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        return TypedResults.Ok((await studios.FindAsync(id, ct))!);
    }

    private static async Task<Results<Ok<StudioMemberDto[]>, ProblemHttpResult>> MembersAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await studios.MembersAsync(id, ct));
    }

    private static async Task<Results<Created<InvitationDto>, ProblemHttpResult>> CreateInvitationAsync(
        Guid id, CreateInvitationRequest request, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var maxUses = v.Range("maxUses", request.MaxUses, 1, 100);
        var hours = v.Range("expiresInHours", request.ExpiresInHours, 1, 720);
        var role = v.Enum<StudioRole>("role", request.Role, required: false) ?? StudioRole.Member;
        if (role == StudioRole.Leader) v.Add("role", "'role' is Member or Trainee: a leader invitation comes from an admin.");
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;

        var invitation = await studios.CreateInvitationAsync(id, role, maxUses!.Value, clock.GetUtcNow().AddHours(hours!.Value), user.Id(), ct);
        return TypedResults.Created($"/api/v1/studios/{id}/invitations", invitation);
    }

    private static async Task<Results<Created<InvitationDto>, ProblemHttpResult>> CreateLeaderInvitationAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, TimeProvider clock, CancellationToken ct)
    {
        var right = await access.RightAsync(id, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        if (right is not StudioRight.Admin) return Problems.Forbidden("The studio is outside your org subtree.");
        if ((await studios.FindAsync(id, ct))!.LeaderId is not null)
            return Problems.Conflict("leader_change_required", "The studio has a leader: it changes hands only through a leader change the committee approves (POST /api/v1/studios/{id}/leader-change).");
        var invitation = await studios.CreateInvitationAsync(id, StudioRole.Leader, 1, clock.GetUtcNow().Add(Invitations.LeaderInvitationLifetime), user.Id(), ct);
        return TypedResults.Created($"/api/v1/studios/{id}/leader-invitation", invitation);
    }

    private static async Task<Results<Ok<JoinedStudioDto>, ProblemHttpResult>> JoinAsync(
        JoinStudioRequest request, ClaimsPrincipal user, StudiosStore studios, CancellationToken ct)
    {
        var code = Invitations.Normalize(request.Code);
        if (code is null)
            return Problems.Field("code", string.IsNullOrWhiteSpace(request.Code) ? "'code' is required." : "'code' is not an invitation code (12 letters and digits).");

        var outcome = await studios.JoinAsync(Invitations.Hash(code), user.Id(), ct);
        return outcome.Refusal switch
        {
            StudiosStore.JoinRefusal.InvitationNotFound =>
                Problems.Of(404, "invitation_not_found", "No invitation has this code.", errors: new Dictionary<string, string[]> { ["code"] = ["No invitation has this code; check it with the leader."] }),
            StudiosStore.JoinRefusal.InvitationExpired =>
                Problems.Conflict("invitation_expired", "This invitation has expired, been used up or been replaced; ask for a new one."),
            StudiosStore.JoinRefusal.StudioInactive =>
                Problems.Conflict("studio_inactive", $"The studio is {outcome.Status} and takes no new members."),
            StudiosStore.JoinRefusal.TeamFull =>
                Problems.Conflict("team_full", $"The studio already has {outcome.MemberCount} members, its programme's cap."),
            _ => TypedResults.Ok(outcome.Joined!),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        Guid id, Guid memberId, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, CancellationToken ct, string? reason = null)
    {
        var v = new Validation();
        var why = v.Text("reason", reason, 200, required: false);
        if (memberId == user.Id()) v.Add("memberId", "The leader cannot remove themselves; an admin hands the studio over with a new leader invitation.");
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;

        var removed = await studios.RemoveMemberAsync(id, memberId, user.Id(), why, ct);
        return removed ? TypedResults.NoContent() : Problems.NotFound("Member of this studio");
    }
}
