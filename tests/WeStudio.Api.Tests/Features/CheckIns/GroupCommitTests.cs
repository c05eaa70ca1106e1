using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>
/// The group commit of scans (issue 15, <see cref="CheckInWriter"/>): nothing answered before its batch commits, a crash
/// between INSERT and COMMIT acknowledges nothing and loses nothing acknowledged, a retry with the same nonce afterwards gets
/// the right answer, and the in-process activity copy never decides an answer on its own. Its own factory: the tests set
/// the writer's fault-injection hook, and it writes one batch at a time (<c>CheckIn:MaxBatchesInFlight</c> 1), so a held
/// batch holds every scan that arrives meanwhile for the next one.
/// </summary>
public sealed class GroupCommitTests(GroupCommitTests.OneBatchAtATime fixture) : IClassFixture<GroupCommitTests.OneBatchAtATime>
{
    /// <summary>An <see cref="ApiFactory"/> whose check-in writer has one batch in flight at a time.</summary>
    public sealed class OneBatchAtATime : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();

        public Task InitializeAsync()
        {
            Factory.Settings["CheckIn:MaxBatchesInFlight"] = "1";
            return Factory.InitializeAsync();
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
    }

    private readonly ApiFactory factory = fixture.Factory;

    private CheckInWriter Writer => factory.Services.GetRequiredService<CheckInWriter>();

