using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// Activity briefs (简讯): the leader writes and publishes the record of an activity (Wenzhou notice: 主题/交流/记录/小结 with
/// photos); members of the studio and admins above it read the published version; every version is kept.
/// </summary>
public static class BriefsApi
{
    private const int MaxPhotos = 9;

    public static IEndpointRouteBuilder MapBriefs(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/v1/activities/{id:guid}/brief").WithTags("Briefs").RequireAuthorization();
        activity.MapPut("/", PutAsync).WithName("PutBrief").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader creates or edits the activity's brief; each save is a new version. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled.");
        activity.MapGet("/", GetAsync).WithName("GetBrief")
            .WithSummary("The brief: the leader sees the latest version, others the published one. 403 forbidden; 404 not_found.");
        activity.MapPost("/publish", PublishAsync).WithName("PublishBrief").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader publishes the latest version after WeChat's text check: 200 published (flaggedForReview when WeChat says review); 202 PendingReview when WeChat is unavailable (retried in the background). 403 forbidden; 404 not_found; 409 activity_cancelled; 422 content_risky.");
        activity.MapGet("/versions", VersionsAsync).WithName("ListBriefVersions")
            .WithSummary("Every version of the brief, newest first, with who saved it and when (the leader and admins above the studio). 403 forbidden; 404 not_found.");

        app.MapGet("/api/v1/studios/{studioId:guid}/briefs", StudioFeedAsync).WithTags("Briefs").WithName("ListStudioBriefs").RequireAuthorization()
            .WithSummary("The studio's published briefs, newest first, paged by cursor (limit 1–50, default 20). 400 validation_failed; 403 forbidden; 404 not_found.");
        app.MapGet("/api/v1/briefs", AdminFeedAsync).WithTags("Briefs").WithName("ListBriefs").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("Published briefs of every studio in the admin's org subtree, newest first, paged by cursor (limit 1–50); flagged=true keeps those WeChat asked to review. 400 validation_failed; 403 forbidden.");
        return app;
    }

    // ---------------- PUT ----------------

    private static async Task<Results<Ok<BriefDto>, ProblemHttpResult>> PutAsync(
        Guid id, BriefRequest request, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls,
        ActivitiesStore activities, BriefsStore briefs, PhotosStore photos, MySqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var title = v.Text("title", request.Title, 100);
        var theme = v.Text("theme", request.Theme, 500, required: false);
        var exchange = v.Text("exchange", request.Exchange, 3000, required: false);
        var record = v.Text("record", request.Record, 5000, required: false);
        var summary = v.Text("summary", request.Summary, 2000, required: false);
        var photoIds = request.PhotoIds ?? [];
        if (photoIds.Length > MaxPhotos) v.Add("photoIds", $"A brief has at most {MaxPhotos} photos.");
        if (photoIds.Distinct().Count() != photoIds.Length) v.Add("photoIds", "A photo appears twice.");
        if (v.Problem is { } invalid) return invalid;

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await activities.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        if (activity.Status == ActivityStatus.Cancelled) return Problems.Conflict("activity_cancelled", "The activity is cancelled.");

        var saved = await briefs.SaveAsync(conn, id, activity.StudioId, user.Id(), new BriefText(title!, theme, exchange, record, summary), photoIds, clock.GetUtcNow(), ct);
        foreach (var r in saved.Refused)
            v.Add($"photoIds[{r.Index}]", r.Risky ? "WeChat found this photo risky; it cannot be used." : "No photo of yours has this id.");
        if (v.Problem is { } badPhotos) return badPhotos;

        var row = await briefs.LatestAsync(conn, saved.BriefId, ct);
        return TypedResults.Ok((await ToDtosAsync(conn, [row!], leader: true, urls, photos, PhotoUrls.RequestBase(http), ct))[0]);
    }

    // ---------------- GET ----------------

    private static async Task<Results<Ok<BriefDto>, ProblemHttpResult>> GetAsync(
        Guid id, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls,
        ActivitiesStore activities, BriefsStore briefs, PhotosStore photos, MySqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await activities.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var right = await access.RightAsync(activity.StudioId, user, ct);
        if (right is not { } r || !r.CanRead()) return Problems.Forbidden("You are not a member of this studio nor an admin above it.");
        if (await briefs.BriefIdAsync(conn, id, ct) is not { } briefId) return Problems.NotFound("Brief");
        var leader = r.CanLead();
        var row = leader ? await briefs.LatestAsync(conn, briefId, ct) : await briefs.PublishedAsync(conn, briefId, ct);
        if (row is null) return Problems.NotFound("Brief");
        return TypedResults.Ok((await ToDtosAsync(conn, [row], leader, urls, photos, PhotoUrls.RequestBase(http), ct))[0]);
    }

