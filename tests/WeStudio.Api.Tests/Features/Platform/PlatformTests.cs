using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

public sealed class PlatformTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ReadinessChecksMySqlAndRedis()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        var body = await ready.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("mysql").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task EveryConnectionReadsUuidsAndUtcTimesWhateverTheConnectionStringSays()
    {
        var (_, committeeId) = await factory.CommitteeAdminAsync();
        await using var contrary = Database.CreateDataSource(ApiFactory.MySqlConnectionString + ";GuidFormat=None;DateTimeKind=Unspecified");

        foreach (var source in new[] { factory.Database, contrary })
        {
            var options = new MySqlConnectionStringBuilder(source.ConnectionString);
            Assert.Equal((MySqlGuidFormat.Char36, MySqlDateTimeKind.Utc), (options.GuidFormat, options.DateTimeKind));
            await using var conn = await source.OpenConnectionAsync();
            await using var cmd = new MySqlCommand("SELECT id, created_at, CURRENT_TIMESTAMP(6) FROM org_units WHERE id = @id", conn);
            cmd.Parameters.AddWithValue("@id", committeeId);
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(committeeId, Assert.IsType<Guid>(reader.GetValue(0)));
            var createdAt = Assert.IsType<DateTime>(reader.GetValue(1));
            var serverNow = Assert.IsType<DateTime>(reader.GetValue(2));
            Assert.Equal((DateTimeKind.Utc, DateTimeKind.Utc), (createdAt.Kind, serverNow.Kind));
            // The session's clock is UTC, so the server's "now" is the UTC instant (a local zone would be hours off).
            Assert.InRange(serverNow, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        }
    }

    /// <summary>
    /// Many managed MySQL servers run at +08:00: every session of WeStudio's data source is UTC whatever the server's
    /// default, so NOW() and CURRENT_TIMESTAMP defaults are UTC, and sessions stay UTC across pooled uses.
    /// </summary>
    [Fact]
    public async Task EverySessionRunsInUtcOnAServerWhoseDefaultZoneIsShanghai()
    {
        await using (var admin = await factory.Database.OpenConnectionAsync())
            await admin.ExecuteAsync("SET GLOBAL time_zone = '+08:00'");
        try
        {
            await using var shanghai = Database.CreateDataSource(ApiFactory.MySqlConnectionString + ";Maximum Pool Size=2");
            for (var i = 0; i < 4; i++) // new sessions, then the same ones again from the pool
            {
                await using var conn = await shanghai.OpenConnectionAsync();
                Assert.Equal("+00:00", await conn.ExecuteScalarAsync<string>("SELECT @@session.time_zone"));
                Assert.InRange(await conn.ExecuteScalarAsync<DateTime>("SELECT NOW(6)"), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
            }
        }
        finally
        {
            await using var admin = await factory.Database.OpenConnectionAsync();
            await admin.ExecuteAsync("SET GLOBAL time_zone = '+00:00'");
        }
    }

    [Fact]
    public async Task TwoInstancesMigratingAFreshDatabaseAtOnceApplyEachMigrationOnce()
    {
        var name = $"westudio_migrate_{Guid.NewGuid():N}";
        var server = new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = "" }.ConnectionString;
        await using (var conn = new MySqlConnection(server))
            await conn.ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        try
        {
            var target = new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = name, Pooling = false }.ConnectionString;
            await using var one = Database.CreateDataSource(target);
            await using var two = Database.CreateDataSource(target);

            var applied = await Task.WhenAll(
                new Migrator(one, NullLogger<Migrator>.Instance).MigrateAsync(),
                new Migrator(two, NullLogger<Migrator>.Instance).MigrateAsync());

            var shipped = Migrator.Embedded().Select(m => m.Version).ToArray();
            Assert.Equal(shipped, applied.SelectMany(a => a).Order().ToArray());
            await using var check = await one.OpenConnectionAsync();
            Assert.Equal(shipped, (await check.QueryAsync<int>("SELECT version FROM schema_migrations WHERE name LIKE 'V%' ORDER BY version")).ToArray());
            Assert.Empty(await new Migrator(one, NullLogger<Migrator>.Instance).MigrateAsync());
        }
        finally
        {
            await using var conn = new MySqlConnection(server);
            await conn.ExecuteAsync($"DROP DATABASE IF EXISTS `{name}`");
        }
    }

    [Fact]
    public void MigrationsAreNumberedWithoutGaps()
    {
        var versions = Migrator.Embedded().Select(m => m.Version).ToArray();
        Assert.Equal(Enumerable.Range(1, versions.Length), versions);
    }

    /// <summary>
    /// The mini-program builds against miniprogram-contracts/openapi.json; this fails when the API drifts from it.
    /// Regenerate with WESTUDIO_UPDATE_CONTRACTS=1 scripts/test.sh --filter OpenApiContract.
    /// </summary>
    [Fact]
    public async Task TheOpenApiContractMatchesTheRunningApi()
    {
        var live = await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse(live).RootElement, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(RepoRoot(), "miniprogram-contracts", "openapi.json");
        if (Environment.GetEnvironmentVariable("WESTUDIO_UPDATE_CONTRACTS") == "1") await File.WriteAllTextAsync(path, pretty);

        Assert.True(File.Exists(path), "miniprogram-contracts/openapi.json is missing; regenerate it.");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(committed == pretty, "The API no longer matches miniprogram-contracts/openapi.json; regenerate it with WESTUDIO_UPDATE_CONTRACTS=1 and review the diff.");
    }

    [Fact]
    public async Task EveryOperationHasASummary()
    {
        var doc = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var missing = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (Path: p.Name, Method: op.Name, Op: op.Value)))
            .Where(x => !x.Op.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(x => $"{x.Method} {x.Path}")
            .ToList();
        Assert.Empty(missing);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeStudio.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }
}

/// <summary>The API with MySQL unreachable: a clear 503, never a 500 and never a silent loss.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly ApiFactory factory = new();

    public Task InitializeAsync()
    {
        factory.Settings["Database:MigrateOnStartup"] = "false";
        factory.Settings["ConnectionStrings:MySql"] = "Server=127.0.0.1;Port=1;User ID=westudio;Database=westudio;Connection Timeout=2";
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task WhenMySqlIsDownWritesFailWith503AndReadinessSaysSo()
    {
        var client = factory.CreateClient();

        var login = await client.PostJsonAsync("/api/v1/auth/admin-login", new { username = "anyone", password = "any password" });
        await login.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        var wechat = await client.PostJsonAsync("/api/v1/auth/wechat-login", new { code = $"sandbox:outage-{Guid.NewGuid():N}" });
        await wechat.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