    [Fact]
    public async Task AScanIsAnsweredOnlyAfterItsBatchCommitted()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var between = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Writer.BeforeCommit = async _ =>
        {
            between.TrySetResult();
            await release.Task;
        };
        try
        {
            var scan = world.Members[0].ScanAsync(code.Token);
            await between.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // The row is inserted but not committed: another session does not see it, and the member has no answer yet.
            await Task.Delay(300);
            Assert.False(scan.IsCompleted);
            Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));

            release.SetResult();
            var response = await scan;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));
        }
        finally
        {
            release.TrySetResult();
            Writer.BeforeCommit = null;
        }
    }

    [Fact]
    public async Task AWriterKilledBetweenInsertAndCommitAcknowledgesNothingAndTheRetriesWithTheSameNonceAreAnsweredRight()
    {
        var world = await factory.StudioWorldAsync(members: 5);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var nonces = world.Members.ToDictionary(m => m.Id, _ => CheckInWorld.Nonce());
        var kills = 0;
        Writer.BeforeCommit = async conn =>
        {
            // The writer's session dies after its INSERT, before its COMMIT, as in a crash of the instance.
            Interlocked.Increment(ref kills);
            await using var other = await factory.Database.OpenConnectionAsync();
            await other.ExecuteAsync($"KILL CONNECTION {conn.ServerThread}");
        };
        HttpResponseMessage[] crashed;
        try
        {
            crashed = await Task.WhenAll(world.Members.Select(m => m.ScanAsync(code.Token, nonces[m.Id])));
        }
        finally
        {
            Writer.BeforeCommit = null;
        }

        Assert.True(kills >= 1);
        foreach (var response in crashed) await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));

        // The members retry with the same nonce: each is checked in once; a second retry answers the same body.
        var retried = await Task.WhenAll(world.Members.Select(m => m.ScanAsync(code.Token, nonces[m.Id])));
        Assert.All(retried, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var again = await Task.WhenAll(world.Members.Select(m => m.ScanAsync(code.Token, nonces[m.Id])));
        Assert.All(again, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        for (var i = 0; i < world.Members.Length; i++)
            Assert.Equal(await retried[i].ReadAsync<CheckInResult>(), await again[i].ReadAsync<CheckInResult>());
        Assert.Equal(5, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task InOneBatchEachScanGetsItsOwnOutcome()
    {
        var world = await factory.StudioWorldAsync(members: 3);
        var activity = await factory.ActivityAsync(world);
        var other = await factory.ActivityAsync(world, startsIn: TimeSpan.FromMinutes(20));
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var otherCode = await world.Leader.OpenWithCodeAsync(other.Id);
        var (a, b, c) = (world.Members[0], world.Members[1], world.Members[2]);
        var usedElsewhere = CheckInWorld.Nonce();
        Assert.Equal(HttpStatusCode.Created, (await c.ScanAsync(otherCode.Token, usedElsewhere)).StatusCode);

        // Hold the writer so that every scan below lands in the same batch.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Writer.BeforeCommit = async _ =>
        {
            if (first.TrySetResult()) await release.Task;
        };
        HttpResponseMessage[] responses;
        try
        {
            var warm = world.Leader.ScanAsync(code.Token); // the leader is in the studio too: this batch is held open
            await first.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var nonceA = CheckInWorld.Nonce();
            var scans = new[]
            {
                a.ScanAsync(code.Token, nonceA),            // new
                a.ScanAsync(code.Token, nonceA),            // the same nonce again
                b.ScanAsync(code.Token),                    // new
                b.ScanAsync(code.Token),                    // another nonce: already checked in
                c.ScanAsync(code.Token, usedElsewhere),     // the nonce of another activity
            };
            await Task.Delay(300);
            release.SetResult();
            Assert.Equal(HttpStatusCode.Created, (await warm).StatusCode);
            responses = await Task.WhenAll(scans);
        }
        finally
        {
            release.TrySetResult();
            Writer.BeforeCommit = null;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], new[] { responses[0].StatusCode, responses[1].StatusCode }.Order());
        Assert.Equal(await responses[0].ReadAsync<CheckInResult>(), await responses[1].ReadAsync<CheckInResult>());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], new[] { responses[2].StatusCode, responses[3].StatusCode }.Order());
        var bodiesB = new[] { await responses[2].ReadAsync<CheckInResult>(), await responses[3].ReadAsync<CheckInResult>() };
        Assert.Single(bodiesB, r => r.AlreadyCheckedIn);
        Assert.Equal(bodiesB[0].CheckInId, bodiesB[1].CheckInId);
        await responses[4].ShouldBeProblemAsync(HttpStatusCode.BadRequest, "nonce_reused");
        Assert.Equal(3, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task AnActivityCancelledAfterItWasCachedRefusesAsActivityCancelled()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token)).StatusCode);

        (await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { reason = "暴雨停课" })).EnsureSuccessStatusCode();
        var late = await world.Members[1].ScanAsync(code.Token);

        await late.ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id, world.Members[1].Id));
    }

    [Fact]
    public async Task AMemberRemovedAfterTheActivityWasCachedIsRefusedAsNotMember()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token)).StatusCode);

        (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{world.Members[1].Id}?reason=调离")).EnsureSuccessStatusCode();
        var removed = await world.Members[1].ScanAsync(code.Token);

        await removed.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id, world.Members[1].Id));
    }

    [Fact]
    public async Task AStudioRevokedAfterTheActivityWasCachedRefusesItsMembersAsNotMember()
    {
        // Issue 13: a revoked studio's members cannot check in. The cached path reads nothing before its insert, so the
        // batch INSERT itself must refuse the row; the full verification then answers not_member.
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var first = await world.Members[0].ScanAsync(code.Token, "revoked-first-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        (await world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/rectifications", new
        {
            deadline = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(30), requiredItems = new[] { "补齐月度研讨记录" }, reason = "中期评估不合格",
        })).EnsureSuccessStatusCode();
        (await world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/revoke", new { reason = "整改不到位，撤销立项" })).EnsureSuccessStatusCode();
        var late = await world.Members[1].ScanAsync(code.Token);
        var retry = await world.Members[0].ScanAsync(code.Token, "revoked-first-1");

        await late.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id, world.Members[1].Id));
        // The check-in made before the revocation is the member's own record: its retry still gets it.
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task AVenueMovedAfterTheActivityWasCachedIsCheckedAgainstTheNewVenue()
    {
        var world = await factory.StudioWorldAsync(members: 3);
        var activity = await factory.ActivityAsync(world, fenced: true);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng)).StatusCode);

        // The studio moves the seminar about 5.5 km north.
        const double NewLat = CheckInWorld.VenueLat + 0.05;
        (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}", new
        {
            kind = "MonthlySeminar", title = "党建专题研讨", startsAt = activity.StartsAt, endsAt = activity.EndsAt, venueName = "区委党校",
            latitude = NewLat, longitude = CheckInWorld.VenueLng, radiusMeters = 150,
        })).EnsureSuccessStatusCode();
        var atOldVenue = await world.Members[1].ScanAsync(code.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng);
        var atNewVenue = await world.Members[2].ScanAsync(code.Token, latitude: NewLat, longitude: CheckInWorld.VenueLng);

        await atOldVenue.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "out_of_range");
        Assert.Equal(HttpStatusCode.Created, atNewVenue.StatusCode);
    }

    [Fact]
    public async Task TheScanReadsTheSessionItselfAndRefusesMissingUnknownAndAdminTokens()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        Assert.Equal(HttpStatusCode.Created, (await world.Members[0].ScanAsync(code.Token)).StatusCode); // the activity is cached
        var body = new { token = code.Token, clientNonce = CheckInWorld.Nonce() };

        var anonymous = await factory.CreateClient().PostJsonAsync("/api/v1/checkins", body);
        var unknown = await factory.Authorized("x" + world.Members[0].Token).PostJsonAsync("/api/v1/checkins", body);
        var admin = await world.Admin.Client.PostJsonAsync("/api/v1/checkins", body);
        var invalidAndUnknown = await factory.Authorized("x" + world.Members[0].Token).PostJsonAsync("/api/v1/checkins", new { token = "", clientNonce = "" });

        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await admin.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await invalidAndUnknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));
    }
}