    private static async Task<Results<Ok<BriefVersionDto[]>, ProblemHttpResult>> VersionsAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, ActivitiesStore activities, BriefsStore briefs, MySqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await activities.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var right = await access.RightAsync(activity.StudioId, user, ct);
        if (right is not (StudioRight.Leader or StudioRight.Admin)) return Problems.Forbidden("Only the studio's leader and admins above it see every version.");
        if (await briefs.BriefIdAsync(conn, id, ct) is not { } briefId) return Problems.NotFound("Brief");
        return TypedResults.Ok(await briefs.VersionsAsync(conn, briefId, ct));
    }

    // ---------------- publish ----------------

    private static async Task<Results<Ok<BriefDto>, Accepted<BriefDto>, ProblemHttpResult>> PublishAsync(
        Guid id, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls, BriefReview review,
        ActivitiesStore activities, BriefsStore briefs, PhotosStore photos, MySqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await activities.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        if (activity.Status == ActivityStatus.Cancelled) return Problems.Conflict("activity_cancelled", "The activity is cancelled.");
        if (await briefs.BriefIdAsync(conn, id, ct) is not { } briefId) return Problems.NotFound("Brief");

        var result = await review.PublishAsync(briefId, user.Id(), ct);
        var row = await briefs.LatestAsync(conn, briefId, ct);
        var dto = (await ToDtosAsync(conn, [row!], leader: true, urls, photos, PhotoUrls.RequestBase(http), ct))[0];
        return result.Outcome switch
        {
            BriefReview.Outcome.Risky => Problems.Of(StatusCodes.Status422UnprocessableEntity, "content_risky",
                "WeChat's content check refused this text; edit it and publish again.", $"label {result.Label}",
                new Dictionary<string, string[]> { ["label"] = [result.Label?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""] }),
            BriefReview.Outcome.Pending => TypedResults.Accepted($"/api/v1/activities/{id}/brief", dto),
            _ => TypedResults.Ok(dto),
        };
    }

    // ---------------- feeds ----------------

    private static async Task<Results<Ok<BriefPage>, ProblemHttpResult>> StudioFeedAsync(
        Guid studioId, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls, BriefsStore briefs, PhotosStore photos,
        MySqlDataSource dataSource, CancellationToken ct, string? cursor = null, int limit = 20)
    {
        var (after, invalid) = ParsePaging(cursor, limit);
        if (invalid is not null) return invalid;
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await briefs.StudioFeedAsync(conn, studioId, after, limit + 1, ct);
        return TypedResults.Ok(await PageAsync(conn, rows, limit, urls, photos, PhotoUrls.RequestBase(http), ct));
    }

    private static async Task<Results<Ok<BriefPage>, ProblemHttpResult>> AdminFeedAsync(
        HttpRequest http, ClaimsPrincipal user, PhotoUrls urls, BriefsStore briefs, PhotosStore photos, MySqlDataSource dataSource, CancellationToken ct,
        string? cursor = null, int limit = 20, bool flagged = false)
    {
        var (after, invalid) = ParsePaging(cursor, limit);
        if (invalid is not null) return invalid;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await briefs.AdminFeedAsync(conn, user.Id(), flagged, after, limit + 1, ct);
        return TypedResults.Ok(await PageAsync(conn, rows, limit, urls, photos, PhotoUrls.RequestBase(http), ct));
    }

    private static ((DateTime At, Guid Id)? After, ProblemHttpResult? Problem) ParsePaging(string? cursor, int limit)
    {
        var v = new Validation();
        v.Range("limit", limit, 1, 50);
        (DateTime, Guid)? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = DecodeCursor(cursor);
            if (after is null) v.Add("cursor", "'cursor' is not a cursor this API handed out.");
        }
        return (after, v.Problem);
    }

    private static string EncodeCursor(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{at.UtcTicks}:{id:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTime, Guid)? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks && Guid.TryParseExact(parts[1], "N", out var id))
                return (new DateTime(ticks, DateTimeKind.Utc), id);
        }
        catch (FormatException)
        {
        }
        return null;
    }

    /// <summary>A page of <paramref name="limit"/> from rows fetched with one more (whose presence means there is a next page).</summary>
    private static async Task<BriefPage> PageAsync(MySqlConnection conn, List<BriefRow> rows, int limit, PhotoUrls urls, PhotosStore photos, string requestBase, CancellationToken ct)
    {
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = EncodeCursor(rows[^1].FirstPublishedAt!.Value, rows[^1].Id);
        }
        return new BriefPage(await ToDtosAsync(conn, rows, leader: false, urls, photos, requestBase, ct), next);
    }

    // ---------------- mapping ----------------

    private static async Task<BriefDto[]> ToDtosAsync(
        MySqlConnection conn, IReadOnlyList<BriefRow> rows, bool leader, PhotoUrls urls, PhotosStore photoStore, string requestBase, CancellationToken ct)
    {
        var photos = (await photoStore.FindManyAsync(conn, rows.SelectMany(r => r.PhotoIds).Distinct().ToArray(), ct)).ToDictionary(p => p.Id);
        return rows.Select(r => new BriefDto
        {
            Id = r.Id, ActivityId = r.ActivityId, ActivityTitle = r.ActivityTitle, ActivityKind = r.ActivityKind, ActivityStartsAt = r.ActivityStartsAt,
            StudioId = r.StudioId, StudioName = r.StudioName, Status = r.Status, Version = r.Version, CurrentVersion = r.CurrentVersion,
            PublishedVersion = r.PublishedVersion, HasUnpublishedChanges = r.PublishedVersion != r.CurrentVersion,
            Title = r.Title, Theme = r.Theme, Exchange = r.Exchange, Record = r.Record, Summary = r.Summary,
            Photos = r.PhotoIds
                .Select(id => photos.GetValueOrDefault(id))
                .Where(p => p is not null && (leader || p.MediaCheck != MediaCheckStatus.Risky))
                .Select(p => BriefPhotoDto.Of(p!, urls, requestBase))
                .ToArray(),
            EditedBy = r.EditedBy, EditedAt = r.EditedAt, FirstPublishedAt = r.FirstPublishedAt, PublishedAt = r.PublishedAt,
            FlaggedForReview = r.FlaggedForReview, FlagLabel = r.FlagLabel,
            LastCheckResult = leader ? r.LastCheckResult : null, LastCheckLabel = leader ? r.LastCheckLabel : null,
            Attendance = new AttendanceDto(r.Present, r.Members),
        }).ToArray();
    }
}
