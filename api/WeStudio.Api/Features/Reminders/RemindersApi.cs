using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>Consent to subscribe messages (the member) and what the studio's reminders did (the leader).</summary>
public static class RemindersApi
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddSingleton<Subscriptions>();
        services.AddSingleton<OfficialAccountFollowers>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<ReminderRateLimiter>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me/subscriptions").WithTags("Reminders").RequireAuthorization(CurrentUser.MemberPolicy);
        me.MapPost("/", RecordSubscriptionsAsync).WithName("RecordSubscriptions")
            .WithSummary("Records what wx.requestSubscribeMessage returned; each accept adds one send credit. 400 validation_failed.");
        me.MapGet("/", GetSubscriptionsAsync).WithName("GetSubscriptions")
            .WithSummary("The member's subscribe templates with their credits and whether to ask again.");

        app.MapGet("/api/v1/studios/{studioId:guid}/reminders", ListStudioRemindersAsync).WithTags("Reminders").WithName("ListStudioReminders")
            .RequireAuthorization()
            .WithSummary("The leader sees the studio's reminders: to whom, what happened and why (status filter, paged: page ≥ 1, pageSize 1–100). 400 validation_failed; 403 forbidden; 404 not_found.");
        var activities = app.MapGroup("/api/v1/activities/{activityId:guid}/reminder-settings").WithTags("Reminders").RequireAuthorization();
        activities.MapGet("/", GetSettingsAsync).WithName("GetActivityReminderSettings")
            .WithSummary("The activity's reminder options (defaults when the leader has not chosen). 403 forbidden; 404 not_found.");
        activities.MapPut("/", PutSettingsAsync).WithName("SetActivityReminderSettings")
            .WithSummary("The leader chooses whether members are reminded when check-in opens. 400 validation_failed; 403 forbidden; 404 not_found.");
        return app;
    }

    private const string SettingsSql = "SELECT check_in_opened FROM activity_reminder_settings WHERE activity_id = @activityId";

    private static async Task<Results<Ok<ActivityReminderSettings>, ProblemHttpResult>> GetSettingsAsync(
        Guid activityId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, IOptionsMonitor<ReminderOptions> options, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var activity = await Activities.ActivitiesApi.FindAsync(conn, activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseReadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        var chosen = await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(SettingsSql, new { activityId }, cancellationToken: ct));
        return TypedResults.Ok(new ActivityReminderSettings(activityId, chosen ?? options.CurrentValue.CheckInOpenedByDefault));
    }

    private static async Task<Results<Ok<ActivityReminderSettings>, ProblemHttpResult>> PutSettingsAsync(
        Guid activityId, ActivityReminderSettingsRequest request, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct)
    {
        var v = new Validation();
        var checkInOpened = v.Required("checkInOpened", request.CheckInOpened);
        if (v.Problem is { } invalid) return invalid;
        await using var conn = await db.OpenConnectionAsync(ct);
        var activity = await Activities.ActivitiesApi.FindAsync(conn, activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        const string Sql = """
            INSERT INTO activity_reminder_settings (activity_id, check_in_opened) VALUES (@activityId, @checkInOpened)
            ON CONFLICT (activity_id) DO UPDATE SET check_in_opened = @checkInOpened, updated_at = now()
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { activityId, checkInOpened }, cancellationToken: ct));
        return TypedResults.Ok(new ActivityReminderSettings(activityId, checkInOpened!.Value));
    }

    private static async Task<Results<Ok<SubscriptionsResponse>, ProblemHttpResult>> RecordSubscriptionsAsync(
        SubscriptionsRequest request, ClaimsPrincipal user, Subscriptions subscriptions, CancellationToken ct)
    {
        var v = new Validation();
        var known = subscriptions.Templates();
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Results is not { Count: > 0 } given) v.Add("results", "'results' must name at least one template.");
        else if (given.Count > 20) v.Add("results", "'results' may name at most 20 templates.");
        else
        {
            foreach (var (templateId, result) in given)
            {
                var field = $"results.{templateId}";
                if (!known.ContainsKey(templateId)) v.Add(field, "Not a subscribe template of WeStudio.");
                else if (result is null || !Subscriptions.Results.Contains(result, StringComparer.Ordinal))
                    v.Add(field, $"Must be one of: {string.Join(", ", Subscriptions.Results)}.");
                else results[templateId] = result;
            }
        }
        if (v.Problem is { } problem) return problem;
        await subscriptions.RecordAsync(user.Id(), results, ct);
        return TypedResults.Ok(await subscriptions.ForMemberAsync(user.Id(), ct));
    }

    private static async Task<Ok<SubscriptionsResponse>> GetSubscriptionsAsync(ClaimsPrincipal user, Subscriptions subscriptions, CancellationToken ct) =>
        TypedResults.Ok(await subscriptions.ForMemberAsync(user.Id(), ct));

    private static async Task<Results<Ok<ReminderPage>, ProblemHttpResult>> ListStudioRemindersAsync(
        Guid studioId, ClaimsPrincipal user, StudioAccess access, NpgsqlDataSource db, CancellationToken ct,
        string? status = null, int page = 1, int pageSize = 50)
    {
        var v = new Validation();
        var wanted = v.Enum<ReminderStatus>("status", status, required: false);
        v.Paging(page, pageSize);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;

        const string Sql = """
            SELECT r.id, r.kind, r.subject_id, a.title AS activity_title, r.recipient_id, m.display_name AS recipient_name,
                   r.due_at, r.status, r.channel, r.attempts, r.last_errcode, r.last_error, r.sent_at
            FROM reminders r
            JOIN members m ON m.id = r.recipient_id
            LEFT JOIN activities a ON a.id = r.subject_id
            WHERE r.studio_id = @studioId AND (@status::text IS NULL OR r.status = @status)
            ORDER BY r.due_at DESC, r.id
            LIMIT @pageSize OFFSET @offset;
            SELECT count(*)::int FROM reminders WHERE studio_id = @studioId AND (@status::text IS NULL OR status = @status);
            SELECT status, count(*)::int AS count FROM reminders WHERE studio_id = @studioId GROUP BY status;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql,
            new { studioId, status = wanted?.ToString(), pageSize, offset = (page - 1) * pageSize }, cancellationToken: ct));
        var items = (await grid.ReadAsync<ReminderDto>()).ToArray();
        var total = await grid.ReadSingleAsync<int>();
        var byStatus = (await grid.ReadAsync<StatusCount>()).ToDictionary(s => s.Status, s => s.Count);
        return TypedResults.Ok(new ReminderPage(items, page, pageSize, total, byStatus));
    }

    private sealed record StatusCount
    {
        public string Status { get; init; } = "";
        public int Count { get; init; }
    }
}
