using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Features.Photos;
using Dapper;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

/// <summary>Issue 18: what operators see (/metrics) and the faults found on the way (corrupt sessions, a null body, the admin throttle's global cap).</summary>
public sealed class OperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string SessionKey(ApiFactory f, string token) =>
        f.RedisPrefix + "session:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Starts a factory of the test's own and disposes it (and its sandbox) at the end of the test.</summary>
    private static IAsyncDisposable Owned(ApiFactory f)
    {
        ((IAsyncLifetime)f).InitializeAsync().GetAwaiter().GetResult();
        return new Disposer(f);
    }

    private sealed class Disposer(ApiFactory f) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)f).DisposeAsync();
    }

    [Fact]
    public async Task ACorruptSessionEntryInRedisIsNoSessionNotAServerError()
    {
        var member = await factory.MemberAsync();
        var redis = factory.Services.GetRequiredService<RedisConnection>().Database;
        await redis.StringSetAsync(SessionKey(factory, member.Token), "{\"kind\":\"Member\",\"id\":");

        var response = await member.Client.GetAsync("/api/v1/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.False(await redis.KeyExistsAsync(SessionKey(factory, member.Token)), "the corrupt entry is deleted");
        // The member signs in again and carries on.
        var again = await factory.MemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [InlineData("{\"kind\":\"Nobody\",\"id\":\"0195d2a0-0000-7000-8000-000000000000\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("\u0001\u0002 binary garbage")]
    public async Task SessionEntriesThatAreNotSessionsAnswer401(string value)
    {
        var member = await factory.MemberAsync();
        var redis = factory.Services.GetRequiredService<RedisConnection>().Database;
        await redis.StringSetAsync(SessionKey(factory, member.Token), value);
        await (await member.Client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ASessionKeyOfTheWrongRedisTypeAnswers401()
    {
        var member = await factory.MemberAsync();
        var redis = factory.Services.GetRequiredService<RedisConnection>().Database;
        var key = SessionKey(factory, member.Token);
        await redis.KeyDeleteAsync(key);
        await redis.HashSetAsync(key, "kind", "Member");
        await (await member.Client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public async Task ANullOrEmptyProfileBodyIsAPlainValidationFailure(string body)
    {
        var member = await factory.MemberAsync();
        var response = await member.Client.PutAsync("/api/v1/me/profile", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("One or more fields are invalid.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$body", out _), problem.ToString());
        Assert.DoesNotContain("Implicit", problem.ToString());
        Assert.DoesNotContain("parameter", problem.ToString());
    }

    [Fact]
    public async Task MetricsAreForAdminsAndCarryTheSeriesTheDashboardCharts()
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        var member = await factory.MemberAsync();
        await (await factory.CreateClient().GetAsync("/metrics")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await member.Client.GetAsync("/metrics")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // A refused check-in and a request on a route, so their series exist.
        await (await member.Client.PostJsonAsync("/api/v1/checkins", new { token = "not-a-code-at-all", clientNonce = Guid.NewGuid().ToString("N") }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token_invalid");
        await member.Client.GetAsync("/api/v1/me");

        string text = "";
        for (var i = 0; i < 50; i++) // the sampler's first pass runs at start-up; the exporter caches a scrape for a moment
        {
            var scrape = await admin.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            text = await scrape.Content.ReadAsStringAsync();
            if (text.Contains("westudio_checkin_outcomes_total") && text.Contains("westudio_reminder_outbox_due")) break;
            await Task.Delay(200);
        }
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("http_route=\"/api/v1/me\"", text);
        Assert.Matches("westudio_checkin_outcomes_total\\{[^}]*code=\"token_invalid\"", text);
        Assert.Matches("westudio_job_runs_total\\{[^}]*job_name=\"OpsSampler\"", text);
        Assert.Contains("westudio_reminder_outbox_due", text);
        Assert.Contains("westudio_redis_ping_duration_seconds_bucket", text);
        Assert.Contains("db_client_connections_usage", text);
    }

    [Fact]
    public async Task WithAMetricsPortTheApiPortDoesNotServeMetricsEvenToAnAdmin()
    {
        var onPort = new ApiFactory();
        onPort.Settings["Metrics:Port"] = "9464";
        await using var _ = Owned(onPort);
        var (admin, _) = await onPort.CommitteeAdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/metrics")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = "localhost:9464";
        var scrape = await onPort.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await scrape.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheGlobalCapPerUsernameRefusesEveryAddressOnceReached()
    {
        var capped = new ApiFactory();
        capped.Settings["Auth:AdminLoginGlobalFailureCap"] = "4";
        await using var _ = Owned(capped);
        var (admin, _) = await capped.CommitteeAdminAsync();
        var me = await (await admin.Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        for (var i = 0; i < 4; i++)
        {
            var client = capped.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{10 + i}");
            await (await client.PostJsonAsync("/api/v1/auth/admin-login", new { username = me.Admin!.Username, password = "wrong" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        var office = capped.CreateClient();
        office.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        await (await office.PostJsonAsync("/api/v1/auth/admin-login", new { username = me.Admin!.Username, password = "correct horse battery staple" }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task APhotoFolderThatRefusesWritesIs503StorageUnavailableAndNothingIsSaved()
    {
        var blocker = Path.GetTempFileName(); // a file where the folder should be: every directory under it fails (ENOTDIR)
        var refused = new ApiFactory();
        refused.Settings["Photos:Folder"] = Path.Combine(blocker, "photos");
        try
        {
            await using var _ = Owned(refused);
            var member = await refused.MemberAsync();
            var response = await member.Client.UploadAsync(PhotoTesting.UniquePng(), "photo.png", "image/png");
            await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "storage_unavailable");
            await using var conn = await refused.Database.OpenConnectionAsync();
            Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM photos WHERE uploaded_by = @id", new { id = member.Id }));
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
