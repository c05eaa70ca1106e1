using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// <c>GET /sns/jscode2session</c> (WECHAT.md "sns/jscode2session"). A code <c>sandbox:&lt;name&gt;</c> or
/// <c>sandbox:&lt;name&gt;:&lt;nonce&gt;</c> logs in as <c>&lt;name&gt;</c> (any text without <c>:</c>, Chinese included,
/// URL-encoded UTF-8): the openid is stable per app and name, the unionid stable per name (every sandbox user has one,
/// as if the app were bound to an Open Platform account), the session_key new at each login.
/// Like a real <c>wx.login</c> code, one exact code works once (then 40163); vary the nonce to log in again.
/// Errors: 41002/40013 appid missing/unknown, 41004/40125 secret missing/wrong, 40002 grant_type not
/// <c>authorization_code</c>, 41008 no code, 40029 a code of any other form, 40163 a code used before.
/// </summary>
public static class LoginApi
{
    public const string CodePrefix = "sandbox:";

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/sns/jscode2session", Code2Session).WithName("jscode2session");
        return routes;
    }

    private static IResult Code2Session(
        [FromQuery] string? appid, [FromQuery] string? secret, [FromQuery(Name = "js_code")] string? jsCode,
        [FromQuery(Name = "grant_type")] string? grantType, SandboxState state)
    {
        var app = state.Options;
        if (string.IsNullOrEmpty(appid)) return WeChatErrors.Reply(41002);
        if (appid != app.AppId) return WeChatErrors.Reply(40013);
        if (string.IsNullOrEmpty(secret)) return WeChatErrors.Reply(41004);
        if (secret != app.AppSecret) return WeChatErrors.Reply(40125);
        if (grantType != "authorization_code") return WeChatErrors.Reply(40002);
        if (string.IsNullOrEmpty(jsCode)) return WeChatErrors.Reply(41008);
        if (NameOf(jsCode) is not { } name) return WeChatErrors.Reply(40029);
        if (!state.TryUseCode(jsCode)) return WeChatErrors.Reply(40163);

        var sessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return WeChatErrors.Ok(new { session_key = sessionKey, openid = OpenId(app.AppId, name), unionid = UnionId(name) });
    }

    /// <summary>The name a sandbox code logs in as, or null if <paramref name="jsCode"/> is not a sandbox code.</summary>
    public static string? NameOf(string jsCode)
    {
        if (!jsCode.StartsWith(CodePrefix, StringComparison.Ordinal)) return null;
        var rest = jsCode[CodePrefix.Length..];
        var name = rest.Split(':', 2)[0];
        return name.Length == 0 ? null : name;
    }

    /// <summary>The openid of <paramref name="name"/> in the app: <c>o</c> + base64url of the first 20 bytes of SHA-256("openid:" + appid + ":" + name), 28 characters like a real one.</summary>
    public static string OpenId(string appId, string name) => Derive($"openid:{appId}:{name}");

    /// <summary>The unionid of <paramref name="name"/>, the same in every app: <c>o</c> + base64url of 20 bytes of SHA-256("unionid:" + name).</summary>
    public static string UnionId(string name) => Derive($"unionid:{name}");

    private static string Derive(string seed) => "o" + SandboxState.Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..20]);
}
