using System.Net;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>POST/GET /api/v1/me/subscriptions: what wx.requestSubscribeMessage answered becomes send credits.</summary>
public sealed class SubscriptionsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Upcoming = "sandbox-sub-activity-upcoming";
    private const string Cancelled = "sandbox-sub-activity-cancelled";

    [Fact]
    public async Task EachAcceptAddsOneCredit()
    {
        var member = await factory.MemberAsync();

        await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string> { [Upcoming] = "accept" } });
        var answer = await (await member.Client.PostJsonAsync("/api/v1/me/subscriptions",
            new { results = new Dictionary<string, string> { [Upcoming] = "accept", [Cancelled] = "accept" } })).ReadAsync<SubscriptionsResponse>();

        var upcoming = answer.Templates.Single(t => t.TemplateId == Upcoming);
        Assert.Equal(2, upcoming.Credits);
        Assert.Equal("accept", upcoming.LastResult);
        Assert.False(upcoming.ShouldAsk);
        Assert.Contains(ReminderKind.ActivityUpcoming, upcoming.Kinds);
        Assert.Equal(1, answer.Templates.Single(t => t.TemplateId == Cancelled).Credits);
    }

    [Fact]
    public async Task ARejectIsRememberedSoTheMiniProgramStopsAsking()
    {
        var member = await factory.MemberAsync();
        await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string> { [Upcoming] = "reject" } });

        var answer = await (await member.Client.GetAsync("/api/v1/me/subscriptions")).ReadAsync<SubscriptionsResponse>();

        var upcoming = answer.Templates.Single(t => t.TemplateId == Upcoming);
        Assert.Equal(0, upcoming.Credits);
        Assert.Equal("reject", upcoming.LastResult);
        Assert.False(upcoming.ShouldAsk);
        Assert.True(answer.Templates.Single(t => t.TemplateId == Cancelled).ShouldAsk);
    }

    [Fact]
    public async Task AnUnknownTemplateOrResultIsRefusedWithTheFieldNamed()
    {
        var member = await factory.MemberAsync();

        var unknown = await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string> { ["made-up"] = "accept" } });
        var body = await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("results.made-up", out _));

        var badResult = await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string> { [Upcoming] = "yes" } });
        await badResult.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var empty = await member.Client.PostJsonAsync("/api/v1/me/subscriptions", new { results = new Dictionary<string, string>() });
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var answer = await (await member.Client.GetAsync("/api/v1/me/subscriptions")).ReadAsync<SubscriptionsResponse>();
        Assert.All(answer.Templates, t => Assert.Equal(0, t.Credits));
    }
}
