using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Members;

/// <summary>Members: the WeChat users of the mini-program, created on first login.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/me/profile", UpdateProfileAsync).WithTags("Me").WithName("UpdateMyProfile").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Sets the member's display name (their real name, shown on attendance lists). 400 validation_failed.");
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
}
