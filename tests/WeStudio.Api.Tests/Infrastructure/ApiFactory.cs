using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using MySqlConnector;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Tests.Infrastructure;

/// <summary>
/// The API on the real MySQL (MariaDB) and Redis that <c>scripts/test.sh</c> starts (connection strings from the environment),
/// with the WeChat client routed to an in-process WeChat sandbox and time on a <see cref="ManualClock"/>.
/// Tests isolate by creating their own org units, studios and people, so factories may run in parallel on one database.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public SandboxHost Sandbox { get; } = new();

    /// <summary>Starts at the real time; tests move it forward instead of sleeping.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Redis keys of this factory carry their own prefix, so nothing leaks between factories.</summary>
    public string RedisPrefix { get; } = $"t{Guid.NewGuid():N}:";

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Photos:Folder of this factory: a fresh temporary folder, removed on dispose.</summary>
    public string PhotoFolder { get; } = Path.Combine(Path.GetTempPath(), $"westudio-photos-{Guid.NewGuid():N}");

    /// <summary>The message-push URL the sandbox posts to: this API in memory.</summary>
    public const string PushPath = "/api/v1/wechat/push";

    /// <summary>The official account's message-push URL the sandbox posts subscribe/unsubscribe events to.</summary>
    public const string OfficialAccountPushPath = "/api/v1/wechat/official-account/push";

    public MySqlDataSource Database => Services.GetRequiredService<MySqlDataSource>();

    public static string MySqlConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__MySql")
        ?? throw new InvalidOperationException("ConnectionStrings__MySql is not set: run the tests with scripts/test.sh.");

    public static string RedisConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Redis")
        ?? throw new InvalidOperationException("ConnectionStrings__Redis is not set: run the tests with scripts/test.sh.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MySql", MySqlConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", RedisConnectionString);
        builder.UseSetting("Redis:KeyPrefix", RedisPrefix);
        builder.UseSetting("WeChat:BaseUrl", Sandbox.BaseAddress.ToString());
        builder.UseSetting("WeChat:AppId", Sandbox.AppId);
        builder.UseSetting("WeChat:AppSecret", Sandbox.AppSecret);
        builder.UseSetting("CheckIn:TokenSecret", "test-checkin-secret-0123456789abcdef0123456789");
        builder.UseSetting("Photos:UrlSecret", "test-photo-url-secret-0123456789abcdef0123456789");
        builder.UseSetting("Photos:Folder", PhotoFolder);
        builder.UseSetting("Photos:JobIntervalSeconds", "0");
        builder.UseSetting("WeChat:PushToken", Sandbox.State.Options.PushToken);
        builder.UseSetting("WeChat:EncodingAesKey", Sandbox.State.Options.EncodingAesKey);
        // The sandbox's official account: its own AppId/AppSecret, push Token and EncodingAESKey; the follower sync runs only when a test calls it.
        builder.UseSetting("Reminders:OfficialAccount:AppId", Sandbox.State.Options.OfficialAccountAppId);
        builder.UseSetting("Reminders:OfficialAccount:AppSecret", Sandbox.State.Options.OfficialAccountAppSecret);
        builder.UseSetting("Reminders:OfficialAccount:PushToken", Sandbox.State.Options.OfficialAccountPushToken);
        builder.UseSetting("Reminders:OfficialAccount:EncodingAesKey", Sandbox.State.Options.OfficialAccountEncodingAesKey);
        builder.UseSetting("Reminders:OfficialAccount:SyncPollSeconds", "0");
        // WeChat's resilience pipeline as in production, with windows of seconds: a circuit opens on ≥ 20 calls in 4 s with
        // ≥ 20 % faults and probes again after 1 s; retries wait tens of milliseconds.
        builder.UseSetting("WeChat:Resilience:RetryBaseDelayMilliseconds", "20");
        builder.UseSetting("WeChat:Resilience:AttemptTimeoutSeconds", "2");
        builder.UseSetting("WeChat:Resilience:SamplingDurationSeconds", "4");
        builder.UseSetting("WeChat:Resilience:BreakDurationSeconds", "1");
        builder.UseSetting("WeChat:Resilience:MinimumThroughput", "20");
        // Factories share one database and each has its own clock: a loop would close other tests' check-ins. Tests call AutoCloseJob.RunOnceAsync.
        builder.UseSetting("CheckIn:AutoCloseEnabled", "false");
        // The hosted reminder loop stays off: tests drive ReminderScheduler/ReminderDispatcher.RunOnceAsync themselves.
        builder.UseSetting("Reminders:WorkerEnabled", "false");
        builder.UseSetting("Reminders:SendsPerSecond", "0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // The sandbox's reminder templates, as in development; Settings still win.
        builder.ConfigureAppConfiguration((context, config) =>
        {
            config.AddJsonFile(Path.Combine(context.HostingEnvironment.ContentRootPath, "appsettings.Development.json"), optional: false);
            config.AddInMemoryCollection(Settings);
        });
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<HttpClientFactoryOptions>(nameof(IWeChatClient),
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Sandbox.CreateHandler()));
        });
    }

    public Task InitializeAsync()
    {
        _ = Services; // builds the host: migrations run now, once per factory, under the migration lock (GET_LOCK)
        // The sandbox pushes WeChat events (wxa_media_check) to this API through its in-memory handler.
        Sandbox.Delivery.Handler = Server.CreateHandler();
        Sandbox.Delivery.PushUrl = new Uri(Server.BaseAddress, PushPath).ToString();
        Sandbox.Delivery.OfficialAccountPushUrl = new Uri(Server.BaseAddress, OfficialAccountPushPath).ToString();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Sandbox.DisposeAsync();
        if (Directory.Exists(PhotoFolder)) Directory.Delete(PhotoFolder, recursive: true);
    }
}
