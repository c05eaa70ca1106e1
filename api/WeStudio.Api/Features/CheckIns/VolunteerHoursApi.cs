using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>Volunteer hours per Asia/Shanghai calendar year: the member's own, and a studio's per person and per activity kind.</summary>
public static class VolunteerHoursApi
{
    public static IEndpointRouteBuilder MapVolunteerHours(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/volunteer-hours", MineAsync).WithTags("CheckIns").WithName("GetMyVolunteerHours").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The member's volunteer hours of a calendar year (Asia/Shanghai; year 2000–2100, default this year), per activity kind, with the activities; an activity counts once, in the year it starts. 400 validation_failed.");
        app.MapGet("/api/v1/studios/{id:guid}/volunteer-hours", StudioAsync).WithTags("CheckIns").WithName("GetStudioVolunteerHours").RequireAuthorization()
            .WithSummary("A studio's volunteer hours of a calendar year (Asia/Shanghai; year 2000–2100, default this year) per person and per activity kind, for the leader and the admins above it. 400 validation_failed; 403 forbidden; 404 not_found.");
        return app;
    }

    /// <summary>The validated year (default this year in the calendar zone) and its UTC bounds.</summary>
    private static (int Year, DateTimeOffset From, DateTimeOffset To, ProblemHttpResult? Problem) Year(int? year, Calendar calendar)
    {
        var v = new Validation();
        var y = v.Range("year", year ?? calendar.Today.Year, 2000, 2100);
        if (v.Problem is { } invalid) return (0, default, default, invalid);
        return (y!.Value, calendar.At(new DateOnly(y.Value, 1, 1), TimeOnly.MinValue), calendar.At(new DateOnly(y.Value + 1, 1, 1), TimeOnly.MinValue), null);
    }

    private static async Task<Results<Ok<MyVolunteerHours>, ProblemHttpResult>> MineAsync(
        ClaimsPrincipal user, VolunteerHoursStore store, Calendar calendar, CancellationToken ct, int? year = null)
    {
        var (y, from, to, invalid) = Year(year, calendar);
        if (invalid is not null) return invalid;
        return TypedResults.Ok(await store.MineAsync(user.Id(), y, from, to, ct));
    }

    private static async Task<Results<Ok<StudioVolunteerHours>, ProblemHttpResult>> StudioAsync(
        Guid id, ClaimsPrincipal user, VolunteerHoursStore store, StudioAccess access, Calendar calendar, CancellationToken ct, int? year = null)
    {
        var (y, from, to, invalid) = Year(year, calendar);
        if (invalid is not null) return invalid;
        var right = await access.RightAsync(id, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        if (right is not (StudioRight.Leader or StudioRight.Admin))
            return Problems.Forbidden("Only the studio's leader and the admins above it read the studio's volunteer hours.");
        return TypedResults.Ok(await store.StudioAsync(id, y, from, to, ct));
    }
}
