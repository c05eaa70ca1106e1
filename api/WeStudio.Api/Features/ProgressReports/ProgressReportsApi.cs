using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.ProgressReports;

/// <summary>Submitted, or Returned by the committee with comments (the leader then resubmits).</summary>
public enum ProgressReportStatus { Submitted, Returned }

/// <summary>
/// The annual progress report (年度建设进展报告, Liuzhou: "每年 12 月底前，需提交年度建设进展报告") of one studio and year.
/// Times are UTC; <c>firstSubmittedAt</c> decides whether the deadline was kept.
/// </summary>
public sealed record ProgressReportDto
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public int Year { get; init; }
    public required string Text { get; init; }
    public string[] AttachmentUrls { get; init; } = [];
    public ProgressReportStatus Status { get; init; }
    public DateTimeOffset FirstSubmittedAt { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ReturnedAt { get; init; }
    public string? ReturnComments { get; init; }
}

/// <summary>The report: <c>text</c> 1–20,000 characters; <c>attachmentUrls</c> at most 9 https links of ≤ 500 characters.</summary>
public sealed record SubmitProgressReportRequest(string? Text, string[]? AttachmentUrls);

/// <summary>Why the committee returns the report: <c>comments</c> 1–2,000 characters.</summary>
public sealed record ReturnProgressReportRequest(string? Comments);

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

    private const string Select = """
        SELECT id, studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, returned_at, return_comments
        FROM progress_reports
        """;

    private static string[]? Urls(Validation v, string field, string[]? urls)
    {
        urls ??= [];
        if (urls.Length > 9) v.Add(field, "At most 9 links.");
        if (urls.Any(u => u is null || u.Length > 500 || !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            v.Add(field, "Each link is an absolute https URL of at most 500 characters.");
        return urls;
    }

    private static async Task<Results<Ok<ProgressReportDto>, ProblemHttpResult>> SubmitAsync(
        Guid studioId, int year, SubmitProgressReportRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Range("year", year, 2000, 2100);
        var text = v.Text("text", request.Text, 20_000);
        var urls = Urls(v, "attachmentUrls", request.AttachmentUrls);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;

        const string Sql = """
            INSERT INTO progress_reports (studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, submitted_by)
            VALUES (@studioId, @year, @text, @urls, 'Submitted', @now, @now, @memberId)
            ON CONFLICT (studio_id, year) DO UPDATE SET text = excluded.text, attachment_urls = excluded.attachment_urls, status = 'Submitted',
                submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by
            WHERE progress_reports.status = 'Returned'
            RETURNING id, studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, returned_at, return_comments
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var dto = await conn.QuerySingleOrDefaultAsync<ProgressReportDto>(new CommandDefinition(Sql,
            new { studioId, year, text, urls, now = clock.GetUtcNow().UtcDateTime, memberId = user.Id() }, cancellationToken: ct));
        if (dto is null) return Problems.Conflict("report_already_submitted", "The report of this year is submitted; it can be changed once the committee returns it.");
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<ProgressReportDto[]>, ProblemHttpResult>> ListAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        await using var conn = await db.OpenConnectionAsync(ct);
        var list = await conn.QueryAsync<ProgressReportDto>(new CommandDefinition(Select + " WHERE studio_id = @studioId ORDER BY year DESC", new { studioId }, cancellationToken: ct));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<ProgressReportDto>, ProblemHttpResult>> ReturnAsync(
        Guid studioId, int year, ReturnProgressReportRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var comments = v.Text("comments", request.Comments, 2_000);
        if (v.Problem is { } invalid) return invalid;
        var right = await access.RightAsync(studioId, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        if (right != StudioRight.Admin) return Problems.Forbidden("Only an admin above the studio may return its report.");

        const string Sql = """
            UPDATE progress_reports SET status = 'Returned', returned_at = @now, returned_by = @adminId, return_comments = @comments
            WHERE studio_id = @studioId AND year = @year AND status = 'Submitted'
            RETURNING id, studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, returned_at, return_comments
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var dto = await conn.QuerySingleOrDefaultAsync<ProgressReportDto>(new CommandDefinition(Sql,
            new { studioId, year, comments, now = clock.GetUtcNow().UtcDateTime, adminId = user.Id() }, cancellationToken: ct));
        if (dto is null) return Problems.Conflict("report_not_submitted", "There is no submitted report of this year to return.");
        return TypedResults.Ok(dto);
    }
}
