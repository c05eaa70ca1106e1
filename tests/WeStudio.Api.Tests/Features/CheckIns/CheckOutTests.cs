using System.Net;
using Dapper;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

public sealed class CheckOutTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AMemberChecksInAndOutAndTheDurationIsTheMinutesBetween()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        Assert.True(activity.TracksDuration);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var checkIn = await (await world.Members[0].ScanAsync(code.Token)).ReadAsync<CheckInResult>();

        factory.Clock.Advance(TimeSpan.FromMinutes(95.5));
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        var response = await world.Members[0].CheckOutAsync(outCode.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<CheckOutResult>();
        Assert.Equal(checkIn.CheckInId, result.CheckInId);
        Assert.Equal(95, result.DurationMinutes);
        Assert.Equal(CheckOutMethod.Scan, result.Method);
        Assert.False(result.AutoClosed);
        Assert.InRange((result.CheckedOutAt - factory.Clock.GetUtcNow()).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task TheLeaderCorrectsAScannedCheckOutAndTheMembersRetryGetsTheCorrectedRow()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        (await world.Members[0].ScanAsync(code.Token)).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        const string nonce = "checkout-nonce-corrected";
        (await world.Members[0].CheckOutAsync(outCode.Token, nonce)).EnsureSuccessStatusCode();

        var corrected = await world.Leader.ReviewCheckOutAsync(activity.Id, world.Members[0].Id, "提前离开", activity.StartsAt.AddMinutes(15));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var retried = await (await world.Members[0].CheckOutAsync(outCode.Token, nonce)).ReadAsync<CheckOutResult>();
        Assert.Equal(CheckOutMethod.Manual, retried.Method);
        Assert.Equal(activity.StartsAt.AddMinutes(15), retried.CheckedOutAt);
    }

    [Fact]
    public async Task TheDurationIsCappedAtTheScheduledLengthPlusTheAllowance()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world, startsIn: TimeSpan.FromMinutes(25), length: TimeSpan.FromHours(1));
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);

        factory.Clock.Advance(TimeSpan.FromMinutes(110)); // 110 minutes in; the activity is 60 long, allowance 30
        var result = await (await world.Members[0].CheckOutAsync((await world.Leader.CheckOutCodeAsync(activity.Id)).Token)).ReadAsync<CheckOutResult>();

        Assert.Equal(90, result.DurationMinutes);
    }

    [Fact]
    public async Task ACheckInCodeIsNotACheckOutCodeNorTheReverse()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var inCode = await world.Leader.OpenWithCodeAsync(activity.Id);
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);

        await (await world.Members[0].ScanAsync(outCode.Token)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(inCode.Token)).StatusCode);
        await (await world.Members[0].CheckOutAsync(inCode.Token)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
    }

    [Fact]
    public async Task CheckingOutWithoutACheckInIsRefusedAsNotCheckedIn()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        await world.Leader.OpenWithCodeAsync(activity.Id);

        var response = await world.Members[0].CheckOutAsync((await world.Leader.CheckOutCodeAsync(activity.Id)).Token);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_checked_in");
    }

    [Fact]
    public async Task ASecondCheckOutIsAlreadyCheckedOutAndTheSameNonceAgainGetsTheSameBody()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        var nonce = CheckInWorld.Nonce();
        var first = await world.Members[0].CheckOutAsync(outCode.Token, nonce);

        factory.Clock.Advance(TimeSpan.FromMinutes(5)); // the code has expired too: a retry still gets its answer
        var again = await world.Members[0].CheckOutAsync(outCode.Token, nonce);
        var other = await world.Members[0].CheckOutAsync((await world.Leader.CheckOutCodeAsync(activity.Id)).Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await other.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_checked_out");
    }

    [Fact]
    public async Task ConcurrentCheckOutsWithTheSameNonceGiveOneResult()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        var nonce = CheckInWorld.Nonce();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => world.Members[0].CheckOutAsync(outCode.Token, nonce)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM check_ins WHERE activity_id = @id AND checked_out_at IS NOT NULL AND check_out_nonce = @nonce",
            new { id = activity.Id, nonce }));
    }

    [Fact]
    public async Task AnActivityThatDoesNotTrackDurationHasNoCheckOutCodeUnlessItAsksForOne()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var seminar = await factory.VolunteerServiceAsync(world, kind: "MonthlySeminar");
        var tracked = await factory.VolunteerServiceAsync(world, kind: "PairingVisit", tracksDuration: true);
        await world.Leader.OpenAsync(seminar.Id);
        await world.Leader.OpenAsync(tracked.Id);

        Assert.False(seminar.TracksDuration);
        await (await world.Leader.CheckOutCodeResponseAsync(seminar.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_tracked");
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.CheckOutCodeResponseAsync(tracked.Id)).StatusCode);
    }

    [Fact]
    public async Task CheckOutFollowsCheckInsStateAndRefusals()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var outsider = await factory.MemberAsync();
        var activity = await factory.VolunteerServiceAsync(world, fenced: true);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng);
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);

        await (await outsider.CheckOutAsync(outCode.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        await (await world.Members[0].CheckOutAsync(outCode.Token)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "location_required");
        await (await world.Members[0].CheckOutAsync(outCode.Token, latitude: CheckInWorld.VenueLat + 0.05, longitude: CheckInWorld.VenueLng))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "out_of_range");
        var forged = outCode.Token[..^1] + (outCode.Token[^1] == 'A' ? 'B' : 'A');
        await (await world.Members[0].CheckOutAsync(forged, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await world.Members[0].CheckOutAsync(outCode.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng))
            .ShouldBeProblemAsync(HttpStatusCode.Gone, "token_expired");

        var fresh = await world.Leader.CheckOutCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.CloseAsync(activity.Id)).StatusCode);
        await (await world.Members[0].CheckOutAsync(fresh.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
        await (await world.Leader.CheckOutCodeResponseAsync(activity.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
    }

    [Fact]
    public async Task CheckOutOfACancelledActivityIsRefused()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);

        await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { reason = "暴雨" });

        await (await world.Members[0].CheckOutAsync(outCode.Token)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
    }
}
