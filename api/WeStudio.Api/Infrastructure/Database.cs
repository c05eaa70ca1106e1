using System.Data;
using Dapper;
using MySqlConnector;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// MySQL plumbing (MySQL 8.0 ∩ MariaDB 10.11, DESIGN.md "Architecture"): one <see cref="MySqlDataSource"/> per process,
/// Dapper configured for snake_case columns, UUIDs as <c>CHAR(36)</c>, times read and written as UTC.
/// Every session runs with <c>time_zone = '+00:00'</c> whatever the server's default (many managed MySQL run at +08:00),
/// so <c>CURRENT_TIMESTAMP</c> defaults are UTC too.
/// </summary>
public static class Database
{
    /// <summary>Options WeStudio relies on; a connection string may set any other (pool size, timeouts, TLS).</summary>
    private static readonly (string Key, object Value)[] Required =
    [
        ("GuidFormat", "Char36"),       // CHAR(36) columns read as Guid
        ("DateTimeKind", "Utc"),        // DATETIME read as UTC DateTime
        ("AllowUserVariables", true),   // scripts and tests set session variables (@westudio_bulk_load)
        ("UseAffectedRows", false),     // UPDATE reports the rows it matched, as the stores expect
        ("CharacterSet", "utf8mb4"),
        // A command on a connection inside a transaction runs in it, whether or not Dapper was given the transaction
        // (stores that read inside a caller's snapshot take only the connection).
        ("IgnoreCommandTransaction", true),
        // A pooled session is handed out as it was returned, without COM_RESET_CONNECTION: the reset cost the check-in
        // burst a third of its rate (scripts/bench-checkin.sh, 64 connections: 997 → 1,380 check-ins/s). Nothing WeStudio
        // does outlives a use: transactions are committed or rolled back by the API that began them, named locks
        // (GET_LOCK) are released in finally, the session's time zone is only ever set to UTC, and no user variables or
        // temporary tables are used on the API's connections.
        ("ConnectionReset", false),
    ];

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ConfigureDapper();
        services.AddSingleton(_ => CreateDataSource(configuration.GetConnectionString("MySql")
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not configured.")));
        services.AddSingleton<Migrator>();
        return services;
    }

    /// <summary>A data source with WeStudio's required options over <paramref name="connectionString"/>.</summary>
    public static MySqlDataSource CreateDataSource(string connectionString)
    {
        var csb = new MySqlConnectionStringBuilder(connectionString);
        foreach (var (key, value) in Required) csb[key] = value;
        return new MySqlDataSourceBuilder(csb.ConnectionString)
            .UseConnectionOpenedCallback(async (context, ct) =>
            {
                // A new session starts in the server's default zone (many managed MySQL run at +08:00): make it UTC.
                // Sessions are not reset between uses (ConnectionReset=false above), so this holds for the session's life.
                if ((context.Conditions & (MySqlConnectionOpenedConditions.New | MySqlConnectionOpenedConditions.Reset)) == 0) return;
                await using var cmd = context.Connection.CreateCommand();
                cmd.CommandText = "SET time_zone = '+00:00'";
                await cmd.ExecuteNonQueryAsync(ct);
            })
            .Build();
    }

    private static int configured;

    /// <summary>Dapper settings shared by the API, the tests and the scripts' helpers; idempotent.</summary>
    public static void ConfigureDapper()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    /// <summary>
    /// Ids a <c>GROUP_CONCAT(id)</c> returned (comma-separated, in the order it gave them); none for null or empty. MySQL has
    /// no array type: a list of ids read with its row comes back this way (brief photos, an org unit's ancestors).
    /// </summary>
    public static Guid[] IdList(string? concatenated) =>
        string.IsNullOrEmpty(concatenated) ? [] : concatenated.Split(',').Select(Guid.Parse).ToArray();

    /// <summary>A new row id: UUIDv7, time-ordered, so InnoDB appends to the clustered index instead of splitting pages.</summary>
    public static Guid NewId() => Guid.CreateVersion7();

    /// <summary>MySQL's "Deadlock found" (1213) and "Lock wait timeout exceeded" (1205): the transaction can be run again.</summary>
    public static bool IsRetryable(Exception e) =>
        e is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout };

    /// <summary>
    /// Runs <paramref name="work"/> (one whole transaction) again when MySQL chose it as a deadlock victim or a lock wait
    /// timed out, at most <paramref name="attempts"/> times with a short random pause; the last failure propagates (and is
    /// answered 503 <c>database_busy</c>, never 500).
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken ct, int attempts = 4)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < attempts && IsRetryable(e))
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    /// <summary>Like <see cref="RetryAsync{T}"/> for work without a result.</summary>
    public static Task RetryAsync(Func<Task> work, CancellationToken ct, int attempts = 4) =>
        RetryAsync(async () => { await work(); return true; }, ct, attempts);

    /// <summary>Whether <paramref name="e"/> is a unique-key violation (1062), optionally of the named key.</summary>
    public static bool IsDuplicateKey(Exception e, string? key = null) =>
        e is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry } m
        && (key is null || m.Message.Contains($"'{key}'", StringComparison.Ordinal) || m.Message.Contains($".{key}'", StringComparison.Ordinal));

    /// <summary>
    /// Reads <c>DATETIME</c> (MySqlConnector returns a UTC <see cref="DateTime"/>) into <see cref="DateTimeOffset"/> and
    /// writes any <see cref="DateTimeOffset"/> as its UTC instant (a DATETIME has no offset).
    /// Row types are classes or records with init properties, because Dapper's constructor mapping needs exact column types.
    /// </summary>
    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTime;
            parameter.Value = value.UtcDateTime;
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            DateTimeOffset dto => dto,
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateTimeOffset."),
        };
    }

    /// <summary><c>DATE</c> ↔ <see cref="DateOnly"/>.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value.ToDateTime(TimeOnly.MinValue);
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateTime dt => DateOnly.FromDateTime(dt),
            DateOnly d => d,
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly."),
        };
    }
}
