using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// The WeChat sandbox: a local stand-in for WeChat's server APIs (DESIGN.md "Architecture") answering the same paths and
/// JSON with WeChat's error codes, recording every call and injecting faults on demand.
/// Configuration: <c>Sandbox:AppId</c>, <c>Sandbox:AppSecret</c> (<see cref="SandboxOptions"/>); listens on
/// <see cref="DefaultUrl"/> unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> say otherwise.
/// </summary>
public static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>Builds the sandbox; <paramref name="configure"/> runs last on the builder (tests: <c>b =&gt; b.WebHost.UseTestServer()</c>).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.Section));
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SandboxState>();
        builder.Services.TryAddSingleton<PushDelivery>();
        builder.Services.TryAddSingleton<MessageState>();
        builder.Services.TryAddSingleton<OfficialAccountState>();

        var app = builder.Build();
        app.UseMiddleware<RecordingMiddleware>();
        app.MapLogin();
        app.MapTokens();
        app.MapQuota();
        app.MapContentSecurity();
        app.MapMessages();
        app.MapOfficialAccount();
        app.MapControl();
        return app;
    }
}
