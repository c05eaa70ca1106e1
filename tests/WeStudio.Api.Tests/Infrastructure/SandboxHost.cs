using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Infrastructure;

/// <summary>
/// The WeChat sandbox hosted in-process on a TestServer, started on construction. Route a client to it with
/// <see cref="CreateHandler"/> and <see cref="BaseAddress"/>; read what it received from <see cref="State"/> or through
/// <see cref="Control"/> (<c>/sandbox/calls</c>, <c>/sandbox/faults</c>, <c>/sandbox/tokens/expire</c>).
/// Its app is <see cref="AppId"/> / <see cref="AppSecret"/>: give the API the same as <c>WeChat:AppId</c> / <c>WeChat:AppSecret</c>.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TestServer server;

    /// <param name="configure">Runs on the sandbox's builder after the TestServer is set, e.g. to set <c>Sandbox:AppId</c> or a TimeProvider.</param>
    public SandboxHost(Action<WebApplicationBuilder>? configure = null)
    {
        app = SandboxApp.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            configure?.Invoke(builder);
        });
        app.Start();
        server = app.GetTestServer();
        State = app.Services.GetRequiredService<SandboxState>();
        Delivery = app.Services.GetRequiredService<PushDelivery>();
        Control = server.CreateClient();
    }

    /// <summary>The address to use as <c>WeChat:BaseUrl</c> (http://localhost/); only <see cref="CreateHandler"/> reaches it.</summary>
    public Uri BaseAddress => server.BaseAddress;

    public SandboxState State { get; }

    /// <summary>The sandbox's services (e.g. its <c>OfficialAccountState</c>).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The sandbox's message pushes: its handler and URL (set by ApiFactory), queued verdicts, what was sent.</summary>
    public PushDelivery Delivery { get; }
    /// <summary>Subscribe and template messages the sandbox delivered, consents and followers it was told about.</summary>
    public MessageState Messages => app.Services.GetRequiredService<MessageState>();

    /// <summary>A client for the sandbox's own <c>/sandbox/…</c> endpoints.</summary>
    public HttpClient Control { get; }

    public string AppId => State.Options.AppId;

    public string AppSecret => State.Options.AppSecret;

    /// <summary>A handler that sends requests to the sandbox in memory: the primary handler of a client under test.</summary>
    public HttpMessageHandler CreateHandler() => server.CreateHandler();

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
