using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Achievements;

/// <summary>Achievements (成果) of a studio: the leader records them; members and admins above read them.</summary>
public static class AchievementsApi
{
    public static IEndpointRouteBuilder MapAchievements(this IEndpointRouteBuilder app)
    {
        var studios = app.MapGroup("/api/v1/studios/{studioId:guid}/achievements").WithTags("Achievements").RequireAuthorization();
        studios.MapPost("/", CreateAsync).WithName("CreateAchievement").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader records an achievement. 400 validation_failed; 403 forbidden; 404 not_found.");
        studios.MapGet("/", ListAsync).WithName("ListAchievements")
            .WithSummary("The studio's achievements, newest year first; optional year filter. 400 validation_failed; 403 forbidden; 404 not_found.");

        var one = app.MapGroup("/api/v1/achievements").WithTags("Achievements").RequireAuthorization();
        one.MapGet("/{id:guid}", GetAsync).WithName("GetAchievement").WithSummary("One achievement. 403 forbidden; 404 not_found.");
        one.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateAchievement").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader replaces an achievement. 400 validation_failed; 403 forbidden; 404 not_found.");
        one.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAchievement").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader deletes an achievement (kept, no longer counted). 403 forbidden; 404 not_found.");
        return app;
    }

    private const string Select = """
        SELECT id, studio_id, form, research_subtype, title, year, authors, level, evidence_urls, created_at, updated_at
        FROM achievements
        """;

    private sealed record Valid(string Form, string? Subtype, string Title, int Year, string Authors, string Level, string[] Urls);

    private static (Valid? Value, ProblemHttpResult? Problem) Validate(AchievementRequest r)
    {
        var v = new Validation();
        var form = v.Required("form", r.Form);
        var title = v.Text("title", r.Title, 200);
        var year = v.Range("year", r.Year, 2000, 2100);
        var authors = v.Text("authors", r.Authors, 200);
        var level = v.Required("level", r.Level);
        if (form == AchievementForm.ResearchOutput && r.ResearchSubtype is null)
            v.Add("researchSubtype", "'researchSubtype' is required for a ResearchOutput (Paper, Project or Monograph).");
        if (form is not null and not AchievementForm.ResearchOutput && r.ResearchSubtype is not null)
            v.Add("researchSubtype", "'researchSubtype' applies only to a ResearchOutput.");
        var urls = r.EvidenceUrls ?? [];
        if (urls.Length > 9) v.Add("evidenceUrls", "At most 9 evidence links.");
        foreach (var url in urls)
        {
            if (url is null || url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                v.Add("evidenceUrls", "Each evidence link is an absolute https URL of at most 500 characters.");
                break;
            }
        }
        if (v.Problem is { } problem) return (null, problem);
        return (new Valid(form!.Value.ToString(), r.ResearchSubtype?.ToString(), title!, year!.Value, authors!, level!.Value.ToString(), urls), null);
    }

    private static async Task<Results<Created<AchievementDto>, ProblemHttpResult>> CreateAsync(
        Guid studioId, AchievementRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var (a, problem) = Validate(request);
        if (problem is not null) return problem;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        const string Sql = """
            INSERT INTO achievements (studio_id, form, research_subtype, title, year, authors, level, evidence_urls, created_by)
            VALUES (@studioId, @Form, @Subtype, @Title, @Year, @Authors, @Level, @Urls, @memberId)
            RETURNING id, studio_id, form, research_subtype, title, year, authors, level, evidence_urls, created_at, updated_at
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var dto = await conn.QuerySingleAsync<AchievementDto>(new CommandDefinition(Sql,
            new { studioId, a!.Form, a.Subtype, a.Title, a.Year, a.Authors, a.Level, a.Urls, memberId = user.Id() }, cancellationToken: ct));
        return TypedResults.Created($"/api/v1/achievements/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<AchievementDto[]>, ProblemHttpResult>> ListAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct, int? year = null)
    {
        if (year is < 2000 or > 2100) return Problems.Field("year", "'year' must be between 2000 and 2100.");
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        const string Sql = Select + " WHERE studio_id = @studioId AND deleted_at IS NULL AND (@year::int IS NULL OR year = @year) ORDER BY year DESC, created_at DESC";
        await using var conn = await db.OpenConnectionAsync(ct);
        var list = await conn.QueryAsync<AchievementDto>(new CommandDefinition(Sql, new { studioId, year }, cancellationToken: ct));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<AchievementDto?> FindAsync(NpgsqlConnection conn, Guid id, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<AchievementDto>(new CommandDefinition(Select + " WHERE id = @id AND deleted_at IS NULL", new { id }, cancellationToken: ct));

    private static async Task<Results<Ok<AchievementDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var found = await FindAsync(conn, id, ct);
        if (found is null) return Problems.NotFound("Achievement");
        if (await access.RefuseReadAsync(found.StudioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<AchievementDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, AchievementRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var (a, problem) = Validate(request);
        if (problem is not null) return problem;
        await using var conn = await db.OpenConnectionAsync(ct);
        var found = await FindAsync(conn, id, ct);
        if (found is null) return Problems.NotFound("Achievement");
        if (await access.RefuseLeadAsync(found.StudioId, user, ct) is { } refused) return refused;
        const string Sql = """
            UPDATE achievements SET form = @Form, research_subtype = @Subtype, title = @Title, year = @Year, authors = @Authors,
                   level = @Level, evidence_urls = @Urls, updated_at = now()
            WHERE id = @id AND deleted_at IS NULL
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, a!.Form, a.Subtype, a.Title, a.Year, a.Authors, a.Level, a.Urls }, cancellationToken: ct));
        return TypedResults.Ok((await FindAsync(conn, id, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var found = await FindAsync(conn, id, ct);
        if (found is null) return Problems.NotFound("Achievement");
        if (await access.RefuseLeadAsync(found.StudioId, user, ct) is { } refused) return refused;
        await conn.ExecuteAsync(new CommandDefinition("UPDATE achievements SET deleted_at = now() WHERE id = @id", new { id }, cancellationToken: ct));
        return TypedResults.NoContent();
    }
}
