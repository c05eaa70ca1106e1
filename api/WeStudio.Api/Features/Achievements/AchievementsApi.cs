using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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

    private static (AchievementValues? Value, ProblemHttpResult? Problem) Validate(AchievementRequest r)
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
        return (new AchievementValues(form!.Value, r.ResearchSubtype, title!, year!.Value, authors!, level!.Value, urls), null);
    }

    private static async Task<Results<Created<AchievementDto>, ProblemHttpResult>> CreateAsync(
        Guid studioId, AchievementRequest request, ClaimsPrincipal user, StudioAccess access, AchievementsStore store, TimeProvider clock, CancellationToken ct)
    {
        var (values, problem) = Validate(request);
        if (problem is not null) return problem;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        var dto = await store.CreateAsync(studioId, values!, user.Id(), clock.GetUtcNow(), ct);
        return TypedResults.Created($"/api/v1/achievements/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<AchievementDto[]>, ProblemHttpResult>> ListAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, AchievementsStore store, CancellationToken ct, int? year = null)
    {
        if (year is < 2000 or > 2100) return Problems.Field("year", "'year' must be between 2000 and 2100.");
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await store.ListAsync(studioId, year, ct));
    }

    private static async Task<Results<Ok<AchievementDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, AchievementsStore store, CancellationToken ct)
    {
        var found = await store.FindAsync(id, ct);
        if (found is null) return Problems.NotFound("Achievement");
        if (await access.RefuseReadAsync(found.StudioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<AchievementDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, AchievementRequest request, ClaimsPrincipal user, StudioAccess access, AchievementsStore store, TimeProvider clock, CancellationToken ct)
    {
        var (values, problem) = Validate(request);
        if (problem is not null) return problem;
        var found = await store.FindAsync(id, ct);
        if (found is null) return Problems.NotFound("Achievement");
        if (await access.RefuseLeadAsync(found.StudioId, user, ct) is { } refused) return refused;
        var updated = await store.UpdateAsync(id, values!, clock.GetUtcNow(), ct);
        return updated is null ? Problems.NotFound("Achievement") : TypedResults.Ok(updated);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, AchievementsStore store, TimeProvider clock, CancellationToken ct)
    {
        var found = await store.FindAsync(id, ct);
        if (found is null) return Problems.NotFound("Achievement");
        if (await access.RefuseLeadAsync(found.StudioId, user, ct) is { } refused) return refused;
        await store.DeleteAsync(id, clock.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }
}
