using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary>
/// One test's world: a fresh in-process sandbox, the real Redis (<c>ConnectionStrings__Redis</c>) under a key prefix of
/// its own, and WeChat clients built against both, as separate API instances would be.
/// </summary>
internal sealed class WeChatTestContext : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];

    public WeChatTestContext(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configureSandbox = null)
    {
        Sandbox = new SandboxHost(configureSandbox);
        KeyPrefix = $"test:wechat:{Guid.NewGuid():N}:";
        Redis = Own(ConnectRedis(RedisConnectionString, KeyPrefix));
    }

    public SandboxHost Sandbox { get; }

    public RedisConnection Redis { get; }

    public string KeyPrefix { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static string RedisConnectionString =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetConnectionString("Redis")
        ?? throw new InvalidOperationException("These tests need Redis: set ConnectionStrings__Redis (scripts/test.sh does).");

    public string TokenKey => KeyPrefix + $"wechat:access_token:{Sandbox.AppId}";

    public string LockKey => TokenKey + ":lock";

    public static RedisConnection ConnectRedis(string connectionString, string keyPrefix) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = connectionString,
            ["Redis:KeyPrefix"] = keyPrefix,
        }).Build());

    /// <summary>A client as one API instance has it; several share Redis like instances behind a load balancer.</summary>
    public WeChatClient NewClient(HttpMessageHandler? handler = null, Action<WeChatOptions>? configure = null, RedisConnection? redis = null)
    {
        var options = new WeChatOptions
        {
            BaseUrl = Sandbox.BaseAddress.ToString(),
            AppId = Sandbox.AppId,
            AppSecret = Sandbox.AppSecret,
            TimeoutSeconds = 5,
        };
        configure?.Invoke(options);
        var http = Own(new HttpClient(handler ?? Sandbox.CreateHandler()));
        return new WeChatClient(http, Options.Create(options), redis ?? Redis, Logs.CreateLogger<WeChatClient>());
    }

    public IReadOnlyList<SandboxCall> Calls(string path) => Sandbox.State.Calls(path);

    /// <summary>Adds a fault through the sandbox's HTTP control endpoint, as a developer would.</summary>
    public async Task InjectFaultAsync(string path, int errcode, int times = 1)
    {
        using var response = await Sandbox.Control.PostAsJsonAsync("/sandbox/faults", new { path, errcode, times });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A local port nobody listens on: connecting to it is refused at once.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.Database.KeyDeleteAsync([TokenKey, LockKey]);
        foreach (var item in owned) item.Dispose();
        await Sandbox.DisposeAsync();
    }

    private T Own<T>(T item) where T : IDisposable
    {
        owned.Add(item);
        return item;
    }
}

/// <summary>Delays the answers to one path, to hold a refresher inside its lock while others arrive.</summary>
internal sealed class DelayingHandler(HttpMessageHandler inner, string path, TimeSpan delay) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (request.RequestUri!.AbsolutePath == path) await Task.Delay(delay, ct);
        return response;
    }
}

/// <summary>Answers every request with a fixed status and body, or never (<paramref name="body"/> null).</summary>
internal sealed class CannedHandler(HttpStatusCode status, string? body, string mediaType = "text/html") : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (body is null) await Task.Delay(Timeout.Infinite, ct);
        return new HttpResponseMessage(status) { Content = new StringContent(body!, System.Text.Encoding.UTF8, mediaType) };
    }
}

/// <summary>Keeps every log line (category, rendered message, state values, exception) of every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public ILogger<T> CreateLogger<T>() => new LoggerFactoryShim<T>(CreateLogger(typeof(T).FullName!));

    public string All => string.Join('\n', Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }

    private sealed class LoggerFactoryShim<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
