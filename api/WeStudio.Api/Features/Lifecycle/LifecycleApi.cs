using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Lifecycle;

/// <summary>
/// A licensed studio's stages (DESIGN.md "Studio status"): yearly assessment (年度考核), rectification (限期整改),
/// revocation (撤销), leader change (更换主持人) and acceptance (验收). Each transition is one endpoint, taken by the
/// committee that owns the studio's programme or by the studio's leader, allowed only from the statuses the notices
/// allow (409 <c>invalid_transition</c>) and audited (<c>GET …/stage</c> lists who, when, from, to, why).
/// Sources: Liuzhou 2023 五(2) "考核不合格的，限期整改，并视情况决定是否继续予以立项", 五(3) 验收; Maoming 2023 (funding
/// follows the yearly result); Gansu 2023 六(一) (leader change needs approval).
/// </summary>
public static class LifecycleApi
{
    private static readonly StudioStatus[] Running = [StudioStatus.Active, StudioStatus.Rectifying];

    public static IEndpointRouteBuilder MapLifecycle(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/studios/{id:guid}").WithTags("Lifecycle").RequireAuthorization();
        group.MapGet("/stage", StageAsync).WithName("GetStudioStage")
            .WithSummary("The studio's stage: status, licence date, build year, assessments, rectifications, acceptance, leader changes and the audited history. 403 forbidden; 404 not_found.");
        var committee = group.MapGroup("").RequireAuthorization(CurrentUser.AdminPolicy);
        committee.MapPost("/assessments", AssessAsync).WithName("RecordAssessment")
            .WithSummary("The committee records a build year's assessment (合格/不合格, funding), with the ledger attached; Fail opens a rectification (Active → Rectifying). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, already_assessed.");
        committee.MapPost("/rectifications", OpenRectificationAsync).WithName("OpenRectification")
            .WithSummary("The committee orders a rectification with a deadline and items (a failed evaluation): Active → Rectifying. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition.");
        committee.MapPost("/rectification/close", CloseRectificationAsync).WithName("CloseRectification")
            .WithSummary("The committee closes the rectification after the leader's report: Rectifying → Active. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, report_missing.");
        committee.MapPost("/revoke", RevokeAsync).WithName("RevokeStudio")
            .WithSummary("The committee revokes (撤销) a studio in rectification, with a reason: Rectifying → Revoked; its history stays read-only and its members can no longer check in. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition.");
        committee.MapPost("/acceptance/decision", DecideAcceptanceAsync).WithName("DecideAcceptance")
            .WithSummary("The committee records the acceptance: Passed (达标结项, Active → Completed) or NotPassed (通报, with reason; the studio stays Active). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, acceptance_missing.");
        committee.MapPost("/leader-change/decision", DecideLeaderChangeAsync).WithName("DecideLeaderChange")
            .WithSummary("The committee approves (the roles swap) or rejects the pending leader change. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, no_pending_change, successor_not_member.");
        var leader = group.MapGroup("").RequireAuthorization(CurrentUser.MemberPolicy);
        leader.MapPost("/rectification/report", ReportRectificationAsync).WithName("ReportRectification")
            .WithSummary("The leader submits (or replaces) the rectification report. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition.");
        leader.MapPost("/acceptance", SubmitAcceptanceAsync).WithName("SubmitAcceptance")
            .WithSummary("The leader submits the final summary report and achievements compilation, in the cycle's last build year. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, acceptance_too_early, already_submitted.");
        leader.MapPost("/leader-change", RequestLeaderChangeAsync).WithName("RequestLeaderChange")
            .WithSummary("The leader asks the committee to hand the studio to a member (Gansu 六(一)). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition, leader_change_pending; 422 successor_not_member.");
        return app;
    }

    /// <summary>The studio and its programme when the admin is its committee; else the refusal.</summary>
    private static async Task<(StudioDto? Studio, ProgrammeRow? Programme, ProblemHttpResult? Problem)> CommitteeAsync(
        Guid id, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, CancellationToken ct)
    {
        var studio = await studios.FindAsync(id, ct);
        if (studio is null) return (null, null, Problems.NotFound("Studio"));
        var programme = await programmes.FindOwnedAsync(studio.ProgrammeId, user.Id(), ct);
        if (programme?.Visible != true) return (null, null, Problems.Forbidden("Only the committee that owns the studio's programme may do this."));
        return (studio, programme, null);
    }

    /// <summary>A transition's answer: its refusal, or the studio's stage after it.</summary>
    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> AnswerAsync(LifecycleStore.Outcome? outcome, Guid id,
        StudiosStore studios, LifecycleStore store, LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct) =>
        outcome is null || outcome.Refused ? Refused(outcome) : TypedResults.Ok(await StageOfAsync(id, studios, store, ledger, calendar, ct));

