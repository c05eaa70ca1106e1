using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// WeChat's way of answering: HTTP 200 and <c>{"errcode":N,"errmsg":"… rid: …"}</c> (WECHAT.md "Shared rules"),
/// with WeChat's own texts for the codes the sandbox produces.
/// </summary>
public static class WeChatErrors
{
    /// <summary>Property names exactly as written (WeChat mixes snake_case and camelCase); Chinese left unescaped.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Message(int errcode) => errcode switch
    {
        -1 => "system error",
        40001 => "invalid credential, access_token is invalid or not latest",
        40002 => "invalid grant_type",
        40003 => "invalid openid",
        40013 => "invalid appid",
        40029 => "invalid code",
        40125 => "invalid appsecret",
        40037 => "invalid template_id",
        40163 => "code been used",
        41001 => "access_token missing",
        41002 => "appid missing",
        41004 => "appsecret missing",
        41008 => "missing code",
        42001 => "access_token expired",
        43002 => "require POST method",
        43004 => "require subscribe",
        43101 => "user refuse to accept the msg",
        45009 => "reach max api daily quota limit",
        45011 => "api minute-quota reach limit mustslower retry next minute",
        47001 => "data format error",
        47003 => "argument invalid!",
        _ => "sandbox injected error",
    };

    /// <summary>The error answer for <paramref name="errcode"/>, with a random <c>rid</c> like WeChat's.</summary>
    public static IResult Reply(int errcode) => Results.Json(Body(errcode), Json);

    /// <summary>The error answer for <paramref name="errcode"/> with WeChat's detail text (e.g. 47003 naming the field).</summary>
    public static IResult Reply(int errcode, string errmsg) => Results.Json(new { errcode, errmsg = $"{errmsg} rid: {Rid()}" }, Json);

    /// <summary>A success answer: <c>errcode</c> 0 is implied, as WeChat omits it on most successes.</summary>
    public static IResult Ok(object body) => Results.Json(body, Json);

    internal static object Body(int errcode) => new { errcode, errmsg = $"{Message(errcode)} rid: {Rid()}" };

    private static string Rid() => string.Join('-', Enumerable.Range(0, 3).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))));
}
