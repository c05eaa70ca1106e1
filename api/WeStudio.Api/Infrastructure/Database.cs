using System.Data;
using Dapper;
using Npgsql;

namespace WeStudio.Api.Infrastructure;

/// <summary>PostgreSQL plumbing: one <see cref="NpgsqlDataSource"/> per process, Dapper configured for snake_case columns.</summary>
public static class Database
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        services.AddSingleton(_ =>
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
            return new NpgsqlDataSourceBuilder(connectionString).Build();
        });
        services.AddSingleton<Migrator>();
        return services;
    }

    /// <summary>Maps PostgreSQL <c>date</c> to <see cref="DateOnly"/> in both directions.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => throw new DataException($"Cannot convert {value.GetType()} to DateOnly."),
        };
    }
}
