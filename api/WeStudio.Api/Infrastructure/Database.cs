using System.Data;
using Dapper;
using Npgsql;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// PostgreSQL plumbing: one <see cref="NpgsqlDataSource"/> per process, Dapper configured for snake_case columns.
/// Npgsql prepares the statements a connection runs repeatedly (<c>Max Auto Prepare</c> 64, after 2 uses) unless the
/// connection string says otherwise: PostgreSQL then skips parsing and planning them, which took the check-in burst from
/// 738 to 1,260 check-ins/s at 256 connections (scripts/bench-checkin.sh).
/// </summary>
public static class Database
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        services.AddSingleton(_ =>
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // The base builder's ContainsKey says whether the string sets the key (Npgsql's says whether the key exists at all).
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }
            return builder.Build();
        });
        services.AddSingleton<Migrator>();
        return services;
    }

    /// <summary>
    /// Reads <c>timestamptz</c> (which Npgsql returns as a UTC <see cref="DateTime"/>) into <see cref="DateTimeOffset"/>.
    /// Writing goes through Dapper's built-in mapping, and Npgsql accepts only offset 0: pass <c>UtcDateTime</c> or a UTC value.
    /// Row types are classes or records with init properties, because Dapper's constructor mapping needs exact column types.
    /// </summary>
    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            DateTimeOffset dto => dto,
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateTimeOffset."),
        };
    }
}
