using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// Content security (WECHAT.md "Content security"), both behind <c>?access_token=</c>:
/// <c>POST /wxa/msg_sec_check</c> v2 answers <c>risky</c> (label 20001) for a word of <c>Sandbox:RiskyWords</c>,
/// <c>review</c> (21000) for one of <c>Sandbox:ReviewWords</c>, else <c>pass</c> (100); and
/// <c>POST /wxa/media_check_async</c> v2 answers a <c>trace_id</c>, then pushes the <c>wxa_media_check</c> event to
/// <c>Sandbox:PushUrl</c> through <see cref="PushDelivery"/>: <c>pass</c> unless a verdict was queued with
/// <c>POST /sandbox/media-verdicts</c> (or <see cref="PushDelivery.QueueVerdict"/>).
/// Errors: 47001 a body that is not JSON or lacks required fields (version must be 2; content ≤ 2500 characters;
/// media_type 1 or 2; media_url absolute).
/// </summary>
public static class ContentSecurityApi
{
    public static IEndpointRouteBuilder MapContentSecurity(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/wxa/msg_sec_check", MsgSecCheck).RequireAccessToken().WithName("msg_sec_check");
        routes.MapPost("/wxa/media_check_async", MediaCheckAsync).RequireAccessToken().WithName("media_check_async");
        return routes;
    }

    private static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonNode>(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Int(JsonObject body, string name) =>
        body[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static async Task<IResult> MsgSecCheck(HttpRequest request, IOptions<SandboxOptions> options)
    {
        var body = await ReadAsync(request);
        var content = body?["content"]?.GetValue<string>();
        if (body is null || Int(body, "version") != 2 || string.IsNullOrEmpty(body["openid"]?.ToString()) || Int(body, "scene") is not (>= 1 and <= 4)
            || content is null || content.Length > 2500)
            return WeChatErrors.Reply(47001);
        var text = content + "\n" + body["title"] + "\n" + body["nickname"];
        var o = options.Value;
        var (suggest, label, keyword) =
            o.RiskyWords.FirstOrDefault(w => w.Length > 0 && text.Contains(w, StringComparison.Ordinal)) is { } risky ? ("risky", 20001, risky)
            : o.ReviewWords.FirstOrDefault(w => w.Length > 0 && text.Contains(w, StringComparison.Ordinal)) is { } review ? ("review", 21000, review)
            : ("pass", 100, (string?)null);
        return WeChatErrors.Ok(new
        {
            errcode = 0, errmsg = "ok", trace_id = TraceId(),
            result = new { suggest, label },
            detail = new object[] { new { strategy = "content_model", errcode = 0, suggest, label, prob = suggest == "pass" ? 0 : 90, keyword } },
        });
    }

    private static async Task<IResult> MediaCheckAsync(HttpRequest request, PushDelivery delivery, IOptions<SandboxOptions> options)
    {
        var body = await ReadAsync(request);
        var url = body?["media_url"]?.ToString();
        if (body is null || Int(body, "version") != 2 || Int(body, "media_type") is not (1 or 2) || string.IsNullOrEmpty(body["openid"]?.ToString())
            || !Uri.TryCreate(url, UriKind.Absolute, out _))
            return WeChatErrors.Reply(47001);
        var traceId = TraceId();
        delivery.ScheduleMediaVerdict(traceId, url!, body["openid"]!.ToString(), options.Value.AppId);
        return WeChatErrors.Ok(new { errcode = 0, errmsg = "ok", trace_id = traceId });
    }

    private static string TraceId() => $"{Guid.NewGuid():N}"[..24] + "-sandbox";
}
