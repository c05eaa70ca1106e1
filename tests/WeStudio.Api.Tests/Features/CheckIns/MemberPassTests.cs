using System.Net;
using Dapper;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

public sealed class MemberPassTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheLeaderScansAMembersPassToCheckThemInAndOutAndBothAreAudited()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world, fenced: true);
        await world.Leader.OpenWithCodeAsync(activity.Id);
        var pass = await world.Members[0].PassAsync();
        Assert.Equal(32, pass.Token.Length);

        var checkedIn = await world.Leader.ScanMemberAsync(activity.Id, "checkin", pass.Token);
        var again = await world.Leader.ScanMemberAsync(activity.Id, "checkin", pass.Token);
        factory.Clock.Advance(TimeSpan.FromMinutes(50));
        var pass2 = await world.Members[0].PassAsync();
        var checkedOut = await world.Leader.ScanMemberAsync(activity.Id, "checkout", pass2.Token);
        var outAgain = await world.Leader.ScanMemberAsync(activity.Id, "checkout", pass2.Token);

        Assert.Equal(HttpStatusCode.Created, checkedIn.StatusCode);
        Assert.Equal(CheckInMethod.Pass, (await checkedIn.ReadAsync<CheckInResult>()).Method);
        Assert.True((await again.ReadAsync<CheckInResult>()).AlreadyCheckedIn);
        var result = await checkedOut.ReadAsync<CheckOutResult>();
        Assert.Equal((50, CheckOutMethod.Pass), (result.DurationMinutes, result.Method));
        await outAgain.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_checked_out");
        await using var conn = await factory.Database.OpenConnectionAsync();
        var audit = await conn.QueryAsync<(string Action, Guid Actor, Guid Member)>(
            "SELECT action, actor_id, member_id FROM check_in_audit WHERE activity_id = @id ORDER BY at", new { id = activity.Id });
        Assert.Equal([("PassCheckIn", world.Leader.Id, world.Members[0].Id), ("PassCheckOut", world.Leader.Id, world.Members[0].Id)], audit);
    }

    [Fact]
    public async Task APassReusedAfterItExpiredIsRefusedAndAFreshOneWorks()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        await world.Leader.OpenWithCodeAsync(activity.Id);
        var pass = await world.Members[0].PassAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var stale = await world.Leader.ScanMemberAsync(activity.Id, "checkin", pass.Token);
        var fresh = await world.Leader.ScanMemberAsync(activity.Id, "checkin", (await world.Members[0].PassAsync()).Token);

        await stale.ShouldBeProblemAsync(HttpStatusCode.Gone, "token_expired");
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
    }

    [Fact]
    public async Task APassScanHasTheSameRefusals()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var outsider = await factory.MemberAsync();
        var activity = await factory.VolunteerServiceAsync(world);
        var seminar = await factory.VolunteerServiceAsync(world, kind: "MonthlySeminar");
        var pass = (await world.Members[0].PassAsync()).Token;

        await (await world.Leader.ScanMemberAsync(activity.Id, "checkin", pass)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Leader.OpenAsync(seminar.Id);
        await (await world.Leader.ScanMemberAsync(activity.Id, "checkin", code.Token)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
        await (await world.Members[0].ScanAsync(pass)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
        await (await world.Leader.ScanMemberAsync(activity.Id, "checkin", (await outsider.PassAsync()).Token)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        await (await world.Members[1].ScanMemberAsync(activity.Id, "checkin", pass)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Leader.ScanMemberAsync(activity.Id, "checkout", pass)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_checked_in");
        await (await world.Leader.ScanMemberAsync(seminar.Id, "checkout", pass)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_tracked");
        await (await world.Leader.ScanMemberAsync(activity.Id, "checkin", "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
