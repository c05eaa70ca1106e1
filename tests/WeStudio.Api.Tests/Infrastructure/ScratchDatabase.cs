using Dapper;
using EvolveDb;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Tests.Infrastructure;

/// <summary>
/// A database of its own on the test server (utf8mb4, the schema's collation), dropped on dispose: for migration tests that
/// need a schema at an older version (<see cref="MigrateToAsync"/>) or migrations racing on an empty one.
/// <see cref="DataSource"/> does not pool, so nothing holds the database when it is dropped.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private static string Server => new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = "" }.ConnectionString;

    private ScratchDatabase(string name)
    {
        Name = name;
        ConnectionString = new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = name, Pooling = false }.ConnectionString;
        DataSource = Database.CreateDataSource(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public MySqlDataSource DataSource { get; }

    /// <summary>Creates an empty database named <paramref name="prefix"/> plus a random suffix (28 characters in all).</summary>
    public static async Task<ScratchDatabase> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..28];
        await using (var conn = new MySqlConnection(Server))
            await conn.ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        return new ScratchDatabase(name);
    }

    /// <summary>Applies the shipped migrations up to and including <paramref name="version"/>, as an older release would have.</summary>
    public async Task MigrateToAsync(int version)
    {
        await using var conn = DataSource.CreateConnection();
        new Evolve(conn)
        {
            EmbeddedResourceAssemblies = [typeof(Migrator).Assembly], EmbeddedResourceFilters = ["WeStudio.Api.Database.Migrations."],
            MetadataTableName = "schema_migrations", IsEraseDisabled = true,
            TargetVersion = new EvolveDb.Migration.MigrationVersion(version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }.Migrate();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        MySqlConnection.ClearAllPools();
        await using var conn = new MySqlConnection(Server);
        await conn.ExecuteAsync($"DROP DATABASE IF EXISTS `{Name}`");
    }
}
