using Microsoft.Extensions.DependencyInjection.Extensions;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.WeChat;

/// <summary>Registers the WeChat client and the message-push journal: <c>builder.Services.AddWeChat(builder.Configuration)</c>.</summary>
public static class WeChatServices
{
    /// <summary>
    /// Binds <see cref="WeChatOptions"/> from the section <c>WeChat</c> (validated at first use: an absolute BaseUrl,
    /// an AppId, an AppSecret, TimeoutSeconds ≥ 1) and registers <see cref="IWeChatClient"/> as a typed HttpClient
    /// (<c>AddHttpClient&lt;IWeChatClient, WeChatClient&gt;</c>). Tests route it to the sandbox with
    /// <c>services.AddHttpClient&lt;IWeChatClient, WeChatClient&gt;().ConfigurePrimaryHttpMessageHandler(() =&gt; sandbox.CreateHandler())</c>
    /// and <c>WeChat:BaseUrl</c> = the sandbox's base address.
    /// HttpClientFactory's own request logging is removed: it logs request URIs, and jscode2session's query holds the
    /// AppSecret. .NET redacts queries there by default, but one AppContext switch (<c>System.Net.Http.DisableUriRedaction</c>)
    /// would undo that; the client logs path and errcode itself.
    /// Every call goes through <see cref="WeChatResilience"/>'s pipeline (<c>WeChat:Resilience</c>).
    /// </summary>
    public static IServiceCollection AddWeChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WeChatOptions>()
            .Bind(configuration.GetSection(WeChatOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "WeChat:BaseUrl must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AppId), "WeChat:AppId is not configured.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AppSecret), "WeChat:AppSecret is not configured.")
            .Validate(o => o.TimeoutSeconds >= 1, "WeChat:TimeoutSeconds must be at least 1.");
        services.TryAddSingleton<RedisConnection>();
        services.AddSingleton<WeChatStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WeChatCircuits>();
        services.AddHttpClient<IWeChatClient, WeChatClient>().RemoveAllLoggers().AddWeChatResilience();
        return services;
    }
}
