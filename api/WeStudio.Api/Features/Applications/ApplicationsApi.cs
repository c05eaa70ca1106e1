using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Applications;

/// <summary>
/// Calls (申报通知) and applications (申报表): a committee opens a call with its deadline and quotas; a would-be leader
/// drafts and submits an application, checked for eligibility per notice (<see cref="Eligibility"/>); a county/district
/// admin endorses it (推荐) within its quota; the committee approves it, which licenses the studio, or rejects it.
/// </summary>
public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/api/v1/programmes").WithTags("Calls").RequireAuthorization(CurrentUser.AdminPolicy);
        programmes.MapPost("/{id:guid}/calls", CreateCallAsync).WithName("CreateCall")
            .WithSummary("The committee opens a call for a programme it owns, with its deadline, eligibility rules and quotas. 400 validation_failed; 403 forbidden; 404 not_found.");
        programmes.MapGet("/{id:guid}/calls", ProgrammeCallsAsync).WithName("ListProgrammeCalls")
            .WithSummary("The programme's calls with their quota use. 403 forbidden; 404 not_found.");

        var calls = app.MapGroup("/api/v1/calls").WithTags("Calls").RequireAuthorization();
        calls.MapGet("/", OpenCallsAsync).WithName("ListOpenCalls").WithSummary("The calls still open, for would-be leaders.");
        calls.MapGet("/{id:guid}", GetCallAsync).WithName("GetCall").WithSummary("One call with its quotas and places taken. 404 not_found.");
        calls.MapPost("/{id:guid}/applications", CreateDraftAsync).WithName("CreateApplication").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("A would-be leader starts an application (Draft). 400 validation_failed; 404 not_found; 409 call_closed, application_limit (每人限报).");
        calls.MapGet("/{id:guid}/applications", CallApplicationsAsync).WithName("ListCallApplications").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("The call's submitted applications hosted in the admin's subtree, optionally of one status. 400 validation_failed; 404 not_found.");

        var applications = app.MapGroup("/api/v1/applications").WithTags("Applications").RequireAuthorization();
        applications.MapGet("/{id:guid}", GetAsync).WithName("GetApplication")
            .WithSummary("One application with its reviews, decision reason and audited history, for its applicant and the admins above its host unit. 403 forbidden; 404 not_found.");
        applications.MapPut("/{id:guid}", UpdateDraftAsync).WithName("UpdateApplication").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The applicant replaces a draft's form. 400 validation_failed; 403 forbidden; 404 not_found; 409 call_closed, invalid_transition.");
        applications.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitApplication").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Draft → Submitted after the notice's eligibility rules: the refusal names the first broken rule as its code and every broken rule under errors. 403 forbidden; 404 not_found; 409 call_closed, invalid_transition; 422 branch_too_young, not_branch_secretary, leader_not_qualified, team_too_large, secretary_tenure_too_short, over_age_limit, title_too_low, too_few_merits, venue_too_small, name_not_branch, school_level_missing, no_city_master_studio, team_too_small.");
        applications.MapPost("/{id:guid}/reviews", RecordReviewAsync).WithName("RecordApplicationReview").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Gansu: an admin above the host unit records the preliminary review or the public notice (while Submitted); the committee records the expert review with defence (while Endorsed). 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition.");
        applications.MapPost("/{id:guid}/endorse", EndorseAsync).WithName("EndorseApplication").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("A county/district admin above the host unit endorses (推荐) a Submitted application within its quota. 403 forbidden; 404 not_found; 409 invalid_transition, quota_exceeded, review_pending.");
        applications.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveApplication").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("The committee approves an Endorsed application: the studio is licensed (Active from licensedOn), the applicant leads it, the team gets an invitation. 400 validation_failed; 403 forbidden; 404 not_found; 409 not_endorsed, review_pending, duplicate_name.");
        applications.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectApplication").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Rejects with a reason the applicant sees: a Submitted application by an admin above its host unit (not recommended), an Endorsed one by the committee. 400 validation_failed; 403 forbidden; 404 not_found; 409 invalid_transition.");
        app.MapGet("/api/v1/me/applications", MineAsync).WithTags("Applications").WithName("ListMyApplications").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The signed-in member's applications, newest first, with their status and decision reason.");
        return app;
    }

    private static async Task<Results<Created<CallDto>, ProblemHttpResult>> CreateCallAsync(
        Guid id, CreateCallRequest request, ClaimsPrincipal user, ProgrammesStore programmes, OrgUnitsStore orgUnits, ApplicationsStore store, CancellationToken ct)
    {
        var v = new Validation();
        var title = v.Text("title", request.Title, 200);
        var rules = v.Required("rules", request.Rules);
        var issuedOn = v.Required("issuedOn", request.IssuedOn);
        if (issuedOn is { Year: < 2000 or > 2100 }) v.Add("issuedOn", "'issuedOn' must be a date between 2000 and 2100.");
        var closesAt = v.Required("closesAt", request.ClosesAt);
        if (closesAt is { } c && issuedOn is { } i && c.UtcDateTime.Date < i.ToDateTime(TimeOnly.MinValue).AddDays(-1)) v.Add("closesAt", "'closesAt' cannot be before 'issuedOn'.");
        var total = v.Range("totalQuota", request.TotalQuota, 0, 10_000, required: false);
        var perPerson = v.Range("applicationsPerPerson", request.ApplicationsPerPerson, 1, 10);
        var quotas = request.Quotas ?? [];
        if (quotas.Length > 500) v.Add("quotas", "At most 500 quota units.");
        for (var k = 0; k < quotas.Length; k++) v.Range($"quotas[{k}].quota", quotas[k].Quota, 0, 1000);
        if (quotas.Select(q => q.OrgUnitId).Distinct().Count() != quotas.Length) v.Add("quotas", "Each unit appears once.");
        if (v.Problem is { } invalid) return invalid;

        var programme = await programmes.FindOwnedAsync(id, user.Id(), ct);
        if (programme is null) return Problems.NotFound("Programme");
        if (!programme.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        for (var k = 0; k < quotas.Length; k++)
        {
            var inSubtree = await orgUnits.InSubtreeAsync(quotas[k].OrgUnitId, user.Id(), ct);
            if (inSubtree is null) return Problems.UnknownReference($"quotas[{k}].orgUnitId", "Org unit");
            if (inSubtree is false) return Problems.Forbidden("A quota unit is outside your org subtree.");
        }
        var call = await store.CreateCallAsync(id, user.Id(), title!, rules!.Value, issuedOn!.Value, closesAt!.Value, total, perPerson!.Value, quotas, ct);
        return TypedResults.Created($"/api/v1/calls/{call.Id}", call);
    }

    private static async Task<Results<Ok<CallDto[]>, ProblemHttpResult>> ProgrammeCallsAsync(
        Guid id, ClaimsPrincipal user, ProgrammesStore programmes, ApplicationsStore store, CancellationToken ct)
    {
        var programme = await programmes.FindVisibleAsync(id, user.Id(), ct);
        if (programme is null) return Problems.NotFound("Programme");
        if (!programme.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        return TypedResults.Ok(await store.CallsOfProgrammeAsync(id, ct));
    }

    private static async Task<Ok<CallDto[]>> OpenCallsAsync(ApplicationsStore store, CancellationToken ct) => TypedResults.Ok(await store.OpenCallsAsync(ct));

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> GetCallAsync(Guid id, ApplicationsStore store, CancellationToken ct) =>
        await store.CallAsync(id, ct) is { } call ? TypedResults.Ok(call) : Problems.NotFound("Call");

    /// <summary>Validates a form; returns the trimmed studio name and the host unit.</summary>
    private static (string? Name, Guid? HostId, ProblemHttpResult? Problem) ValidateForm(ApplicationForm? form)
    {
        var v = new Validation();
        if (form is null) return (null, null, Problems.Field("body", "The application form is required."));
        var name = v.Text("studioName", form.StudioName, 100);
        var hostId = v.Required("hostOrgUnitId", form.HostOrgUnitId);
        v.Text("plan", form.Plan, 5000, required: false);
        var leader = form.Leader;
        if (leader is not null)
        {
            v.Text("leader.branchFullName", leader.BranchFullName, 100, required: false);
            v.Text("leader.cityMasterStudio", leader.CityMasterStudio, 100, required: false);
            if (leader.VenueSquareMetres is < 0 or > 100_000) v.Add("leader.venueSquareMetres", "'leader.venueSquareMetres' must be between 0 and 100000.");
            foreach (var (field, date) in new[] { ("branchFoundedOn", leader.BranchFoundedOn), ("secretarySince", leader.SecretarySince), ("birthDate", leader.BirthDate) })
                if (date is { Year: < 1900 or > 2100 }) v.Add($"leader.{field}", $"'leader.{field}' must be a date between 1900 and 2100.");
        }
        var team = form.Team ?? [];
        if (team.Length > 30) v.Add("team", "At most 30 people.");
        for (var k = 0; k < team.Length; k++)
        {
            v.Text($"team[{k}].name", team[k].Name, 50);
            v.Text($"team[{k}].role", team[k].Role, 50, required: false);
            v.Text($"team[{k}].title", team[k].Title, 50, required: false);
        }
        var merits = form.Merits ?? [];
        if (merits.Length > 6) v.Add("merits", "At most the 6 merits of the notice.");
        for (var k = 0; k < merits.Length; k++)
        {
            v.Range($"merits[{k}].number", merits[k].Number, 1, 6);
            v.Text($"merits[{k}].evidence", merits[k].Evidence, 500);
        }
        var links = form.Links ?? [];
        if (links.Length > 9) v.Add("links", "At most 9 links.");
        for (var k = 0; k < links.Length; k++)
        {
            if (links[k] is not { Length: <= 500 } l || !Uri.TryCreate(l, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                v.Add($"links[{k}]", "Each link is an https URL of at most 500 characters.");
        }
        return (name, hostId, v.Problem);
    }

    private static async Task<Results<Created<ApplicationDto>, ProblemHttpResult>> CreateDraftAsync(
        Guid id, ApplicationForm form, ClaimsPrincipal user, OrgUnitsStore orgUnits, ApplicationsStore store, CancellationToken ct)
    {
        var (name, hostId, invalid) = ValidateForm(form);
        if (invalid is not null) return invalid;
        var call = await store.FindCallAsync(id, ct);
        if (call is null) return Problems.NotFound("Call");
        if (await orgUnits.InSubtreeAsync(hostId!.Value, Guid.Empty, ct) is null) return Problems.UnknownReference("hostOrgUnitId", "Org unit");
        var outcome = await store.CreateDraftAsync(call, user.Id(), name!, hostId.Value, form with { StudioName = name }, ct);
        if (Refuse(outcome) is { } refused) return refused;
        return TypedResults.Created($"/api/v1/applications/{outcome.Id}", (await store.FindAsync(outcome.Id!.Value, ct))!);
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> UpdateDraftAsync(
        Guid id, ApplicationForm form, ClaimsPrincipal user, OrgUnitsStore orgUnits, ApplicationsStore store, CancellationToken ct)
    {
        var (name, hostId, invalid) = ValidateForm(form);
        if (invalid is not null) return invalid;
        var head = await store.HeadAsync(id, ct);
        if (head is null) return Problems.NotFound("Application");
        if (head.ApplicantId != user.Id()) return Problems.Forbidden("Only the applicant edits an application.");
        if (await orgUnits.InSubtreeAsync(hostId!.Value, Guid.Empty, ct) is null) return Problems.UnknownReference("hostOrgUnitId", "Org unit");
        var call = (await store.FindCallAsync(head.CallId, ct))!;
        var outcome = await store.UpdateDraftAsync(call, id, name!, hostId.Value, form with { StudioName = name }, ct);
        if (Refuse(outcome) is { } refused) return refused;
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> SubmitAsync(
        Guid id, ClaimsPrincipal user, ApplicationsStore store, CancellationToken ct)
    {
        var head = await store.HeadAsync(id, ct);
        if (head is null) return Problems.NotFound("Application");
        if (head.ApplicantId != user.Id()) return Problems.Forbidden("Only the applicant submits an application.");
        if (head.Status != ApplicationStatus.Draft) return InvalidTransition(head.Status, "submit", "Draft");
        var call = (await store.FindCallAsync(head.CallId, ct))!;
        var form = System.Text.Json.JsonSerializer.Deserialize<ApplicationForm>(head.Form, ApplicationsStore.FormJson)!;
        var refusals = Eligibility.Check(call.Rules, call.StudioKind, call.IssuedOn, call.TeamCap, form);
        if (refusals.Count > 0)
        {
            var first = refusals[0];
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, first.Code, first.Message, first.Clause,
                refusals.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => $"{r.Code}: {r.Message} ({r.Clause})").ToArray()));
        }
        var outcome = await store.MoveAsync(id, [ApplicationStatus.Draft], ApplicationStatus.Submitted, "Submit", false, user.Id(), null, call.ClosesAt, ct);
        if (Refuse(outcome, "submit", "Draft") is { } refused) return refused;
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    /// <summary>The admin's standing on an application: None, AboveHost (its host unit is in their subtree), Committee (owns the programme).</summary>
    private enum Standing { None, AboveHost, Committee }

    private static async Task<(ApplicationsStore.ApplicationHead? Head, Standing Standing)> StandingAsync(
        Guid id, ClaimsPrincipal user, ApplicationsStore store, OrgUnitsStore orgUnits, ProgrammesStore programmes, CancellationToken ct)
    {
        var head = await store.HeadAsync(id, ct);
        if (head is null || !user.IsAdmin()) return (head, Standing.None);
        var call = (await store.FindCallAsync(head.CallId, ct))!;
        if ((await programmes.FindOwnedAsync(call.ProgrammeId, user.Id(), ct))?.Visible == true) return (head, Standing.Committee);
        return (head, await orgUnits.InSubtreeAsync(head.HostOrgUnitId, user.Id(), ct) == true ? Standing.AboveHost : Standing.None);
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ApplicationsStore store, OrgUnitsStore orgUnits, ProgrammesStore programmes, CancellationToken ct)
    {
        var (head, standing) = await StandingAsync(id, user, store, orgUnits, programmes, ct);
        if (head is null) return Problems.NotFound("Application");
        var mine = !user.IsAdmin() && head.ApplicantId == user.Id();
        if (!mine && (standing == Standing.None || head.Status == ApplicationStatus.Draft)) return Problems.Forbidden("Only the applicant and the admins above its host unit see an application (drafts: the applicant only).");
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    private static async Task<Results<Ok<ApplicationDto[]>, ProblemHttpResult>> CallApplicationsAsync(
        Guid id, ClaimsPrincipal user, ApplicationsStore store, CancellationToken ct, string? status = null)
    {
        var v = new Validation();
        var s = v.Enum<ApplicationStatus>("status", status, required: false);
        if (v.Problem is { } invalid) return invalid;
        if (await store.FindCallAsync(id, ct) is null) return Problems.NotFound("Call");
        return TypedResults.Ok(await store.OfCallForAdminAsync(id, user.Id(), s, ct));
    }

    private static async Task<Ok<ApplicationDto[]>> MineAsync(ClaimsPrincipal user, ApplicationsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.OfApplicantAsync(user.Id(), ct));

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> RecordReviewAsync(
        Guid id, RecordReviewRequest request, ClaimsPrincipal user, ApplicationsStore store, OrgUnitsStore orgUnits, ProgrammesStore programmes, CancellationToken ct)
    {
        var v = new Validation();
        var stage = v.Required("stage", request.Stage);
        var starts = v.Required("startsOn", request.StartsOn);
        var ends = v.Required("endsOn", request.EndsOn);
        if (starts is { } a && ends is { } b && b < a) v.Add("endsOn", "'endsOn' cannot be before 'startsOn'.");
        v.Required("outcome", request.Outcome);
        var note = v.Text("note", request.Note, 1000, required: false);
        if (v.Problem is { } invalid) return invalid;
        var (head, standing) = await StandingAsync(id, user, store, orgUnits, programmes, ct);
        if (head is null) return Problems.NotFound("Application");
        if (standing == Standing.None || (stage == ReviewStage.Defence && standing != Standing.Committee))
            return Problems.Forbidden("Preliminary review and public notice: an admin above the host unit; defence: the committee.");
        var outcome = await store.RecordReviewAsync(id, request with { Note = note }, user.Id(), ct);
        if (Refuse(outcome, "record a review", stage == ReviewStage.Defence ? "Endorsed" : "Submitted") is { } refused) return refused;
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> EndorseAsync(
        Guid id, ClaimsPrincipal user, ApplicationsStore store, OrgUnitsStore orgUnits, ProgrammesStore programmes, CancellationToken ct, ReasonRequest? request = null)
    {
        var v = new Validation();
        var reason = v.Text("reason", request?.Reason, 1000, required: false);
        if (v.Problem is { } invalid) return invalid;
        var (head, standing) = await StandingAsync(id, user, store, orgUnits, programmes, ct);
        if (head is null) return Problems.NotFound("Application");
        if (standing == Standing.None) return Problems.Forbidden("Only an admin above the application's host unit endorses it.");
        var outcome = await store.EndorseAsync(id, user.Id(), reason, ct);
        if (Refuse(outcome, "endorse", "Submitted") is { } refused) return refused;
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    private static async Task<Results<Ok<ApprovedDto>, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveRequest request, ClaimsPrincipal user, ApplicationsStore store, OrgUnitsStore orgUnits, ProgrammesStore programmes,
        LedgerCalendar calendar, CancellationToken ct)
    {
        var v = new Validation();
        var licensedOn = v.Required("licensedOn", request.LicensedOn);
        if (licensedOn is { Year: < 2000 or > 2100 }) v.Add("licensedOn", "'licensedOn' must be a date between 2000 and 2100.");
        var reason = v.Text("reason", request.Reason, 1000, required: false);
        if (v.Problem is { } invalid) return invalid;
        var (head, standing) = await StandingAsync(id, user, store, orgUnits, programmes, ct);
        if (head is null) return Problems.NotFound("Application");
        if (standing != Standing.Committee) return Problems.Forbidden("Only the committee that owns the programme approves.");
        var (outcome, studio, invitation) = await store.ApproveAsync(id, user.Id(), calendar.StartOf(licensedOn!.Value), reason, ct);
        if (outcome.Refusal == ApplicationsStore.Refusal.InvalidTransition)
            return Problems.Conflict("not_endorsed", $"Only an Endorsed application can be approved; this one is {outcome.Status}.");
        if (Refuse(outcome) is { } refused) return refused;
        return TypedResults.Ok(new ApprovedDto((await store.FindAsync(id, ct))!, studio!, invitation));
    }

    private static async Task<Results<Ok<ApplicationDto>, ProblemHttpResult>> RejectAsync(
        Guid id, ReasonRequest request, ClaimsPrincipal user, ApplicationsStore store, OrgUnitsStore orgUnits, ProgrammesStore programmes, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 1000);
        if (v.Problem is { } invalid) return invalid;
        var (head, standing) = await StandingAsync(id, user, store, orgUnits, programmes, ct);
        if (head is null) return Problems.NotFound("Application");
        if (standing == Standing.None) return Problems.Forbidden("Only the admins above the host unit or the committee reject.");
        // A county declines to recommend a Submitted application; only the committee rejects an Endorsed one.
        var from = standing == Standing.Committee ? new[] { ApplicationStatus.Submitted, ApplicationStatus.Endorsed } : [ApplicationStatus.Submitted];
        var outcome = await store.MoveAsync(id, from, ApplicationStatus.Rejected, "Reject", true, user.Id(), reason, null, ct);
        if (Refuse(outcome, "reject", string.Join(" or ", from)) is { } refused) return refused;
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    internal static ProblemHttpResult InvalidTransition(object from, string action, string allowed) =>
        Problems.Conflict("invalid_transition", $"Cannot {action} from {from}.", $"Allowed from: {allowed}.");

    private static ProblemHttpResult? Refuse(ApplicationsStore.Outcome outcome, string action = "do this", string allowed = "") => outcome.Refusal switch
    {
        ApplicationsStore.Refusal.None => null,
        ApplicationsStore.Refusal.NotFound => Problems.NotFound("Application"),
        ApplicationsStore.Refusal.CallClosed => Problems.Conflict("call_closed", "The call has closed: applications are no longer taken."),
        ApplicationsStore.Refusal.ApplicationLimit => Problems.Conflict("application_limit", "You already have the applications this call allows per person.", outcome.Detail),
        ApplicationsStore.Refusal.QuotaExceeded => Problems.Conflict("quota_exceeded", "The quota is used up.", outcome.Detail),
        ApplicationsStore.Refusal.ReviewPending => Problems.Conflict("review_pending", "A review stage the notice requires has not passed.", outcome.Detail),
        ApplicationsStore.Refusal.DuplicateName => Problems.Conflict("duplicate_name", "The programme already has a studio of this name."),
        ApplicationsStore.Refusal.InvalidTransition => Problems.Conflict("invalid_transition", $"Cannot {action} from {outcome.Status}.", outcome.Detail ?? $"Allowed from: {allowed}."),
        _ => throw new InvalidOperationException(outcome.Refusal.ToString()),
    };
}
