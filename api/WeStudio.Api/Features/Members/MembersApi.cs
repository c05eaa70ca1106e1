using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Members;

/// <summary>Members: the WeChat users of the mini-program, created on first login.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/me/profile", UpdateProfileAsync).WithTags("Me").WithName("UpdateMyProfile").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Sets the member's display name (their real name, shown on attendance lists). 400 validation_failed.");
        app.MapPut("/api/v1/studios/{studioId:guid}/members/{memberId:guid}/school", SetSchoolAsync).WithTags("Me").WithName("SetMemberSchool").RequireAuthorization()
            .WithSummary("Records the school (所在学校) of a person in the studio: the person themself, the studio's leader or a committee admin above the studio. The school is an org unit with no units below it, inside the subtree of the committee owning the studio's programme; it is the person's, in every studio (Liuzhou counts pairing per core member's school, seeds/000 三(二)4(3)). 400 validation_failed; 403 forbidden; 404 not_found (studio, person not in it, or org unit); 422 not_a_school, school_outside_committee.");
        return app;
    }

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> UpdateProfileAsync(
        UpdateProfileRequest request, ClaimsPrincipal user, MembersStore members, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("displayName", request.DisplayName, 30);
        if (name is not null && name.Any(c => c is '\n' or '\r' or '\t')) v.Add("displayName", "'displayName' must be one line.");
        if (v.Problem is { } invalid) return invalid;
        return TypedResults.Ok(await members.SetDisplayNameAsync(user.Id(), name!, ct));
    }

    private static async Task<Results<Ok<MemberSchoolDto>, ProblemHttpResult>> SetSchoolAsync(Guid studioId, Guid memberId,
        SetSchoolRequest request, ClaimsPrincipal user, StudioAccess access, MembersStore members, CancellationToken ct)
    {
        var v = new Validation();
        var orgUnitId = v.Required("orgUnitId", request.OrgUnitId);
        if (v.Problem is { } invalid) return invalid;
        var right = await access.RightAsync(studioId, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        var self = !user.IsAdmin() && user.Id() == memberId;
        if (right == StudioRight.None || (!self && right is not (StudioRight.Leader or StudioRight.Admin)))
            return Problems.Forbidden("Only the person themself, the studio's leader or a committee admin above the studio records a school.");
        var check = await members.SchoolCheckAsync(studioId, memberId, orgUnitId!.Value, ct);
        if (!check.InStudio) return Problems.NotFound("Person of this studio");
        if (!check.UnitExists) return Problems.UnknownReference("orgUnitId", "Org unit");
        if (!check.IsSchool)
            return Problems.Of(ProblemCodes.NotASchool, "The org unit is not a school.",
                errors: new Dictionary<string, string[]> { ["orgUnitId"] = ["Choose a school: a unit with no units below it, not the committee or a district."] });
        if (!check.InCommittee)
            return Problems.Of(ProblemCodes.SchoolOutsideCommittee, "The school is outside the programme's committee.",
                errors: new Dictionary<string, string[]> { ["orgUnitId"] = ["Choose a school inside the subtree of the committee that owns the studio's programme."] });
        return TypedResults.Ok(await members.SetSchoolAsync(memberId, orgUnitId.Value, ct));
    }
}
