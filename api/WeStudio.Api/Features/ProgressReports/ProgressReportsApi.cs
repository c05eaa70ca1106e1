using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.ProgressReports;

/// <summary>Annual progress reports: the leader submits (and resubmits after a return); an admin above the studio returns with comments.</summary>
public static class ProgressReportsApi
{
    public static IEndpointRouteBuilder MapProgressReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/studios/{studioId:guid}/progress-reports").WithTags("ProgressReports").RequireAuthorization();
        group.MapPut("/{year:int}", SubmitAsync).WithName("SubmitProgressReport").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader submits (or resubmits) the year's progress report. 400 validation_failed; 403 forbidden; 404 not_found; 409 report_already_submitted (submitted and not returned).");
        group.MapGet("/", ListAsync).WithName("ListProgressReports")
            .WithSummary("The studio's progress reports, newest year first. 403 forbidden; 404 not_found.");
        group.MapPost("/{year:int}/return", ReturnAsync).WithName("ReturnProgressReport").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("An admin above the studio returns the submitted report with comments. 400 validation_failed; 403 forbidden; 404 not_found; 409 report_not_submitted.");
        return app;
    }

    private static string[]? Urls(Validation v, string field, string[]? urls)
    {
        urls ??= [];
        if (urls.Length > 9) v.Add(field, "At most 9 links.");
        if (urls.Any(u => u is null || u.Length > 500 || !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            v.Add(field, "Each link is an absolute https URL of at most 500 characters.");
        return urls;
    }

    private static async Task<Results<Ok<ProgressReportDto>, ProblemHttpResult>> SubmitAsync(
        Guid studioId, int year, SubmitProgressReportRequest request, ClaimsPrincipal user, StudioAccess access, ProgressReportsStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Range("year", year, 2000, 2100);
        var text = v.Text("text", request.Text, 20_000);
        var urls = Urls(v, "attachmentUrls", request.AttachmentUrls);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        var dto = await store.SubmitAsync(studioId, year, text!, urls!, user.Id(), clock.GetUtcNow(), ct);
        if (dto is null) return Problems.Conflict("report_already_submitted", "The report of this year is submitted; it can be changed once the committee returns it.");
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<ProgressReportDto[]>, ProblemHttpResult>> ListAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, ProgressReportsStore store, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await store.ListAsync(studioId, ct));
    }

    private static async Task<Results<Ok<ProgressReportDto>, ProblemHttpResult>> ReturnAsync(
        Guid studioId, int year, ReturnProgressReportRequest request, ClaimsPrincipal user, StudioAccess access, ProgressReportsStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var comments = v.Text("comments", request.Comments, 2_000);
        if (v.Problem is { } invalid) return invalid;
        var right = await access.RightAsync(studioId, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        if (right != StudioRight.Admin) return Problems.Forbidden("Only an admin above the studio may return its report.");
        var dto = await store.ReturnAsync(studioId, year, comments!, user.Id(), clock.GetUtcNow(), ct);
        if (dto is null) return Problems.Conflict("report_not_submitted", "There is no submitted report of this year to return.");
        return TypedResults.Ok(dto);
    }
}
