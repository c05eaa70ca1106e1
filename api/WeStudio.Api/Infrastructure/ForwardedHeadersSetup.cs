using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Behind a load balancer (HAProxy with <c>option forwardfor</c>) the client's address is the last entry of
/// <c>X-Forwarded-For</c>, trusted only when the connection comes from a known proxy: loopback by default, plus the
/// addresses in <c>Network:KnownProxies</c> (comma-separated). Used by the admin sign-in throttle and the logs.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddWeStudioForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["Network:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    /// <summary>The client address as text ("unknown" when the server has none, as in-memory test hosts).</summary>
    public static string ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
