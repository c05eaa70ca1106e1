using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Activities;

/// <summary>Activities of studios: the leader schedules, edits and cancels; members and admins above read.</summary>
public static class ActivitiesApi
{
    private const int DefaultRadiusMeters = 200;
    private static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        var studios = app.MapGroup("/api/v1/studios/{studioId:guid}/activities").WithTags("Activities").RequireAuthorization();
        studios.MapPost("/", CreateAsync).WithName("CreateActivity").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader schedules an activity. 400 validation_failed, sub_kind_required, sub_kind_not_allowed; 403 forbidden; 404 not_found; 422 helping_school_not_core_school.");
        studios.MapGet("/", ListForStudioAsync).WithName("ListStudioActivities")
            .WithSummary("The studio's activities, upcoming first, paged (page ≥ 1, pageSize 1–100, default 20). 403 forbidden; 404 not_found.");

        var activities = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization();
        activities.MapGet("/{id:guid}", GetAsync).WithName("GetActivity").WithSummary("One activity. 403 forbidden; 404 not_found.");
        activities.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateActivity").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader replaces an activity's details. 400 validation_failed, sub_kind_required, sub_kind_not_allowed; 403 forbidden; 404 not_found; 409 activity_cancelled; 422 helping_school_not_core_school.");
        activities.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelActivity").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader cancels an activity; it is kept but never counts. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled.");

        app.MapGet("/api/v1/me/activities", ListMineAsync).WithTags("Activities").WithName("ListMyActivities").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Activities of every studio the member belongs to, upcoming first, paged (page ≥ 1, pageSize 1–100).");
        return app;
    }

    private static (ValidActivity? Activity, ProblemHttpResult? Problem) Validate(ActivityRequest r)
    {
        var v = new Validation();
        var kind = v.Required("kind", r.Kind);
        var title = v.Text("title", r.Title, 100);
        var theme = v.Text("theme", r.Theme, 500, required: false);
        var venue = v.Text("venueName", r.VenueName, 100, required: false);
        var startsAt = v.Required("startsAt", r.StartsAt);
        var endsAt = v.Required("endsAt", r.EndsAt);
        if (startsAt is { } s && endsAt is { } e)
        {
            if (e <= s) v.Add("endsAt", "'endsAt' must be after 'startsAt'.");
            else if (e - s > MaxLength) v.Add("endsAt", "An activity may last at most 7 days.");
            if (s.Year is < 2000 or > 2100) v.Add("startsAt", "'startsAt' must be between 2000 and 2100.");
        }
        var lat = v.Range("latitude", r.Latitude, -90, 90);
        var lng = v.Range("longitude", r.Longitude, -180, 180);
        if ((lat is null) != (lng is null)) v.Add(lat is null ? "latitude" : "longitude", "'latitude' and 'longitude' come together.");
        var radius = v.Range("radiusMeters", r.RadiusMeters, 10, 5000, required: false);
        if (radius is not null && lat is null) v.Add("radiusMeters", "'radiusMeters' needs 'latitude' and 'longitude'.");
        var opens = v.Range("checkInOpensMinutesBefore", r.CheckInOpensMinutesBefore, 0, 1440, required: false) ?? 30;
        var closes = v.Range("checkInClosesMinutesAfter", r.CheckInClosesMinutesAfter, 0, 1440, required: false) ?? 30;
        var pairedName = v.Text("pairedSchoolName", r.PairedSchoolName, 100, required: false);
        if (kind is not null and not ActivityKind.PairingVisit && (r.PairedSchoolOrgUnitId is not null || pairedName is not null))
            v.Add(r.PairedSchoolOrgUnitId is not null ? "pairedSchoolOrgUnitId" : "pairedSchoolName", "A paired school is recorded only on a PairingVisit.");
        if (r.PairedSchoolOrgUnitId is not null && pairedName is not null)
            v.Add("pairedSchoolName", "Give 'pairedSchoolOrgUnitId' or 'pairedSchoolName', not both.");
        if (kind is not null and not ActivityKind.PairingVisit && r.HelpingSchoolOrgUnitId is not null)
            v.Add("helpingSchoolOrgUnitId", "A helping school is recorded only on a PairingVisit.");
        if (r.SubKind is { } sub && !Enum.IsDefined(sub)) v.Add("subKind", "'subKind' is BranchGeneralMeeting, BranchCommitteeMeeting, PartyGroupMeeting or PartyLecture.");
        if (v.Problem is { } problem) return (null, problem);
        // 三会一课 is four different meetings (支部工作条例 第十九条): which one is part of the record, and only of that kind.
        if (kind == ActivityKind.ThreeMeetingsOneLesson && r.SubKind is null)
            return (null, Problems.Field("subKind", "A ThreeMeetingsOneLesson activity names its subKind: BranchGeneralMeeting (支部党员大会), BranchCommitteeMeeting (支委会), PartyGroupMeeting (党小组会) or PartyLecture (党课).", ProblemCodes.SubKindRequired));
        if (kind != ActivityKind.ThreeMeetingsOneLesson && r.SubKind is not null)
            return (null, Problems.Field("subKind", "Only a ThreeMeetingsOneLesson activity has a subKind.", ProblemCodes.SubKindNotAllowed));
        return (new ValidActivity(kind!.Value, title!, theme, startsAt!.Value.ToUniversalTime(), endsAt!.Value.ToUniversalTime(), venue,
            lat, lng, lat is null ? null : radius ?? DefaultRadiusMeters, opens, closes, r.TracksDuration ?? false,
            r.PairedSchoolOrgUnitId, pairedName, r.SubKind, r.HelpingSchoolOrgUnitId), null);
    }

    /// <summary>
    /// A PairingVisit's helping school: the host unit when none is named; otherwise 422 helping_school_not_core_school
    /// unless it is the host unit or the school of one of the studio's core members (leader or team member, seeds/000
    /// "核心成员所在学校"). Other kinds pass unchanged.
    /// </summary>
    private static async Task<(ValidActivity? Activity, ProblemHttpResult? Problem)> ResolveHelpingSchoolAsync(ActivitiesStore store, Guid studioId, ValidActivity a, CancellationToken ct)
    {
        if (a.Kind != ActivityKind.PairingVisit) return (a, null);
        var (host, allowed) = await store.HelpingSchoolAsync(studioId, a.HelpingSchoolOrgUnitId, ct);
        if (a.HelpingSchoolOrgUnitId is null) return (a with { HelpingSchoolOrgUnitId = host }, null);
        return allowed ? (a, null) : (null, Problems.Of(ProblemCodes.HelpingSchoolNotCoreSchool, "The helping school is not a core member's school.",
            errors: new Dictionary<string, string[]> { ["helpingSchoolOrgUnitId"] = ["Name the host unit or the school of the studio's leader or one of its team members (trainees do not count)."] }));
    }

    /// <summary>404 not_found (field pairedSchoolOrgUnitId) when the paired school names no org unit.</summary>
    private static async Task<ProblemHttpResult?> RefuseUnknownSchoolAsync(ActivitiesStore store, ValidActivity a, CancellationToken ct)
    {
        if (a.PairedSchoolOrgUnitId is not { } schoolId) return null;
        return await store.OrgUnitExistsAsync(schoolId, ct) ? null : Problems.UnknownReference("pairedSchoolOrgUnitId", "Org unit");
    }

    private static ProblemHttpResult Cancelled() => Problems.Conflict("activity_cancelled", "The activity is cancelled.");

    private static async Task<Results<Created<ActivityDto>, ProblemHttpResult>> CreateAsync(
        Guid studioId, ActivityRequest request, ClaimsPrincipal user, StudioAccess access, ActivitiesStore store, TimeProvider clock, CancellationToken ct)
    {
        var (activity, problem) = Validate(request);
        if (problem is not null) return problem;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        if (await RefuseUnknownSchoolAsync(store, activity!, ct) is { } unknown) return unknown;
        (activity, problem) = await ResolveHelpingSchoolAsync(store, studioId, activity!, ct);
        if (problem is not null) return problem;
        var created = await store.CreateAsync(studioId, activity!, user.Id(), clock.GetUtcNow(), ct);
        return TypedResults.Created($"/api/v1/activities/{created.Id}", created);
    }

    /// <summary>Loads the activity and checks the caller may lead its studio; the refusal otherwise.</summary>
    private static async Task<(ActivityDto? Activity, ProblemHttpResult? Problem)> LoadForLeaderAsync(
        ActivitiesStore store, Guid id, ClaimsPrincipal user, StudioAccess access, CancellationToken ct)
    {
        var activity = await store.FindAsync(id, ct);
        if (activity is null) return (null, Problems.NotFound("Activity"));
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return (null, refused);
        if (activity.Status == ActivityStatus.Cancelled) return (null, Cancelled());
        return (activity, null);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, ActivityRequest request, ClaimsPrincipal user, StudioAccess access, ReminderScheduler reminders, ActivitiesStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var (activity, problem) = Validate(request);
        if (problem is not null) return problem;
        var (before, refused) = await LoadForLeaderAsync(store, id, user, access, ct);
        if (refused is not null) return refused;
        if (await RefuseUnknownSchoolAsync(store, activity!, ct) is { } unknown) return unknown;
        (activity, problem) = await ResolveHelpingSchoolAsync(store, before!.StudioId, activity!, ct);
        if (problem is not null) return problem;

        if (await store.UpdateAsync(id, activity!, clock.GetUtcNow(), ct) is not { } after) return Cancelled();
        await reminders.ActivityChangedAsync(before!, after, ct);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelActivityRequest request, ClaimsPrincipal user, StudioAccess access, ReminderScheduler reminders, ActivitiesStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 200);
        if (v.Problem is { } invalid) return invalid;
        var (_, refused) = await LoadForLeaderAsync(store, id, user, access, ct);
        if (refused is not null) return refused;

        if (await store.CancelAsync(id, reason!, clock.GetUtcNow(), ct) is not { } cancelled) return Cancelled();
        await reminders.ActivityCancelledAsync(id, ct);
        return TypedResults.Ok(cancelled);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, ActivitiesStore store, CancellationToken ct)
    {
        var activity = await store.FindAsync(id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseReadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(activity);
    }

    private static async Task<Results<Ok<ActivityPage>, ProblemHttpResult>> ListForStudioAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, ActivitiesStore store, TimeProvider clock, CancellationToken ct,
        int page = 1, int pageSize = 20)
    {
        if (new Validation().Paging(page, pageSize).Problem is { } invalid) return invalid;
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await store.ForStudioAsync(studioId, clock.GetUtcNow(), page, pageSize, ct));
    }

    private static async Task<Results<Ok<ActivityPage>, ProblemHttpResult>> ListMineAsync(
        ClaimsPrincipal user, ActivitiesStore store, TimeProvider clock, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        if (new Validation().Paging(page, pageSize).Problem is { } invalid) return invalid;
        return TypedResults.Ok(await store.ForMemberAsync(user.Id(), clock.GetUtcNow(), page, pageSize, ct));
    }
}
