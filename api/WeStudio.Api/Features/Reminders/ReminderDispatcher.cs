using System.Text.Json;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>What one dispatch pass did: rows settled (sent, refused, withdrawn or rescheduled) and whether the send rate stopped it.</summary>
public sealed record DispatchResult(int Handled, int Sent, bool RateLimited, TimeSpan RetryAfter);

/// <summary>
/// Sends due reminders. A worker claims up to <c>BatchSize</c> due rows (<see cref="RemindersStore.ClaimDueAsync"/>,
/// <c>FOR UPDATE SKIP LOCKED</c>) in one transaction, locks the consents they may spend, sends the batch's messages
/// concurrently, records every outcome and spends the subscribe credits of the messages WeChat accepted in that same
/// transaction, and commits: while the transaction is open no other dispatcher, on this instance or another, can claim
/// those rows, so each reminder is sent once. If the process dies between a send and the commit, the rows of that batch
/// return to Pending and are sent again (at-least-once for at most one batch per worker); template messages carry
/// <c>client_msg_id</c> = the reminder id, which WeChat de-duplicates, subscribe messages have no such key.
/// The channel, what WeChat's answers mean and the backoff are <see cref="ReminderPolicy"/>'s.
/// </summary>
public sealed class ReminderDispatcher(
    RemindersStore store, IServiceProvider services, IOptionsMonitor<ReminderOptions> options, IOptions<WeChatOptions> weChatOptions,
    ReminderRateLimiter rateLimiter, Calendar calendar, TimeProvider clock, ILogger<ReminderDispatcher> logger)
{
    public const string SubscribeSendPath = "cgi-bin/message/subscribe/send";
    public const string TemplateSendPath = "cgi-bin/message/template/send";

    private ReminderOptions Options => options.CurrentValue;

    /// <summary>One pass: <c>Workers</c> concurrent workers take batches until nothing is due or the send rate is used up.</summary>
    public async Task<DispatchResult> RunOnceAsync(CancellationToken ct)
    {
        var workers = Enumerable.Range(0, Math.Max(1, Options.Workers)).Select(_ => WorkAsync(ct)).ToArray();
        var results = await Task.WhenAll(workers);
        return new DispatchResult(results.Sum(r => r.Handled), results.Sum(r => r.Sent), results.Any(r => r.RateLimited),
            results.Select(r => r.RetryAfter).DefaultIfEmpty(TimeSpan.Zero).Max());
    }

    private async Task<DispatchResult> WorkAsync(CancellationToken ct)
    {
        var weChat = services.GetRequiredService<IWeChatClient>();
        var official = services.GetRequiredService<OfficialAccountClients>().Create(Options.OfficialAccount);
        var (handled, sent) = (0, 0);
        var circuits = services.GetRequiredService<WeChatCircuits>();
        while (!ct.IsCancellationRequested)
        {
            // An open circuit would fail the whole batch at once: leave the outbox alone until it lets a probe through.
            if (OpenCircuitWait(circuits) is { } wait) return new DispatchResult(handled, sent, true, wait);
            var (granted, retryAfter) = await rateLimiter.TryTakeAsync(Math.Max(1, Options.BatchSize));
            if (granted == 0) return new DispatchResult(handled, sent, true, retryAfter);
            var batch = await RunBatchAsync(weChat, official, granted, ct);
            handled += batch.Handled;
            sent += batch.Sent;
            if (batch.Handled < granted) break;
        }
        return new DispatchResult(handled, sent, false, TimeSpan.Zero);
    }

    /// <summary>How long until WeChat's message or token circuit lets a call through, or null when both are closed.</summary>
    private static TimeSpan? OpenCircuitWait(WeChatCircuits circuits) => circuits.OpenFor("messages", "token");

    /// <summary>
    /// One transaction: claim up to <paramref name="limit"/> due rows, lock the consents they may spend, send the messages
    /// (concurrently), record every outcome and spend the credits of the messages sent, commit.
    /// </summary>
    internal async Task<(int Handled, int Sent)> RunBatchAsync(IWeChatClient weChat, IWeChatClient official, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var batch = await store.ClaimDueAsync(limit, now, calendar.Zone, ct);
        if (batch.Rows.Count == 0) return (0, 0);

        var subscribeTemplates = batch.Rows.Select(r => ReminderPolicy.SubscribeTemplate(Options.For(r.Kind))?.TemplateId).OfType<string>().Distinct().ToArray();
        var credits = await batch.LockCreditsAsync(subscribeTemplates, ct);
        var refusals = await batch.RefusalsAsync(subscribeTemplates, ct);
        var outcomes = new List<ReminderOutcome>(batch.Rows.Count);
        var sends = new List<Send>();
        foreach (var row in batch.Rows)
        {
            if (ReminderPolicy.WithdrawReason(row, now) is { } reason)
            {
                outcomes.Add(new ReminderOutcome(row.Id, ReminderStatus.Withdrawn, Error: reason));
                continue;
            }
            var templates = Options.For(row.Kind);
            var credit = (row.RecipientId, ReminderPolicy.SubscribeTemplate(templates)?.TemplateId ?? "");
            var choice = ReminderPolicy.ChooseChannel(row.Kind, templates, credits.GetValueOrDefault(credit), row.Following, row.OaOpenid, refusals.Contains(credit));
            if (choice is not { Channel: { } channel, Template: { } template })
            {
                outcomes.Add(new ReminderOutcome(row.Id, choice.Status, Error: choice.NoConsentReason, Why: choice.Why));
                continue;
            }
            if (channel == ReminderChannel.Subscribe) credits[credit] -= 1; // reserved in this batch; the database spends only what WeChat accepts
            sends.Add(Prepare(row, channel, template));
        }

        var answers = await Task.WhenAll(sends.Select(send => send.Channel == ReminderChannel.Subscribe
            ? weChat.PostAsync<SendResponse>(SubscribeSendPath, send.Body, ct)
            : official.PostAsync<SendResponse>(TemplateSendPath, send.Body, ct)));
        var spent = new Dictionary<(Guid MemberId, string TemplateId), int>();
        var unfollowed = new List<(string UnionId, string OaOpenId)>();
        for (var i = 0; i < sends.Count; i++)
        {
            var (row, channel, template, _, data) = sends[i];
            var answer = answers[i];
            if (answer.Error is { IsCircuitOpen: true } open)
            {
                // Refused by the open circuit before reaching WeChat: not an attempt; due again once the circuit may close.
                var breakFor = TimeSpan.FromSeconds(Math.Max(1, weChatOptions.Value.Resilience.BreakDurationSeconds));
                outcomes.Add(new ReminderOutcome(row.Id, ReminderStatus.Pending, ErrCode: open.ErrCode, Error: open.ErrMsg, NextAttemptAt: now + breakFor));
                continue;
            }
            var verdict = ReminderPolicy.Judge(answer.Error, row.Attempts, Options.MaxAttempts);
            var outcome = new ReminderOutcome(row.Id, ReminderPolicy.StatusOf(verdict), channel, template.TemplateId, data, Attempted: true,
                ErrCode: answer.Error?.ErrCode, Error: answer.Error?.ErrMsg, MsgId: answer.IsSuccess ? answer.Value.MsgId : null,
                Why: verdict switch { SendVerdict.NoConsent => UndeliveredReason.NoConsent, SendVerdict.NotFollowing => UndeliveredReason.NotFollowing, _ => null });
            switch (verdict)
            {
                case SendVerdict.Sent when channel == ReminderChannel.Subscribe:
                    spent[(row.RecipientId, template.TemplateId)] = spent.GetValueOrDefault((row.RecipientId, template.TemplateId)) + 1;
                    break;
                case SendVerdict.NotFollowing when row.Unionid is { } unionId && row.OaOpenid is { } oaOpenId:
                    unfollowed.Add((unionId, oaOpenId));
                    break;
                case SendVerdict.RetryLater:
                    outcome = outcome with { NextAttemptAt = now + ReminderPolicy.Backoff(row.Attempts + 1, Options, Random.Shared.NextDouble()) };
                    break;
                case SendVerdict.GaveUp:
                    logger.LogWarning("Reminder {Id} ({Kind}) failed after {Attempts} attempts: errcode {ErrCode} {ErrMsg}",
                        row.Id, row.Kind, row.Attempts + 1, answer.Error?.ErrCode, answer.Error?.ErrMsg);
                    break;
                case SendVerdict.Refused:
                    logger.LogError("Reminder {Id} ({Kind}) REFUSED by WeChat {Path} with errcode {ErrCode} {ErrMsg}; template {TemplateId}, data {Data}",
                        row.Id, row.Kind, channel == ReminderChannel.Subscribe ? SubscribeSendPath : TemplateSendPath,
                        answer.Error?.ErrCode, answer.Error?.ErrMsg, template.TemplateId, data);
                    break;
            }
            outcomes.Add(outcome);
        }

        await batch.CompleteAsync(outcomes, spent, unfollowed, now, ct);
        foreach (var o in outcomes) WeStudioMetrics.ReminderOutcomes.Add(1, new KeyValuePair<string, object?>("status", o.Status.ToString()));
        return (batch.Rows.Count, outcomes.Count(o => o.Status == ReminderStatus.Sent));
    }

    /// <summary>The WeChat request of one reminder by one channel, and its rendered <c>data</c> as JSON for the record.</summary>
    private Send Prepare(DueReminder row, ReminderChannel channel, TemplateConfig template)
    {
        var data = TemplateFields.Render(template, Values(row), calendar.Zone);
        var page = Page(template, row);
        object body = channel == ReminderChannel.Subscribe
            ? new { touser = row.Openid, template_id = template.TemplateId, page, data, miniprogram_state = Options.MiniProgramState, lang = "zh_CN" }
            : new
            {
                touser = row.OaOpenid, template_id = template.TemplateId,
                miniprogram = page is null ? null : new { appid = weChatOptions.Value.AppId, pagepath = page },
                data, client_msg_id = row.Id.ToString("N"),
            };
        return new Send(row, channel, template, body, JsonSerializer.Serialize(data));
    }

    /// <summary>
    /// The placeholders a template may use (TemplateConfig): activity, studio (for an application kind the applied-for name),
    /// recipient, the leader kinds' month and deadline, the call's title and <c>closesAt</c>, the rectification's deadline,
    /// and a decision's outcome and note.
    /// </summary>
    private Dictionary<string, object?> Values(DueReminder row)
    {
        var local = TimeZoneInfo.ConvertTime(row.DueAt, calendar.Zone);
        var monthEnd = new DateOnly(local.Year, local.Month, 1).AddMonths(1).AddDays(-1);
        var approved = row.ApplicationStatus == "Approved";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Title"] = row.Kind == ReminderKind.CallDeadline ? row.CallTitle : row.Title,
            ["StartsAt"] = row.StartsAt,
            ["EndsAt"] = row.EndsAt,
            ["Venue"] = string.IsNullOrWhiteSpace(row.VenueName) ? "待定" : row.VenueName,
            ["Studio"] = row.StudioName,
            ["Reason"] = row.CancelledReason,
            ["Recipient"] = row.RecipientName,
            ["Month"] = $"{local.Year}年{local.Month}月",
            ["Deadline"] = row.Kind switch
            {
                ReminderKind.LeaderAnnualReport => new DateOnly(local.Year, 12, 31),
                ReminderKind.CallDeadline => row.CallClosesAt,
                ReminderKind.RectificationDeadline => row.RectificationDeadline,
                _ => monthEnd,
            },
            // ApplicationDecided: the outcome as a phrase (≤ 5 Chinese characters) and where to read the rest; a rejection's
            // reason is free text that does not fit a 20-character field, so the message points to the mini-program.
            ["Outcome"] = approved ? "通过" : "未通过",
            ["Note"] = approved ? "工作室已认定，请在小程序查看" : "未通过原因请在小程序中查看",
        };
    }

    private static string? Page(TemplateConfig template, DueReminder row) =>
        string.IsNullOrWhiteSpace(template.Page) ? null
        : template.Page.Replace("{activityId}", row.SubjectId.ToString()).Replace("{studioId}", row.StudioId?.ToString() ?? "")
            .Replace("{applicationId}", row.SubjectId.ToString());

    /// <summary>One message to send: the reminder, its channel and template, the request body and the rendered data (JSON).</summary>
    private sealed record Send(DueReminder Row, ReminderChannel Channel, TemplateConfig Template, object Body, string Data);

    private sealed record SendResponse : WeChatResponse
    {
        [System.Text.Json.Serialization.JsonPropertyName("msgid")]
        public long? MsgId { get; init; }
    }
}
