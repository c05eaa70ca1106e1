using System.Security.Claims;
using Dapper;
using Npgsql;
using WeStudio.Api.Features.Auth;

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
public sealed class StudioAccess(NpgsqlDataSource dataSource)
{
    /// <summary>The subject's right in the studio, or null when the studio does not exist.</summary>
    public async Task<StudioRight?> RightAsync(Guid studioId, ClaimsPrincipal user, CancellationToken ct)
    {
        const string Sql = """
            SELECT CASE
                     WHEN @isAdmin THEN
                       CASE WHEN EXISTS (SELECT 1 FROM org_units o JOIN admins a ON a.id = @subjectId
                                         WHERE o.id = s.host_org_unit_id AND a.org_unit_id = ANY (o.ancestors))
                            THEN 'Admin' ELSE 'None' END
                     ELSE COALESCE((SELECT m.role FROM studio_memberships m
                                    WHERE m.studio_id = s.id AND m.member_id = @subjectId AND m.removed_at IS NULL), 'None')
                   END
            FROM studios s
            WHERE s.id = @studioId
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var right = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql,
            new { studioId, subjectId = user.Id(), isAdmin = user.IsAdmin() }, cancellationToken: ct));
        return right is null ? null : Enum.Parse<StudioRight>(right);
    }

    /// <summary>True when the org unit lies inside the admin's subtree (the admin's own unit included).</summary>
    public async Task<bool> OrgUnitInSubtreeAsync(Guid orgUnitId, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM org_units o JOIN admins a ON a.id = @adminId
                           WHERE o.id = @orgUnitId AND a.org_unit_id = ANY (o.ancestors))
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { orgUnitId, adminId }, cancellationToken: ct));
    }
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
