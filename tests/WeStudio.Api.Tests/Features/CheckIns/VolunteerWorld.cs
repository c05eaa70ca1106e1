using System.Net.Http.Json;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>Helpers of the volunteer-hours tests: a volunteer service, check-out codes and scans, passes, through the public API.</summary>
public static class VolunteerWorld
{
    /// <summary>A volunteer service of the studio starting <paramref name="startsIn"/> (default 10 minutes) from the factory's clock, <paramref name="length"/> long (default 2 h).</summary>
    public static async Task<ActivityDto> VolunteerServiceAsync(
        this ApiFactory factory, StudioWorld world, bool fenced = false, TimeSpan? startsIn = null, TimeSpan? length = null,
        string kind = "VolunteerService", bool? tracksDuration = null)
    {
        var startsAt = factory.Clock.GetUtcNow().Add(startsIn ?? TimeSpan.FromMinutes(10));
        var endsAt = startsAt.Add(length ?? TimeSpan.FromHours(2));
        object body = fenced
            ? new { kind, title = "进校园志愿服务", startsAt, endsAt, venueName = "柳州市第十二中学", latitude = CheckInWorld.VenueLat, longitude = CheckInWorld.VenueLng, radiusMeters = 150, tracksDuration }
            : new { kind, title = "进校园志愿服务", startsAt, endsAt, tracksDuration };
        return await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", body)).ReadAsync<ActivityDto>();
    }

    public static Task<HttpResponseMessage> CheckOutCodeResponseAsync(this SignedIn leader, Guid activityId) =>
        leader.Client.GetAsync($"/api/v1/activities/{activityId}/checkout/code");

    /// <summary>The current check-out code (asserts 200).</summary>
    public static async Task<CheckInCodeDto> CheckOutCodeAsync(this SignedIn leader, Guid activityId) =>
        await (await leader.CheckOutCodeResponseAsync(activityId)).ReadAsync<CheckInCodeDto>();

    public static Task<HttpResponseMessage> CheckOutAsync(this SignedIn member, string token, string? nonce = null, double? latitude = null, double? longitude = null, double? accuracyMeters = null) =>
        member.Client.PostJsonAsync("/api/v1/checkouts", new { token, clientNonce = nonce ?? CheckInWorld.Nonce(), latitude, longitude, accuracyMeters });

    /// <summary>The member's current pass (asserts 200).</summary>
    public static async Task<CheckInCodeDto> PassAsync(this SignedIn member) =>
        await (await member.Client.GetAsync("/api/v1/me/pass")).ReadAsync<CheckInCodeDto>();

    public static Task<HttpResponseMessage> ScanMemberAsync(this SignedIn leader, Guid activityId, string direction, string token) =>
        leader.Client.PostJsonAsync($"/api/v1/activities/{activityId}/{direction}/scan-member", new { token });

    public static Task<HttpResponseMessage> ReviewCheckOutAsync(this SignedIn leader, Guid activityId, Guid memberId, string reason, DateTimeOffset? checkedOutAt = null) =>
        leader.Client.PutAsJsonAsync($"/api/v1/activities/{activityId}/attendance/{memberId}/checkout", new { checkedOutAt, reason }, Scenario.Json);
}
