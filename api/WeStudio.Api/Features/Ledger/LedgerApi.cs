using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>The ledger (台账): per studio and year, and the committee overview of a programme; JSON and Excel.</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/studios/{id:guid}/ledger", StudioLedgerAsync).WithTags("Ledger").WithName("GetStudioLedger").RequireAuthorization()
            .WithSummary("The studio's ledger for a calendar year (default this year): every requirement and period with target, actual, status and evidence. 400 validation_failed; 403 forbidden; 404 not_found.");
        app.MapGet("/api/v1/ledger", OverviewAsync).WithTags("Ledger").WithName("GetLedgerOverview").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Committee overview: the programme's studios in the admin's subtree with their requirement statuses for a period (YYYY or YYYY-MM), most missed first, each with its stage; filters districtId, status and stage (the studio's status); paged. 400 validation_failed; 403 forbidden; 404 not_found.");
        app.MapGet("/api/v1/studios/{id:guid}/ledger.xlsx", LedgerExport.StudioWorkbookAsync).WithTags("Ledger").WithName("ExportStudioLedger").RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: LedgerExport.ContentType)
            .WithSummary("The studio's ledger for a year as an Excel workbook (summary, activities, achievements sheets). 400 validation_failed; 403 forbidden; 404 not_found.");
        app.MapGet("/api/v1/ledger.xlsx", LedgerExport.ProgrammeWorkbookAsync).WithTags("Ledger").WithName("ExportProgrammeLedger").RequireAuthorization(CurrentUser.AdminPolicy)
            .Produces(StatusCodes.Status200OK, contentType: LedgerExport.ContentType)
            .WithSummary("The ledgers of the programme's studios in the admin's subtree for a year as one Excel workbook, streamed. 400 validation_failed; 403 forbidden; 404 not_found.");
        app.MapPut("/api/v1/studios/{id:guid}/ledger/marks/{requirementId:guid}/{periodStarts}", MarkAsync).WithTags("Ledger").WithName("MarkRequirement")
            .RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("A committee admin above the studio marks a CommitteeMarked requirement done for the period starting on periodStarts (yyyy-MM-dd; a report received, a contact visit, 年初建账…); again replaces the note. 400 validation_failed (not a start of one of the requirement's periods, not yet begun, not CommitteeMarked); 403 forbidden; 404 not_found.");
        app.MapDelete("/api/v1/studios/{id:guid}/ledger/marks/{requirementId:guid}/{periodStarts}", UnmarkAsync).WithTags("Ledger").WithName("UnmarkRequirement")
            .RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Removes the committee's mark. 400 validation_failed; 403 forbidden; 404 not_found.");
        app.MapPut("/api/v1/studios/{id:guid}/star-ratings/{year:int}", RateAsync).WithTags("Ledger").WithName("RateStudio").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("A committee admin above the studio assigns its star rating (★1–★5) for a year with a reason (Guyuan programmes, seeds/004). 400 validation_failed; 403 forbidden; 404 not_found; 409 star_ratings_not_used (the programme's rule set is not Guyuan).");
        app.MapGet("/api/v1/studios/{id:guid}/star-ratings", RatingsAsync).WithTags("Ledger").WithName("ListStarRatings").RequireAuthorization()
            .WithSummary("The studio's star ratings, newest year first. 403 forbidden; 404 not_found.");
        return app;
    }

    /// <summary>404 not_found or 403 forbidden unless the user is an admin whose subtree holds the studio.</summary>
    private static async Task<ProblemHttpResult?> RefuseAdminAsync(StudioAccess access, Guid studioId, ClaimsPrincipal user, CancellationToken ct)
    {
        var right = await access.RightAsync(studioId, user, ct);
        if (right is null) return Problems.NotFound("Studio");
        return right == StudioRight.Admin ? null : Problems.Forbidden("Only a committee admin above the studio may do this.");
    }

    private static async Task<Results<Ok<LedgerMarkDto>, ProblemHttpResult>> MarkAsync(Guid id, Guid requirementId, string periodStarts, MarkRequirementRequest? request,
        ClaimsPrincipal user, StudioAccess access, LedgerMarksStore marks, LedgerCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var note = v.Text("note", request?.Note, 200, required: false);
        var starts = ParseDay(v, periodStarts);
        if (v.Problem is { } invalid) return invalid;
        if (await RefuseAdminAsync(access, id, user, ct) is { } refused) return refused;
        var found = await marks.RequirementOfStudioAsync(id, requirementId, ct);
        if (found is null) return Problems.NotFound("Requirement of this studio's programme");
        var (requirement, programme) = found.Value;
        if (requirement.Counts != RequirementCounts.CommitteeMarked)
            return Problems.Field("requirementId", $"'{requirement.Code}' counts {requirement.Counts}, not CommitteeMarked: it cannot be marked.");
        var now = clock.GetUtcNow();
        var period = calendar.PeriodsOf(requirement.Period, starts!.Value.Year, programme.StartsOn, programme.CycleYears).FirstOrDefault(p => p.Starts == starts);
        if (period is null) return Problems.Field("periodStarts", $"{starts:yyyy-MM-dd} is not the first day of a {requirement.Period} period of '{requirement.Code}'.");
        if (period.Starts > calendar.DayOf(now)) return Problems.Field("periodStarts", $"The period starting {starts:yyyy-MM-dd} has not begun: it cannot be marked yet.");
        return TypedResults.Ok(await marks.MarkAsync(id, requirement, period.Starts, note, user.Id(), now, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnmarkAsync(Guid id, Guid requirementId, string periodStarts,
        ClaimsPrincipal user, StudioAccess access, LedgerMarksStore marks, CancellationToken ct)
    {
        var v = new Validation();
        var starts = ParseDay(v, periodStarts);
        if (v.Problem is { } invalid) return invalid;
        if (await RefuseAdminAsync(access, id, user, ct) is { } refused) return refused;
        return await marks.UnmarkAsync(id, requirementId, starts!.Value, ct) ? TypedResults.NoContent() : Problems.NotFound("Mark");
    }

    private static DateOnly? ParseDay(Validation v, string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100) return day;
        v.Add("periodStarts", "'periodStarts' is a date (yyyy-MM-dd) between 2000 and 2100.");
        return null;
    }

    private static async Task<Results<Ok<StarRatingDto>, ProblemHttpResult>> RateAsync(Guid id, int year, RateStudioRequest request,
        ClaimsPrincipal user, StudioAccess access, LedgerMarksStore marks, LedgerStore store, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        v.Range("year", year, 2000, 2100);
        var stars = v.Range("stars", request.Stars, 1, 5);
        var reason = v.Text("reason", request.Reason, 500);
        if (v.Problem is { } invalid) return invalid;
        if (await RefuseAdminAsync(access, id, user, ct) is { } refused) return refused;
        await using (var conn = await store.OpenAsync(ct))
        {
            var (_, programme) = await store.StudioAsync(conn, id, ct);
            if (programme!.RuleSet != RuleSet.Guyuan)
                return Problems.Conflict("star_ratings_not_used", "Star ratings belong to Guyuan's branch model.", $"The studio's programme follows the {programme.RuleSet} rule set.");
        }
        return TypedResults.Ok(await marks.RateAsync(id, year, stars!.Value, reason!, user.Id(), clock.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<StarRatingDto[]>, ProblemHttpResult>> RatingsAsync(Guid id, ClaimsPrincipal user, StudioAccess access, LedgerMarksStore marks, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await marks.RatingsAsync(id, ct));
    }

    internal static ProblemHttpResult? YearProblem(int year) =>
        year is < 2000 or > 2100 ? Problems.Field("year", "'year' must be between 2000 and 2100.") : null;

    private static async Task<Results<Ok<StudioLedgerDto>, ProblemHttpResult>> StudioLedgerAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, LedgerService ledger, LedgerCalendar calendar, CancellationToken ct, int? year = null)
    {
        var y = year ?? calendar.DayOf(ledger.Clock.GetUtcNow()).Year;
        if (YearProblem(y) is { } invalid) return invalid;
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        var dto = await ledger.StudioLedgerAsync(id, y, ct);
        return dto is null ? Problems.NotFound("Studio") : TypedResults.Ok(dto);
    }

    /// <summary>Parses <c>YYYY</c> or <c>YYYY-MM</c> into the year and the local date the period ends (exclusive).</summary>
    internal static (int Year, DateOnly Ends)? ParsePeriod(string? period)
    {
        if (period is null) return null;
        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            return (y, new DateOnly(y + 1, 1, 1));
        if (DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && period.Length == 7 && m.Year is >= 2000 and <= 2100)
            return (m.Year, m.AddMonths(1));
        return null;
    }

    private static async Task<Results<Ok<LedgerOverviewDto>, ProblemHttpResult>> OverviewAsync(
        ClaimsPrincipal user, LedgerService ledger, LedgerOverview overview, LedgerStore store, LedgerMarksStore marks, LedgerCalendar calendar, CancellationToken ct,
        Guid? programmeId = null, string? period = null, Guid? districtId = null, string? status = null, string? sort = null, int page = 1, int pageSize = 50, string? stage = null)
    {
        var v = new Validation();
        v.Required("programmeId", programmeId);
        var now = ledger.Clock.GetUtcNow();
        var parsed = period is null ? (calendar.DayOf(now).Year, new DateOnly(calendar.DayOf(now).Year + 1, 1, 1)) : ParsePeriod(period);
        if (parsed is null) v.Add("period", "'period' is a year (YYYY) or a month (YYYY-MM) between 2000 and 2100.");
        var statusFilter = v.Enum<LedgerStatus>("status", status, required: false);
        var stageFilter = v.Enum<StudioStatus>("stage", stage, required: false);
        if (sort is not null and not ("missed" or "name")) v.Add("sort", "'sort' is 'missed' (most missed first, the default) or 'name'.");
        v.Paging(page, pageSize, maxPageSize: 500);
        if (v.Problem is { } invalid) return invalid;

        (LedgerStore.ProgrammeInfo Programme, bool Visible, Guid AdminUnitId)? found;
        await using (var conn = await store.OpenAsync(ct))
            found = await store.ProgrammeForAdminAsync(conn, programmeId!.Value, user.Id(), ct);
        if (found is null) return Problems.NotFound("Programme");
        if (!found.Value.Visible) return Problems.Forbidden("The programme belongs to another committee.");

        var (year, endsDay) = parsed!.Value;
        var ends = calendar.StartOf(endsDay);
        var asOf = ends < now ? ends : now;
        var programme = found.Value.Programme;
        var view = await overview.GetAsync(programme, year, ends, asOf, calendar.DayOf(asOf.AddTicks(-1)), ct);
        var adminUnit = found.Value.AdminUnitId;
        var matching = (sort == "name" ? view.ByName : view.ByMissed).Where(i =>
            view.Studios[i].IsUnder(adminUnit)
            && (districtId is not { } d || view.Studios[i].IsUnder(d))
            && (statusFilter is not { } f || view.Rows[i].Requirements.Any(q => q.Status == f))
            && (stageFilter is not { } g || view.Rows[i].Status == g)).ToList();

        // Guyuan: the committee's star ratings of the listed studios against the notice's shares (not from the ledger's counts).
        var starShares = programme.RuleSet == RuleSet.Guyuan
            ? LedgerMarksStore.Shares(matching.Select(i => view.Studios[i].Id).ToArray(), await marks.StarsAsync(programme.Id, year, ct))
            : null;
        return TypedResults.Ok(new LedgerOverviewDto
        {
            StarShares = starShares,
            ProgrammeId = programme.Id, ProgrammeName = programme.Name, Period = period ?? year.ToString(CultureInfo.InvariantCulture), AsOf = asOf,
            Requirements = view.Requirements, Page = page, PageSize = pageSize, Total = matching.Count,
            Items = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(i => view.Rows[i]).ToArray(),
        });
    }
}
