using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Tests.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>
/// Followers of the official account fed by WeChat's push, and reminders through a storm of WeChat faults. In the
/// reminders class because they dispatch (the dispatcher takes every due row of the database).
/// </summary>
public sealed partial class RemindersTests
{
    private OfficialAccountState Followers => factory.Sandbox.Services.GetRequiredService<OfficialAccountState>();

    [Fact]
    public async Task ASubscribePushLinksTheMemberSoTheirNextReminderIsATemplateMessageToTheAccountsOpenid()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var name = $"fan-{Guid.NewGuid():N}";
        var member = await JoinAsync(world, name);
        Assert.False(await FollowsAsync(member));

        var push = await FollowAsync(name, subscribe: true);

        Assert.Equal((200, "success"), (push.GetProperty("status").GetInt32(), push.GetProperty("answer").GetString()));
        Assert.True(await FollowsAsync(member));
        var oaOpenId = Followers.OpenIdOf(name);
        Assert.NotEqual(await OpenIdAsync(member.Id), oaOpenId);
        Assert.Contains(factory.Sandbox.State.Calls("/cgi-bin/user/info"), c => c.Query.GetValueOrDefault("openid") == oaOpenId);

        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var message = Assert.Single(Messages.Messages(oaOpenId));
        Assert.Equal(("template", "sandbox-oa-activity"), (message.Channel, message.TemplateId));
        Assert.Empty(Messages.Messages(await OpenIdAsync(member.Id)));
        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal(("Sent", "Template"), (row.Status, row.Channel));
    }

    [Fact]
    public async Task AnUnsubscribePushInSafeModeMakesTheNextReminderNotFollowingAndTheLeaderSeesWhy()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var name = $"fan-{Guid.NewGuid():N}";
        var member = await JoinAsync(world, name);
        await FollowAsync(name, subscribe: true);
        Assert.True(await FollowsAsync(member));

        factory.Sandbox.Delivery.Mode = "aes";
        try
        {
            var push = await FollowAsync(name, subscribe: false);
            Assert.Equal(("aes", 200), (push.GetProperty("mode").GetString(), push.GetProperty("status").GetInt32()));
        }
        finally
        {
            factory.Sandbox.Delivery.Mode = null;
        }
        Assert.False(await FollowsAsync(member));

        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));
        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        Assert.Empty(Messages.Messages(Followers.OpenIdOf(name)));
        var row = (await RowsAsync(activityId)).Single(r => r.RecipientId == member.Id);
        Assert.Equal("NotFollowing", row.Status);
        var list = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/reminders?status=NotFollowing")).ReadAsync<ReminderPage>();
        var seen = Assert.Single(list.Items, i => i.RecipientId == member.Id);
        Assert.Equal(UndeliveredReason.NotFollowing, seen.UndeliveredReason);
    }

    [Fact]
    public async Task AMemberWhoRefusedTheTemplateAndDoesNotFollowIsListedAsBlocked()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        (await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string> { [UpcomingTemplate] = "ban" } })).EnsureSuccessStatusCode();
        var activityId = await ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50));

        await Scheduler.RunOnceAsync(default);
        await DispatchAsync();

        var list = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/reminders")).ReadAsync<ReminderPage>();
        Assert.Equal(UndeliveredReason.Blocked, list.Items.Single(i => i.RecipientId == member.Id && i.SubjectId == activityId).UndeliveredReason);
        Assert.Equal(UndeliveredReason.NoConsent, list.Items.Single(i => i.RecipientId == world.Leader.Id && i.SubjectId == activityId).UndeliveredReason);
    }

    [Fact]
    public async Task PushesSignedWithTheMiniProgramsTokenAreRefusedAtTheOfficialAccountsEndpoint()
    {
        var delivery = factory.Sandbox.Delivery;
        var options = factory.Sandbox.State.Options;
        var xml = "<xml><FromUserName><![CDATA[o-anyone]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event></xml>";

        var wrong = await delivery.SendAsync("t1", "unsubscribe", xml, new PushAccount(delivery.OfficialAccountPushUrl!, options.PushToken, options.EncodingAesKey, options.AppId, "plain", Xml: true));
        var right = await delivery.SendAsync("t2", "unsubscribe", xml, new PushAccount(delivery.OfficialAccountPushUrl!, options.OfficialAccountPushToken, options.OfficialAccountEncodingAesKey, options.OfficialAccountAppId, "plain", Xml: true));

        Assert.Equal(403, wrong.Status);
        Assert.Equal((200, "success"), (right.Status, right.Answer));
    }

    /// <summary>
    /// "30 % of calls answering −1 for a minute", in seconds: the sandbox fails 30 % of every WeChat call for 6 s while reminders
    /// are dispatched (the outbox's backoff on the factory's fake clock, RetryBaseSeconds 1), members check in and read /me.
    /// A factory of its own, so its circuits and sampling windows start clean (the class's factory carries the earlier tests'
    /// sends); it shares the database, and this class is the only one that dispatches.
    /// </summary>
    [Fact]
    public async Task AStormOfMinusOnesLosesNoReminderSendsNoSubscribeMessageTwiceTripsTheCircuitAndLeavesCheckInAlone()
    {
        await using var f = new ApiFactory();
        await ((IAsyncLifetime)f).InitializeAsync();
        var world = await f.StudioWorldAsync(members: 24, teamCap: 40);
        // Two credits each: both activities below remind everyone an hour before.
        foreach (var member in world.Members) await AcceptAsync(member, UpcomingTemplate, times: 2);
        var fans = new List<(SignedIn Member, string Name)>();
        var code = await world.Leader.InvitationAsync(world.StudioId, 10);
        for (var i = 0; i < 6; i++)
        {
            var name = $"fan-{Guid.NewGuid():N}";
            var fan = await f.MemberAsync(name);
            (await fan.Client.PostJsonAsync("/api/v1/studios/join", new { code })).EnsureSuccessStatusCode();
            await FollowAsync(name, subscribe: true, f);
            fans.Add((fan, name));
        }
        var reminded = (await f.ActivityAsync(world, startsIn: TimeSpan.FromMinutes(50))).Id;
        var checkIn = await f.ActivityAsync(world);
        await world.Leader.OpenWithCodeAsync(checkIn.Id);
        await f.Services.GetRequiredService<ReminderScheduler>().RunOnceAsync(default);
        await DrainOthersAsync(world);
        var circuits = f.Services.GetRequiredService<WeChatCircuits>();
        var before = circuits.Transitions;
        var current = f.Services.GetRequiredService<IOptionsMonitor<ReminderOptions>>().CurrentValue;
        var monitor = new FixedOptions(new ReminderOptions
        {
            Templates = current.Templates, OfficialAccount = current.OfficialAccount, SendsPerSecond = 0,
            RetryBaseSeconds = 1, RetryMaxSeconds = 2, MaxAttempts = 10, Workers = 2, BatchSize = 10,
        });
        var dispatcher = ActivatorUtilities.CreateInstance<ReminderDispatcher>(f.Services, monitor, ActivatorUtilities.CreateInstance<ReminderRateLimiter>(f.Services, monitor));

        (await f.Sandbox.Control.PostJsonAsync("/sandbox/faults/storm", new { errcode = -1, percent = 30, seconds = 6, seed = 19 })).EnsureSuccessStatusCode();
        var scans = new List<HttpStatusCode>();
        var storm = System.Diagnostics.Stopwatch.StartNew();
        var scanned = 0;
        while (storm.Elapsed < TimeSpan.FromSeconds(6))
        {
            await dispatcher.RunOnceAsync(default);
            f.Clock.Advance(TimeSpan.FromSeconds(2));
            if (scanned < world.Members.Length) scans.Add((await world.Members[scanned++].ScanAsync((await world.Leader.CodeAsync(checkIn.Id)).Token)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await world.Members[0].Client.GetAsync("/api/v1/me")).StatusCode);
            await Task.Delay(100);
        }
        var failedInStorm = f.Sandbox.State.StormStatus.Failed;
        for (var round = 0; round < 40 && (await RowsAsync(reminded)).Concat(await RowsAsync(checkIn.Id)).Any(r => r.Status == "Pending"); round++)
        {
            await dispatcher.RunOnceAsync(default);
            f.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(200);
        }

        if (circuits.Transitions.Closed == before.Closed)
        {
            // Every reminder went out while the circuit was still open or half-open: the next send after the storm is its probe.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            f.Clock.Advance(TimeSpan.FromSeconds(2));
            var probe = await f.Services.GetRequiredService<IWeChatClient>().PostAsync<WeChatResponse>(ReminderDispatcher.SubscribeSendPath, new
            {
                touser = "o-probe", template_id = "sandbox-sub-activity-cancelled",
                data = new { thing1 = new { value = "探测" }, time2 = new { value = "15:01" }, thing3 = new { value = "风暴已过" } },
            });
            Assert.True(probe.IsSuccess, probe.ToString());
        }
        var rows = (await RowsAsync(reminded)).Concat(await RowsAsync(checkIn.Id)).Where(r => r.RecipientId != world.Leader.Id).ToList();
        Assert.True(failedInStorm > 0, "the storm failed no call");
        Assert.Equal(60, rows.Count); // 24 members with credits and 6 followers, two activities
        Assert.True(rows.All(r => r.Status == "Sent"), string.Join("; ", rows.Select(r => $"{r.Status} {r.Channel} {r.Attempts} {r.LastErrcode}")));
        // One message per reminder: two subscribe messages per member with credits, two template messages per follower.
        foreach (var member in world.Members)
            Assert.Equal(2, f.Sandbox.Messages.Messages(await OpenIdAsync(member.Id)).Count(m => m.Channel == "subscribe"));
        foreach (var (_, name) in fans)
            Assert.Equal(2, f.Sandbox.Messages.Messages(f.Sandbox.Services.GetRequiredService<OfficialAccountState>().OpenIdOf(name)).Count(m => m.Channel == "template"));
        var after = circuits.Transitions;
        var sends = f.Sandbox.State.Calls(ReminderDispatcher.SubscribeSendPath).Concat(f.Sandbox.State.Calls(ReminderDispatcher.TemplateSendPath))
            .Where(c => c.At >= DateTimeOffset.UtcNow - storm.Elapsed - TimeSpan.FromSeconds(30)).ToList();
        Assert.True(after.Opened > before.Opened,
            $"the circuit never opened: {before} → {after}; sends {sends.Count}, of which −1: {sends.Count(c => c.ErrCode == -1)}; " +
            string.Join(" ", sends.TakeLast(200).Select(c => $"{c.At:ss.fff}/{c.ErrCode}")));
        Assert.True(after.Closed > before.Closed, "the circuit never closed again");
        Assert.Null(circuits.OpenFor("messages", "token"));
        Assert.All(scans, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.NotEmpty(scans);
    }

    private async Task<SignedIn> JoinAsync(StudioWorld world, string name)
    {
        var member = await factory.MemberAsync(name);
        var code = await world.Leader.InvitationAsync(world.StudioId, 1);
        (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code })).EnsureSuccessStatusCode();
        return member;
    }

    private static async Task<bool> FollowsAsync(SignedIn member) =>
        (await (await member.Client.GetAsync("/api/v1/me")).ReadAsync<JsonElement>()).GetProperty("member").GetProperty("followsOfficialAccount").GetBoolean();

    /// <summary>The sandbox user follows or unfollows the account, and the sandbox pushes the event to the API; returns the push record.</summary>
    private async Task<JsonElement> FollowAsync(string name, bool subscribe, ApiFactory? on = null)
    {
        var response = await (on ?? factory).Sandbox.Control.PostJsonAsync($"/sandbox/official-account/{(subscribe ? "subscribe" : "unsubscribe")}", new { name });
        return (await response.ReadAsync<JsonElement>()).GetProperty("push");
    }
}
