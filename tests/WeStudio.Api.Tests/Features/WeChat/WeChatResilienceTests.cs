using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary>The resilience pipeline of <see cref="WeChatServices.AddWeChat"/>: what it retries, what it leaves to the caller, and its circuit.</summary>
public sealed class WeChatResilienceTests : IAsyncLifetime
{
    private const string Quota = "cgi-bin/openapi/quota/get";
    private const string SubscribeSend = "cgi-bin/message/subscribe/send";

    private readonly WeChatTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public async Task ARepeatableCallIsRetriedOnMinusOneAndSucceeds()
    {
        await using var services = Services();
        var client = services.GetRequiredService<IWeChatClient>();
        await client.GetAccessTokenAsync();
        await context.InjectFaultAsync("/" + Quota, -1, 2);

        var answer = await client.PostAsync<WeChatResponse>(Quota, new { cgi_path = "/cgi-bin/stable_token" });

        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal([-1, -1, 0], context.Calls("/" + Quota).Select(c => c.ErrCode));
    }

    [Fact]
    public async Task QuotaAnswersAreNotRetriedHere()
    {
        await using var services = Services();
        var client = services.GetRequiredService<IWeChatClient>();
        await client.GetAccessTokenAsync();
        await context.InjectFaultAsync("/" + Quota, 45009, 1);
        await context.InjectFaultAsync("/" + Quota, 45011, 1);

        var daily = await client.PostAsync<WeChatResponse>(Quota, new { cgi_path = "/x" });
        var minute = await client.PostAsync<WeChatResponse>(Quota, new { cgi_path = "/x" });

        Assert.Equal((45009, 45011), (daily.Error?.ErrCode, minute.Error?.ErrCode));
        Assert.Equal(2, context.Calls("/" + Quota).Count);
    }

    [Fact]
    public async Task ASubscribeSendIsNeverRepeatedByThePipeline()
    {
        await using var services = Services();
        var client = services.GetRequiredService<IWeChatClient>();
        await context.InjectFaultAsync("/" + SubscribeSend, -1, 1);

        var answer = await client.PostAsync<WeChatResponse>(SubscribeSend, new { touser = "o1", template_id = "sandbox-sub-activity-cancelled" });

        Assert.Equal(-1, answer.Error?.ErrCode);
        Assert.Single(context.Calls("/" + SubscribeSend));
    }

    [Fact]
    public async Task FaultsOpenTheCircuitOfTheirClassOnlyAndItClosesAfterAGoodProbe()
    {
        await using var services = Services();
        var client = services.GetRequiredService<IWeChatClient>();
        var circuits = services.GetRequiredService<WeChatCircuits>();
        await client.GetAccessTokenAsync();
        await context.InjectFaultAsync("/" + SubscribeSend, -1, 10);

        for (var i = 0; i < 10; i++) await client.PostAsync<WeChatResponse>(SubscribeSend, new { touser = "o1" });
        var refused = await client.PostAsync<WeChatResponse>(SubscribeSend, new { touser = "o1" });
        // Read at once: the break lasts 1 s, which a loaded machine can spend on the login below.
        var openAfterRefusal = circuits.OpenFor("messages");
        var login = await client.Code2SessionAsync("sandbox:alice");

        Assert.Equal(WeChatError.CircuitOpen, refused.Error?.ErrCode);
        Assert.True(refused.Error!.IsTransient);
        Assert.Equal(10, context.Calls("/" + SubscribeSend).Count);
        Assert.True(login.IsSuccess, login.ToString()); // login has a circuit of its own
        Assert.NotNull(openAfterRefusal);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var probe = await client.PostAsync<WeChatResponse>(SubscribeSend, new { touser = "o1", template_id = "sandbox-sub-activity-cancelled", data = new { thing1 = new { value = "a" }, time2 = new { value = "15:01" }, thing3 = new { value = "b" } } });

        Assert.True(probe.IsSuccess, probe.ToString());
        Assert.Null(circuits.OpenFor("messages"));
        Assert.Equal((1, 1), circuits.Transitions);
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = WeChatTestContext.RedisConnectionString,
            ["Redis:KeyPrefix"] = context.KeyPrefix,
            ["WeChat:BaseUrl"] = context.Sandbox.BaseAddress.ToString(),
            ["WeChat:AppId"] = context.Sandbox.AppId,
            ["WeChat:AppSecret"] = context.Sandbox.AppSecret,
            ["WeChat:Resilience:RetryBaseDelayMilliseconds"] = "10",
            ["WeChat:Resilience:MinimumThroughput"] = "10",
            ["WeChat:Resilience:FailureRatio"] = "0.5",
            ["WeChat:Resilience:SamplingDurationSeconds"] = "10",
            ["WeChat:Resilience:BreakDurationSeconds"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(context.Logs));
        services.AddWeChat(configuration);
        services.AddHttpClient<IWeChatClient, WeChatClient>().ConfigurePrimaryHttpMessageHandler(() => context.Sandbox.CreateHandler());
        return services.BuildServiceProvider();
    }
}
