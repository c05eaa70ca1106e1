using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
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
            .WithSummary("The leader schedules an activity. 400 validation_failed; 403 forbidden; 404 not_found.");
        studios.MapGet("/", ListForStudioAsync).WithName("ListStudioActivities")
            .WithSummary("The studio's activities, upcoming first, paged (page ≥ 1, pageSize 1–100, default 20). 403 forbidden; 404 not_found.");

        var activities = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization();
        activities.MapGet("/{id:guid}", GetAsync).WithName("GetActivity").WithSummary("One activity. 403 forbidden; 404 not_found.");
        activities.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateActivity").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader replaces an activity's details. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled.");
        activities.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelActivity").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader cancels an activity; it is kept but never counts. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled.");

        app.MapGet("/api/v1/me/activities", ListMineAsync).WithTags("Activities").WithName("ListMyActivities").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("Activities of every studio the member belongs to, upcoming first, paged (page ≥ 1, pageSize 1–100).");
        return app;
    }

    private const string ActivitySelect = """
        SELECT a.id, a.studio_id, s.name AS studio_name, a.kind, a.title, a.theme, a.starts_at, a.ends_at, a.venue_name,
               a.latitude, a.longitude, a.radius_meters, a.check_in_opens_minutes_before, a.check_in_closes_minutes_after,
               (a.kind = 'VolunteerService' OR a.tracks_duration) AS tracks_duration, a.status, a.cancelled_reason,
               a.paired_school_org_unit_id, a.paired_school_name, a.created_at, a.updated_at
        FROM activities a JOIN studios s ON s.id = a.studio_id
        """;

    /// <summary>One activity, or null. Other features (check-in, briefs) read activities through this.</summary>
    public static async Task<ActivityDto?> FindAsync(NpgsqlConnection conn, Guid id, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<ActivityDto>(new CommandDefinition(ActivitySelect + " WHERE a.id = @id", new { id }, cancellationToken: ct));

    private sealed record ValidActivity(
        ActivityKind Kind, string Title, string? Theme, DateTime StartsAt, DateTime EndsAt, string? VenueName,
        double? Latitude, double? Longitude, int? RadiusMeters, int OpensBefore, int ClosesAfter, bool TracksDuration,
        Guid? PairedSchoolOrgUnitId, string? PairedSchoolName);

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
        if (v.Problem is { } problem) return (null, problem);
        return (new ValidActivity(kind!.Value, title!, theme, startsAt!.Value.UtcDateTime, endsAt!.Value.UtcDateTime, venue,
            lat, lng, lat is null ? null : radius ?? DefaultRadiusMeters, opens, closes, r.TracksDuration ?? false,
            r.PairedSchoolOrgUnitId, pairedName), null);
    }

    private static object Parameters(ValidActivity a, object extra) => new DynamicParameters(extra).Merge(new
    {
        kind = a.Kind.ToString(), title = a.Title, theme = a.Theme, startsAt = a.StartsAt, endsAt = a.EndsAt, venueName = a.VenueName,
        latitude = a.Latitude, longitude = a.Longitude, radiusMeters = a.RadiusMeters, opensBefore = a.OpensBefore, closesAfter = a.ClosesAfter,
        tracksDuration = a.TracksDuration,
        pairedSchoolOrgUnitId = a.PairedSchoolOrgUnitId, pairedSchoolName = a.PairedSchoolName,
    });

    /// <summary>404 not_found (field pairedSchoolOrgUnitId) when the paired school names no org unit.</summary>
    private static async Task<ProblemHttpResult?> RefuseUnknownSchoolAsync(NpgsqlConnection conn, ValidActivity a, CancellationToken ct)
    {
        if (a.PairedSchoolOrgUnitId is not { } schoolId) return null;
        var exists = await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM org_units WHERE id = @schoolId)", new { schoolId }, cancellationToken: ct));
        return exists ? null : Problems.UnknownReference("pairedSchoolOrgUnitId", "Org unit");
    }

    private static DynamicParameters Merge(this DynamicParameters parameters, object more)
    {
        parameters.AddDynamicParams(more);
        return parameters;
    }

    private static async Task<Results<Created<ActivityDto>, ProblemHttpResult>> CreateAsync(
        Guid studioId, ActivityRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var (activity, problem) = Validate(request);
        if (problem is not null) return problem;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;

        const string Sql = """
            INSERT INTO activities (studio_id, kind, title, theme, starts_at, ends_at, venue_name, latitude, longitude, radius_meters,
                                    check_in_opens_minutes_before, check_in_closes_minutes_after, tracks_duration,
                                    paired_school_org_unit_id, paired_school_name, created_by)
            VALUES (@studioId, @kind, @title, @theme, @startsAt, @endsAt, @venueName, @latitude, @longitude, @radiusMeters,
                    @opensBefore, @closesAfter, @tracksDuration, @pairedSchoolOrgUnitId, @pairedSchoolName, @leaderId)
            RETURNING id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        if (await RefuseUnknownSchoolAsync(conn, activity!, ct) is { } unknown) return unknown;
        var id = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition(Sql, Parameters(activity!, new { studioId, leaderId = user.Id() }), cancellationToken: ct));
        return TypedResults.Created($"/api/v1/activities/{id}", (await FindAsync(conn, id, ct))!);
    }

    /// <summary>Loads the activity and checks the caller may lead its studio; the refusal otherwise.</summary>
    private static async Task<(ActivityDto? Activity, ProblemHttpResult? Problem)> LoadForLeaderAsync(
        NpgsqlConnection conn, Guid id, ClaimsPrincipal user, StudioAccess access, CancellationToken ct)
    {
        var activity = await FindAsync(conn, id, ct);
        if (activity is null) return (null, Problems.NotFound("Activity"));
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return (null, refused);
        if (activity.Status == ActivityStatus.Cancelled) return (null, Problems.Conflict("activity_cancelled", "The activity is cancelled."));
        return (activity, null);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, ActivityRequest request, ClaimsPrincipal user, StudioAccess access, ReminderScheduler reminders, NpgsqlDataSource db, CancellationToken ct)
    {
        var (activity, problem) = Validate(request);
        if (problem is not null) return problem;
        await using var conn = await db.OpenConnectionAsync(ct);
        var (before, refused) = await LoadForLeaderAsync(conn, id, user, access, ct);
        if (refused is not null) return refused;
        if (await RefuseUnknownSchoolAsync(conn, activity!, ct) is { } unknown) return unknown;

        const string Sql = """
            UPDATE activities SET kind = @kind, title = @title, theme = @theme, starts_at = @startsAt, ends_at = @endsAt,
                   venue_name = @venueName, latitude = @latitude, longitude = @longitude, radius_meters = @radiusMeters,
                   check_in_opens_minutes_before = @opensBefore, check_in_closes_minutes_after = @closesAfter,
                   tracks_duration = @tracksDuration,
                   paired_school_org_unit_id = @pairedSchoolOrgUnitId, paired_school_name = @pairedSchoolName, updated_at = now()
            WHERE id = @id AND status = 'Scheduled'
            """;
        var updated = await conn.ExecuteAsync(new CommandDefinition(Sql, Parameters(activity!, new { id }), cancellationToken: ct));
        if (updated == 0) return Problems.Conflict("activity_cancelled", "The activity is cancelled.");
        var after = (await FindAsync(conn, id, ct))!;
        await reminders.ActivityChangedAsync(before!, after, ct);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelActivityRequest request, ClaimsPrincipal user, StudioAccess access, ReminderScheduler reminders, NpgsqlDataSource db, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 200);
        if (v.Problem is { } invalid) return invalid;
        await using var conn = await db.OpenConnectionAsync(ct);
        var (_, refused) = await LoadForLeaderAsync(conn, id, user, access, ct);
        if (refused is not null) return refused;

        const string Sql = "UPDATE activities SET status = 'Cancelled', cancelled_reason = @reason, updated_at = now() WHERE id = @id AND status = 'Scheduled'";
        var updated = await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, reason }, cancellationToken: ct));
        if (updated == 0) return Problems.Conflict("activity_cancelled", "The activity is cancelled.");
        await reminders.ActivityCancelledAsync(id, ct);
        return TypedResults.Ok((await FindAsync(conn, id, ct))!);
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var activity = await FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseReadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(activity);
    }

    private static async Task<Results<Ok<ActivityPage>, ProblemHttpResult>> ListForStudioAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct,
        int page = 1, int pageSize = 20)
    {
        if (new Validation().Paging(page, pageSize).Problem is { } invalid) return invalid;
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await PageAsync(db, "a.studio_id = @studioId", new { studioId }, clock, page, pageSize, ct));
    }

    private static async Task<Results<Ok<ActivityPage>, ProblemHttpResult>> ListMineAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        if (new Validation().Paging(page, pageSize).Problem is { } invalid) return invalid;
        const string Mine = "EXISTS (SELECT 1 FROM studio_memberships m WHERE m.studio_id = a.studio_id AND m.member_id = @memberId AND m.removed_at IS NULL)";
        return TypedResults.Ok(await PageAsync(db, Mine, new { memberId = user.Id() }, clock, page, pageSize, ct));
    }

    /// <summary>
    /// Upcoming (not yet ended) activities first, soonest first; then past ones, latest first. <paramref name="where"/>
    /// is a constant SQL condition from this class; every value in it is bound.
    /// </summary>
    private static async Task<ActivityPage> PageAsync(NpgsqlDataSource db, string where, object args, TimeProvider clock, int page, int pageSize, CancellationToken ct)
    {
        var sql = $"""
            {ActivitySelect}
            WHERE {where}
            ORDER BY (a.ends_at >= @now) DESC,
                     CASE WHEN a.ends_at >= @now THEN a.starts_at END ASC,
                     a.starts_at DESC, a.id
            LIMIT @pageSize OFFSET @offset;
            SELECT count(*)::int FROM activities a WHERE {where};
            """;
        var parameters = new DynamicParameters(args).Merge(new { now = clock.GetUtcNow().UtcDateTime, pageSize, offset = (page - 1) * pageSize });
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var items = (await grid.ReadAsync<ActivityDto>()).ToArray();
        var total = await grid.ReadSingleAsync<int>();
        return new ActivityPage(items, page, pageSize, total);
    }
}
