using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>
/// The auto-close job is global: these tests use short activities ending well before those of other test classes
/// (which last at least an hour), so a pass here closes only this class's check-ins.
/// </summary>
public sealed class AutoCloseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private Task<int> RunOnceAsync() => factory.Services.GetRequiredService<AutoCloseJob>().RunOnceAsync(CancellationToken.None);

    private async Task<AttendanceEntry> EntryAsync(StudioWorld world, Guid activityId, Guid memberId)
    {
        var sheet = await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/attendance")).ReadAsync<AttendanceSheet>();
        return sheet.Entries.Single(e => e.MemberId == memberId);
    }

    [Fact]
    public async Task AfterTheEndAndTheGraceOpenCheckInsAreClosedAtTheScheduledEndOnceEvenOnSeveralInstances()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.VolunteerServiceAsync(world, startsIn: TimeSpan.FromMinutes(10), length: TimeSpan.FromMinutes(30));
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        await world.Members[1].ScanAsync(code.Token);
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await world.Members[1].CheckOutAsync((await world.Leader.CheckOutCodeAsync(activity.Id)).Token);

        factory.Clock.SetUtcNow(activity.EndsAt.AddMinutes(29)); // grace 30 minutes: not yet
        await RunOnceAsync();
        Assert.Null((await EntryAsync(world, activity.Id, world.Members[0].Id)).CheckedOutAt);

        factory.Clock.SetUtcNow(activity.EndsAt.AddMinutes(31));
        await Task.WhenAll(RunOnceAsync(), RunOnceAsync(), RunOnceAsync()); // three instances at once

        var closed = await EntryAsync(world, activity.Id, world.Members[0].Id);
        Assert.Equal(activity.EndsAt, closed.CheckedOutAt);
        Assert.Equal(40, closed.DurationMinutes); // checked in 10 minutes before the start
        Assert.True(closed.AutoClosed);
        Assert.False(closed.Reviewed);
        var untouched = await EntryAsync(world, activity.Id, world.Members[1].Id);
        Assert.Equal((20, false), (untouched.DurationMinutes, untouched.AutoClosed));
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal("Auto", await conn.ExecuteScalarAsync<string>(
            "SELECT check_out_method FROM check_ins WHERE activity_id = @a AND member_id = @m", new { a = activity.Id, m = world.Members[0].Id }));
        await RunOnceAsync(); // a later pass leaves it alone
        Assert.Equal(closed, await EntryAsync(world, activity.Id, world.Members[0].Id));
    }

    [Fact]
    public async Task TheLeaderConfirmsOrCorrectsAnAutoClosedCheckOutAndBothAreAudited()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.VolunteerServiceAsync(world, startsIn: TimeSpan.FromMinutes(10), length: TimeSpan.FromMinutes(30));
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        factory.Clock.SetUtcNow(activity.EndsAt.AddMinutes(31));
        await RunOnceAsync();

        var confirmed = await world.Leader.ReviewCheckOutAsync(activity.Id, world.Members[0].Id, "在场直到结束");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var confirmation = await confirmed.ReadAsync<CheckOutResult>();
        Assert.Equal((40, CheckOutMethod.Auto, true, true), (confirmation.DurationMinutes, confirmation.Method, confirmation.AutoClosed, confirmation.Reviewed));

        var corrected = await world.Leader.ReviewCheckOutAsync(activity.Id, world.Members[0].Id, "提前离开", activity.StartsAt.AddMinutes(15));
        var correction = await corrected.ReadAsync<CheckOutResult>();
        Assert.Equal((25, CheckOutMethod.Manual, true), (correction.DurationMinutes, correction.Method, correction.Reviewed));
        Assert.Equal(activity.StartsAt.AddMinutes(15), correction.CheckedOutAt);

        await using var conn = await factory.Database.OpenConnectionAsync();
        var audit = (await conn.QueryAsync<(string Action, string Reason, Guid Actor, int? Before, int? After)>("""
            SELECT action, reason, actor_id, CAST(JSON_VALUE(`before`, '$.duration_minutes') AS SIGNED), CAST(JSON_VALUE(`after`, '$.duration_minutes') AS SIGNED)
            FROM check_in_audit WHERE activity_id = @id ORDER BY at, action
            """, new { id = activity.Id })).ToList();
        Assert.Equal([("ConfirmCheckOut", "在场直到结束", world.Leader.Id, 40, 40), ("CorrectCheckOut", "提前离开", world.Leader.Id, 40, 25)], audit);
    }

    [Fact]
    public async Task AReviewIsRefusedWithoutReasonForOthersBeforeTheCheckInAndWithoutACheckIn()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.VolunteerServiceAsync(world, startsIn: TimeSpan.FromMinutes(10), length: TimeSpan.FromMinutes(30));
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        var member = world.Members[0].Id;

        await (await world.Leader.ReviewCheckOutAsync(activity.Id, member, "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Members[1].ReviewCheckOutAsync(activity.Id, member, "x")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Leader.ReviewCheckOutAsync(activity.Id, member, "x")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_checked_out");
        await (await world.Leader.ReviewCheckOutAsync(activity.Id, member, "x", factory.Clock.GetUtcNow().AddMinutes(-5)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Leader.ReviewCheckOutAsync(activity.Id, world.Members[1].Id, "x", factory.Clock.GetUtcNow()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_checked_in");
    }
}
