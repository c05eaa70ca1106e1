using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("The programme's requirements (建设任务指标) in ledger order, each with its notice clause, its current target, the notice's default (noticeDefault) and whether the committee changed it (changed, lastChange). 403 forbidden; 404 not_found.");
        group.MapPut("/{id:guid}/requirements/{requirementCode}", UpdateRequirementAsync).WithName("UpdateProgrammeRequirement")
            .WithSummary("A committee admin of the programme's committee (its unit or above) changes one requirement's target (and points, for a scored item) on this programme, with a reason; audited (who, when, old → new) and used at once by the ledger, overview, exports and reminders. 400 validation_failed; 403 forbidden (another committee, or an admin below the programme's unit); 404 not_found, unknown_requirement; 409 requirement_has_no_target (an item the evaluator checks); 422 requirement_not_scored.");
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
        Guid id, ClaimsPrincipal user, ProgrammesStore programmes, RequirementTargetsStore targets, CancellationToken ct)
    {
        var row = await programmes.FindVisibleAsync(id, user.Id(), ct);
        if (row is null) return Problems.NotFound("Programme");
        if (!row.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        return TypedResults.Ok(await targets.ListAsync(id, ct));
    }

    /// <summary>Rates are fractions 0–1 (three decimals); counts whole numbers 0–1000.</summary>
    private static bool IsRate(RequirementDto r) => r.Counts is RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare;

    private static async Task<Results<Ok<RequirementDto>, ProblemHttpResult>> UpdateRequirementAsync(Guid id, string requirementCode, UpdateRequirementTargetRequest request,
        ClaimsPrincipal user, ProgrammesStore programmes, RequirementTargetsStore targets, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 500);
        var target = v.Required("target", request.Target);
        if (target is < 0 or > 1000) v.Add("target", "'target' is 0–1000 (a fraction 0–1 for a rate).");
        if (request.Points is { } p)
        {
            foreach (var (field, value) in new[] { ("points.atTarget", p.AtTarget), ("points.perUnit", p.PerUnit), ("points.max", p.Max) })
                if (value is null) v.Add(field, $"'{field}' is required.");
                else if (value is < 0 or > 100) v.Add(field, $"'{field}' is 0–100.");
            if (p.AtTarget is { } at && p.Max is { } max && max < at) v.Add("points.max", "'points.max' is at least 'points.atTarget'.");
        }
        if (requirementCode.Length is 0 or > 64) v.Add("requirementCode", "'requirementCode' is a requirement code (1–64 characters).");
        if (v.Problem is { } invalid) return invalid;

        var visible = await programmes.FindVisibleAsync(id, user.Id(), ct);
        if (visible is null) return Problems.NotFound("Programme");
        if (!visible.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        if ((await programmes.FindOwnedAsync(id, user.Id(), ct))?.Visible != true)
            return Problems.Forbidden("Only an admin of the committee that owns the programme (its unit or above) changes its targets.");

        var (after, refusal) = await targets.ChangeAsync(id, requirementCode, user.Id(), clock.GetUtcNow(), reason!, (RequirementDto r, out ProblemHttpResult? no) =>
        {
            no = null;
            if (r.Counts == RequirementCounts.EvaluatorChecked)
            {
                no = Problems.Conflict(ProblemCodes.RequirementHasNoTarget, "The evaluator checks this item: it has no target.",
                    $"'{r.Code}' is checked by the evaluator on site or from the materials; nothing is counted against a number.");
                return null;
            }
            if (request.Points is not null && r.PointsAtTarget is null)
            {
                no = Problems.Of(ProblemCodes.RequirementNotScored, "This item scores no points.", errors: new Dictionary<string, string[]> { ["points"] = [$"'{r.Code}' is counted, not scored: send no 'points'."] });
                return null;
            }
            var t = target!.Value;
            if (IsRate(r))
            {
                if (t > 1 || decimal.Round(t, 3) != t) { no = Problems.Field("target", $"'{r.Code}' is a rate: 'target' is a fraction 0–1 with at most three decimals (0: measured only)."); return null; }
                return new RequirementTargetDto(r.TargetMin, t == 0 ? null : t, r.PointsAtTarget, r.PointsPerUnit, r.PointsMax);
            }
            if (decimal.Truncate(t) != t) { no = Problems.Field("target", $"'{r.Code}' counts: 'target' is a whole number 0–1000."); return null; }
            if (r.TargetMax is { } max && t > max) { no = Problems.Field("target", $"'target' may not exceed the notice's upper figure {max} for '{r.Code}'."); return null; }
            var points = request.Points;
            return new RequirementTargetDto((int)t, r.TargetRate, points?.AtTarget ?? r.PointsAtTarget, points?.PerUnit ?? r.PointsPerUnit, points?.Max ?? r.PointsMax);
        }, ct);
        if (refusal is not null) return refusal;
        if (after is null) return Problems.Of(ProblemCodes.UnknownRequirement, "The programme has no requirement with this code.", $"No requirement '{requirementCode}' in this programme.");
        return TypedResults.Ok(after);
    }
}
