using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Activities;

public sealed class ActivitiesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object Seminar(DateTimeOffset startsAt, string title = "11月党建专题研讨") => new
    {
        kind = "MonthlySeminar", title, theme = "学习贯彻党的二十大精神", startsAt, endsAt = startsAt.AddHours(2),
        venueName = "三楼党员活动室", latitude = 24.3385, longitude = 109.4155, radiusMeters = 150,
    };

    [Fact]
    public async Task TheLeaderSchedulesAnActivityWithTimesStoredInUtc()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var startsAt = DateTimeOffset.Parse("2026-12-15T15:00:00+08:00");

        var created = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", Seminar(startsAt))).ReadAsync<ActivityDto>();

        Assert.Equal(startsAt, created.StartsAt);
        Assert.Equal(TimeSpan.Zero, created.StartsAt.Offset);
        Assert.Equal(ActivityKind.MonthlySeminar, created.Kind);
        Assert.Equal(150, created.RadiusMeters);
        Assert.Equal(30, created.CheckInOpensMinutesBefore);
        var seen = await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{created.Id}")).ReadAsync<ActivityDto>();
        Assert.Equal(created.Title, seen.Title);
    }

    [Theory]
    [InlineData("endsAt", """{"kind":"MonthlySeminar","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T14:00:00+08:00"}""")]
    [InlineData("title", """{"kind":"MonthlySeminar","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00"}""")]
    [InlineData("kind", """{"title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00"}""")]
    [InlineData("longitude", """{"kind":"Other","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00","latitude":24.3}""")]
    [InlineData("radiusMeters", """{"kind":"Other","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00","radiusMeters":100}""")]
    [InlineData("latitude", """{"kind":"Other","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00","latitude":91,"longitude":100}""")]
    [InlineData("checkInOpensMinutesBefore", """{"kind":"Other","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00","checkInOpensMinutesBefore":-5}""")]
    [InlineData("endsAt", """{"kind":"Other","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-25T16:00:00+08:00"}""")]
    public async Task AnInvalidActivityIsRefusedWithAFieldErrorAndNothingIsWritten(string field, string json)
    {
        var world = await factory.StudioWorldAsync(members: 0);

        var response = await world.Leader.Client.PostAsync($"/api/v1/studios/{world.StudioId}/activities",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM activities WHERE studio_id = @id", new { id = world.StudioId }));
    }

    [Theory]
    [InlineData("kind", """{"kind":"Party","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00"}""")]
    [InlineData("kind", """{"kind":3,"title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00"}""")]
    [InlineData("startsAt", """{"kind":"Other","title":"t","startsAt":"next tuesday","endsAt":"2026-12-15T16:00:00+08:00"}""")]
    [InlineData("radiusMeters", """{"kind":"Other","title":"t","startsAt":"2026-12-15T15:00:00+08:00","endsAt":"2026-12-15T16:00:00+08:00","radiusMeters":"far"}""")]
    [InlineData("title", """{"kind":"Other", "title": """)]
    [InlineData("$body", "not json at all")]
    public async Task MalformedJsonOrAnUnknownEnumValueIsRefusedNamingTheField(string field, string json)
    {
        var world = await factory.StudioWorldAsync(members: 0);

        var response = await world.Leader.Client.PostAsync($"/api/v1/studios/{world.StudioId}/activities",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task OnlyTheStudiosLeaderSchedulesEditsOrCancels()
    {
        var a = await factory.StudioWorldAsync(members: 1);
        var b = await factory.StudioWorldAsync(members: 0);
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        var activity = await (await a.Leader.Client.PostJsonAsync($"/api/v1/studios/{a.StudioId}/activities", Seminar(startsAt))).ReadAsync<ActivityDto>();

        await (await a.Members[0].Client.PostJsonAsync($"/api/v1/studios/{a.StudioId}/activities", Seminar(startsAt))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.PostJsonAsync($"/api/v1/studios/{a.StudioId}/activities", Seminar(startsAt))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}", Seminar(startsAt, "改"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Admin.Client.PostJsonAsync($"/api/v1/studios/{a.StudioId}/activities", Seminar(startsAt))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Leader.Client.PostJsonAsync($"/api/v1/studios/{Guid.NewGuid()}/activities", Seminar(startsAt))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await a.Leader.Client.GetAsync($"/api/v1/activities/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ACancelledActivityKeepsItsReasonAndCannotBeEdited()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var activity = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", Seminar(DateTimeOffset.UtcNow.AddDays(2)))).ReadAsync<ActivityDto>();

        await (await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var cancelled = await (await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { reason = "台风停课" })).ReadAsync<ActivityDto>();

        Assert.Equal(ActivityStatus.Cancelled, cancelled.Status);
        Assert.Equal("台风停课", cancelled.CancelledReason);
        await (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}", Seminar(DateTimeOffset.UtcNow.AddDays(2), "改期")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
        await (await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activity.Id}/cancel", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
    }

    [Fact]
    public async Task TheLeaderEditsAnActivity()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var activity = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", Seminar(DateTimeOffset.UtcNow.AddDays(2)))).ReadAsync<ActivityDto>();
        var later = DateTimeOffset.UtcNow.AddDays(4);

        var updated = await (await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity.Id}", new { kind = "TrainingLecture", title = "党务培训讲座", startsAt = later, endsAt = later.AddHours(3) })).ReadAsync<ActivityDto>();

        Assert.Equal(ActivityKind.TrainingLecture, updated.Kind);
        Assert.Null(updated.Latitude);
        Assert.Null(updated.RadiusMeters);
        Assert.Equal(later.ToUnixTimeSeconds(), updated.StartsAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task MembersListTheirStudiosActivitiesUpcomingFirstInPages()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var other = await factory.StudioWorldAsync(members: 0);
        var now = factory.Clock.GetUtcNow();
        foreach (var days in new[] { -20, -3, 5, 1, 12 })
            await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", Seminar(now.AddDays(days), $"活动{days}"))).ReadAsync<ActivityDto>();
        await (await other.Leader.Client.PostJsonAsync($"/api/v1/studios/{other.StudioId}/activities", Seminar(now.AddDays(2), "别人的"))).ReadAsync<ActivityDto>();

        var first = await (await world.Members[0].Client.GetAsync("/api/v1/me/activities?pageSize=3")).ReadAsync<ActivityPage>();
        var second = await (await world.Members[0].Client.GetAsync("/api/v1/me/activities?pageSize=3&page=2")).ReadAsync<ActivityPage>();

        Assert.Equal(5, first.Total);
        Assert.Equal(["活动1", "活动5", "活动12"], first.Items.Select(a => a.Title));
        Assert.Equal(["活动-3", "活动-20"], second.Items.Select(a => a.Title));
        var studioPage = await (await world.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}/activities")).ReadAsync<ActivityPage>();
        Assert.Equal(5, studioPage.Total);
        await (await world.Members[0].Client.GetAsync("/api/v1/me/activities?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Members[0].Client.GetAsync("/api/v1/me/activities?page=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{other.StudioId}/activities")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
