using System.Net;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>The attendance sheet in pages: present first by check-in time, then absent; totals of the whole sheet on every page.</summary>
public sealed class AttendancePagingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PagesFollowCheckInTimeThenTheAbsentAndEveryPageCarriesTheWholeSheetsTotals()
    {
        var world = await factory.StudioWorldAsync(members: 5);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var order = new[] { world.Members[3], world.Members[0], world.Members[4] };
        foreach (var member in order)
        {
            Assert.Equal(HttpStatusCode.Created, (await member.ScanAsync(code.Token)).StatusCode);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var url = $"/api/v1/activities/{activity.Id}/attendance";

        var first = await (await world.Leader.Client.GetAsync($"{url}?page=1&pageSize=2")).ReadAsync<AttendanceSheet>();
        var second = await (await world.Leader.Client.GetAsync($"{url}?page=2&pageSize=2")).ReadAsync<AttendanceSheet>();
        var third = await (await world.Leader.Client.GetAsync($"{url}?page=3&pageSize=2")).ReadAsync<AttendanceSheet>();
        var beyond = await (await world.Leader.Client.GetAsync($"{url}?page=9&pageSize=2")).ReadAsync<AttendanceSheet>();
        var whole = await (await world.Leader.Client.GetAsync(url)).ReadAsync<AttendanceSheet>();

        Assert.Equal([order[0].Id, order[1].Id], first.Entries.Select(e => e.MemberId));
        Assert.Equal(order[2].Id, second.Entries[0].MemberId);
        Assert.True(second.Entries[0].Present);
        Assert.Equal(world.Leader.Id, second.Entries[1].MemberId); // absent: the leader first
        Assert.False(second.Entries[1].Present);
        Assert.Equal(2, third.Entries.Length);
        Assert.All(third.Entries, e => Assert.False(e.Present));
        Assert.Empty(beyond.Entries);
        foreach (var page in new[] { first, second, third, beyond, whole })
            Assert.Equal(new AttendanceTotals(6, 3, 0.5), page.Totals);
        Assert.Equal((2, 2), (second.Page, second.PageSize));
        Assert.Equal((1, 100), (whole.Page, whole.PageSize));
        Assert.Equal(6, whole.Entries.Length);
        Assert.Equal(first.Entries.Concat(second.Entries).Concat(third.Entries), whole.Entries);
    }

    [Fact]
    public async Task SomeoneWhoCheckedInAndLeftStaysOnTheSheetAndInItsTotals()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token)).StatusCode);
        (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{world.Members[0].Id}?reason=调离")).EnsureSuccessStatusCode();
        (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{world.Members[1].Id}?reason=调离")).EnsureSuccessStatusCode();

        var sheet = await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/attendance?pageSize=1")).ReadAsync<AttendanceSheet>();

        Assert.Equal(new AttendanceTotals(2, 1, 0.5), sheet.Totals); // the leader, and the member who left after checking in
        Assert.Equal(world.Members[0].Id, Assert.Single(sheet.Entries).MemberId);
        Assert.False(sheet.Entries[0].InStudio);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    public async Task OutOfRangePagingIsRefusedAsValidationFailed(string query)
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);

        var response = await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/attendance?{query}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
