using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>
/// Scheduling and dispatching reminders against the WeChat sandbox. The dispatcher takes every due row of the database, so
/// every test that dispatches lives in this one class (tests of a class run one at a time) and asserts on its own people.
/// </summary>
public sealed partial class RemindersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string UpcomingTemplate = "sandbox-sub-activity-upcoming";

    private ReminderScheduler Scheduler => factory.Services.GetRequiredService<ReminderScheduler>();

    private ReminderDispatcher Dispatcher => factory.Services.GetRequiredService<ReminderDispatcher>();

    private MessageState Messages => factory.Sandbox.Messages;

    [Fact]
    public async Task MembersWithACreditAreRemindedTwentyFourHoursAndOneHourBeforeOnceEach()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        await AcceptAsync(world.Members[0], UpcomingTemplate, times: 2);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromHours(30));

        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();
        Assert.Empty(await RowsAsync(activityId));

        factory.Clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
        await Scheduler.RunOnceAsync(default);
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();
        factory.Clock.Advance(TimeSpan.FromHours(23));
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var openId = await OpenIdAsync(world.Members[0].Id);
        var delivered = Messages.Messages(openId);
        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, m => Assert.Equal(UpcomingTemplate, m.TemplateId));
        Assert.Equal("党建专题研讨：学习贯彻党的二十大精神推…", delivered[0].Data["thing1"]);
        Assert.Equal($"pages/activity/detail?id={activityId}", delivered[0].Page);
        Assert.Equal(0, await CreditsAsync(world.Members[0].Id, UpcomingTemplate));

        var rows = await RowsAsync(activityId);
        Assert.Equal(6, rows.Count); // leader and two members, two leads each
        Assert.Equal(2, rows.Count(r => r.Status == "Sent"));
        Assert.Equal(4, rows.Count(r => r.Status == "NoConsent"));
        Assert.Empty(Messages.Messages(await OpenIdAsync(world.Members[1].Id)));
    }

    [Fact]
    public async Task AFollowerWithoutACreditGetsATemplateMessageThatOpensTheMiniProgram()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var unionId = await UnionIdAsync(world.Members[0].Id);
        var oaOpenId = "oa-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<OfficialAccountFollowers>().RecordAsync(unionId, oaOpenId, following: true, default);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));

        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var message = Assert.Single(Messages.Messages(oaOpenId));
        Assert.Equal("template", message.Channel);
        Assert.Equal("sandbox-oa-activity", message.TemplateId);
        Assert.Equal($"pages/activity/detail?id={activityId}", message.Page);
        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == world.Members[0].Id);
        Assert.Equal(("Sent", "Template"), (row.Status, row.Channel));
    }

    [Fact]
    public async Task TemplateMessagesUseTheOfficialAccountsOwnCredentials()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var oaOpenId = "oa-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<OfficialAccountFollowers>().RecordAsync(await UnionIdAsync(world.Members[0].Id), oaOpenId, true, default);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));
        await Scheduler.RunOnceAsync(default);
        await DrainOthersAsync(world);
        var dispatcher = DispatcherWith(o => o.OfficialAccount = new OfficialAccountOptions { AppId = "wx_official_account", AppSecret = "oa-secret" });

        await dispatcher.RunOnceAsync(default);

        // The sandbox knows only the mini-program's app, so the account's own token request is refused (40013, not retried).
        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == world.Members[0].Id);
        Assert.Equal(("Failed", 40013), (row.Status, row.LastErrcode));
        Assert.Contains(factory.Sandbox.State.Calls("/cgi-bin/stable_token"), c => c.Body?.GetProperty("appid").GetString() == "wx_official_account");
        Assert.Empty(Messages.Messages(oaOpenId));
    }

    [Fact]
    public async Task NoConsentFromWeChatSpendsNoCredit()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate);
        Messages.SetCredits(await OpenIdAsync(member.Id), UpcomingTemplate, 0);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));

        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("NoConsent", 43101), (row.Status, row.LastErrcode));
        Assert.Equal(1, await CreditsAsync(member.Id, UpcomingTemplate));
    }

    [Fact]
    public async Task NotFollowingFromWeChatIsRecordedAndTheFollowerForgotten()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var oaOpenId = "oa-" + Guid.NewGuid().ToString("N");
        await factory.Services.GetRequiredService<OfficialAccountFollowers>().RecordAsync(await UnionIdAsync(world.Members[0].Id), oaOpenId, true, default);
        Messages.SetFollower(oaOpenId, false);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));

        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == world.Members[0].Id);
        Assert.Equal(("NotFollowing", 43004), (row.Status, row.LastErrcode));
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT following FROM official_account_followers WHERE oa_openid = @oaOpenId", new { oaOpenId }));
    }

    [Fact]
    public async Task ABadFieldValueFailsAtOnceWithWeChatsMessageAndSpendsNoCredit()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));
        await Scheduler.RunOnceAsync(default);
        await DrainOthersAsync(world);
        await factory.Sandbox.InjectFaultAsync(ReminderDispatcher.SubscribeSendPath, 47003, 1);

        await DispatchAsync(workers: 1);

        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("Failed", 47003, 1), (row.Status, row.LastErrcode, row.Attempts));
        Assert.Equal(1, await CreditsAsync(member.Id, UpcomingTemplate));
    }

    [Fact]
    public async Task TransientErrorsAreRetriedAfterABackoffAndFailAfterTheConfiguredAttempts()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(55));
        await Scheduler.RunOnceAsync(default);
        await DrainOthersAsync(world);
        var dispatcher = DispatcherWith(o => { o.MaxAttempts = 3; o.RetryBaseSeconds = 10; o.RetryMaxSeconds = 60; o.Workers = 1; });

        await factory.Sandbox.InjectFaultAsync(ReminderDispatcher.SubscribeSendPath, -1, 1);
        await factory.Sandbox.InjectFaultAsync(ReminderDispatcher.SubscribeSendPath, 45009, 1);
        await factory.Sandbox.InjectFaultAsync(ReminderDispatcher.SubscribeSendPath, 45011, 1);
        await dispatcher.RunOnceAsync(default);
        var first = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("Pending", 1, -1), (first.Status, first.Attempts, first.LastErrcode));
        var wait = first.NextAttemptAt - factory.Clock.GetUtcNow();
        Assert.InRange(wait.TotalSeconds, 4.9, 15.1); // 10 s × 0.5–1.5

        await dispatcher.RunOnceAsync(default); // not due yet
        Assert.Equal(1, (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id).Attempts);

        factory.Clock.Advance(TimeSpan.FromSeconds(16));
        await dispatcher.RunOnceAsync(default);
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await dispatcher.RunOnceAsync(default);

        var last = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("Failed", 3, 45011), (last.Status, last.Attempts, last.LastErrcode));
        Assert.Equal(1, await CreditsAsync(member.Id, UpcomingTemplate));
        Assert.Empty(Messages.Messages(await OpenIdAsync(member.Id)));
    }

    [Fact]
    public async Task ATransientErrorThenSuccessSendsOnceAndSpendsOneCredit()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate, times: 3);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(55));
        await Scheduler.RunOnceAsync(default);
        await DrainOthersAsync(world);
        await factory.Sandbox.InjectFaultAsync(ReminderDispatcher.SubscribeSendPath, 45011, 1);

        await DispatchAsync(workers: 1);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await DispatchAsync(workers: 1);

        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("Sent", 2), (row.Status, row.Attempts));
        Assert.Single(Messages.Messages(await OpenIdAsync(member.Id)));
        Assert.Equal(2, await CreditsAsync(member.Id, UpcomingTemplate));
    }

    [Fact]
    public async Task AnExpiredAccessTokenIsRefreshedAndTheMessageSent()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(55));
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync(); // some token is cached now
        await AcceptAsync(member, UpcomingTemplate);
        var second = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(56));
        await Scheduler.RunOnceAsync(default);
        (await factory.Sandbox.Control.PostAsync("/sandbox/tokens/expire", null)).EnsureSuccessStatusCode();

        await DispatchAsync(workers: 1);

        var row = (await RowsAsync(second)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("Sent", 1), (row.Status, row.Attempts));
        Assert.Contains(factory.Sandbox.State.Calls("/cgi-bin/message/subscribe/send"), c => c.ErrCode == 42001);
    }

    [Fact]
    public async Task ChangingAnActivityTellsThoseAlreadyRemindedAndWithdrawsTheOldReminders()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate);
        await AcceptAsync(member, "sandbox-sub-activity-changed");
        await AcceptAsync(member, "sandbox-sub-activity-cancelled");
        var startsAt = factory.Clock.GetUtcNow().AddHours(20);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromHours(20));
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var moved = await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activityId}", ActivityBody(startsAt.AddHours(2), "新会议室"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await DispatchAsync();
        var cancelled = await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activityId}/cancel", new { reason = "上级临时通知\n调整到下月" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await DispatchAsync();

        var messages = Messages.Messages(await OpenIdAsync(member.Id));
        Assert.Equal(["sandbox-sub-activity-upcoming", "sandbox-sub-activity-changed", "sandbox-sub-activity-cancelled"], messages.Select(m => m.TemplateId));
        Assert.Equal("新会议室", messages[1].Data["thing3"]);
        Assert.Equal("已变更", messages[1].Data["phrase4"]);
        Assert.Equal("上级临时通知 调整到下月", messages[2].Data["thing3"]);
        var rows = await RowsAsync(activityId);
        Assert.DoesNotContain(rows, r => r.Status == "Pending");
    }

    [Fact]
    public async Task AReminderForAStartThatMovedIsWithdrawnNotSent()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await AcceptAsync(member, UpcomingTemplate);
        var start = factory.Clock.GetUtcNow().AddMinutes(50);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));
        await Scheduler.RunOnceAsync(default);

        (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activityId}", ActivityBody(start.AddDays(3), "景行小学"))).EnsureSuccessStatusCode();
        await DispatchAsync();

        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal("Withdrawn", row.Status);
        Assert.Empty(Messages.Messages(await OpenIdAsync(member.Id)));
        Assert.Equal(1, await CreditsAsync(member.Id, UpcomingTemplate));
    }

    [Fact]
    public async Task OpeningCheckInRemindsMembersNotYetCheckedInOnceWhenTheLeaderAskedForIt()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(10));
        var settings = $"/api/v1/activities/{activityId}/reminder-settings";
        var open = $"/api/v1/activities/{activityId}/checkin/open";
        Assert.False((await (await world.Members[1].Client.GetAsync(settings)).ReadAsync<ActivityReminderSettings>()).CheckInOpened);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.PostAsync(open, null)).StatusCode);
        Assert.DoesNotContain(await RowsAsync(activityId), r => r.Kind == "CheckInOpened"); // off unless the leader asks for it
        await (await world.Members[1].Client.PutJsonAsync(settings, new { checkInOpened = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Leader.Client.PutJsonAsync(settings, new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{Guid.NewGuid()}/reminder-settings", new { checkInOpened = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.True((await (await world.Leader.Client.PutJsonAsync(settings, new { checkInOpened = true })).ReadAsync<ActivityReminderSettings>()).CheckInOpened);
        var marked = await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activityId}/attendance/{world.Members[0].Id}", new { reason = "提前到场登记" });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.PostAsync(open, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.PostAsync($"/api/v1/activities/{activityId}/checkin/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.PostAsync(open, null)).StatusCode);

        var rows = (await RowsAsync(activityId)).Where(r => r.Kind == "CheckInOpened").ToList();
        Assert.Equal(2, rows.Count); // the leader and the member not checked in, once despite the reopening
        Assert.DoesNotContain(rows, r => r.RecipientId == world.Members[0].Id);
    }

    [Fact]
    public async Task TheSendRateIsSharedAndNeverExceeded()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        await DispatchAsync();
        await BulkAsync(world, member.Id, count: 12);
        var limited = DispatcherWith(o => { o.SendsPerSecond = 5; o.BatchSize = 4; o.Workers = 2; });
        var other = DispatcherWith(o => { o.SendsPerSecond = 5; o.BatchSize = 4; o.Workers = 2; });
        var second = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        factory.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(second + 1).AddMilliseconds(100));

        var a = limited.RunOnceAsync(default);
        var b = other.RunOnceAsync(default);
        await Task.WhenAll(a, b);
        Assert.Equal(5, Messages.Messages(await OpenIdAsync(member.Id)).Count);
        Assert.True((await a).RateLimited || (await b).RateLimited);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await limited.RunOnceAsync(default);
        Assert.Equal(10, Messages.Messages(await OpenIdAsync(member.Id)).Count);
    }

    [Fact]
    public async Task TwoDispatchersAtOnceSendEachOfAThousandRemindersExactlyOnce()
    {
        var world = await factory.StudioWorldAsync(members: 4);
        foreach (var member in world.Members) await BulkAsync(world, member.Id, count: 250);
        var one = DispatcherWith(o => { o.Workers = 2; o.BatchSize = 20; });
        var two = DispatcherWith(o => { o.Workers = 2; o.BatchSize = 20; });

        var results = await Task.WhenAll(one.RunOnceAsync(default), two.RunOnceAsync(default), one.RunOnceAsync(default));

        Assert.True(results.Sum(r => r.Sent) >= 1000);
        foreach (var member in world.Members)
        {
            var delivered = Messages.Messages(await OpenIdAsync(member.Id));
            Assert.Equal(250, delivered.Count);
            Assert.Equal(0, await CreditsAsync(member.Id, "sandbox-sub-activity-changed"));
        }
        await using var conn = await factory.Database.OpenConnectionAsync();
        var sent = await conn.ExecuteScalarAsync<int>(
            "SELECT count(DISTINCT wechat_msgid) FROM reminders WHERE studio_id = @studioId AND status = 'Sent'", new { studioId = world.StudioId });
        Assert.Equal(1000, sent);
    }

    [Fact]
    public async Task TheLeaderSeesWhoWasRemindedAndWhoMustBePhoned()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        await AcceptAsync(world.Members[0], UpcomingTemplate);
        await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(45));
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var page = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/reminders")).ReadAsync<ReminderPage>();
        Assert.Equal(3, page.Total);
        Assert.Equal(1, page.ByStatus["Sent"]);
        Assert.Equal(2, page.ByStatus["NoConsent"]);
        Assert.All(page.Items, i => Assert.Equal("党建专题研讨：学习贯彻党的二十大精神推进党建与教育教学深度融合专题研讨会", i.ActivityTitle));
        var noConsent = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/reminders?status=NoConsent")).ReadAsync<ReminderPage>();
        Assert.Equal(2, noConsent.Items.Length);
        Assert.DoesNotContain(noConsent.Items, i => i.RecipientId == world.Members[0].Id);

        await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{world.StudioId}/reminders")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/reminders?status=Lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Leader.Client.GetAsync($"/api/v1/studios/{Guid.NewGuid()}/reminders")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheLeaderIsRemindedOnTheTwentiethOnlyWithoutAMonthlySeminar()
    {
        var calendar = factory.Services.GetRequiredService<Calendar>();
        var today = calendar.Today;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        factory.Clock.SetUtcNow(calendar.At(month.AddDays(18), new TimeOnly(12, 0)));
        var idle = await factory.StudioWorldAsync(members: 0);
        var busy = await factory.StudioWorldAsync(members: 0);
        await AcceptAsync(idle.Leader, "sandbox-sub-leader-duty");
        (await busy.Leader.Client.PostJsonAsync($"/api/v1/studios/{busy.StudioId}/activities", new
        {
            kind = "MonthlySeminar", title = "月度研讨", startsAt = calendar.At(month.AddDays(25), new TimeOnly(15, 0)),
            endsAt = calendar.At(month.AddDays(25), new TimeOnly(17, 0)),
        })).EnsureSuccessStatusCode();

        await Scheduler.RunOnceAsync(default);
        Assert.Empty(await RowsAsync(idle.StudioId));
        factory.Clock.SetUtcNow(calendar.At(month.AddDays(19), new TimeOnly(9, 1)));
        await Scheduler.RunOnceAsync(default);
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        Assert.Empty(await RowsAsync(busy.StudioId));
        var row = Assert.Single(await RowsAsync(idle.StudioId));
        Assert.Equal(("LeaderMonthlyDuty", "Sent"), (row.Kind, row.Status));
        var message = Assert.Single(Messages.Messages(await OpenIdAsync(idle.Leader.Id)));
        Assert.Equal($"{month.Year}年{month.Month}月尚未安排党建专题研讨", message.Data["thing2"]);
        Assert.Equal($"{month.Year}年{month.Month}月{month.AddMonths(1).AddDays(-1).Day}日", message.Data["date3"]);
    }

    [Fact]
    public async Task LeadersAreRemindedOnlyOfWhatTheirProgrammeOwes()
    {
        var calendar = factory.Services.GetRequiredService<Calendar>();
        var december = new DateOnly(calendar.Today.Year + 1, 12, 1);
        var before = factory.Clock.GetUtcNow();
        factory.Clock.SetUtcNow(calendar.At(december, new TimeOnly(8, 0)));
        try
        {
            var (admin, committeeId) = await factory.CommitteeAdminAsync();
            var school = await admin.OrgUnitAsync(committeeId);
            async Task<Guid> StudioAsync(string kind, string startsOn, int cycleYears)
            {
                var programme = await (await admin.Client.PostJsonAsync("/api/v1/programmes", new
                {
                    name = $"批次-{Guid.NewGuid():N}"[..12], issuer = "工委", studioKind = kind, cycleYears, startsOn, teamCap = 10,
                })).ReadAsync<System.Text.Json.JsonElement>();
                return (await factory.StudioAsync(admin, programme.GetProperty("id").GetGuid(), school)).StudioId;
            }
            // Maoming owes neither a monthly seminar nor a 31 December report; a Liuzhou 名师党支部书记工作室 owes the report
            // but no seminar; a Liuzhou cycle that ends before 31 December owes no report that year (验收 comes first).
            var maoming = await StudioAsync("DualLeader", $"{december.Year - 1}-09-01", 3);
            var secretary = await StudioAsync("BranchSecretary", $"{december.Year - 1}-10-01", 2);
            var accepted = await StudioAsync("PartyBuildingMaster", $"{december.Year - 2}-10-01", 2);

            factory.Clock.SetUtcNow(calendar.At(december.AddDays(19), new TimeOnly(9, 1)));
            await Scheduler.RunOnceAsync(default);

            Assert.Empty(await RowsAsync(maoming));
            Assert.Equal(["LeaderAnnualReport"], (await RowsAsync(secretary)).Select(r => r.Kind).Distinct());
            Assert.Empty(await RowsAsync(accepted));
        }
        finally
        {
            factory.Clock.SetUtcNow(before);
        }
    }

    [Fact]
    public async Task InDecemberTheLeaderIsRemindedOfAProgressReportNotYetSubmitted()
    {
        var calendar = factory.Services.GetRequiredService<Calendar>();
        var december = new DateOnly(calendar.Today.Year + 1, 12, 1);
        var before = factory.Clock.GetUtcNow();
        factory.Clock.SetUtcNow(calendar.At(december, new TimeOnly(8, 0)));
        try
        {
            await AnnualReportScenarioAsync(calendar, december);
        }
        finally
        {
            factory.Clock.SetUtcNow(before); // other tests of this class schedule from "now": no December for them
        }
    }

    private async Task AnnualReportScenarioAsync(Calendar calendar, DateOnly december)
    {
        var pending = await factory.StudioWorldAsync(members: 0);
        var done = await factory.StudioWorldAsync(members: 0);
        var late = await factory.StudioWorldAsync(members: 0);
        foreach (var leader in new[] { pending.Leader, late.Leader }) await AcceptAsync(leader, "sandbox-sub-leader-report");
        async Task SubmitAsync(StudioWorld world) =>
            (await world.Leader.Client.PutAsync($"/api/v1/studios/{world.StudioId}/progress-reports/{december.Year}",
                System.Net.Http.Json.JsonContent.Create(new { text = "年度建设进展报告" }))).EnsureSuccessStatusCode();
        await SubmitAsync(done);

        await Scheduler.RunOnceAsync(default);
        Assert.Empty(await RowsAsync(pending.StudioId)); // before 09:00
        factory.Clock.SetUtcNow(calendar.At(december, new TimeOnly(9, 1)));
        await Scheduler.RunOnceAsync(default);
        await Scheduler.RunOnceAsync(default);
        Assert.Empty(await RowsAsync(done.StudioId));
        Assert.Single(await RowsAsync(late.StudioId));
        await SubmitAsync(late); // after it was scheduled, before it goes out
        await DispatchAsync();

        var sent = Assert.Single(await RowsAsync(pending.StudioId));
        Assert.Equal(("LeaderAnnualReport", "Sent"), (sent.Kind, sent.Status));
        var message = Assert.Single(Messages.Messages(await OpenIdAsync(pending.Leader.Id)));
        Assert.Equal("年度进展报告待提交", message.Data["thing2"]);
        Assert.Equal($"{december.Year}年12月31日", message.Data["date3"]);
        Assert.Equal("Withdrawn", Assert.Single(await RowsAsync(late.StudioId)).Status);
        Assert.Empty(Messages.Messages(await OpenIdAsync(late.Leader.Id)));
    }

    // ---- helpers ----

    private static object ActivityBody(DateTimeOffset startsAt, string venue) => new
    {
        kind = "MonthlySeminar",
        title = "党建专题研讨：学习贯彻党的二十大精神推进党建与教育教学深度融合专题研讨会",
        startsAt,
        endsAt = startsAt.AddHours(2),
        venueName = venue,
    };

    private async Task<Guid> ActivityAsync(StudioWorld world, TimeSpan startsIn)
    {
        var response = await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities",
            ActivityBody(factory.Clock.GetUtcNow().Add(startsIn), "景行小学三楼党员活动室"));
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task AcceptAsync(SignedIn member, string templateId, int times = 1)
    {
        for (var i = 0; i < times; i++)
            (await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string> { [templateId] = "accept" } })).EnsureSuccessStatusCode();
    }

    /// <summary><paramref name="count"/> due ActivityChanged reminders for one member about one activity, with as many credits.</summary>
    private async Task BulkAsync(StudioWorld world, Guid memberId, int count)
    {
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromDays(5));
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), 'ActivityChanged', @activityId, @studioId, @memberId, CONCAT('bulk-', s.n), @now, @now
            FROM (WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < @count) SELECT n FROM seq) s;
            INSERT INTO subscription_consents (member_id, template_id, credits, last_result) VALUES (@memberId, 'sandbox-sub-activity-changed', @count, 'accept');
            """, new { activityId, studioId = world.StudioId, memberId, count, now = factory.Clock.GetUtcNow().UtcDateTime });
    }

    private ReminderDispatcher DispatcherWith(Action<ReminderOptions> change)
    {
        var current = factory.Services.GetRequiredService<IOptionsMonitor<ReminderOptions>>().CurrentValue;
        var options = new ReminderOptions { Templates = current.Templates, SendsPerSecond = 0, MaxAttempts = current.MaxAttempts, OfficialAccount = current.OfficialAccount };
        change(options);
        var monitor = new FixedOptions(options);
        var limiter = ActivatorUtilities.CreateInstance<ReminderRateLimiter>(factory.Services, monitor);
        return ActivatorUtilities.CreateInstance<ReminderDispatcher>(factory.Services, monitor, limiter);
    }

    /// <summary>Dispatches everything due (other tests' rows too: assertions are on this test's people).</summary>
    private async Task DispatchAsync(int workers = 2)
    {
        await DispatcherWith(o => o.Workers = workers).RunOnceAsync(default);
    }


    private async Task<List<ReminderRow>> RowsAsync(Guid subjectId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return (await conn.QueryAsync<ReminderRow>(
            "SELECT kind, recipient_id, status, channel, attempts, last_errcode, next_attempt_at FROM reminders WHERE subject_id = @subjectId ORDER BY due_at, recipient_id",
            new { subjectId })).ToList();
    }

    private async Task<int> CreditsAsync(Guid memberId, string templateId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int?>("SELECT credits FROM subscription_consents WHERE member_id = @memberId AND template_id = @templateId", new { memberId, templateId }) ?? 0;
    }

    private async Task<string> OpenIdAsync(Guid memberId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("SELECT openid FROM members WHERE id = @memberId", new { memberId }) ?? "";
    }

    private async Task<string> UnionIdAsync(Guid memberId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("SELECT unionid FROM members WHERE id = @memberId", new { memberId }) ?? "";
    }

    /// <summary>
    /// Settles every row due now except this world's: rows of other tests (and of other test classes' activities that
    /// the scheduler picked up) would otherwise take the faults a test injects.
    /// </summary>
    private async Task DrainOthersAsync(StudioWorld world)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE reminders SET status = 'Withdrawn' WHERE status = 'Pending' AND (studio_id IS NULL OR studio_id <> @studioId)", new { studioId = world.StudioId });
    }

    private sealed record ReminderRow
    {
        public string Kind { get; init; } = "";
        public Guid RecipientId { get; init; }
        public string Status { get; init; } = "";
        public string? Channel { get; init; }
        public int Attempts { get; init; }
        public int? LastErrcode { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
    }

    private sealed class FixedOptions(ReminderOptions value) : IOptionsMonitor<ReminderOptions>
    {
        public ReminderOptions CurrentValue => value;

        public ReminderOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ReminderOptions, string?> listener) => null;
    }
}
