using System.Security.Claims;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
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

    private const string RowSelect = """
        SELECT b.id, b.activity_id, a.title AS activity_title, a.kind AS activity_kind, a.starts_at AS activity_starts_at,
               b.studio_id, s.name AS studio_name, b.status, v.version, b.current_version, b.published_version,
               v.title, v.theme, v.exchange, v.record, v.summary, v.photo_ids, v.edited_by, v.edited_at,
               b.first_published_at, b.published_at, b.flagged_for_review, b.flag_label, b.last_check_result, b.last_check_label,
               (SELECT count(*)::int FROM studio_memberships m WHERE m.studio_id = b.studio_id AND m.removed_at IS NULL) AS members,
               (SELECT count(*)::int FROM check_ins c WHERE c.activity_id = b.activity_id AND c.revoked_at IS NULL) AS present
        FROM briefs b
        JOIN activities a ON a.id = b.activity_id
        JOIN studios s ON s.id = b.studio_id
        """;

    // ---------------- PUT ----------------

    private static async Task<Results<Ok<BriefDto>, ProblemHttpResult>> PutAsync(
        Guid id, BriefRequest request, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls,
        NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken ct)
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
        var activity = await ActivitiesApi.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        if (activity.Status == ActivityStatus.Cancelled) return Problems.Conflict("activity_cancelled", "The activity is cancelled.");

        var me = user.Id();
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The brief row is locked so two saves get consecutive version numbers.
        const string Ensure = """
            INSERT INTO briefs (activity_id, studio_id, status, current_version, created_at, updated_at)
            VALUES (@activityId, @studioId, 'Draft', 0, @now, @now)
            ON CONFLICT (activity_id) DO NOTHING;
            SELECT id FROM briefs WHERE activity_id = @activityId FOR UPDATE;
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        var briefId = await conn.ExecuteScalarAsync<Guid>(new CommandDefinition(Ensure, new { activityId = id, studioId = activity.StudioId, now }, tx, cancellationToken: ct));

        if (photoIds.Length > 0)
        {
            // Photos rows are locked (FOR KEY SHARE) so the orphan cleanup cannot remove one while it is being attached.
            const string Photos = """
                SELECT p.id, p.media_check,
                       (p.uploaded_by = @me OR EXISTS (SELECT 1 FROM brief_versions bv WHERE bv.brief_id = @briefId AND p.id = ANY (bv.photo_ids))) AS usable
                FROM photos p WHERE p.id = ANY (@photoIds)
                FOR KEY SHARE OF p
                """;
            var found = (await conn.QueryAsync<(Guid Id, string MediaCheck, bool Usable)>(new CommandDefinition(Photos, new { me, briefId, photoIds }, tx, cancellationToken: ct)))
                .ToDictionary(p => p.Id);
            for (var i = 0; i < photoIds.Length; i++)
            {
                if (!found.TryGetValue(photoIds[i], out var p) || !p.Usable) v.Add($"photoIds[{i}]", "No photo of yours has this id.");
                else if (p.MediaCheck == nameof(MediaCheckStatus.Risky)) v.Add($"photoIds[{i}]", "WeChat found this photo risky; it cannot be used.");
            }
            if (v.Problem is { } badPhotos) return badPhotos;
        }

        const string Save = """
            UPDATE briefs SET current_version = current_version + 1, updated_at = @now WHERE id = @briefId;
            INSERT INTO brief_versions (brief_id, version, title, theme, exchange, record, summary, photo_ids, edited_by, edited_at)
            SELECT @briefId, current_version, @title, @theme, @exchange, @record, @summary, @photoIds, @me, @now FROM briefs WHERE id = @briefId;
            """;
        await conn.ExecuteAsync(new CommandDefinition(Save, new { briefId, title, theme, exchange, record, summary, photoIds, me, now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);

        var row = await LatestAsync(conn, briefId, ct);
        return TypedResults.Ok((await ToDtosAsync(conn, [row!], leader: true, urls, PhotosApi.RequestBase(http), ct))[0]);
    }

    private static async Task<BriefRow?> LatestAsync(NpgsqlConnection conn, Guid briefId, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<BriefRow>(new CommandDefinition(
            RowSelect + " JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.current_version WHERE b.id = @briefId", new { briefId }, cancellationToken: ct));

    private static async Task<BriefRow?> PublishedAsync(NpgsqlConnection conn, Guid briefId, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<BriefRow>(new CommandDefinition(
            RowSelect + " JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version WHERE b.id = @briefId", new { briefId }, cancellationToken: ct));

    private static async Task<Guid?> BriefIdAsync(NpgsqlConnection conn, Guid activityId, CancellationToken ct) =>
        await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition("SELECT id FROM briefs WHERE activity_id = @activityId", new { activityId }, cancellationToken: ct));

    // ---------------- GET ----------------

    private static async Task<Results<Ok<BriefDto>, ProblemHttpResult>> GetAsync(
        Guid id, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await ActivitiesApi.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var right = await access.RightAsync(activity.StudioId, user, ct);
        if (right is not { } r || !r.CanRead()) return Problems.Forbidden("You are not a member of this studio nor an admin above it.");
        if (await BriefIdAsync(conn, id, ct) is not { } briefId) return Problems.NotFound("Brief");
        var leader = r.CanLead();
        var row = leader ? await LatestAsync(conn, briefId, ct) : await PublishedAsync(conn, briefId, ct);
        if (row is null) return Problems.NotFound("Brief");
        return TypedResults.Ok((await ToDtosAsync(conn, [row], leader, urls, PhotosApi.RequestBase(http), ct))[0]);
    }

    private static async Task<Results<Ok<BriefVersionDto[]>, ProblemHttpResult>> VersionsAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await ActivitiesApi.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var right = await access.RightAsync(activity.StudioId, user, ct);
        if (right is not (StudioRight.Leader or StudioRight.Admin)) return Problems.Forbidden("Only the studio's leader and admins above it see every version.");
        if (await BriefIdAsync(conn, id, ct) is not { } briefId) return Problems.NotFound("Brief");
        const string Sql = """
            SELECT version, title, theme, exchange, record, summary, photo_ids, edited_by, edited_at
            FROM brief_versions WHERE brief_id = @briefId ORDER BY version DESC
            """;
        var versions = await conn.QueryAsync<BriefVersionDto>(new CommandDefinition(Sql, new { briefId }, cancellationToken: ct));
        return TypedResults.Ok(versions.ToArray());
    }

    // ---------------- publish ----------------

    private static async Task<Results<Ok<BriefDto>, Accepted<BriefDto>, ProblemHttpResult>> PublishAsync(
        Guid id, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls, BriefReview review,
        NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var activity = await ActivitiesApi.FindAsync(conn, id, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        if (activity.Status == ActivityStatus.Cancelled) return Problems.Conflict("activity_cancelled", "The activity is cancelled.");
        if (await BriefIdAsync(conn, id, ct) is not { } briefId) return Problems.NotFound("Brief");

        var result = await review.PublishAsync(briefId, user.Id(), ct);
        var row = await LatestAsync(conn, briefId, ct);
        var dto = (await ToDtosAsync(conn, [row!], leader: true, urls, PhotosApi.RequestBase(http), ct))[0];
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
        Guid studioId, HttpRequest http, ClaimsPrincipal user, StudioAccess access, PhotoUrls urls, NpgsqlDataSource dataSource,
        CancellationToken ct, string? cursor = null, int limit = 20)
    {
        var (after, invalid) = ParsePaging(cursor, limit);
        if (invalid is not null) return invalid;
        if (await access.RefuseReadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await FeedAsync(dataSource, "b.studio_id = @studioId", new { studioId }, after, limit, urls, PhotosApi.RequestBase(http), ct));
    }

    private static async Task<Results<Ok<BriefPage>, ProblemHttpResult>> AdminFeedAsync(
        HttpRequest http, ClaimsPrincipal user, PhotoUrls urls, NpgsqlDataSource dataSource, CancellationToken ct,
        string? cursor = null, int limit = 20, bool flagged = false)
    {
        var (after, invalid) = ParsePaging(cursor, limit);
        if (invalid is not null) return invalid;
        var where = """
            EXISTS (SELECT 1 FROM org_units o JOIN admins ad ON ad.id = @adminId
                    WHERE o.id = s.host_org_unit_id AND ad.org_unit_id = ANY (o.ancestors))
            """ + (flagged ? " AND b.flagged_for_review" : "");
        return TypedResults.Ok(await FeedAsync(dataSource, where, new { adminId = user.Id() }, after, limit, urls, PhotosApi.RequestBase(http), ct));
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

    /// <summary>Published briefs matching <paramref name="where"/> (a constant condition of this class; values bound), newest first.</summary>
    private static async Task<BriefPage> FeedAsync(NpgsqlDataSource dataSource, string where, object args, (DateTime At, Guid Id)? after, int limit,
        PhotoUrls urls, string requestBase, CancellationToken ct)
    {
        var sql = $"""
            {RowSelect}
            JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version
            WHERE b.published_version IS NOT NULL AND {where}
              AND (b.first_published_at, b.id) < (@afterAt, @afterId)
            ORDER BY b.first_published_at DESC, b.id DESC
            LIMIT @take
            """;
        var parameters = new DynamicParameters(args);
        parameters.Add("afterAt", after?.At ?? new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        parameters.Add("afterId", after?.Id ?? Guid.AllBitsSet);
        parameters.Add("take", limit + 1);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<BriefRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = EncodeCursor(rows[^1].FirstPublishedAt!.Value, rows[^1].Id);
        }
        return new BriefPage(await ToDtosAsync(conn, rows, leader: false, urls, requestBase, ct), next);
    }

    // ---------------- mapping ----------------

    private static async Task<BriefDto[]> ToDtosAsync(NpgsqlConnection conn, IReadOnlyList<BriefRow> rows, bool leader, PhotoUrls urls, string requestBase, CancellationToken ct)
    {
        var photos = (await PhotosApi.FindManyAsync(conn, rows.SelectMany(r => r.PhotoIds).Distinct().ToArray(), ct)).ToDictionary(p => p.Id);
        return rows.Select(r => new BriefDto
        {
            Id = r.Id, ActivityId = r.ActivityId, ActivityTitle = r.ActivityTitle, ActivityKind = r.ActivityKind, ActivityStartsAt = r.ActivityStartsAt,
            StudioId = r.StudioId, StudioName = r.StudioName, Status = r.Status, Version = r.Version, CurrentVersion = r.CurrentVersion,
            PublishedVersion = r.PublishedVersion, HasUnpublishedChanges = r.PublishedVersion != r.CurrentVersion,
            Title = r.Title, Theme = r.Theme, Exchange = r.Exchange, Record = r.Record, Summary = r.Summary,
            Photos = r.PhotoIds
                .Select(id => photos.GetValueOrDefault(id))
                .Where(p => p is not null && (leader || p.MediaCheck != MediaCheckStatus.Risky))
                .Select(p => new BriefPhotoDto(p!.Id, p.MediaCheck == MediaCheckStatus.Risky ? null : urls.UrlFor(p.Id, requestBase), p.Width, p.Height, p.MediaCheck))
                .ToArray(),
            EditedBy = r.EditedBy, EditedAt = r.EditedAt, FirstPublishedAt = r.FirstPublishedAt, PublishedAt = r.PublishedAt,
            FlaggedForReview = r.FlaggedForReview, FlagLabel = r.FlagLabel,
            LastCheckResult = leader ? r.LastCheckResult : null, LastCheckLabel = leader ? r.LastCheckLabel : null,
            Attendance = new AttendanceDto(r.Present, r.Members),
        }).ToArray();
    }
}
