using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using MySqlConnector;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Applies the forward-only numbered SQL files embedded from <c>Database/Migrations</c> (<c>0001_platform.sql</c>,
/// <c>0002_…</c>) and records each in the journal <c>schema_migrations</c>. A named lock (<c>GET_LOCK</c>, per session)
/// makes concurrent starts safe: one instance applies, the others wait and then find nothing to do. The lock is released
/// in <c>finally</c>: it survives COMMIT and would stay held on a pooled connection.
/// MySQL commits DDL implicitly, so a migration is not atomic: each file is written so that it only creates objects,
/// and a failed one is fixed forward.
/// </summary>
public sealed partial class Migrator(MySqlDataSource dataSource, ILogger<Migrator> logger)
{
    private const string LockName = "westudio.migrations";
    private const int LockWaitSeconds = 600;

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

    /// <summary>Applies every pending migration in order; returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var got = await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT GET_LOCK(@name, @wait)", new { name = LockName, wait = LockWaitSeconds }, cancellationToken: ct));
        if (got != 1) throw new InvalidOperationException($"Could not take the migration lock '{LockName}' within {LockWaitSeconds} s.");
        try
        {
            const string CreateJournal = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INT NOT NULL PRIMARY KEY,
                    name       VARCHAR(200) NOT NULL,
                    applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
                """;
            await conn.ExecuteAsync(new CommandDefinition(CreateJournal, cancellationToken: ct));
            var applied = (await conn.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: ct))).ToHashSet();
            var done = new List<int>();
            foreach (var migration in Embedded().Where(m => !applied.Contains(m.Version)))
            {
                await conn.ExecuteAsync(new CommandDefinition(migration.Sql, commandTimeout: 600, cancellationToken: ct));
                await conn.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name }, cancellationToken: ct));
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT RELEASE_LOCK(@name)", new { name = LockName }, cancellationToken: CancellationToken.None));
        }
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
