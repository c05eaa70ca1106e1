using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>Helpers of the check-in tests: an activity running now, opening, codes and scans through the public API.</summary>
public static class CheckInWorld
{
    /// <summary>The venue of <see cref="ActivityAsync"/> with a fence: 三楼党员活动室 in Liuzhou (GCJ-02), radius 150 m.</summary>
    public const double VenueLat = 24.3385, VenueLng = 109.4155;

    /// <summary>An activity of the studio starting 10 minutes from the factory's clock (check-in window open now), optionally fenced.</summary>
    public static async Task<ActivityDto> ActivityAsync(this ApiFactory factory, StudioWorld world, bool fenced = false, TimeSpan? startsIn = null)
    {
        var startsAt = factory.Clock.GetUtcNow().Add(startsIn ?? TimeSpan.FromMinutes(10));
        object body = fenced
            ? new { kind = "MonthlySeminar", title = "党建专题研讨", startsAt, endsAt = startsAt.AddHours(2), venueName = "三楼党员活动室", latitude = VenueLat, longitude = VenueLng, radiusMeters = 150 }
            : new { kind = "MonthlySeminar", title = "党建专题研讨", startsAt, endsAt = startsAt.AddHours(2) };
        return await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", body)).ReadAsync<ActivityDto>();
    }

    public static Task<HttpResponseMessage> OpenAsync(this SignedIn leader, Guid activityId) =>
        leader.Client.PostAsync($"/api/v1/activities/{activityId}/checkin/open", null);

    public static Task<HttpResponseMessage> CloseAsync(this SignedIn leader, Guid activityId) =>
        leader.Client.PostAsync($"/api/v1/activities/{activityId}/checkin/close", null);

    /// <summary>The current code (asserts 200).</summary>
    public static async Task<CheckInCodeDto> CodeAsync(this SignedIn leader, Guid activityId) =>
        await (await leader.Client.GetAsync($"/api/v1/activities/{activityId}/checkin/code")).ReadAsync<CheckInCodeDto>();

    /// <summary>Opens check-in (asserts 200) and returns the current code.</summary>
    public static async Task<CheckInCodeDto> OpenWithCodeAsync(this SignedIn leader, Guid activityId)
    {
        var opened = await leader.OpenAsync(activityId);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return await leader.CodeAsync(activityId);
    }

    public static string Nonce() => Guid.NewGuid().ToString("N");

    public static Task<HttpResponseMessage> ScanAsync(this SignedIn member, string token, string? nonce = null, double? latitude = null, double? longitude = null, double? accuracyMeters = null) =>
        member.Client.PostJsonAsync("/api/v1/checkins", new { token, clientNonce = nonce ?? Nonce(), latitude, longitude, accuracyMeters });

    public static Task<HttpResponseMessage> UndoAsync(this SignedIn leader, Guid activityId, Guid memberId, string reason) =>
        leader.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/activities/{activityId}/attendance/{memberId}")
        {
            Content = JsonContent.Create(new { reason }),
        });

    public static async Task<long> SeqAsync(this ApiFactory factory, Guid activityId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT seq FROM activities WHERE id = @activityId", new { activityId });
    }

    /// <summary>Live (not undone) check-in rows of the activity.</summary>
    public static async Task<int> LiveRowsAsync(this MySqlDataSource db, Guid activityId, Guid? memberId = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM check_ins WHERE activity_id = @activityId AND revoked_at IS NULL AND (@memberId IS NULL OR member_id = @memberId)",
            new { activityId, memberId });
    }

    public static CheckInTokenCodec Codec(this ApiFactory factory) => factory.Services.GetRequiredService<CheckInTokenCodec>();
}
