using StackExchange.Redis;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// The process's one Redis multiplexer (StackExchange.Redis 3.4.35), connected on first use; <c>AbortOnConnectFail = false</c>
/// so an unreachable Redis at start is retried in the background instead of failing the first request that needs it.
/// Request paths use the async API only. Keys are prefixed with <c>Redis:KeyPrefix</c> (default <c>ws:</c>).
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> multiplexer;

    public RedisConnection(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.");
        KeyPrefix = configuration["Redis:KeyPrefix"] ?? "ws:";
        multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
    }

    /// <summary>Prefix of every key this deployment writes, so several deployments can share a Redis.</summary>
    public string KeyPrefix { get; }

    public IDatabase Database => multiplexer.Value.GetDatabase();

    public RedisKey Key(string suffix) => KeyPrefix + suffix;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated) multiplexer.Value.Dispose();
    }
}
