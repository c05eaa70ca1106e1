using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The official account (公众号): its own message push (<c>/api/v1/wechat/official-account/push</c>, signed with
/// <c>Reminders:OfficialAccount:PushToken</c> and, in safe mode, <c>EncodingAesKey</c> and <c>AppId</c>; <c>subscribe</c> and
/// <c>unsubscribe</c> events) and the admin's full follower sync (<c>/api/v1/admin/official-account/sync</c>).
/// </summary>
public static class OfficialAccountApi
{
    public const string PushPath = "/api/v1/wechat/official-account/push";

    public static IEndpointRouteBuilder MapOfficialAccount(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup(PushPath).WithTags("WeChat").AllowAnonymous();
        push.MapGet("/", VerifyUrl).WithName("VerifyOfficialAccountPushUrl")
            .WithSummary("WeChat's URL check of the official account's push (its own Token). 403 signature_invalid.");
        push.MapPost("/", ReceiveAsync).WithName("ReceiveOfficialAccountPush")
            .WithSummary("A subscribe/unsubscribe event of the official account (plain or aes; XML or JSON), de-duplicated; answers success. 400 bad_request; 403 signature_invalid; 413 too_large.");

        var admin = app.MapGroup("/api/v1/admin/official-account/sync").WithTags("Reminders").RequireAuthorization(CurrentUser.AdminPolicy);
        admin.MapPost("/", StartSyncAsync).WithName("StartFollowerSync")
            .WithSummary("Starts a full sync of the official account's followers (user/get + batchget, resumable); 202 with its progress at Location. 409 sync_running (the running one's id in detail).");
        admin.MapGet("/", ActiveSyncAsync).WithName("GetActiveFollowerSync")
            .WithSummary("The follower sync Running or Paused. 404 not_found when none is.");
        admin.MapGet("/{id:guid}", GetSyncAsync).WithName("GetFollowerSync")
            .WithSummary("A follower sync's progress: status, total, pages, processed, linked, calls, resumeAt, lastErrcode. 404 not_found.");
        return app;
    }

    private static IResult VerifyUrl(
        [FromQuery] string? signature, [FromQuery] string? timestamp, [FromQuery] string? nonce, [FromQuery] string? echostr,
        IOptionsMonitor<ReminderOptions> options) =>
        WeChatPushApi.VerifyUrl(options.CurrentValue.OfficialAccount.PushToken, signature, timestamp, nonce, echostr);

    private static Task<IResult> ReceiveAsync(
        HttpRequest request, IOptionsMonitor<ReminderOptions> options, IOptions<WeChatOptions> weChat, WeChatStore store,
        IEnumerable<IOfficialAccountEventHandler> handlers, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var account = options.CurrentValue.OfficialAccount;
        var appId = string.IsNullOrWhiteSpace(account.AppId) ? weChat.Value.AppId : account.AppId;
        return WeChatPushApi.ReceiveAsync(request, new PushSecrets(account.PushToken, account.EncodingAesKey, appId), "oa:", handlers,
            store, clock, loggers.CreateLogger(typeof(OfficialAccountApi)), ct);
    }

    private static async Task<Results<Accepted<FollowerSyncDto>, ProblemHttpResult>> StartSyncAsync(
        ClaimsPrincipal user, OfficialAccountStore store, TimeProvider clock, CancellationToken ct)
    {
        var started = await store.StartSyncAsync(user.Id(), clock.GetUtcNow(), ct);
        if (started is null)
        {
            var running = await store.ActiveSyncAsync(ct);
            return Problems.Conflict("sync_running", "A follower sync is already running.", running is null ? null : $"/api/v1/admin/official-account/sync/{running.Id}");
        }
        return TypedResults.Accepted($"/api/v1/admin/official-account/sync/{started.Id}", started);
    }

    private static async Task<Results<Ok<FollowerSyncDto>, ProblemHttpResult>> ActiveSyncAsync(OfficialAccountStore store, CancellationToken ct) =>
        await store.ActiveSyncAsync(ct) is { } sync ? TypedResults.Ok(sync) : Problems.NotFound("A running follower sync");

    private static async Task<Results<Ok<FollowerSyncDto>, ProblemHttpResult>> GetSyncAsync(Guid id, OfficialAccountStore store, CancellationToken ct) =>
        await store.FindSyncAsync(id, ct) is { } sync ? TypedResults.Ok(sync) : Problems.NotFound("Follower sync");
}
