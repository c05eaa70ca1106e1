using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Lifecycle;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// Evaluations (考核评估): the committee opens a round of a programme with a rubric, appoints evaluators (考核评估组专家, WeChat
/// users), the leader submits the round's materials, each evaluator fills a score sheet per studio (data items from the ledger,
/// their own items by band and points), submits it (frozen with its evidence), the committee reads the results (mean of the
/// evaluators, gates, rank), writes 反馈意见 that the leader acknowledges, and closes the round: a failed MidTerm or
/// YearlyAssessment puts the studio in rectification, a passed Final completes it (issue 13's transitions, audited).
/// Sources: Liuzhou 2023 二(三) 中期评估, 五(2)(3); Maoming 2023 五(2); Wenzhou 2022 附件2.
/// </summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Evaluation").RequireAuthorization();
        api.MapGet("/rubrics", () => TypedResults.Ok(Rubrics.All)).WithName("ListRubrics")
            .WithSummary("The rubrics as data: every item with its clause, source (Data/Evaluator/Mixed), scoring, bands and point ranges.");
        var admin = api.MapGroup("").RequireAuthorization(CurrentUser.AdminPolicy);
        admin.MapPost("/programmes/{id:guid}/evaluation-rounds", CreateRoundAsync).WithName("CreateEvaluationRound")
            .WithSummary("The committee opens an evaluation round. 400 validation_failed; 403 forbidden; 404 not_found.");
        admin.MapGet("/programmes/{id:guid}/evaluation-rounds", ListRoundsAsync).WithName("ListEvaluationRounds")
            .WithSummary("The programme's rounds. 403 forbidden; 404 not_found.");
        admin.MapPost("/evaluation-rounds/{id:guid}/evaluators", AppointAsync).WithName("AppointEvaluator")
            .WithSummary("The committee appoints a WeChat user as an evaluator of the round. 400 validation_failed; 403 forbidden; 404 not_found; 409 round_closed.");
        admin.MapGet("/evaluation-rounds/{id:guid}/results", ResultsAsync).WithName("GetEvaluationResults")
            .WithSummary("Per studio: each submitted sheet, the mean total, pass/fail, failed gates, rank. 403 forbidden; 404 not_found.");
        admin.MapGet("/evaluation-rounds/{id:guid}/scores.xlsx", ScoreTableAsync).WithName("GetEvaluationScoreTable")
            .WithSummary("The round's score table as .xlsx: one row per studio, one column per item (mean of the evaluators), bonus, total, result, rank. 403 forbidden; 404 not_found.");
        admin.MapPost("/evaluation-rounds/{id:guid}/close", CloseAsync).WithName("CloseEvaluationRound")
            .WithSummary("Closes the round and moves studios through the lifecycle (failed MidTerm/YearlyAssessment → Rectifying; passed Final → Completed). 400 validation_failed; 403 forbidden; 404 not_found; 409 round_closed.");
        admin.MapPost("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/excellent", ConfirmExcellentAsync).WithName("ConfirmExcellentStudio")
            .WithSummary("After a closed Final round of a scored rubric, the committee confirms 优秀 for a passed studio, with a reason. 400 validation_failed; 403 forbidden; 404 not_found; 409 round_open, not_final, not_passed.");
        admin.MapPut("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/feedback", WriteFeedbackAsync).WithName("WriteEvaluationFeedback")
            .WithSummary("The committee writes (or replaces) the 反馈意见 for a studio. 400 validation_failed; 403 forbidden; 404 not_found.");
        var member = api.MapGroup("").RequireAuthorization(CurrentUser.MemberPolicy);
        member.MapGet("/me/evaluation-rounds", MyRoundsAsync).WithName("ListMyEvaluationRounds")
            .WithSummary("The rounds the signed-in member is appointed to evaluate.");
        member.MapGet("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/sheet", GetSheetAsync).WithName("GetScoreSheet")
            .WithSummary("The evaluator's score sheet (data items live until submitted). 403 not_evaluator, studio_not_in_round; 404 not_found.");
        member.MapPut("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/sheet", SaveSheetAsync).WithName("SaveScoreSheet")
            .WithSummary("The evaluator enters items. 400 validation_failed; 403 not_evaluator, studio_not_in_round; 404 not_found; 409 sheet_submitted, round_closed; 422 score_out_of_band, band_condition_unmet.");
        member.MapPost("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/sheet/submit", SubmitSheetAsync).WithName("SubmitScoreSheet")
            .WithSummary("The evaluator submits the sheet: frozen with its data and evidence. 403 not_evaluator, studio_not_in_round; 404 not_found; 409 sheet_incomplete, sheet_submitted, round_closed.");
        member.MapPut("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/materials/{code}", SubmitMaterialAsync).WithName("SubmitEvaluationMaterial")
            .WithSummary("The leader submits a material of the round (e.g. the 3,000-character mid-term summary). 400 validation_failed; 403 forbidden; 404 not_found; 409 round_closed; 422 material_too_long.");
        member.MapPost("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/feedback/acknowledge", AcknowledgeAsync).WithName("AcknowledgeEvaluationFeedback")
            .WithSummary("The leader acknowledges the 反馈意见. 403 forbidden; 404 not_found; 409 already_acknowledged.");
        api.MapGet("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/materials", MaterialsAsync).WithName("ListEvaluationMaterials")
            .WithSummary("The studio's materials for the round: its members, the committee, the round's evaluators. 403 forbidden; 404 not_found.");
        api.MapGet("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/feedback", FeedbackAsync).WithName("GetEvaluationFeedback")
            .WithSummary("The 反馈意见 and its acknowledgement: the studio's members and the committee. 403 forbidden; 404 not_found (also when none yet).");
        api.MapGet("/evaluation-rounds/{id:guid}/studios/{studioId:guid}/compilation.docx", CompilationAsync).WithName("GetAchievementsCompilation")
            .WithSummary("The studio's 成果汇编 for the round as DOCX: achievements, published briefs with up to 2 photos each, ledger summary; TOC and page numbers. The studio's members, the committee, the round's evaluators. 403 forbidden; 404 not_found.");
        api.MapGet("/evaluation-rounds/{id:guid}/studios", StudiosAsync).WithName("ListEvaluationRoundStudios")
            .WithSummary("The studios of the round: the committee and the round's evaluators only. 403 not_evaluator; 404 not_found.");
        return app;
    }

    private static ProblemHttpResult NotEvaluator() => Problems.Of(StatusCodes.Status403Forbidden, "not_evaluator", "You are not an evaluator of this round.");
    private static ProblemHttpResult RoundClosed() => Problems.Conflict("round_closed", "The round is closed.");

    private static async Task<(EvaluationStore.RoundRow? Round, ProblemHttpResult? Problem)> OwnedRoundAsync(Guid id, ClaimsPrincipal user, EvaluationStore store, ProgrammesStore programmes, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return (null, Problems.NotFound("Round"));
        var programme = await programmes.FindOwnedAsync(round.ProgrammeId, user.Id(), ct);
        return programme?.Visible == true ? (round, null) : (null, Problems.Forbidden("Only the committee that owns the round's programme may do this."));
    }

    /// <summary>The round and the studio when the member is one of its evaluators and the studio is one the round evaluates.</summary>
    private static async Task<(EvaluationStore.RoundRow? Round, ProblemHttpResult? Problem)> EvaluatorRoundAsync(Guid id, Guid studioId, ClaimsPrincipal user, EvaluationStore store, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return (null, Problems.NotFound("Round"));
        if (!await store.IsEvaluatorAsync(id, user.Id(), ct)) return (null, NotEvaluator());
        if (!(await store.StudiosOfRoundAsync(round, ct)).Any(s => s.Id == studioId))
            return (null, Problems.Of(StatusCodes.Status403Forbidden, "studio_not_in_round", "The studio is not evaluated in this round."));
        return (round, null);
    }

    private static async Task<Results<Created<RoundDto>, ProblemHttpResult>> CreateRoundAsync(Guid id, CreateRoundRequest request, ClaimsPrincipal user,
        EvaluationStore store, ProgrammesStore programmes, CancellationToken ct)
    {
        var v = new Validation();
        var kind = v.Required("kind", request.Kind);
        var rubric = Rubrics.Find(request.Rubric);
        if (rubric is null) v.Add("rubric", $"'rubric' is one of {string.Join(", ", Rubrics.All.Select(r => r.Code))}.");
        var title = v.Text("title", request.Title, 200);
        var opens = v.Required("opensAt", request.OpensAt);
        var closes = v.Required("closesAt", request.ClosesAt);
        if (opens is not null && closes is not null && closes <= opens) v.Add("closesAt", "'closesAt' must be after 'opensAt'.");
        var materials = request.Materials ?? rubric?.Materials ?? [];
        if (materials.Length > 10) v.Add("materials", "At most 10 materials.");
        for (var k = 0; k < materials.Length; k++)
        {
            if (materials[k].Code is not { Length: >= 1 and <= 40 } c || !c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')) v.Add($"materials[{k}].code", "A code of 1–40 letters, digits or '-'.");
            v.Text($"materials[{k}].title", materials[k].Title, 200);
            if (materials[k].MaxChars is < 1 or > 20000) v.Add($"materials[{k}].maxChars", "'maxChars' is 1–20000.");
        }
        if (materials.Select(m => m.Code).Distinct().Count() != materials.Length) v.Add("materials", "Material codes are unique.");
        if (v.Problem is { } invalid) return invalid;
        var programme = await programmes.FindOwnedAsync(id, user.Id(), ct);
        if (programme is null) return Problems.NotFound("Programme");
        if (!programme.Visible) return Problems.Forbidden("Only the committee that owns the programme may do this.");
        var round = await store.CreateRoundAsync(id, kind!.Value, rubric!.Code, title!, opens!.Value, closes!.Value, materials, user.Id(), ct);
        return TypedResults.Created($"/api/v1/evaluation-rounds/{round.Id}", round.ToDto([]));
    }

    private static async Task<Results<Ok<RoundDto[]>, ProblemHttpResult>> ListRoundsAsync(Guid id, ClaimsPrincipal user, EvaluationStore store, ProgrammesStore programmes, CancellationToken ct)
    {
        var programme = await programmes.FindOwnedAsync(id, user.Id(), ct);
        if (programme is null) return Problems.NotFound("Programme");
        if (!programme.Visible) return Problems.Forbidden("Only the committee that owns the programme may do this.");
        var rounds = await store.RoundsOfProgrammeAsync(id, ct);
        var list = new List<RoundDto>();
        foreach (var r in rounds) list.Add(r.ToDto(await store.EvaluatorsAsync(r.Id, ct)));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> AppointAsync(Guid id, AppointEvaluatorRequest request, ClaimsPrincipal user,
        EvaluationStore store, ProgrammesStore programmes, CancellationToken ct)
    {
        var v = new Validation();
        var memberId = v.Required("memberId", request.MemberId);
        if (v.Problem is { } invalid) return invalid;
        var (round, refused) = await OwnedRoundAsync(id, user, store, programmes, ct);
        if (refused is not null) return refused;
        if (round!.Status != "Open") return RoundClosed();
        if (!await store.AppointAsync(id, memberId!.Value, user.Id(), ct)) return Problems.UnknownReference("memberId", "Member");
        return TypedResults.Ok(round.ToDto(await store.EvaluatorsAsync(id, ct)));
    }

    private static async Task<Ok<RoundDto[]>> MyRoundsAsync(ClaimsPrincipal user, EvaluationStore store, CancellationToken ct)
    {
        var rounds = await store.RoundsOfEvaluatorAsync(user.Id(), ct);
        var list = new List<RoundDto>();
        foreach (var r in rounds) list.Add(r.ToDto(await store.EvaluatorsAsync(r.Id, ct)));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<RoundStudioDto[]>, ProblemHttpResult>> StudiosAsync(Guid id, ClaimsPrincipal user, EvaluationStore store, ProgrammesStore programmes, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return Problems.NotFound("Round");
        if (user.IsAdmin())
        {
            if ((await programmes.FindOwnedAsync(round.ProgrammeId, user.Id(), ct))?.Visible != true) return Problems.Forbidden("Only the committee that owns the round's programme may do this.");
        }
        else if (!await store.IsEvaluatorAsync(id, user.Id(), ct)) return NotEvaluator();
        return TypedResults.Ok((await store.StudiosOfRoundAsync(round, ct)).Select(s => new RoundStudioDto(s.Id, s.Name, s.Status, s.Submitted, s.Started)).ToArray());
    }

    /// <summary>A sheet as it stands: live data while Draft, the frozen data once submitted.</summary>
    internal static async Task<ScoreSheetDto> SheetDtoAsync(EvaluationStore.RoundRow round, Guid studioId, Guid evaluatorId, EvaluationStore.SheetRow? row,
        EvaluationFacts facts, CancellationToken ct)
    {
        var rubric = round.RubricData;
        var data = row?.Frozen is { } frozen
            ? JsonSerializer.Deserialize<Dictionary<string, DataValue>>(frozen, EvaluationStore.Json)!
            : await facts.ForAsync(studioId, rubric, ct);
        var entries = (row?.EntryList ?? []).ToDictionary(e => e.Code);
        var (items, total, bonus, gates, complete, result) = Scoring.Score(rubric, data, entries);
        return new ScoreSheetDto
        {
            Id = row?.Id ?? Guid.Empty, RoundId = round.Id, StudioId = studioId, EvaluatorId = evaluatorId, Status = row?.Status ?? "Draft", Rubric = rubric.Code,
            Items = items, Total = total, Bonus = bonus, FailedGates = gates, Complete = complete, Result = result,
            UpdatedAt = row is null ? round.ToDto([]).CreatedAt : EvaluationStore.Utc(row.UpdatedAt),
            SubmittedAt = row?.SubmittedAt is { } s ? EvaluationStore.Utc(s) : null,
        };
    }

    private static async Task<Results<Ok<ScoreSheetDto>, ProblemHttpResult>> GetSheetAsync(Guid id, Guid studioId, ClaimsPrincipal user, EvaluationStore store, EvaluationFacts facts, CancellationToken ct)
    {
        var (round, refused) = await EvaluatorRoundAsync(id, studioId, user, store, ct);
        if (refused is not null) return refused;
        return TypedResults.Ok(await SheetDtoAsync(round!, studioId, user.Id(), await store.SheetAsync(id, studioId, user.Id(), ct), facts, ct));
    }

    private static async Task<Results<Ok<ScoreSheetDto>, ProblemHttpResult>> SaveSheetAsync(Guid id, Guid studioId, SaveSheetRequest request, ClaimsPrincipal user,
        EvaluationStore store, EvaluationFacts facts, CancellationToken ct)
    {
        if (request.Items is not { Length: >= 1 and <= 50 }) return Problems.Field("items", "'items' holds 1–50 entries.");
        if (request.Items.Any(e => e is null || string.IsNullOrEmpty(e.Code))) return Problems.Field("items", "Every entry has a 'code'.");
        if (request.Items.Select(e => e.Code).Distinct().Count() != request.Items.Length) return Problems.Field("items", "Each item appears once.");
        var (round, refused) = await EvaluatorRoundAsync(id, studioId, user, store, ct);
        if (refused is not null) return refused;
        if (round!.Status != "Open") return RoundClosed();
        var existing = await store.SheetAsync(id, studioId, user.Id(), ct);
        if (existing?.Status == "Submitted") return SheetSubmitted();
        var data = await facts.ForAsync(studioId, round.RubricData, ct);
        for (var k = 0; k < request.Items.Length; k++)
            if (Scoring.Check(round.RubricData, request.Items[k], k, data) is { } error)
                return Problems.Of(error.Status, error.Code, error.Message, errors: new Dictionary<string, string[]> { [error.Field] = [error.Message] });
        if (!await store.SaveEntriesAsync(id, studioId, user.Id(), request.Items, ct)) return SheetSubmitted();
        return TypedResults.Ok(await SheetDtoAsync(round, studioId, user.Id(), await store.SheetAsync(id, studioId, user.Id(), ct), facts, ct));
    }

    private static ProblemHttpResult SheetSubmitted() => Problems.Conflict("sheet_submitted", "The sheet is submitted and frozen.");

    private static async Task<Results<Ok<ScoreSheetDto>, ProblemHttpResult>> SubmitSheetAsync(Guid id, Guid studioId, ClaimsPrincipal user,
        EvaluationStore store, EvaluationFacts facts, CancellationToken ct)
    {
        var (round, refused) = await EvaluatorRoundAsync(id, studioId, user, store, ct);
        if (refused is not null) return refused;
        if (round!.Status != "Open") return RoundClosed();
        var row = await store.SheetAsync(id, studioId, user.Id(), ct);
        if (row?.Status == "Submitted") return SheetSubmitted();
        var data = await facts.ForAsync(studioId, round.RubricData, ct);
        var (items, total, _, _, complete, result) = Scoring.Score(round.RubricData, data, (row?.EntryList ?? []).ToDictionary(e => e.Code));
        if (row is null || !complete)
            return Problems.Conflict("sheet_incomplete", "Every evaluator item needs an entry before submission.",
                string.Join(", ", items.Where(i => !i.Complete).Select(i => i.Item.Code)));
        if (!await store.SubmitAsync(row.Id, JsonSerializer.Serialize(data, EvaluationStore.Json), total, result == "Pass", ct)) return SheetSubmitted();
        return TypedResults.Ok(await SheetDtoAsync(round, studioId, user.Id(), await store.SheetAsync(id, studioId, user.Id(), ct), facts, ct));
    }

    /// <summary>
    /// Every studio's standing from the submitted sheets: the mean of the evaluators' totals (the notices give no other rule);
    /// a gate failed on any submitted sheet fails the studio; rank by mean among passed studios, then the failed ones unranked.
    /// </summary>
    internal static async Task<StudioResultDto[]> StandingsAsync(EvaluationStore.RoundRow round, EvaluationStore store, EvaluationFacts facts, CancellationToken ct)
    {
        var studios = await store.StudiosOfRoundAsync(round, ct);
        var sheets = (await store.SheetsOfRoundAsync(round.Id, ct)).Where(s => s.Status == "Submitted").ToLookup(s => s.StudioId);
        var saved = await store.ResultsAsync(round.Id, ct);
        var rows = new List<StudioResultDto>();
        foreach (var s in studios)
        {
            var dtos = new List<ScoreSheetDto>();
            foreach (var sh in sheets[s.Id]) dtos.Add(await SheetDtoAsync(round, s.Id, sh.EvaluatorId, sh, facts, ct));
            decimal? mean = dtos.Count == 0 || !round.RubricData.Scored ? null : Math.Round(dtos.Average(d => d.Total ?? 0), 2);
            var gates = dtos.SelectMany(d => d.FailedGates).Distinct().ToArray();
            rows.Add(new StudioResultDto
            {
                StudioId = s.Id, StudioName = s.Name, Sheets = dtos.ToArray(), MeanTotal = mean, Passed = dtos.Count == 0 ? null : gates.Length == 0,
                FailedGates = gates, Lifecycle = saved.GetValueOrDefault(s.Id)?.Lifecycle, Excellent = saved.GetValueOrDefault(s.Id)?.ExcellentReason,
            });
        }
        var rank = 0;
        var ranked = rows.Where(r => r.Passed == true).OrderByDescending(r => r.MeanTotal ?? 0).Select(r => r with { Rank = round.RubricData.Scored ? ++rank : null }).ToList();
        return ranked.Concat(rows.Where(r => r.Passed != true)).ToArray();
    }

    private static async Task<Results<Ok<StudioResultDto[]>, ProblemHttpResult>> ResultsAsync(Guid id, ClaimsPrincipal user, EvaluationStore store, ProgrammesStore programmes,
        EvaluationFacts facts, CancellationToken ct)
    {
        var (round, refused) = await OwnedRoundAsync(id, user, store, programmes, ct);
        if (refused is not null) return refused;
        return TypedResults.Ok(await StandingsAsync(round!, store, facts, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ScoreTableAsync(Guid id, ClaimsPrincipal user, EvaluationStore store, ProgrammesStore programmes,
        EvaluationFacts facts, Infrastructure.Calendar zone, TimeProvider clock, CancellationToken ct)
    {
        var (round, refused) = await OwnedRoundAsync(id, user, store, programmes, ct);
        if (refused is not null) return refused;
        var heading = PrintHeading.For(round!.Title, round.RubricData.Title, clock.GetUtcNow(), zone);
        var bytes = ScoreTable.Build(round.ToDto([]), round.RubricData, await StandingsAsync(round, store, facts, ct), heading);
        return TypedResults.File(bytes, ScoreTable.ContentType, $"评分汇总-{round.Id:N}.xlsx");
    }

    private static async Task<Results<Ok<StudioResultDto[]>, ProblemHttpResult>> CloseAsync(Guid id, CloseRoundRequest request, ClaimsPrincipal user, EvaluationStore store,
        ProgrammesStore programmes, EvaluationFacts facts, LifecycleStore lifecycle, LedgerCalendar calendar, CancellationToken ct)
    {
        var (round, refused) = await OwnedRoundAsync(id, user, store, programmes, ct);
        if (refused is not null) return refused;
        if (round!.Status != "Open") return RoundClosed();
        var today = calendar.DayOf(store.Clock.GetUtcNow());
        if (round.Kind != EvaluationKind.Final && request.RectificationDeadline is not { } d0) return Problems.Field("rectificationDeadline", "'rectificationDeadline' is required: failed studios go into rectification.");
        if (request.RectificationDeadline is { } d && d <= today) return Problems.Field("rectificationDeadline", "'rectificationDeadline' must be after today.");
        var standings = await StandingsAsync(round, store, facts, ct);
        var now = store.Clock.GetUtcNow();
        await using (var conn = await store.OpenAsync(ct))
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            if (!await store.CloseRoundAsync(conn, tx, id, user.Id(), now, ct)) return RoundClosed();
            foreach (var r in standings.Where(r => r.Passed is not null))
                await EvaluationStore.InsertResultAsync(conn, tx, id, r with { Lifecycle = "unchanged" }, now, ct);
            await tx.CommitAsync(ct);
        }
        // The lifecycle, one audited transition per studio (issue 13's one path); a studio not in the state the step starts from stays as it is, and the result says so.
        foreach (var r in standings.Where(r => r.Passed is not null))
        {
            LifecycleStore.Outcome? outcome = null;
            if (r.Passed == false && round.Kind != EvaluationKind.Final)
            {
                var items = r.FailedGates.Length > 0 ? r.FailedGates.Select(g => $"{round.RubricData.Items.First(i => i.Code == g).Title}（未达标）").ToArray() : ["按评估反馈意见整改"];
                outcome = await lifecycle.TransitionAsync(r.StudioId, [StudioStatus.Active], "EvaluationFail", true, user.Id(), $"{round.Title}：未通过",
                    async (conn, tx, _, at) =>
                    {
                        await LifecycleStore.OpenRectificationAsync(conn, tx, r.StudioId, null, request.RectificationDeadline!.Value, items, user.Id(), at, ct);
                        return new LifecycleStore.Step(StudioStatus.Rectifying);
                    }, ct);
            }
            else if (r.Passed == true && round.Kind == EvaluationKind.Final)
                outcome = await lifecycle.TransitionAsync(r.StudioId, [StudioStatus.Active], "FinalEvaluationPass", true, user.Id(), $"{round.Title}：通过",
                    (_, _, _, _) => Task.FromResult(new LifecycleStore.Step(StudioStatus.Completed)), ct);
            if (outcome is not null)
                await store.SetLifecycleNoteAsync(id, r.StudioId, outcome.Refused ? $"unchanged: {outcome.Message}" : $"{outcome.From} → {outcome.To}", ct);
        }
        return TypedResults.Ok(await StandingsAsync((await store.FindRoundAsync(id, ct))!, store, facts, ct));
    }

    private static async Task<Results<Ok<StudioResultDto[]>, ProblemHttpResult>> ConfirmExcellentAsync(Guid id, Guid studioId, ExcellentRequest request, ClaimsPrincipal user,
        EvaluationStore store, ProgrammesStore programmes, EvaluationFacts facts, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 500);
        if (v.Problem is { } invalid) return invalid;
        var (round, refused) = await OwnedRoundAsync(id, user, store, programmes, ct);
        if (refused is not null) return refused;
        if (round!.Kind != EvaluationKind.Final || !round.RubricData.Scored) return Problems.Conflict("not_final", "优秀 is awarded after a scored Final round.");
        if (round.Status != "Closed") return Problems.Conflict("round_open", "Close the round before confirming 优秀.");
        if (!await store.ConfirmExcellentAsync(id, studioId, user.Id(), reason!, ct))
            return Problems.Conflict("not_passed", "The studio has no passed result in this round, or 优秀 is confirmed already.");
        return TypedResults.Ok(await StandingsAsync(round, store, facts, ct));
    }

    private static async Task<Results<Ok<MaterialDto[]>, ProblemHttpResult>> SubmitMaterialAsync(Guid id, Guid studioId, string code, MaterialRequest request, ClaimsPrincipal user,
        EvaluationStore store, StudioAccess access, StudiosStore studios, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return Problems.NotFound("Round");
        var spec = round.MaterialSpecs.FirstOrDefault(m => m.Code == code);
        if (spec is null) return Problems.NotFound("Material");
        var v = new Validation();
        var body = v.Text("body", request.Body, int.MaxValue);
        if (v.Problem is { } invalid) return invalid;
        var chars = body!.EnumerateRunes().Count();
        if (chars > spec.MaxChars)
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "material_too_long", $"'{spec.Title}' is at most {spec.MaxChars} characters; this one has {chars}.",
                errors: new Dictionary<string, string[]> { ["body"] = [$"At most {spec.MaxChars} characters."] });
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        if ((await studios.FindAsync(studioId, ct))!.ProgrammeId != round.ProgrammeId) return Problems.Of(StatusCodes.Status403Forbidden, "studio_not_in_round", "The studio is not evaluated in this round.");
        if (round.Status != "Open") return RoundClosed();
        await store.SaveMaterialAsync(id, studioId, code, body, user.Id(), ct);
        return TypedResults.Ok(await store.MaterialsAsync(id, studioId, ct));
    }

    /// <summary>Members of the studio, the owning committee, or an evaluator of the round may read its materials and feedback.</summary>
    private static async Task<ProblemHttpResult?> RefuseStudioReadAsync(EvaluationStore.RoundRow round, Guid studioId, ClaimsPrincipal user, EvaluationStore store,
        StudioAccess access, ProgrammesStore programmes, bool evaluators, CancellationToken ct)
    {
        if (user.IsAdmin())
            return (await programmes.FindOwnedAsync(round.ProgrammeId, user.Id(), ct))?.Visible == true ? null : Problems.Forbidden("Only the committee that owns the round's programme may read this.");
        if (evaluators && await store.IsEvaluatorAsync(round.Id, user.Id(), ct)) return null;
        return await access.RefuseReadAsync(studioId, user, ct);
    }

    private static async Task<Results<Ok<MaterialDto[]>, ProblemHttpResult>> MaterialsAsync(Guid id, Guid studioId, ClaimsPrincipal user, EvaluationStore store,
        StudioAccess access, ProgrammesStore programmes, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return Problems.NotFound("Round");
        if (await RefuseStudioReadAsync(round, studioId, user, store, access, programmes, evaluators: true, ct) is { } refused) return refused;
        return TypedResults.Ok(await store.MaterialsAsync(id, studioId, ct));
    }

    private static readonly Dictionary<string, string> Names = new()
    {
        ["System"] = "制度机制", ["WorkMethodOrCase"] = "工作法/典型案例", ["IdeologicalBrand"] = "思政品牌", ["PublicityPlatform"] = "宣传平台",
        ["ResearchOutput"] = "研究成果", ["DemonstrationEffect"] = "示范辐射", ["Paper"] = "论文", ["Project"] = "课题", ["Monograph"] = "专著",
        ["School"] = "校级", ["County"] = "县（区）级", ["City"] = "市级", ["Province"] = "省级", ["National"] = "国家级",
    };

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CompilationAsync(Guid id, Guid studioId, ClaimsPrincipal user, EvaluationStore store,
        StudioAccess access, ProgrammesStore programmes, StudiosStore studios, Achievements.AchievementsStore achievements, LedgerService ledger, LedgerStore ledgerStore,
        LedgerCalendar calendar, Photos.IPhotoStorage photos, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return Problems.NotFound("Round");
        var studio = await studios.FindAsync(studioId, ct);
        if (studio is null || studio.ProgrammeId != round.ProgrammeId) return Problems.NotFound("Studio");
        if (await RefuseStudioReadAsync(round, studioId, user, store, access, programmes, evaluators: true, ct) is { } refused) return refused;
        LedgerStudio info;
        LedgerStore.ProgrammeInfo programme;
        await using (var conn = await ledgerStore.OpenAsync(ct))
        {
            var (s, p) = await ledgerStore.StudioAsync(conn, studioId, ct);
            (info, programme) = (s!, p!);
        }
        var now = store.Clock.GetUtcNow();
        var today = calendar.DayOf(now);
        var licensedOn = calendar.DayOf(info.CreatedAt);
        var (briefRows, photoRows) = await store.PublishedBriefsAsync(studioId, info.CreatedAt, now, ct);
        var briefs = new List<Compilation.Brief>();
        foreach (var b in briefRows)
        {
            var pics = new List<Compilation.Photo>();
            foreach (var ph in photoRows.Where(p => p.BriefId == b.BriefId && p.ContentType is "image/jpeg" or "image/png"))
            {
                await using var stream = await photos.OpenReadAsync(ph.Sha256, ct);
                if (stream is null) continue;
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                pics.Add(new(copy.ToArray(), ph.ContentType, ph.Width, ph.Height));
            }
            briefs.Add(new(b.Title, calendar.DayOf(EvaluationStore.Utc(b.StartsAt)), b.Theme, b.Summary, pics.ToArray()));
        }
        var cycleEnds = programme.StartsOn.AddYears(programme.CycleYears);
        var year = (today < cycleEnds ? today : cycleEnds.AddDays(-1)).Year;
        var lines = (await ledger.StudioLedgerAsync(studioId, year, ct))?.Requirements ?? [];
        var ledgerRows = lines.Select(l =>
        {
            var cell = l.Cells.LastOrDefault(c => c.Starts <= today) ?? l.Cells.FirstOrDefault();
            var status = cell is null ? "—" : $"{cell.Period}：{LedgerExport.StatusName(cell.Status)}{(cell.Actual is { } a ? $"（{a:0.###}{(cell.Points is { } pts ? $"，{pts:0.##} 分" : "")}）" : "")}";
            return new Compilation.LedgerRow(l.Title, LedgerExport.PeriodKind(l.Period), status);
        }).ToArray();
        var list = await achievements.ListAsync(studioId, null, ct);
        var content = new Compilation.Content(studio.Name, programme.Name, round.Title, studio.LeaderName, licensedOn, today,
            list.OrderBy(a => a.Year).ThenBy(a => a.Title).Select(a => new Compilation.Achievement(
                a.ResearchSubtype is { } st ? $"{Names[a.Form.ToString()]}（{Names[st.ToString()]}）" : Names[a.Form.ToString()], a.Title, a.Year, a.Authors, Names[a.Level.ToString()])).ToArray(),
            briefs.ToArray(), ledgerRows);
        return TypedResults.File(Compilation.Build(content), Compilation.ContentType, $"成果汇编-{studioId:N}.docx");
    }

    private static async Task<Results<Ok<FeedbackDto>, ProblemHttpResult>> WriteFeedbackAsync(Guid id, Guid studioId, FeedbackRequest request, ClaimsPrincipal user,
        EvaluationStore store, ProgrammesStore programmes, StudiosStore studios, CancellationToken ct)
    {
        var v = new Validation();
        var body = v.Text("body", request.Body, 5000);
        if (v.Problem is { } invalid) return invalid;
        var (round, refused) = await OwnedRoundAsync(id, user, store, programmes, ct);
        if (refused is not null) return refused;
        if ((await studios.FindAsync(studioId, ct))?.ProgrammeId != round!.ProgrammeId) return Problems.NotFound("Studio");
        await store.SaveFeedbackAsync(id, studioId, body!, user.Id(), ct);
        return TypedResults.Ok((await store.FeedbackAsync(id, studioId, ct))!);
    }

    private static async Task<Results<Ok<FeedbackDto>, ProblemHttpResult>> FeedbackAsync(Guid id, Guid studioId, ClaimsPrincipal user, EvaluationStore store,
        StudioAccess access, ProgrammesStore programmes, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct);
        if (round is null) return Problems.NotFound("Round");
        if (await RefuseStudioReadAsync(round, studioId, user, store, access, programmes, evaluators: false, ct) is { } refused) return refused;
        return await store.FeedbackAsync(id, studioId, ct) is { } f ? TypedResults.Ok(f) : Problems.NotFound("Feedback");
    }

    private static async Task<Results<Ok<FeedbackDto>, ProblemHttpResult>> AcknowledgeAsync(Guid id, Guid studioId, ClaimsPrincipal user, EvaluationStore store,
        StudioAccess access, CancellationToken ct)
    {
        if (await store.FindRoundAsync(id, ct) is null) return Problems.NotFound("Round");
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        if (await store.FeedbackAsync(id, studioId, ct) is null) return Problems.NotFound("Feedback");
        if (!await store.AcknowledgeAsync(id, studioId, user.Id(), ct)) return Problems.Conflict("already_acknowledged", "The feedback is acknowledged already.");
        return TypedResults.Ok((await store.FeedbackAsync(id, studioId, ct))!);
    }
}
