using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.BackboneTeachers;

/// <summary>Backbone teachers trained by a studio per year (Liuzhou: "每年培养固定骨干教师不少于5人"); the leader marks them.</summary>
public static class BackboneTeachersApi
{
    public static IEndpointRouteBuilder MapBackboneTeachers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/studios/{studioId:guid}/backbone-teachers").WithTags("BackboneTeachers").RequireAuthorization();
        group.MapGet("/{year:int}", ListAsync).WithName("ListBackboneTeachers")
            .WithSummary("The members the studio trained as backbone teachers in the year. 400 validation_failed; 403 forbidden; 404 not_found.");
        group.MapPut("/{year:int}/{memberId:guid}", MarkAsync).WithName("MarkBackboneTeacher").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader marks an active member or trainee (学员) of the studio as a backbone teacher trained in the year (idempotent). 400 validation_failed; 403 forbidden; 404 not_found (studio or member of this studio).");
        group.MapDelete("/{year:int}/{memberId:guid}", UnmarkAsync).WithName("UnmarkBackboneTeacher").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader removes the mark. 400 validation_failed; 403 forbidden; 404 not_found.");
        return app;
    }

    private static ProblemHttpResult? YearProblem(int year) =>
        year is < 2000 or > 2100 ? Problems.Field("year", "'year' must be between 2000 and 2100.") : null;

    private static async Task<Results<Ok<BackboneTeacherDto[]>, ProblemHttpResult>> ListAsync(
        Guid studioId, int year, ClaimsPrincipal user, StudioAccess access, BackboneTeachersStore store, CancellationToken ct)
    {
        if (YearProblem(year) is { } invalid) return invalid;
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await store.ListAsync(studioId, year, ct));
    }

    private static async Task<Results<Ok<BackboneTeacherDto>, ProblemHttpResult>> MarkAsync(
        Guid studioId, int year, Guid memberId, MarkBackboneTeacherRequest? request, ClaimsPrincipal user, StudioAccess access,
        BackboneTeachersStore store, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Range("year", year, 2000, 2100);
        var note = v.Text("note", request?.Note, 200, required: false);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        var dto = await store.MarkAsync(studioId, memberId, year, note, user.Id(), clock.GetUtcNow(), ct);
        return dto is null ? Problems.NotFound("Member of this studio") : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnmarkAsync(
        Guid studioId, int year, Guid memberId, ClaimsPrincipal user, StudioAccess access, BackboneTeachersStore store, CancellationToken ct)
    {
        if (YearProblem(year) is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        return await store.UnmarkAsync(studioId, year, memberId, ct) ? TypedResults.NoContent() : Problems.NotFound("Backbone teacher");
    }
}
