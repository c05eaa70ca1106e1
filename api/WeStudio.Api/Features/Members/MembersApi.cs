using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Members;

/// <summary>A member as they see themselves. <c>displayName</c> is null until set (WeChat no longer hands out nicknames).</summary>
public sealed record MemberDto
{
    public Guid Id { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>The member's real name as the studio should see it: 1–30 characters.</summary>
public sealed record UpdateProfileRequest(string? DisplayName);

/// <summary>Members: the WeChat users of the mini-program, created on first login.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/me/profile", UpdateProfileAsync).WithTags("Me").WithName("UpdateMyProfile").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Sets the member's display name (their real name, shown on attendance lists). 400 validation_failed.");
        return app;
    }

    /// <summary>Creates the member of an openid or refreshes their unionid and last login; returns them.</summary>
    public static async Task<MemberDto> UpsertByOpenIdAsync(NpgsqlDataSource db, string openId, string? unionId, string? displayName, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO members (openid, unionid, display_name) VALUES (@openId, @unionId, @displayName)
            ON CONFLICT (openid) DO UPDATE SET unionid = COALESCE(EXCLUDED.unionid, members.unionid),
                                               display_name = COALESCE(members.display_name, EXCLUDED.display_name),
                                               last_login_at = now()
            RETURNING id, display_name
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<MemberDto>(new CommandDefinition(Sql, new { openId, unionId, displayName }, cancellationToken: ct));
    }

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> UpdateProfileAsync(
        UpdateProfileRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("displayName", request.DisplayName, 30);
        if (name is not null && name.Any(c => c is '\n' or '\r' or '\t')) v.Add("displayName", "'displayName' must be one line.");
        if (v.Problem is { } invalid) return invalid;
        const string Sql = "UPDATE members SET display_name = @name WHERE id = @id RETURNING id, display_name";
        await using var conn = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await conn.QuerySingleAsync<MemberDto>(new CommandDefinition(Sql, new { id = user.Id(), name }, cancellationToken: ct)));
    }
}
