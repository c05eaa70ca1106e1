using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Applies the forward-only numbered SQL files embedded from <c>Database/Migrations</c>
/// (<c>0001_init.sql</c>, <c>0002_…</c>) and records each in <c>schema_migrations</c>.
/// A PostgreSQL advisory lock makes concurrent starts safe: one instance applies, the others wait and then find nothing to do.
/// </summary>
public sealed partial class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    /// <summary>Arbitrary constant key of the session-level advisory lock held while migrating.</summary>
    private const long AdvisoryLockKey = 0x5765_5374_7564_696F; // "WeStudio"

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

    /// <summary>Applies every pending migration, each in its own transaction; returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            const string CreateJournal = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """;
            await conn.ExecuteAsync(new CommandDefinition(CreateJournal, cancellationToken: ct));
            var applied = (await conn.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: ct))).ToHashSet();
            var done = new List<int>();
            foreach (var migration in Embedded().Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await conn.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
                await conn.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name }, transaction: tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
                done.Add(migration.Version);
            }
            return done;
        }
        finally
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
