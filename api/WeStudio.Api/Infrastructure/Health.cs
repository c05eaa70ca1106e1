using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// <c>/healthz/live</c>: the process answers (no dependency checked). <c>/healthz/ready</c>: MySQL and Redis answer;
/// 200 with each check's status, or 503 when one fails, so a load balancer stops sending traffic.
/// </summary>
public static class Health
{
    public static IServiceCollection AddWeStudioHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<MySqlCheck>("mysql", tags: ["ready"], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<RedisCheck>("redis", tags: ["ready"], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    public static IEndpointRouteBuilder MapWeStudioHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/healthz/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }

    private sealed class MySqlCheck(MySqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                await conn.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is MySqlException or TimeoutException or OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("MySQL does not answer.");
            }
        }
    }

    private sealed class RedisCheck(RedisConnection redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await redis.Database.PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer.");
            }
        }
    }
}
