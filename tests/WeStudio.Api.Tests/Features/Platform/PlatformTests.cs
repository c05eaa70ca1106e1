using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

public sealed class PlatformTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ReadinessChecksPostgresAndRedis()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        var body = await ready.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RepeatedStatementsArePreparedUnlessTheConnectionStringSaysOtherwise()
    {
        var prepared = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString);
        Assert.Equal((64, 2), (prepared.MaxAutoPrepare, prepared.AutoPrepareMinUsages));
        await using var conn = await factory.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++) await conn.ExecuteScalarAsync<int>("SELECT 1 + @i", new { i });
        Assert.True(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements") > 0);

        var services = new ServiceCollection().AddDatabase(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ApiFactory.PostgresConnectionString + ";Max Auto Prepare=0" }).Build());
        await using var provider = services.BuildServiceProvider();
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(provider.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public async Task TwoInstancesMigratingAFreshDatabaseAtOnceApplyEachMigrationOnce()
    {
        var name = $"westudio_migrate_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(ApiFactory.PostgresConnectionString);
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
            await conn.ExecuteAsync($"CREATE DATABASE {name}");
        try
        {
            var target = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
            await using var one = NpgsqlDataSource.Create(target);
            await using var two = NpgsqlDataSource.Create(target);

            var applied = await Task.WhenAll(
                new Migrator(one, NullLogger<Migrator>.Instance).MigrateAsync(),
                new Migrator(two, NullLogger<Migrator>.Instance).MigrateAsync());

            var shipped = Migrator.Embedded().Select(m => m.Version).ToArray();
            Assert.Equal(shipped, applied.SelectMany(a => a).Order().ToArray());
            await using var check = await one.OpenConnectionAsync();
            Assert.Equal(shipped, (await check.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToArray());
            Assert.Empty(await new Migrator(one, NullLogger<Migrator>.Instance).MigrateAsync());
        }
        finally
        {
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
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
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeStudio.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }
}

/// <summary>The API with PostgreSQL unreachable: a clear 503, never a 500 and never a silent loss.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly ApiFactory factory = new();

    public Task InitializeAsync()
    {
        factory.Settings["Database:MigrateOnStartup"] = "false";
        factory.Settings["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Username=westudio;Database=westudio;Timeout=2";
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    [Fact]
    public async Task WhenPostgresIsDownWritesFailWith503AndReadinessSaysSo()
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
