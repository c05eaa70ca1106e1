using CultureInfo = System.Globalization.CultureInfo;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Features.Applications;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>
/// Issue 13's stage reminders through the outbox, the dispatcher and the WeChat sandbox: the call's deadline to applicants
/// holding a draft, the rectification's deadline to the leader, and the committee's decision to the applicant.
/// </summary>
public sealed partial class RemindersTests
{
    private const string CallDeadlineTemplate = "sandbox-sub-call-deadline";
    private const string RectificationTemplate = "sandbox-sub-rectification-deadline";
    private const string DecidedTemplate = "sandbox-sub-application-decided";

    private Calendar Calendar => factory.Services.GetRequiredService<Calendar>();

    [Fact]
    public async Task ApplicantsHoldingADraftAreRemindedOnceThreeDaysBeforeTheCallClosesAndNotOnceTheySubmitted()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world, perPerson: 1, closesIn: TimeSpan.FromDays(5));
        var (drafting, earlyBird, lateSubmitter) = (await factory.MemberAsync(), await factory.MemberAsync(), await factory.MemberAsync());
        foreach (var applicant in new[] { drafting, earlyBird, lateSubmitter }) await AcceptAsync(applicant, CallDeadlineTemplate);
        var draft = await (await drafting.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();
        var submitted = await earlyBird.SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId)); // before its reminder was due
        var late = await (await lateSubmitter.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();

        await Scheduler.RunOnceAsync(default); // 5 days ahead: not yet
        Assert.Empty(await RowsAsync(draft.Id));

        factory.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        // Two instances' schedulers at once, then again: one row per draft (the outbox's occurrence key).
        await Task.WhenAll(Scheduler.RunOnceAsync(default), SchedulerWith(_ => { }).RunOnceAsync(default));
        await Scheduler.RunOnceAsync(default);
        Assert.Single(await RowsAsync(draft.Id));
        Assert.Single(await RowsAsync(late.Id));
        Assert.Empty(await RowsAsync(submitted.Id));
        (await lateSubmitter.Client.PostAsync($"/api/v1/applications/{late.Id}/submit", null)).EnsureSuccessStatusCode(); // after planning, before sending
        await Task.WhenAll(DispatcherWith(o => o.Workers = 2).RunOnceAsync(default), DispatcherWith(o => o.Workers = 2).RunOnceAsync(default));
        await DispatchAsync();

        var message = Assert.Single(Messages.Messages(await OpenIdAsync(drafting.Id)));
        Assert.Equal((CallDeadlineTemplate, "subscribe"), (message.TemplateId, message.Channel));
        Assert.Equal($"pages/application/edit?applicationId={draft.Id}", message.Page);
        Assert.Equal("第二批工作室培育创建申报", message.Data["thing1"]);
        Assert.Equal(TimeZoneInfo.ConvertTime(call.ClosesAt, Calendar.Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture), message.Data["time2"]);
        Assert.Equal("申报草稿尚未提交，请在截止前提交", message.Data["thing3"]);
        var row = Assert.Single(await RowsAsync(draft.Id));
        Assert.Equal(("CallDeadline", drafting.Id, "Sent", "Subscribe"), (row.Kind, row.RecipientId, row.Status, row.Channel));
        Assert.Null(await StudioOfAsync(draft.Id)); // an application has no studio
        Assert.Equal(0, await CreditsAsync(drafting.Id, CallDeadlineTemplate));

        Assert.Equal("Withdrawn", Assert.Single(await RowsAsync(late.Id)).Status);
        Assert.Empty(Messages.Messages(await OpenIdAsync(lateSubmitter.Id)));
        Assert.Equal(1, await CreditsAsync(lateSubmitter.Id, CallDeadlineTemplate));
        Assert.Empty(Messages.Messages(await OpenIdAsync(earlyBird.Id)));
    }

    [Fact]
    public async Task AReminderOfADraftIsWithdrawnWhenTheCallClosesBeforeItGoesOut()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world, closesIn: TimeSpan.FromHours(2));
        var applicant = await factory.MemberAsync();
        await AcceptAsync(applicant, CallDeadlineTemplate);
        var draft = await (await applicant.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();

        await Scheduler.RunOnceAsync(default); // closes within the lead: due at once
        Assert.Single(await RowsAsync(draft.Id));
        factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1)); // e.g. the dispatcher was down until the call closed
        await DispatchAsync();

        Assert.Equal("Withdrawn", Assert.Single(await RowsAsync(draft.Id)).Status);
        Assert.Empty(Messages.Messages(await OpenIdAsync(applicant.Id)));
    }

    [Fact]
    public async Task TheLeaderIsRemindedOfTheRectificationDeadlineUntilTheReportIsIn()
    {
        var deadline = Calendar.Today.AddDays(4); // due tomorrow at 09:00, within the sessions' 72 h
        var open = await RectifyingAsync(deadline, members: 1);
        var reportedLate = await RectifyingAsync(deadline, members: 0);
        var reportedEarly = await RectifyingAsync(deadline, members: 0);
        foreach (var w in new[] { open, reportedLate, reportedEarly }) await AcceptAsync(w.Leader, RectificationTemplate);
        await ReportAsync(reportedEarly);
        var (openId, lateId, earlyId) = (await RectificationIdAsync(open), await RectificationIdAsync(reportedLate), await RectificationIdAsync(reportedEarly));

        await Scheduler.RunOnceAsync(default);
        Assert.Empty(await RowsAsync(openId));

        factory.Clock.SetUtcNow(Calendar.At(deadline.AddDays(-3), new TimeOnly(9, 1)));
        await Task.WhenAll(Scheduler.RunOnceAsync(default), SchedulerWith(_ => { }).RunOnceAsync(default));
        await Scheduler.RunOnceAsync(default);
        Assert.Single(await RowsAsync(openId));
        Assert.Single(await RowsAsync(lateId));
        Assert.Empty(await RowsAsync(earlyId));
        await ReportAsync(reportedLate); // after planning, before sending
        await DispatchAsync();
        await DispatchAsync();

        var message = Assert.Single(Messages.Messages(await OpenIdAsync(open.Leader.Id)));
        Assert.Equal((RectificationTemplate, "subscribe"), (message.TemplateId, message.Channel));
        Assert.Equal($"pages/studio/stage?studioId={open.StudioId}", message.Page);
        Assert.InRange(message.Data["thing1"].Length, 1, 20);
        Assert.Equal($"{deadline.Year}年{deadline.Month}月{deadline.Day}日", message.Data["date2"]);
        Assert.Equal("整改报告待提交", message.Data["thing3"]);
        var row = Assert.Single(await RowsAsync(openId));
        Assert.Equal(("RectificationDeadline", open.Leader.Id, "Sent", "Subscribe"), (row.Kind, row.RecipientId, row.Status, row.Channel));
        Assert.Equal(open.StudioId, await StudioOfAsync(openId));
        Assert.Empty(Messages.Messages(await OpenIdAsync(open.Members[0].Id)));

        Assert.Equal("Withdrawn", Assert.Single(await RowsAsync(lateId)).Status);
        Assert.Empty(Messages.Messages(await OpenIdAsync(reportedLate.Leader.Id)));
        Assert.Equal(1, await CreditsAsync(reportedLate.Leader.Id, RectificationTemplate));
        Assert.Empty(Messages.Messages(await OpenIdAsync(reportedEarly.Leader.Id)));
    }

    [Fact]
    public async Task TheApplicantIsToldOnceWhetherTheCommitteeApprovedOrRejected()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world);
        var (approvedApplicant, rejectedApplicant, waitingApplicant) = (await factory.MemberAsync(), await factory.MemberAsync(), await factory.MemberAsync());
        foreach (var applicant in new[] { approvedApplicant, rejectedApplicant, waitingApplicant }) await AcceptAsync(applicant, DecidedTemplate);
        var approved = await approvedApplicant.SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId, "覃丽党建名师工作室"));
        var rejected = await rejectedApplicant.SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId, "韦志强党建名师工作室"));
        var waiting = await waitingApplicant.SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));
        (await world.County.EndorseAsync(approved.Id)).EnsureSuccessStatusCode();
        (await world.County.EndorseAsync(waiting.Id)).EnsureSuccessStatusCode();

        (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{approved.Id}/approve", new { licensedOn = Calendar.Today, reason = "专家遴选评议通过" }))
            .EnsureSuccessStatusCode();
        (await world.County.Client.PostJsonAsync($"/api/v1/applications/{rejected.Id}/reject", new { reason = "支部成立不满3年，不符合申报条件" }))
            .EnsureSuccessStatusCode();
        Assert.Single(await RowsAsync(approved.Id)); // planned with the decision, due at once
        await Task.WhenAll(DispatcherWith(o => o.Workers = 2).RunOnceAsync(default), DispatcherWith(o => o.Workers = 2).RunOnceAsync(default));
        await DispatchAsync();

        var yes = Assert.Single(Messages.Messages(await OpenIdAsync(approvedApplicant.Id)));
        Assert.Equal((DecidedTemplate, "subscribe"), (yes.TemplateId, yes.Channel));
        Assert.Equal($"pages/application/detail?applicationId={approved.Id}", yes.Page);
        Assert.Equal(("覃丽党建名师工作室", "通过", "工作室已认定，请在小程序查看"), (yes.Data["thing1"], yes.Data["phrase2"], yes.Data["thing3"]));
        var no = Assert.Single(Messages.Messages(await OpenIdAsync(rejectedApplicant.Id)));
        Assert.Equal($"pages/application/detail?applicationId={rejected.Id}", no.Page);
        Assert.Equal(("韦志强党建名师工作室", "未通过", "未通过原因请在小程序中查看"), (no.Data["thing1"], no.Data["phrase2"], no.Data["thing3"]));
        foreach (var (id, applicant) in new[] { (approved.Id, approvedApplicant.Id), (rejected.Id, rejectedApplicant.Id) })
        {
            var row = Assert.Single(await RowsAsync(id));
            Assert.Equal(("ApplicationDecided", applicant, "Sent", "Subscribe"), (row.Kind, row.RecipientId, row.Status, row.Channel));
            Assert.Null(await StudioOfAsync(id));
            Assert.Equal(0, await CreditsAsync(applicant, DecidedTemplate));
        }
        Assert.Empty(await RowsAsync(waiting.Id)); // endorsed, not decided: nothing to tell
        Assert.Empty(Messages.Messages(await OpenIdAsync(waitingApplicant.Id)));
    }

    /// <summary>A factory of its own with the three kinds in <c>Reminders:DisabledKinds</c>; it shares the database.</summary>
    [Fact]
    public async Task DisabledStageKindsAreNeitherScheduledNorPlannedWithADecision()
    {
        await using var f = new ApiFactory();
        f.Settings["Reminders:DisabledKinds:0"] = "CallDeadline";
        f.Settings["Reminders:DisabledKinds:1"] = "RectificationDeadline";
        f.Settings["Reminders:DisabledKinds:2"] = "ApplicationDecided";
        await ((IAsyncLifetime)f).InitializeAsync();
        var world = await f.CallWorldAsync();
        var call = await f.CallAsync(world, closesIn: TimeSpan.FromDays(1));
        var draft = await (await (await f.MemberAsync()).ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();
        var rejected = await (await f.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));
        (await world.County.Client.PostJsonAsync($"/api/v1/applications/{rejected.Id}/reject", new { reason = "不符合申报条件" })).EnsureSuccessStatusCode();
        var calendar = f.Services.GetRequiredService<Calendar>();
        var studio = await f.StudioWorldAsync(members: 0);
        (await studio.Admin.Client.PostJsonAsync($"/api/v1/studios/{studio.StudioId}/rectifications",
            new { deadline = calendar.Today.AddDays(2), requiredItems = new[] { "补齐每月党建专题研讨" }, reason = "中期评估不合格" })).EnsureSuccessStatusCode();

        var scheduler = f.Services.GetRequiredService<ReminderScheduler>();
        await scheduler.RunOnceAsync(default);
        await scheduler.RunOnceAsync(default);

        Assert.Empty(await RowsAsync(draft.Id));
        Assert.Empty(await RowsAsync(rejected.Id));
        Assert.Empty(await RowsAsync(await RectificationIdAsync(studio)));
        // The same data and clock with the kinds enabled is planned: the empty rows above are the setting's doing.
        var current = f.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ReminderOptions>>().CurrentValue;
        await ActivatorUtilities.CreateInstance<ReminderScheduler>(f.Services, new FixedOptions(new ReminderOptions { Templates = current.Templates })).RunOnceAsync(default);
        Assert.Single(await RowsAsync(draft.Id));
        Assert.Single(await RowsAsync(await RectificationIdAsync(studio)));
    }

    // ---- helpers of the stage reminders ----

    private ReminderScheduler SchedulerWith(Action<ReminderOptions> change)
    {
        var current = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ReminderOptions>>().CurrentValue;
        var options = new ReminderOptions { Templates = current.Templates };
        change(options);
        return ActivatorUtilities.CreateInstance<ReminderScheduler>(factory.Services, new FixedOptions(options));
    }

    /// <summary>A studio of its own committee, put in rectification (Active → Rectifying) with <paramref name="deadline"/>.</summary>
    private async Task<StudioWorld> RectifyingAsync(DateOnly deadline, int members)
    {
        var world = await factory.StudioWorldAsync(members);
        (await world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/rectifications",
            new { deadline, requiredItems = new[] { "补齐每月党建专题研讨", "提交整改报告" }, reason = "中期评估不合格" })).EnsureSuccessStatusCode();
        return world;
    }

    private static async Task ReportAsync(StudioWorld world) =>
        (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/rectification/report",
            new { report = "已补开月度研讨并完善台账。", links = new[] { "https://example.org/整改报告.pdf" } })).EnsureSuccessStatusCode();

    private async Task<Guid> RectificationIdAsync(StudioWorld world)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<Guid>("SELECT id FROM rectifications WHERE studio_id = @studioId", new { studioId = world.StudioId });
    }

    private async Task<Guid?> StudioOfAsync(Guid subjectId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<Guid?>("SELECT studio_id FROM reminders WHERE subject_id = @subjectId LIMIT 1", new { subjectId });
    }
}