    private static ProblemHttpResult Refused(LifecycleStore.Outcome? outcome) => outcome is null
        ? Problems.NotFound("Studio")
        : outcome.Code == "successor_not_member"
            ? Problems.Of(StatusCodes.Status422UnprocessableEntity, outcome.Code, outcome.Message!, errors: new Dictionary<string, string[]> { ["successorId"] = [outcome.Message!] })
            : Problems.Conflict(outcome.Code!, outcome.Message!);

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> StageAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, LifecycleStore store, LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await StageOfAsync(id, studios, store, ledger, calendar, ct));
    }

    private static async Task<StudioStageDto> StageOfAsync(Guid id, StudiosStore studios, LifecycleStore store, LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var studio = (await studios.FindAsync(id, ct))!;
        LedgerStudio info;
        LedgerStore.ProgrammeInfo programme;
        await using (var conn = await ledger.OpenAsync(ct))
        {
            var (s, p) = await ledger.StudioAsync(conn, id, ct);
            (info, programme) = (s!, p!);
        }
        var licensedOn = calendar.DayOf(info.CreatedAt);
        var today = calendar.DayOf(store.Clock.GetUtcNow());
        var stage = await store.StageAsync(id, ct);
        return stage with { Status = studio.Status, LicensedOn = licensedOn, CycleYears = programme.CycleYears, BuildYear = BuildYearOf(licensedOn, today) };
    }

    /// <summary>Build year n (1-based) runs from the licence date + (n − 1) years; 0 before licensing.</summary>
    internal static int BuildYearOf(DateOnly licensedOn, DateOnly day)
    {
        if (day < licensedOn) return 0;
        var n = day.Year - licensedOn.Year;
        return licensedOn.AddYears(n) > day ? n : n + 1;
    }

    private static string[]? Items(Validation v, string field, string[]? items, bool required)
    {
        if (items is null or { Length: 0 })
        {
            if (required) v.Add(field, $"'{field}' needs 1–20 items.");
            return null;
        }
        if (items.Length > 20) v.Add(field, $"'{field}' has at most 20 items.");
        return items.Select((t, k) => v.Text($"{field}[{k}]", t, 500)).OfType<string>().ToArray();
    }

    private static string[] Links(Validation v, string[]? links)
    {
        links ??= [];
        if (links.Length > 9) v.Add("links", "At most 9 links.");
        for (var k = 0; k < links.Length; k++)
            if (links[k] is not { Length: <= 500 } l || !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                v.Add($"links[{k}]", "Each link is an https URL of at most 500 characters.");
        return links;
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> AssessAsync(
        Guid id, RecordAssessmentRequest request, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, LifecycleStore store,
        LedgerService ledgerService, LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var buildYear = v.Range("buildYear", request.BuildYear, 1, 10);
        var result = v.Required("result", request.Result);
        if (request.FundingAmount is < 0 or > 100_000_000) v.Add("fundingAmount", "'fundingAmount' must be between 0 and 100000000 yuan.");
        if (request.FundingAmount is not null && request.FundingDecision is null) v.Add("fundingDecision", "'fundingDecision' comes with 'fundingAmount'.");
        var reason = v.Text("reason", request.Reason, 1000, required: false);
        string[]? items = null;
        if (result == AssessmentResult.Fail)
        {
            v.Required("rectificationDeadline", request.RectificationDeadline);
            items = Items(v, "requiredItems", request.RequiredItems, required: true);
        }
        if (v.Problem is { } invalid) return invalid;
        var (studio, programme, refused) = await CommitteeAsync(id, user, studios, programmes, ct);
        if (refused is not null) return refused;

        var stage = await StageOfAsync(id, studios, store, ledger, calendar, ct);
        if (buildYear > programme!.CycleYears) return Problems.Field("buildYear", $"The programme's cycle has {programme.CycleYears} build years.");
        if (buildYear > stage.BuildYear) return Problems.Field("buildYear", $"Build year {buildYear} has not begun (the studio is in build year {stage.BuildYear}).");
        var today = calendar.DayOf(store.Clock.GetUtcNow());
        if (request.RectificationDeadline is { } deadline && deadline <= today) return Problems.Field("rectificationDeadline", "'rectificationDeadline' must be after today.");

        // The evidence: the studio's ledger of every calendar year the build year spans, as it stands now.
        var starts = stage.LicensedOn.AddYears(buildYear!.Value - 1);
        var ends = stage.LicensedOn.AddYears(buildYear.Value).AddDays(-1);
        var ledgers = new List<StudioLedgerDto>();
        for (var y = starts.Year; y <= ends.Year; y++)
            if (await ledgerService.StudioLedgerAsync(id, y, ct) is { } l) ledgers.Add(l);
        var evidence = JsonSerializer.Serialize(new { buildYear, starts, ends, ledgers }, Applications.ApplicationsStore.FormJson);

        var outcome = await store.TransitionAsync(id, [StudioStatus.Active], result == AssessmentResult.Fail ? "AssessFail" : "AssessPass", true, user.Id(), reason,
            async (conn, tx, _, now) =>
            {
                var assessmentId = Database.NewId();
                if (!await LifecycleStore.InsertAssessmentAsync(conn, tx, assessmentId, id, request, reason, evidence, user.Id(), now, ct))
                    return LifecycleStore.Step.Refuse("already_assessed", $"Build year {buildYear} already has an assessment.");
                if (result == AssessmentResult.Pass) return new LifecycleStore.Step();
                await LifecycleStore.OpenRectificationAsync(conn, tx, id, assessmentId, request.RectificationDeadline!.Value, items!, user.Id(), now, ct);
                return new LifecycleStore.Step(StudioStatus.Rectifying);
            }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> OpenRectificationAsync(
        Guid id, OpenRectificationRequest request, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var deadline = v.Required("deadline", request.Deadline);
        if (deadline is { } d && d <= calendar.DayOf(store.Clock.GetUtcNow())) v.Add("deadline", "'deadline' must be after today.");
        var items = Items(v, "requiredItems", request.RequiredItems, required: true);
        var reason = v.Text("reason", request.Reason, 1000);
        if (v.Problem is { } invalid) return invalid;
        var (_, _, refused) = await CommitteeAsync(id, user, studios, programmes, ct);
        if (refused is not null) return refused;
        var outcome = await store.TransitionAsync(id, [StudioStatus.Active], "OpenRectification", true, user.Id(), reason, async (conn, tx, _, now) =>
        {
            await LifecycleStore.OpenRectificationAsync(conn, tx, id, null, deadline!.Value, items!, user.Id(), now, ct);
            return new LifecycleStore.Step(StudioStatus.Rectifying);
        }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> ReportRectificationAsync(
        Guid id, RectificationReportRequest request, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var report = v.Text("report", request.Report, 5000);
        var links = Links(v, request.Links);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;
        var outcome = await store.TransitionAsync(id, [StudioStatus.Rectifying], "ReportRectification", false, user.Id(), null, async (conn, tx, _, now) =>
        {
            var open = await LifecycleStore.LockOpenRectificationAsync(conn, tx, id, ct);
            if (open is null) return LifecycleStore.Step.Refuse("invalid_transition", "The studio has no open rectification.");
            await LifecycleStore.ReportRectificationAsync(conn, tx, open.Value.Id, report!, links, now, ct);
            return new LifecycleStore.Step();
        }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> CloseRectificationAsync(
        Guid id, Applications.ReasonRequest request, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 1000);
        if (v.Problem is { } invalid) return invalid;
        var (_, _, refused) = await CommitteeAsync(id, user, studios, programmes, ct);
        if (refused is not null) return refused;
        var outcome = await store.TransitionAsync(id, [StudioStatus.Rectifying], "CloseRectification", true, user.Id(), reason, async (conn, tx, _, now) =>
        {
            var open = await LifecycleStore.LockOpenRectificationAsync(conn, tx, id, ct);
            if (open is not { Status: RectificationStatus.Reported })
                return LifecycleStore.Step.Refuse("report_missing", "The leader has not submitted the rectification report yet.");
            await LifecycleStore.DecideRectificationAsync(conn, tx, open.Value.Id, RectificationStatus.Closed, reason!, user.Id(), now, ct);
            return new LifecycleStore.Step(StudioStatus.Active);
        }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> RevokeAsync(
        Guid id, Applications.ReasonRequest request, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 1000);
        if (v.Problem is { } invalid) return invalid;
        var (_, _, refused) = await CommitteeAsync(id, user, studios, programmes, ct);
        if (refused is not null) return refused;
        var outcome = await store.TransitionAsync(id, [StudioStatus.Rectifying], "Revoke", true, user.Id(), reason, async (conn, tx, _, now) =>
        {
            if (await LifecycleStore.LockOpenRectificationAsync(conn, tx, id, ct) is { } open)
                await LifecycleStore.DecideRectificationAsync(conn, tx, open.Id, RectificationStatus.Revoked, reason!, user.Id(), now, ct);
            return new LifecycleStore.Step(StudioStatus.Revoked);
        }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> SubmitAcceptanceAsync(
        Guid id, AcceptanceRequest request, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        v.Text("summaryReport", request.SummaryReport, 20_000);
        v.Text("achievementsCompilation", request.AchievementsCompilation, 20_000);
        var links = Links(v, request.Links);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;
        var stage = await StageOfAsync(id, studios, store, ledger, calendar, ct);
        if (stage.BuildYear < stage.CycleYears)
            return Problems.Conflict("acceptance_too_early", $"Acceptance materials are submitted in the cycle's last build year ({stage.CycleYears}); the studio is in build year {stage.BuildYear}.");
        var outcome = await store.TransitionAsync(id, [StudioStatus.Active], "SubmitAcceptance", false, user.Id(), null, async (conn, tx, _, now) =>
            await LifecycleStore.SubmitAcceptanceAsync(conn, tx, id, request with { SummaryReport = request.SummaryReport!.Trim(), AchievementsCompilation = request.AchievementsCompilation!.Trim() },
                links, user.Id(), now, ct)
                ? new LifecycleStore.Step()
                : LifecycleStore.Step.Refuse("already_submitted", "The acceptance materials were already submitted."), ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> DecideAcceptanceAsync(
        Guid id, AcceptanceDecisionRequest request, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var result = v.Required("result", request.Result);
        var reason = v.Text("reason", request.Reason, 1000, required: result == AcceptanceResult.NotPassed);
        if (v.Problem is { } invalid) return invalid;
        var (_, _, refused) = await CommitteeAsync(id, user, studios, programmes, ct);
        if (refused is not null) return refused;
        var outcome = await store.TransitionAsync(id, [StudioStatus.Active], result == AcceptanceResult.Passed ? "AcceptPassed" : "AcceptNotPassed", true, user.Id(), reason,
            async (conn, tx, _, now) =>
            {
                if (!await LifecycleStore.DecideAcceptanceAsync(conn, tx, id, result!.Value, reason, user.Id(), now, ct))
                    return LifecycleStore.Step.Refuse("acceptance_missing", "No undecided acceptance materials: the leader submits them first.");
                return new LifecycleStore.Step(result == AcceptanceResult.Passed ? StudioStatus.Completed : null);
            }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> RequestLeaderChangeAsync(
        Guid id, LeaderChangeRequest request, ClaimsPrincipal user, StudioAccess access, StudiosStore studios, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var successor = v.Required("successorId", request.SuccessorId);
        var reason = v.Text("reason", request.Reason, 1000);
        if (successor == user.Id()) v.Add("successorId", "The successor is another member of the team.");
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(id, user, ct) is { } refused) return refused;
        var outcome = await store.TransitionAsync(id, Running, "RequestLeaderChange", false, user.Id(), reason, async (conn, tx, _, now) =>
        {
            if (await studios.ActiveRoleAsync(conn, tx, id, successor!.Value, ct) != StudioRole.Member)
                return LifecycleStore.Step.Refuse("successor_not_member", "The successor must be an active member of the studio.");
            return await LifecycleStore.RequestLeaderChangeAsync(conn, tx, id, user.Id(), successor.Value, reason!, now, ct)
                ? new LifecycleStore.Step()
                : LifecycleStore.Step.Refuse("leader_change_pending", "A leader change is already waiting for the committee.");
        }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }

    private static async Task<Results<Ok<StudioStageDto>, ProblemHttpResult>> DecideLeaderChangeAsync(
        Guid id, LeaderChangeDecisionRequest request, ClaimsPrincipal user, StudiosStore studios, ProgrammesStore programmes, LifecycleStore store,
        LedgerStore ledger, LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var approve = v.Required("approve", request.Approve);
        var reason = v.Text("reason", request.Reason, 1000, required: approve == false);
        if (v.Problem is { } invalid) return invalid;
        var (_, _, refused) = await CommitteeAsync(id, user, studios, programmes, ct);
        if (refused is not null) return refused;
        var outcome = await store.TransitionAsync(id, Running, approve == true ? "ApproveLeaderChange" : "RejectLeaderChange", true, user.Id(), reason, async (conn, tx, _, now) =>
        {
            var pending = await LifecycleStore.LockPendingLeaderChangeAsync(conn, tx, id, ct);
            if (pending is null) return LifecycleStore.Step.Refuse("no_pending_change", "No leader change is waiting for a decision.");
            if (approve == true && !await studios.SwapLeaderAsync(conn, tx, id, pending.FromMemberId, pending.ToMemberId, ct))
                return LifecycleStore.Step.Refuse("successor_not_member", "The successor is no longer a member (or the leader changed): the request cannot be approved.");
            await LifecycleStore.DecideLeaderChangeAsync(conn, tx, pending.Id, approve == true, reason, user.Id(), now, ct);
            return new LifecycleStore.Step();
        }, ct);
        return await AnswerAsync(outcome, id, studios, store, ledger, calendar, ct);
    }
}
