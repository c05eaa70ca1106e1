using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary><see cref="WeChatServices.AddWeChat"/> as Program.cs uses it, routed to the sandbox as API tests will.</summary>
public sealed class WeChatRegistrationTests : IAsyncLifetime
{
    private readonly WeChatTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public async Task AddWeChatRegistersATypedClientBoundToTheWeChatSection()
    {
        await using var services = Services(new() { ["WeChat:AppSecret"] = context.Sandbox.AppSecret });
        var client = services.GetRequiredService<IWeChatClient>();

        var login = await client.Code2SessionAsync("sandbox:alice");
        var token = await client.GetAccessTokenAsync();

        Assert.IsType<WeChatClient>(client);
        Assert.True(login.IsSuccess, login.ToString());
        Assert.True(token.IsSuccess, token.ToString());
    }

    [Fact]
    public async Task MissingAppSecretFailsAtFirstUseWithAClearMessage()
    {
        await using var services = Services([]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IWeChatClient>());

        Assert.Contains("WeChat:AppSecret is not configured.", error.Message);
    }

    [Fact]
    public async Task SecretsCodesAndTokensNeverReachTheLogs()
    {
        await using var services = Services(new() { ["WeChat:AppSecret"] = context.Sandbox.AppSecret });
        var client = services.GetRequiredService<IWeChatClient>();
        await client.Code2SessionAsync("sandbox:alice:secret-nonce");
        await client.Code2SessionAsync("sandbox:alice:secret-nonce");
        await context.InjectFaultAsync("/cgi-bin/openapi/quota/get", 40001);
        var quota = await client.PostAsync<WeChatResponse>("cgi-bin/openapi/quota/get", new { cgi_path = "/cgi-bin/stable_token" });
        var token = await client.GetAccessTokenAsync();

        var logs = context.Logs.All;

        Assert.True(quota.IsSuccess, quota.ToString());
        Assert.Contains("errcode 40163", logs);
        Assert.Contains("errcode 40001", logs);
        Assert.DoesNotContain(context.Sandbox.AppSecret, logs);
        Assert.DoesNotContain("secret-nonce", logs);
        Assert.DoesNotContain(token.Value!, logs);
        Assert.DoesNotContain("access_token=", logs);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = WeChatTestContext.RedisConnectionString,
            ["Redis:KeyPrefix"] = context.KeyPrefix,
            ["WeChat:BaseUrl"] = context.Sandbox.BaseAddress.ToString(),
            ["WeChat:AppId"] = context.Sandbox.AppId,
        }).AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(context.Logs));
        services.AddWeChat(configuration);
        services.AddHttpClient<IWeChatClient, WeChatClient>().ConfigurePrimaryHttpMessageHandler(() => context.Sandbox.CreateHandler());
        return services.BuildServiceProvider();
    }
}
