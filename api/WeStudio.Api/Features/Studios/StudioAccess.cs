using System.Security.Claims;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.OrgUnits;

namespace WeStudio.Api.Features.Studios;

/// <summary>What the signed-in subject may do in one studio.</summary>
public enum StudioRight
{
    /// <summary>Not a member and not an admin above it.</summary>
    None,
    /// <summary>An active member: reads the studio, its people and activities.</summary>
    Member,
    /// <summary>The studio's leader: also edits it.</summary>
    Leader,
    /// <summary>A committee admin whose org subtree holds the studio's host unit: reads everything, manages leadership.</summary>
    Admin,
}

/// <summary>
/// Authorization by studio and org subtree (DESIGN.md, "Reliability and security rules"): a member sees their studios,
/// a leader edits only their studio, an admin sees only studios hosted inside their org subtree.
/// </summary>
public sealed class StudioAccess(StudiosStore studios, OrgUnitsStore orgUnits)
{
    /// <summary>The subject's right in the studio, or null when the studio does not exist.</summary>
    public Task<StudioRight?> RightAsync(Guid studioId, ClaimsPrincipal user, CancellationToken ct) =>
        studios.RightAsync(studioId, user.Id(), user.IsAdmin(), ct);

    /// <summary>True when the org unit lies inside the admin's subtree (the admin's own unit included).</summary>
    public async Task<bool> OrgUnitInSubtreeAsync(Guid orgUnitId, Guid adminId, CancellationToken ct) =>
        await orgUnits.InSubtreeAsync(orgUnitId, adminId, ct) == true;
}

/// <summary>Helpers that turn a <see cref="StudioRight"/> into the refusal a handler returns.</summary>
public static class StudioRightExtensions
{
    public static bool CanRead(this StudioRight right) => right is not StudioRight.None;

    public static bool CanLead(this StudioRight right) => right is StudioRight.Leader;
}

/// <summary>The refusals of <see cref="StudioAccess"/> as ProblemDetails: null means go ahead.</summary>
public static class StudioAccessRefusals
{
    /// <summary>404 not_found when the studio does not exist; 403 forbidden unless a member or an admin above it.</summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> RefuseReadAsync(this StudioAccess access, Guid studioId, ClaimsPrincipal user, CancellationToken ct)
    {
        var right = await access.RightAsync(studioId, user, ct);
        if (right is null) return Infrastructure.Problems.NotFound("Studio");
        return right.Value.CanRead() ? null : Infrastructure.Problems.Forbidden("You are not a member of this studio nor an admin above it.");
    }

    /// <summary>404 not_found when the studio does not exist; 403 forbidden unless the studio's leader.</summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult?> RefuseLeadAsync(this StudioAccess access, Guid studioId, ClaimsPrincipal user, CancellationToken ct)
    {
        var right = await access.RightAsync(studioId, user, ct);
        if (right is null) return Infrastructure.Problems.NotFound("Studio");
        return right.Value.CanLead() ? null : Infrastructure.Problems.Forbidden("Only the studio's leader may do this.");
    }
}
