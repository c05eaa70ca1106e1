using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>
/// Redis holds the open state of check-in. Sessions live in the same Redis, so in a real outage a request is refused at
/// sign-in (503 cache_unavailable); here only the check-in state store points at a dead Redis to show what check-in itself does.
/// </summary>
public sealed class CheckInRedisOutageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WhenRedisIsDownCheckInRefusesWith503CheckinUnavailableAndWritesNothing()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        using var deadRedis = new RedisConnection(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
        }).Build());
        await using var outage = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<CheckInStateStore>();
            services.AddSingleton(sp => new CheckInStateStore(deadRedis, sp.GetRequiredService<TimeProvider>()));
        }));
        HttpClient As(SignedIn who)
        {
            var client = outage.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", who.Token);
            return client;
        }

        var scan = await As(world.Members[0]).PostJsonAsync("/api/v1/checkins", new { token = code.Token, clientNonce = CheckInWorld.Nonce() });
        var open = await As(world.Leader).PostAsync($"/api/v1/activities/{activity.Id}/checkin/open", null);
        var showCode = await As(world.Leader).GetAsync($"/api/v1/activities/{activity.Id}/checkin/code");

        await scan.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "checkin_unavailable");
        await open.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "checkin_unavailable");
        await showCode.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "checkin_unavailable");
        Assert.Equal(0, await factory.Database.LiveRowsAsync(activity.Id));
    }

    [Fact]
    public async Task WhenRedisIsDownCheckOutRefusesWith503CheckinUnavailableAndWritesNothing()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.VolunteerServiceAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await world.Members[0].ScanAsync(code.Token);
        var outCode = await world.Leader.CheckOutCodeAsync(activity.Id);
        using var deadRedis = new RedisConnection(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
        }).Build());
        await using var outage = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<CheckInStateStore>();
            services.AddSingleton(sp => new CheckInStateStore(deadRedis, sp.GetRequiredService<TimeProvider>()));
        }));
        HttpClient As(SignedIn who)
        {
            var client = outage.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", who.Token);
            return client;
        }

        var checkOut = await As(world.Members[0]).PostJsonAsync("/api/v1/checkouts", new { token = outCode.Token, clientNonce = CheckInWorld.Nonce() });
        var showCode = await As(world.Leader).GetAsync($"/api/v1/activities/{activity.Id}/checkout/code");

        await checkOut.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "checkin_unavailable");
        await showCode.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "checkin_unavailable");
        var entry = (await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activity.Id}/attendance")).ReadAsync<AttendanceSheet>())
            .Entries.Single(e => e.MemberId == world.Members[0].Id);
        Assert.Null(entry.CheckedOutAt);
    }
}
