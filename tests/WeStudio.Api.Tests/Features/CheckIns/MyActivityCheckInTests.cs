using System.Net;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>GET /api/v1/activities/{id}/checkins/me: the member's own check-in, the page opened when the network dropped after a scan.</summary>
public sealed class MyActivityCheckInTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> MineAsync(SignedIn member, Guid activityId) =>
        member.Client.GetAsync($"/api/v1/activities/{activityId}/checkins/me");

    [Fact]
    public async Task AMemberSeesNotCheckedInThenTheScanWithItsTimeAndMethod()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);

        var before = await (await MineAsync(world.Members[0], activity.Id)).ReadAsync<MyActivityCheckIn>();
        var scanned = await (await world.Members[0].ScanAsync(code.Token)).ReadAsync<CheckInResult>();
        var after = await (await MineAsync(world.Members[0], activity.Id)).ReadAsync<MyActivityCheckIn>();

        Assert.False(before.CheckedIn);
        Assert.Null(before.CheckedInAt);
        Assert.Null(before.Method);
        Assert.False(before.TracksDuration);
        Assert.True(after.CheckedIn);
        Assert.Equal(scanned.CheckInId, after.CheckInId);
        Assert.Equal(scanned.CheckedInAt, after.CheckedInAt);
        Assert.Equal(CheckInMethod.Scan, after.Method);
        Assert.Equal("党建专题研讨", after.ActivityTitle);
        Assert.Null(after.CheckedOutAt);
    }

    [Fact]
    public async Task AManualMarkShowsAsManualAndAnUndoneCheckInAsNotCheckedIn()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}/attendance/{world.Members[0].Id}", new { reason = "现场确认" })).EnsureSuccessStatusCode();
        (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}/attendance/{world.Members[1].Id}", new { reason = "现场确认" })).EnsureSuccessStatusCode();
        (await world.Leader.UndoAsync(activity.Id, world.Members[1].Id, "误签")).EnsureSuccessStatusCode();

        var marked = await (await MineAsync(world.Members[0], activity.Id)).ReadAsync<MyActivityCheckIn>();
        var undone = await (await MineAsync(world.Members[1], activity.Id)).ReadAsync<MyActivityCheckIn>();

        Assert.True(marked.CheckedIn);
        Assert.Equal(CheckInMethod.Manual, marked.Method);
        Assert.False(undone.CheckedIn);
        Assert.Null(undone.CheckInId);
    }

    [Fact]
    public async Task AVolunteerSeesTheirCheckOutAndDuration()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token)).StatusCode);

        var checkedIn = await (await MineAsync(world.Members[0], activity.Id)).ReadAsync<MyActivityCheckIn>();
        factory.Clock.Advance(TimeSpan.FromMinutes(50));
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        var checkOut = await (await world.Members[0].CheckOutAsync(outCode.Token)).ReadAsync<CheckOutResult>();
        var checkedOut = await (await MineAsync(world.Members[0], activity.Id)).ReadAsync<MyActivityCheckIn>();

        Assert.True(checkedIn.TracksDuration);
        Assert.Null(checkedIn.CheckedOutAt);
        Assert.Null(checkedIn.DurationMinutes);
        Assert.Equal(checkOut.CheckedOutAt, checkedOut.CheckedOutAt);
        Assert.Equal(CheckOutMethod.Scan, checkedOut.CheckOutMethod);
        Assert.Equal(checkOut.DurationMinutes, checkedOut.DurationMinutes);
        Assert.Equal(50, checkedOut.DurationMinutes);
        Assert.False(checkedOut.AutoClosed);
    }

    [Fact]
    public async Task SomeoneOutsideTheStudioIsRefusedAsNotMemberAndAnUnknownActivityIsNotFound()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var outsider = await factory.MemberAsync();

        await (await MineAsync(outsider, activity.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        await (await MineAsync(world.Members[0], Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await world.Admin.Client.GetAsync($"/api/v1/activities/{activity.Id}/checkins/me")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task AMemberWhoLeftTheStudioStillSeesTheirCheckIn()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token)).StatusCode);
        (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{world.Members[0].Id}?reason=调离")).EnsureSuccessStatusCode();

        var mine = await (await MineAsync(world.Members[0], activity.Id)).ReadAsync<MyActivityCheckIn>();

        Assert.True(mine.CheckedIn);
    }
}
