using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.BackboneTeachers;

/// <summary>A member the studio trained as a backbone teacher (骨干教师) in <c>year</c>; <c>markedAt</c> is UTC.</summary>
public sealed record BackboneTeacherDto
{
    public Guid MemberId { get; init; }
    public string? DisplayName { get; init; }
    public int Year { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
}

/// <summary>Optional note on the training (≤ 200 characters).</summary>
public sealed record MarkBackboneTeacherRequest(string? Note);

/// <summary>Backbone teachers trained by a studio per year (Liuzhou: "每年培养固定骨干教师不少于5人"); the leader marks them.</summary>
public static class BackboneTeachersApi
{
    public static IEndpointRouteBuilder MapBackboneTeachers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/studios/{studioId:guid}/backbone-teachers").WithTags("BackboneTeachers").RequireAuthorization();
        group.MapGet("/{year:int}", ListAsync).WithName("ListBackboneTeachers")
            .WithSummary("The members the studio trained as backbone teachers in the year. 400 validation_failed; 403 forbidden; 404 not_found.");
        group.MapPut("/{year:int}/{memberId:guid}", MarkAsync).WithName("MarkBackboneTeacher").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader marks an active member of the studio as a backbone teacher trained in the year (idempotent). 400 validation_failed; 403 forbidden; 404 not_found (studio or member of this studio).");
        group.MapDelete("/{year:int}/{memberId:guid}", UnmarkAsync).WithName("UnmarkBackboneTeacher").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader removes the mark. 400 validation_failed; 403 forbidden; 404 not_found.");
        return app;
    }

    private static ProblemHttpResult? YearProblem(int year) =>
        year is < 2000 or > 2100 ? Problems.Field("year", "'year' must be between 2000 and 2100.") : null;

    private static async Task<Results<Ok<BackboneTeacherDto[]>, ProblemHttpResult>> ListAsync(
        Guid studioId, int year, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (YearProblem(year) is { } invalid) return invalid;
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        const string Sql = """
            SELECT b.member_id, m.display_name, b.year, b.note, b.marked_at
            FROM backbone_teachers b JOIN members m ON m.id = b.member_id
            WHERE b.studio_id = @studioId AND b.year = @year ORDER BY b.marked_at
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var list = await conn.QueryAsync<BackboneTeacherDto>(new CommandDefinition(Sql, new { studioId, year }, cancellationToken: ct));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<BackboneTeacherDto>, ProblemHttpResult>> MarkAsync(
        Guid studioId, int year, Guid memberId, MarkBackboneTeacherRequest? request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var v = new Validation();
        v.Range("year", year, 2000, 2100);
        var note = v.Text("note", request?.Note, 200, required: false);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        const string Sql = """
            INSERT INTO backbone_teachers (studio_id, member_id, year, note, marked_by)
            SELECT @studioId, @memberId, @year, @note, @leaderId
            WHERE EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL)
            ON CONFLICT (studio_id, year, member_id) DO UPDATE SET note = excluded.note;
            SELECT b.member_id, m.display_name, b.year, b.note, b.marked_at
            FROM backbone_teachers b JOIN members m ON m.id = b.member_id
            WHERE b.studio_id = @studioId AND b.year = @year AND b.member_id = @memberId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var dto = await conn.QuerySingleOrDefaultAsync<BackboneTeacherDto>(new CommandDefinition(Sql,
            new { studioId, memberId, year, note, leaderId = user.Id() }, cancellationToken: ct));
        return dto is null ? Problems.NotFound("Member of this studio") : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnmarkAsync(
        Guid studioId, int year, Guid memberId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        if (YearProblem(year) is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        await using var conn = await db.OpenConnectionAsync(ct);
        var removed = await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM backbone_teachers WHERE studio_id = @studioId AND year = @year AND member_id = @memberId", new { studioId, year, memberId }, cancellationToken: ct));
        return removed == 0 ? Problems.NotFound("Backbone teacher") : TypedResults.NoContent();
    }
}
