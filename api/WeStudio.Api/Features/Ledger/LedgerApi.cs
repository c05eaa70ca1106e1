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
        return app;
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
        ClaimsPrincipal user, LedgerService ledger, LedgerOverview overview, LedgerStore store, LedgerCalendar calendar, CancellationToken ct,
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

        return TypedResults.Ok(new LedgerOverviewDto
        {
            ProgrammeId = programme.Id, ProgrammeName = programme.Name, Period = period ?? year.ToString(CultureInfo.InvariantCulture), AsOf = asOf,
            Requirements = view.Requirements, Page = page, PageSize = pageSize, Total = matching.Count,
            Items = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(i => view.Rows[i]).ToArray(),
        });
    }
}
