using System.Text.RegularExpressions;
using EvolveDb;
using MySqlConnector;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Applies the forward-only numbered SQL files embedded from <c>Database/Migrations</c> (<c>V0001__platform.sql</c>,
/// <c>V0002__…</c>, Flyway's naming) with Evolve, which journals each in <c>schema_migrations</c> with its checksum (an
/// edited shipped file stops the start) and, in cluster mode, holds a MySQL named lock (<c>GET_LOCK</c>) while it works:
/// concurrent starts are safe, one instance applies and the others wait and then find nothing to do.
/// MySQL commits DDL implicitly, so a migration is not atomic: a failed one is recorded as failed and fixed forward.
/// </summary>
public sealed partial class Migrator(MySqlDataSource dataSource, ILogger<Migrator> logger)
{
    private const string ResourcePrefix = "WeStudio.Api.Database.Migrations.";

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The migrations shipped in this build, ordered by version.</summary>
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        var duplicate = list.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two migrations share version {duplicate.Key}.");
        return list.OrderBy(m => m.Version).ToList();
    }

    /// <summary>Applies every pending migration in order; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = dataSource.CreateConnection();
        var evolve = new Evolve(conn, message => logger.LogInformation("{EvolveMessage}", message))
        {
            EmbeddedResourceAssemblies = [typeof(Migrator).Assembly],
            EmbeddedResourceFilters = [ResourcePrefix],
            MetadataTableName = "schema_migrations",
            EnableClusterMode = true,
            IsEraseDisabled = true,
            CommandTimeout = 600,
        };
        // Evolve is synchronous; migrations run once at start-up, off the request path.
        await Task.Run(evolve.Migrate, ct);
        // AppliedMigrations also names the "empty schema" marker Evolve writes first: keep only our files.
        return evolve.AppliedMigrations.Select(name => MigrationName().Match(ResourcePrefix + name)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value)).Where(v => v > 0).ToList();
    }

    [GeneratedRegex(@"Migrations\.V(\d{4})__([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
