using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MySqlConnector;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>Consent to subscribe messages (the member) and what the studio's reminders did (the leader).</summary>
public static class RemindersApi
{
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
        app.MapOfficialAccount();
        return app;
    }

    private static async Task<Results<Ok<ActivityReminderSettings>, ProblemHttpResult>> GetSettingsAsync(
        Guid activityId, ClaimsPrincipal user, StudioAccess access, ActivitiesStore activities, RemindersStore store, MySqlDataSource db,
        IOptionsMonitor<ReminderOptions> options, CancellationToken ct)
    {
        var activity = await FindActivityAsync(db, activities, activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseReadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        var chosen = await store.CheckInOpenedSettingAsync(activityId, ct);
        return TypedResults.Ok(new ActivityReminderSettings(activityId, chosen ?? options.CurrentValue.CheckInOpenedByDefault));
    }

    private static async Task<Results<Ok<ActivityReminderSettings>, ProblemHttpResult>> PutSettingsAsync(
        Guid activityId, ActivityReminderSettingsRequest request, ClaimsPrincipal user, StudioAccess access, ActivitiesStore activities,
        RemindersStore store, MySqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var checkInOpened = v.Required("checkInOpened", request.CheckInOpened);
        if (v.Problem is { } invalid) return invalid;
        var activity = await FindActivityAsync(db, activities, activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return refused;
        await store.SetCheckInOpenedAsync(activityId, checkInOpened!.Value, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new ActivityReminderSettings(activityId, checkInOpened.Value));
    }

    private static async Task<ActivityDto?> FindActivityAsync(MySqlDataSource db, ActivitiesStore activities, Guid activityId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await activities.FindAsync(conn, activityId, ct);
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
        Guid studioId, ClaimsPrincipal user, StudioAccess access, RemindersStore store, CancellationToken ct,
        [AllowedValues(nameof(ReminderStatus.Pending), nameof(ReminderStatus.Sent), nameof(ReminderStatus.NoConsent), nameof(ReminderStatus.NotFollowing), nameof(ReminderStatus.Failed), nameof(ReminderStatus.Withdrawn))]
        string? status = null, int page = 1, int pageSize = 50)
    {
        var v = new Validation();
        var wanted = v.Enum<ReminderStatus>("status", status, required: false);
        v.Paging(page, pageSize);
        if (v.Problem is { } invalid) return invalid;
        if (await access.RefuseLeadAsync(studioId, user, ct) is { } refused) return refused;
        return TypedResults.Ok(await store.ListAsync(studioId, wanted, page, pageSize, ct));
    }
}
