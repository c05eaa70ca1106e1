using System.Net;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

public sealed class VolunteerHoursTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Checks the member in at the activity's start and out <paramref name="after"/> later, moving the clock.</summary>
    private async Task ServeAsync(StudioWorld world, SignedIn member, ActivityDto activity, TimeSpan after)
    {
        factory.Clock.SetUtcNow(activity.StartsAt);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await member.ScanAsync(code.Token)).StatusCode);
        factory.Clock.Advance(after);
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.OK, (await member.CheckOutAsync(outCode.Token)).StatusCode);
    }

    [Fact]
    public async Task TotalsFollowShanghaiCalendarYearsAndAnActivityAcrossMidnightCountsOnceOnItsStartDate()
    {
        // 2030-12-31 22:00 in Shanghai.
        factory.Clock.SetUtcNow(new DateTimeOffset(2030, 12, 31, 22, 0, 0, Shanghai));
        var world = await factory.StudioWorldAsync(members: 2);
        var member = world.Members[0];
        // 23:00 on New Year's Eve until 01:00 on New Year's Day, Shanghai time; in UTC all of it is on 31 December.
        var newYearsEve = await factory.VolunteerServiceAsync(world, startsIn: TimeSpan.FromHours(1), length: TimeSpan.FromHours(2));
        // 2031-01-01 09:00 Shanghai = 01:00 UTC: in UTC still the same day as the one above, in Shanghai the next year.
        var newYearsDay = await factory.VolunteerServiceAsync(world, startsIn: TimeSpan.FromHours(11), length: TimeSpan.FromHours(1));
        var seminar = await factory.VolunteerServiceAsync(world, kind: "MonthlySeminar", startsIn: TimeSpan.FromHours(14), length: TimeSpan.FromHours(1));
        var visit = await factory.VolunteerServiceAsync(world, kind: "PairingVisit", tracksDuration: true, startsIn: TimeSpan.FromHours(16), length: TimeSpan.FromHours(2));

        await ServeAsync(world, member, newYearsEve, TimeSpan.FromMinutes(120));
        await ServeAsync(world, member, newYearsDay, TimeSpan.FromMinutes(45));
        factory.Clock.SetUtcNow(seminar.StartsAt);
        await member.ScanAsync((await world.Leader.OpenWithCodeAsync(seminar.Id)).Token);
        await ServeAsync(world, member, visit, TimeSpan.FromMinutes(100));

        var y2030 = await (await member.Client.GetAsync("/api/v1/me/volunteer-hours?year=2030")).ReadAsync<MyVolunteerHours>();
        var y2031 = await (await member.Client.GetAsync("/api/v1/me/volunteer-hours?year=2031")).ReadAsync<MyVolunteerHours>();
        var thisYear = await (await member.Client.GetAsync("/api/v1/me/volunteer-hours")).ReadAsync<MyVolunteerHours>();

        Assert.Equal(120, y2030.Minutes);
        Assert.Equal(2.0, y2030.Hours);
        Assert.Equal([newYearsEve.Id], y2030.Activities.Select(a => a.ActivityId));
        Assert.Equal(145, y2031.Minutes);
        Assert.Equal(
            [new KindHours(ActivityKind.VolunteerService, 1, 45, 0.75), new KindHours(ActivityKind.PairingVisit, 1, 100, 1.67)],
            y2031.ByKind);
        Assert.Equal(2031, thisYear.Year); // the clock is in 2031 in Shanghai by now
        Assert.Equal(145, thisYear.Minutes);

        var studio = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/volunteer-hours?year=2031")).ReadAsync<StudioVolunteerHours>();
        Assert.Equal(145, studio.Minutes);
        Assert.Equal(3, studio.Members.Length); // the leader and both members, with or without hours
        Assert.Equal((member.Id, 145), (studio.Members[0].MemberId, studio.Members[0].Minutes));
        Assert.All(studio.Members.Skip(1), m => Assert.Equal(0, m.Minutes));
        var admin = await (await world.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}/volunteer-hours?year=2030")).ReadAsync<StudioVolunteerHours>();
        Assert.Equal(120, admin.Minutes);
    }

    [Fact]
    public async Task OnlyTheLeaderAndAdminsAboveReadAStudiosHoursAndTheYearIsValidated()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var other = await factory.StudioWorldAsync(members: 0);

        await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{world.StudioId}/volunteer-hours")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/volunteer-hours")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}/volunteer-hours")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Leader.Client.GetAsync($"/api/v1/studios/{Guid.NewGuid()}/volunteer-hours")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await world.Members[0].Client.GetAsync("/api/v1/me/volunteer-hours?year=1999")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
