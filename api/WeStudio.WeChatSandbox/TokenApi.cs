using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// Access tokens (WECHAT.md "Access tokens"): <c>GET /cgi-bin/token</c> and <c>POST /cgi-bin/stable_token</c>, both
/// answering <c>{access_token, expires_in}</c> (seconds) with the rules of <see cref="SandboxState"/>.
/// Errors: 41002/40013 appid missing/unknown, 41004/40125 secret missing/wrong, 40002 grant_type not
/// <c>client_credential</c>, 47001 a stable_token body that is not a JSON object, 43002 stable_token by GET,
/// 45009/45011 force_refresh over 20 a day or within 30 s.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cgi-bin/token", Token).WithName("token");
        routes.MapPost("/cgi-bin/stable_token", StableToken).WithName("stable_token");
        routes.MapGet("/cgi-bin/stable_token", () => WeChatErrors.Reply(43002));
        return routes;
    }

    private static IResult Token(
        [FromQuery(Name = "grant_type")] string? grantType, [FromQuery] string? appid, [FromQuery] string? secret, SandboxState state)
    {
        if (CheckApp(state, grantType, appid, secret) is { } refused) return refused;
        var (token, expiresIn) = state.IssuePlainToken();
        return WeChatErrors.Ok(new { access_token = token, expires_in = expiresIn });
    }

    private static async Task<IResult> StableToken(HttpRequest request, SandboxState state)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return WeChatErrors.Reply(47001);
        }
        if (body.ValueKind != JsonValueKind.Object) return WeChatErrors.Reply(47001);

        if (CheckApp(state, Text(body, "grant_type"), Text(body, "appid"), Text(body, "secret")) is { } refused) return refused;
        var force = body.TryGetProperty("force_refresh", out var f) && f.ValueKind == JsonValueKind.True;
        var (errcode, token, expiresIn) = state.StableToken(force);
        return errcode != 0 ? WeChatErrors.Reply(errcode) : WeChatErrors.Ok(new { access_token = token, expires_in = expiresIn });
    }

    /// <summary>The mini-program's credentials, or the official account's (<c>Sandbox:OfficialAccountAppId</c> / <c>…AppSecret</c>).</summary>
    private static IResult? CheckApp(SandboxState state, string? grantType, string? appid, string? secret) =>
        grantType != "client_credential" ? WeChatErrors.Reply(40002)
        : string.IsNullOrEmpty(appid) ? WeChatErrors.Reply(41002)
        : appid != state.Options.AppId && appid != state.Options.OfficialAccountAppId ? WeChatErrors.Reply(40013)
        : string.IsNullOrEmpty(secret) ? WeChatErrors.Reply(41004)
        : secret != (appid == state.Options.AppId ? state.Options.AppSecret : state.Options.OfficialAccountAppSecret) ? WeChatErrors.Reply(40125)
        : null;

    internal static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// Guards an endpoint that takes <c>?access_token=</c> (WECHAT.md: POST APIs take the token in the query): answers
/// 41001 when it is missing, 40001 when unknown or replaced, 42001 when expired (<see cref="SandboxState.CheckAccessToken"/>).
/// Use <c>.RequireAccessToken()</c> on every later endpoint; read its JSON body as a <see cref="JsonElement"/> so that a
/// malformed body answers 47001 rather than ASP.NET's 400.
/// </summary>
public static class AccessTokenFilter
{
    public static RouteHandlerBuilder RequireAccessToken(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var state = context.HttpContext.RequestServices.GetRequiredService<SandboxState>();
            var errcode = state.CheckAccessToken(context.HttpContext.Request.Query["access_token"].ToString());
            return errcode == 0 ? await next(context) : WeChatErrors.Reply(errcode);
        });
}

/// <summary>
/// <c>POST /cgi-bin/openapi/quota/get {cgi_path}</c> → <c>{errcode:0, errmsg:"ok", quota:{daily_limit, used, remain}}</c>:
/// WeChat's "query API quota", the simplest endpoint that takes an access_token. Here <c>used</c> counts the calls to
/// <c>cgi_path</c> the sandbox has recorded, and <c>daily_limit</c> is a fixed 100,000. 47001 without a <c>cgi_path</c>.
/// </summary>
public static class QuotaApi
{
    public const int DailyLimit = 100_000;

    public static IEndpointRouteBuilder MapQuota(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/openapi/quota/get", Quota).RequireAccessToken().WithName("quota_get");
        return routes;
    }

    private static async Task<IResult> Quota(HttpRequest request, SandboxState state)
    {
        string? cgiPath;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            cgiPath = body.ValueKind == JsonValueKind.Object ? TokenApi.Text(body, "cgi_path") : null;
        }
        catch (JsonException)
        {
            cgiPath = null;
        }
        if (string.IsNullOrWhiteSpace(cgiPath)) return WeChatErrors.Reply(47001);

        var used = state.Calls(cgiPath).Count;
        return WeChatErrors.Ok(new { errcode = 0, errmsg = "ok", quota = new { daily_limit = DailyLimit, used, remain = Math.Max(0, DailyLimit - used) } });
    }
}
