using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

public sealed class CheckInsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AMemberChecksInWithTheCurrentCodeAndTheRowIsStored()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world, fenced: true);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);

        var response = await world.Members[0].ScanAsync(code.Token, latitude: CheckInWorld.VenueLat + 0.0005, longitude: CheckInWorld.VenueLng, accuracyMeters: 20);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.ReadAsync<CheckInResult>();
        Assert.Equal(activity.Id, result.ActivityId);
        Assert.Equal(CheckInStatus.CheckedIn, result.Status);
        Assert.Equal(CheckInMethod.Scan, result.Method);
        Assert.False(result.AlreadyCheckedIn);
        Assert.InRange(result.DistanceMeters!.Value, 50, 60);
        Assert.Equal(32, code.Token.Length);
        Assert.InRange(code.RefreshAfterSeconds, 1, 20);
        await using var conn = await factory.Database.OpenConnectionAsync();
        var row = await conn.QuerySingleAsync<(string Method, double Accuracy)>(
            "SELECT method, accuracy_meters FROM check_ins WHERE activity_id = @id", new { id = activity.Id });
        Assert.Equal(("Scan", 20.0), row);
    }

    [Fact]
    public async Task TheSameNonceAgainReturnsTheSameBodyWith200AndNoSecondRow()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var nonce = CheckInWorld.Nonce();

        var first = await world.Members[0].ScanAsync(code.Token, nonce);
        var again = await world.Members[0].ScanAsync(code.Token, nonce);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task ARetryWithTheSameNonceAfterTheCodeExpiredStillGetsTheSameResult()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var nonce = CheckInWorld.Nonce();
        var first = await (await world.Members[0].ScanAsync(code.Token, nonce)).ReadAsync<CheckInResult>();

        factory.Clock.SetUtcNow(code.ExpiresAt.AddMinutes(2));
        var retry = await world.Members[0].ScanAsync(code.Token, nonce);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(first, await retry.ReadAsync<CheckInResult>());
    }

    [Fact]
    public async Task ASecondScanWithANewNonceReturnsTheExistingCheckInAsAlreadyCheckedIn()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var first = await (await world.Members[0].ScanAsync(code.Token)).ReadAsync<CheckInResult>();

        var second = await world.Members[0].ScanAsync(code.Token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await second.ReadAsync<CheckInResult>();
        Assert.True(body.AlreadyCheckedIn);
        Assert.Equal(first.CheckInId, body.CheckInId);
        Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task ANonceAlreadyUsedAtAnotherActivityIsNonceReused()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var first = await factory.ActivityAsync(world);
        var second = await factory.ActivityAsync(world, startsIn: TimeSpan.FromMinutes(15));
        var nonce = CheckInWorld.Nonce();
        (await world.Members[0].ScanAsync((await world.Leader.OpenWithCodeAsync(first.Id)).Token, nonce)).EnsureSuccessStatusCode();

        var response = await world.Members[0].ScanAsync((await world.Leader.OpenWithCodeAsync(second.Id)).Token, nonce);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "nonce_reused");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(second.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("abc!defghijklmnopqrstuvwxyz01234")]
    public async Task AMalformedOrForgedCodeIsTokenInvalid(string token)
    {
        var world = await factory.StudioWorldAsync(members: 1);

        var response = await world.Members[0].ScanAsync(token);

        if (token.Length == 0) await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        else await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
    }

    [Fact]
    public async Task ACodeWithOneCharacterChangedIsTokenInvalid()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var tampered = code.Token[..5] + (code.Token[5] == 'A' ? 'B' : 'A') + code.Token[6..];

        var response = await world.Members[0].ScanAsync(tampered);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task ACodeSignedWithAnotherDeploymentsSecretIsTokenInvalid()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        await world.Leader.OpenWithCodeAsync(activity.Id);
        var otherCodec = new CheckInTokenCodec(Options.Create(new CheckInOptions { TokenSecret = "another-deployment-secret-0123456789abcdef" }));
        var forged = otherCodec.Issue(TokenPurpose.CheckIn, await factory.SeqAsync(activity.Id), 1, factory.Clock.GetUtcNow());

        var response = await world.Members[0].ScanAsync(forged.Token);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
    }

    [Fact]
    public async Task ACodeOfActivityACannotCheckAMemberOfAnotherStudioIntoAnything()
    {
        var a = await factory.StudioWorldAsync(members: 1);
        var b = await factory.StudioWorldAsync(members: 1);
        var activityA = await factory.ActivityAsync(a);
        var activityB = await factory.ActivityAsync(b);
        var codeA = await a.Leader.OpenWithCodeAsync(activityA.Id);
        await b.Leader.OpenWithCodeAsync(activityB.Id);

        var response = await b.Members[0].ScanAsync(codeA.Token);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activityA.Id));
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activityB.Id));
    }

    [Fact]
    public async Task ACodeOfThePreviousWindowIsAcceptedWithinTheGraceAndRefusedAfterIt()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);

        factory.Clock.SetUtcNow(code.ExpiresAt.AddSeconds(9));
        var inGrace = await world.Members[0].ScanAsync(code.Token);
        factory.Clock.SetUtcNow(code.ExpiresAt.AddSeconds(11));
        var afterGrace = await world.Members[1].ScanAsync(code.Token);

        Assert.Equal(HttpStatusCode.Created, inGrace.StatusCode);
        await afterGrace.ShouldBeProblemAsync(HttpStatusCode.Gone, "token_expired");
        Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task CloseRevokesEveryCodeAndAfterReopeningOnlyAFreshCodeWorks()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var before = await world.Leader.OpenWithCodeAsync(activity.Id);

        var closed = await (await world.Leader.CloseAsync(activity.Id)).ReadAsync<CheckInStatusDto>();
        var whileClosed = await world.Members[0].ScanAsync(before.Token);
        var fresh = await world.Leader.OpenWithCodeAsync(activity.Id);
        var oldAfterReopen = await world.Members[0].ScanAsync(before.Token);
        var freshScan = await world.Members[0].ScanAsync(fresh.Token);

        Assert.False(closed.Open);
        await whileClosed.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
        await oldAfterReopen.ShouldBeProblemAsync(HttpStatusCode.Gone, "token_expired");
        Assert.Equal(HttpStatusCode.Created, freshScan.StatusCode);
    }

    [Fact]
    public async Task ACodeOfAnActivityNeverOpenedIsNotOpenAndTheLeaderGetsNoCode()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var token = factory.Codec().Issue(TokenPurpose.CheckIn, await factory.SeqAsync(activity.Id), 0, factory.Clock.GetUtcNow()).Token;

        var scan = await world.Members[0].ScanAsync(token);
        var code = await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/checkin/code");

        await scan.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
        await code.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
    }

    [Fact]
    public async Task CheckInClosesByItselfAtTheEndOfTheWindow()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        await world.Leader.OpenWithCodeAsync(activity.Id);

        factory.Clock.SetUtcNow(activity.EndsAt.AddMinutes(activity.CheckInClosesMinutesAfter).AddSeconds(1));
        var code = await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/checkin/code");

        await code.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_open");
    }

    [Fact]
    public async Task OpeningBeforeTheCheckInWindowIsOutsideWindow()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var activity = await factory.ActivityAsync(world, startsIn: TimeSpan.FromDays(2));

        var response = await world.Leader.OpenAsync(activity.Id);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "outside_window");
    }

    [Fact]
    public async Task ACancelledActivityRefusesScansAndOpening()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        (await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { reason = "暴雨停课" })).EnsureSuccessStatusCode();

        var scan = await world.Members[0].ScanAsync(code.Token);
        var open = await world.Leader.OpenAsync(activity.Id);

        await scan.ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
        await open.ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
    }

    [Fact]
    public async Task SomeoneOutsideTheStudioAndARemovedMemberAreNotMembers()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var outsider = await factory.MemberAsync();
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{world.Members[0].Id}?reason=调离")).EnsureSuccessStatusCode();

        var byOutsider = await outsider.ScanAsync(code.Token);
        var byRemoved = await world.Members[0].ScanAsync(code.Token);

        await byOutsider.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        await byRemoved.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task AFencedActivityNeedsAPositionAndRefusesOneOutsideRadiusPlusCappedAccuracy()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world, fenced: true);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var member = world.Members[0];

        var noPosition = await member.ScanAsync(code.Token);
        // About 1.1 km north: outside 150 m + 200 m (the cap), however large the reported accuracy.
        var far = await member.ScanAsync(code.Token, latitude: CheckInWorld.VenueLat + 0.01, longitude: CheckInWorld.VenueLng, accuracyMeters: 5000);
        // About 330 m north with a 200 m accuracy: inside 150 + 200.
        var nearEnough = await member.ScanAsync(code.Token, latitude: CheckInWorld.VenueLat + 0.003, longitude: CheckInWorld.VenueLng, accuracyMeters: 200);

        await noPosition.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "location_required");
        await far.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "out_of_range");
        Assert.Equal(HttpStatusCode.Created, nearEnough.StatusCode);
    }

    [Theory]
    [InlineData("clientNonce", """{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","clientNonce":"short"}""")]
    [InlineData("clientNonce", """{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","clientNonce":"has spaces in it"}""")]
    [InlineData("token", """{"clientNonce":"0123456789abcdef"}""")]
    [InlineData("latitude", """{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","clientNonce":"0123456789abcdef","latitude":91,"longitude":100}""")]
    [InlineData("longitude", """{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","clientNonce":"0123456789abcdef","latitude":24}""")]
    [InlineData("accuracyMeters", """{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","clientNonce":"0123456789abcdef","accuracyMeters":-1}""")]
    public async Task AnInvalidScanIsRefusedNamingTheField(string field, string json)
    {
        var member = await factory.MemberAsync();

        var response = await member.Client.PostAsync("/api/v1/checkins", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task TheCodeEndpointsAreNotCachedAndThePngIsProjectorSized()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var activity = await factory.ActivityAsync(world);
        await world.Leader.OpenWithCodeAsync(activity.Id);

        var json = await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/checkin/code");
        var png = await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/checkin/code.png");

        Assert.Equal("no-store", json.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", png.Headers.CacheControl?.ToString());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        Assert.True(width >= 400, $"The PNG is {width} px wide.");
    }

    [Fact]
    public async Task ALeaderOfAnotherStudioCannotOpenShowTheCodeReadAttendanceOrMark()
    {
        var a = await factory.StudioWorldAsync(members: 1);
        var b = await factory.StudioWorldAsync(members: 0);
        var activity = await factory.ActivityAsync(a);
        await a.Leader.OpenWithCodeAsync(activity.Id);
        var url = $"/api/v1/activities/{activity.Id}";

        await (await b.Leader.OpenAsync(activity.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.CloseAsync(activity.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.GetAsync($"{url}/checkin/code")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.GetAsync($"{url}/checkin/code.png")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.GetAsync($"{url}/attendance")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.PutJsonAsync($"{url}/attendance/{a.Members[0].Id}", new { reason = "代签" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.UndoAsync(activity.Id, a.Members[0].Id, "撤销")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Members[0].Client.GetAsync($"{url}/checkin/code")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Members[0].Client.GetAsync($"{url}/attendance")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Admin.Client.GetAsync($"{url}/attendance")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task AttendanceListsEveryoneWithTotalsForTheLeaderAndTheAdminAbove()
    {
        var world = await factory.StudioWorldAsync(members: 3);
        var activity = await factory.ActivityAsync(world, fenced: true);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token, latitude: CheckInWorld.VenueLat, longitude: CheckInWorld.VenueLng, accuracyMeters: 10);

        var sheet = await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/attendance")).ReadAsync<AttendanceSheet>();
        var byAdmin = await (await world.Admin.Client.GetAsync($"/api/v1/activities/{activity.Id}/attendance")).ReadAsync<AttendanceSheet>();

        Assert.Equal(new AttendanceTotals(4, 1, 0.25), sheet.Totals);
        Assert.Equal(sheet.Totals, byAdmin.Totals);
        var present = sheet.Entries[0];
        Assert.Equal((world.Members[0].Id, true, CheckInMethod.Scan), (present.MemberId, present.Present, present.Method!.Value));
        Assert.InRange(present.DistanceMeters!.Value, 0, 1);
        Assert.Contains(sheet.Entries, e => e.MemberId == world.Leader.Id && e.Role == "Leader" && !e.Present);
    }

    [Fact]
    public async Task TheLeaderMarksByHandAndUndoesAndBothAreAuditedWithBeforeAndAfter()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var member = world.Members[0];
        var url = $"/api/v1/activities/{activity.Id}/attendance/{member.Id}";

        var marked = await (await world.Leader.Client.PutJsonAsync(url, new { reason = "手机没电,现场确认" })).ReadAsync<AttendanceEntry>();
        var markedAgain = await world.Leader.Client.PutJsonAsync(url, new { reason = "重复提交" });
        var undone = await (await world.Leader.UndoAsync(activity.Id, member.Id, "误标")).ReadAsync<AttendanceEntry>();
        var noReason = await world.Leader.UndoAsync(activity.Id, member.Id, "");

        Assert.True(marked.Present);
        Assert.Equal(CheckInMethod.Manual, marked.Method);
        Assert.Equal(HttpStatusCode.OK, markedAgain.StatusCode);
        Assert.False(undone.Present);
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await using var conn = await factory.Database.OpenConnectionAsync();
        var audit = (await conn.QueryAsync<(string Action, Guid Actor, string Reason, string? Before, string? After)>(
            "SELECT action, actor_id, reason, `before`, `after` FROM check_in_audit WHERE activity_id = @id ORDER BY at, action",
            new { id = activity.Id })).ToList();
        Assert.Equal(["Mark", "Undo"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(world.Leader.Id, a.Actor));
        Assert.Equal(["手机没电,现场确认", "误标"], audit.Select(a => a.Reason));
        Assert.Null(audit[0].Before);
        Assert.Equal("Manual", JsonDocument.Parse(audit[0].After!).RootElement.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(audit[1].Before!).RootElement.GetProperty("revoked_at").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, JsonDocument.Parse(audit[1].After!).RootElement.GetProperty("revoked_at").ValueKind);
        var revokedAt = JsonDocument.Parse(audit[1].After!).RootElement.GetProperty("revoked_at").GetString()!;
        Assert.EndsWith("Z", revokedAt); // ISO 8601 UTC, the same text on MySQL and MariaDB
        Assert.InRange(DateTimeOffset.Parse(revokedAt, System.Globalization.CultureInfo.InvariantCulture), factory.Clock.GetUtcNow().AddMinutes(-1), factory.Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task AfterAnUndoTheMemberCanScanAgain()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var member = world.Members[0];
        await member.ScanAsync(code.Token);
        (await world.Leader.UndoAsync(activity.Id, member.Id, "代签,撤销")).EnsureSuccessStatusCode();

        var again = await member.ScanAsync((await world.Leader.CodeAsync(activity.Id)).Token);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task MarkingSomeoneOutsideTheStudioIsNotMember()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var outsider = await factory.MemberAsync();
        var activity = await factory.ActivityAsync(world);

        var response = await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}/attendance/{outsider.Id}", new { reason = "补签" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_member");
    }

    [Fact]
    public async Task AMemberListsTheirOwnCheckIns()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var first = await factory.ActivityAsync(world);
        var second = await factory.ActivityAsync(world, startsIn: TimeSpan.FromMinutes(20));
        var code = await world.Leader.OpenWithCodeAsync(first.Id);
        await world.Members[0].ScanAsync(code.Token);
        await world.Members[1].ScanAsync(code.Token);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{second.Id}/attendance/{world.Members[0].Id}", new { reason = "现场确认" })).EnsureSuccessStatusCode();

        var mine = await (await world.Members[0].Client.GetAsync("/api/v1/me/checkins")).ReadAsync<MyCheckInPage>();

        Assert.Equal(2, mine.Total);
        Assert.Equal([second.Id, first.Id], mine.Items.Select(i => i.ActivityId));
        Assert.Equal([CheckInMethod.Manual, CheckInMethod.Scan], mine.Items.Select(i => i.Method));
    }
}
