using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Programmes;

/// <summary>Programmes (批次); committee admins only. The studios licensed under a programme are mapped by <c>StudiosApi</c>.</summary>
public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes").WithTags("Programmes").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapPost("/", CreateAsync).WithName("CreateProgramme")
            .WithSummary("Creates a programme owned by the admin's org unit. 400 validation_failed.");
        group.MapGet("/", ListAsync).WithName("ListProgrammes")
            .WithSummary("Programmes owned by a unit of the admin's subtree or by one of its ancestors (a district admin sees the city's programme).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetProgramme").WithSummary("One programme. 404 not_found; 403 forbidden.");
        group.MapGet("/{id:guid}/requirements", RequirementsAsync).WithName("ListProgrammeRequirements")
            .WithSummary("The programme's requirements (建设任务指标) in ledger order, each with its notice clause. 403 forbidden; 404 not_found.");
        return app;
    }

    private static async Task<Results<Created<ProgrammeDto>, ProblemHttpResult>> CreateAsync(
        CreateProgrammeRequest request, ClaimsPrincipal user, ProgrammesStore programmes, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", request.Name, 100);
        var issuer = v.Text("issuer", request.Issuer, 100);
        var kind = v.Required("studioKind", request.StudioKind);
        var cycleYears = v.Range("cycleYears", request.CycleYears, 1, 10);
        var startsOn = v.Required("startsOn", request.StartsOn);
        if (startsOn is { Year: < 2000 or > 2100 }) v.Add("startsOn", "'startsOn' must be a date between 2000 and 2100.");
        var teamCap = v.Range("teamCap", request.TeamCap, 1, 500);
        if (v.Problem is { } invalid) return invalid;

        var ruleSet = request.RuleSet ?? RuleSets.DefaultFor(kind!.Value);
        var dto = await programmes.CreateAsync(user.Id(), name!, issuer!, kind!.Value, cycleYears!.Value, startsOn!.Value, teamCap!.Value, ruleSet, ct);
        return TypedResults.Created($"/api/v1/programmes/{dto.Id}", dto);
    }

    private static async Task<Ok<ProgrammeDto[]>> ListAsync(ClaimsPrincipal user, ProgrammesStore programmes, CancellationToken ct) =>
        TypedResults.Ok(await programmes.ListVisibleAsync(user.Id(), ct));

    private static async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, ProgrammesStore programmes, CancellationToken ct)
    {
        var row = await programmes.FindVisibleAsync(id, user.Id(), ct);
        if (row is null) return Problems.NotFound("Programme");
        if (!row.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        return TypedResults.Ok(row.AsDto());
    }

    private static async Task<Results<Ok<RequirementDto[]>, ProblemHttpResult>> RequirementsAsync(
        Guid id, ClaimsPrincipal user, ProgrammesStore programmes, MySqlDataSource db, CancellationToken ct)
    {
        var row = await programmes.FindVisibleAsync(id, user.Id(), ct);
        if (row is null) return Problems.NotFound("Programme");
        if (!row.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        // The requirements are the ledger's table; its store reads them on a connection the caller opens.
        await using var conn = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await LedgerStore.RequirementsAsync(conn, id, ct));
    }
}
