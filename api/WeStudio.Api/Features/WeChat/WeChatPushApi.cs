using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// A feature that handles one kind of pushed event (<c>Event</c>, e.g. <c>wxa_media_check</c>); the push endpoint routes
/// by name. Messages come as a JSON object (XML pushes are converted: elements become string properties, nested ones objects).
/// A handler that throws makes the endpoint answer 500 and forget the event, so WeChat's retry is handled again.
/// </summary>
public interface IWeChatEventHandler
{
    string Event { get; }

    Task HandleAsync(JsonObject message, CancellationToken ct);
}

/// <summary>
/// A handler of the official account's push (<c>subscribe</c>, <c>unsubscribe</c>), which has its own URL, Token and
/// EncodingAESKey; the mini-program's push endpoint never routes to one, and the account's endpoint routes only to these.
/// </summary>
public interface IOfficialAccountEventHandler : IWeChatEventHandler;

/// <summary>Who signs a message push: the Token, the EncodingAESKey (safe mode) and the AppId the decrypted message must name.</summary>
public sealed record PushSecrets(string Token, string EncodingAesKey, string AppId);

/// <summary>
/// WeChat's message push (消息推送, WECHAT.md "Message push"): <c>GET /api/v1/wechat/push</c> verifies the URL,
/// <c>POST /api/v1/wechat/push</c> receives events in plain or safe (AES) mode, JSON or XML. Anonymous: every request is
/// checked with <c>WeChat:PushToken</c> (and <c>WeChat:EncodingAesKey</c> in safe mode); events are journalled in
/// <c>wechat_push_events</c> so a repeated push is handled once, and answered <c>success</c>.
/// </summary>
public static class WeChatPushApi
{
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapWeChatPush(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/v1/wechat/push").WithTags("WeChat").AllowAnonymous();
        push.MapGet("/", VerifyMiniProgramUrl).WithName("VerifyWeChatPushUrl")
            .WithSummary("WeChat's URL check: answers echostr when signature = SHA-1(sort(token, timestamp, nonce)). 403 signature_invalid.");
        push.MapPost("/", ReceiveMiniProgramAsync).WithName("ReceiveWeChatPush")
            .WithSummary("An event pushed by WeChat (plain or encrypt_type=aes; JSON or XML), de-duplicated and routed by Event; answers success. 400 bad_request; 403 signature_invalid; 413 too_large.");
        return app;
    }

    private static IResult VerifyMiniProgramUrl(
        [FromQuery] string? signature, [FromQuery] string? timestamp, [FromQuery] string? nonce, [FromQuery] string? echostr,
        IOptions<WeChatOptions> options) => VerifyUrl(options.Value.PushToken, signature, timestamp, nonce, echostr);

    /// <summary>WeChat's URL check with <paramref name="token"/>: echostr when the signature verifies, else 403 signature_invalid.</summary>
    public static IResult VerifyUrl(string token, string? signature, string? timestamp, string? nonce, string? echostr)
    {
        if (string.IsNullOrEmpty(token) || timestamp is null || nonce is null || !WeChatPushCrypto.Verify(signature, token, timestamp, nonce))
            return SignatureInvalid();
        return TypedResults.Text(echostr ?? "", "text/plain");
    }

    private static IResult SignatureInvalid() =>
        Problems.Of(StatusCodes.Status403Forbidden, "signature_invalid", "The push signature does not verify.");

    private static Task<IResult> ReceiveMiniProgramAsync(
        HttpRequest request, IOptions<WeChatOptions> options, WeChatStore store, IEnumerable<IWeChatEventHandler> handlers,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var o = options.Value;
        return ReceiveAsync(request, new PushSecrets(o.PushToken, o.EncodingAesKey, o.AppId), "", handlers.Where(h => h is not IOfficialAccountEventHandler),
            store, clock, loggers.CreateLogger(typeof(WeChatPushApi)), ct);
    }

    /// <summary>
    /// Receives one push signed with <paramref name="secrets"/>: verifies, decrypts (safe mode), journals it under
    /// <paramref name="keyPrefix"/> + its de-duplication key (a repeat is acknowledged and ignored), routes it to the handler of its
    /// <c>Event</c> among <paramref name="handlers"/>, and answers <c>success</c>. 400 bad_request; 403 signature_invalid; 413 too_large.
    /// </summary>
    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, PushSecrets secrets, string keyPrefix, IEnumerable<IWeChatEventHandler> handlers, WeChatStore store,
        TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var q = request.Query;
        string? timestamp = q["timestamp"], nonce = q["nonce"];
        if (string.IsNullOrEmpty(secrets.Token) || timestamp is null || nonce is null || !WeChatPushCrypto.Verify(q["signature"], secrets.Token, timestamp, nonce))
            return SignatureInvalid();

        if (request.ContentLength > MaxBodyBytes) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", "The push body is too large.");
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxBodyBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            if (read > MaxBodyBytes) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", "The push body is too large.");
            body = new string(buffer, 0, read);
        }

        var outer = Parse(body);
        if (outer is null) return Problems.Of(StatusCodes.Status400BadRequest, "bad_request", "The push body is neither a JSON object nor XML.");
        var message = outer;
        if (string.Equals(q["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase))
        {
            var encrypt = outer["Encrypt"]?.ToString();
            if (string.IsNullOrEmpty(encrypt) || !WeChatPushCrypto.Verify(q["msg_signature"], secrets.Token, timestamp, nonce, encrypt)) return SignatureInvalid();
            var plain = string.IsNullOrEmpty(secrets.EncodingAesKey) ? null : WeChatPushCrypto.Decrypt(encrypt, secrets.EncodingAesKey, secrets.AppId);
            if (plain is null) return SignatureInvalid();
            message = Parse(plain);
            if (message is null) return Problems.Of(StatusCodes.Status400BadRequest, "bad_request", "The decrypted push is neither a JSON object nor XML.");
        }

        var name = message["Event"]?.ToString() ?? message["MsgType"]?.ToString() ?? "";
        var key = keyPrefix + DedupeKey(message, name);
        if (!await store.JournalAsync(key, name, clock.GetUtcNow(), message.ToJsonString(), ct))
        {
            logger.LogInformation("WeChat push {Event} {Key} seen before; ignored", name, key);
            return Success();
        }

        var handler = handlers.FirstOrDefault(h => h.Event == name);
        if (handler is null)
        {
            logger.LogInformation("WeChat push {Event} has no handler; acknowledged", name);
            return Success();
        }
        try
        {
            await handler.HandleAsync(message, ct);
        }
        catch
        {
            await store.ForgetAsync(key, CancellationToken.None);
            throw;
        }
        return Success();
    }

    private static IResult Success() => TypedResults.Text("success", "text/plain");

    /// <summary>
    /// <c>MsgId</c> when present; <c>trace_id</c> for content checks; else sender, time and event (Senparc's rule).
    /// A key longer than the journal's 255 characters is replaced by <c>sha256:</c> and its hash (hex).
    /// </summary>
    internal static string DedupeKey(JsonObject message, string name)
    {
        var key = message["MsgId"]?.ToString() is { Length: > 0 } msgId ? "msg:" + msgId
            : message["trace_id"]?.ToString() is { Length: > 0 } traceId ? $"trace:{name}:{traceId}"
            : $"event:{message["FromUserName"]}:{message["CreateTime"]}:{name}:{message["EventKey"]}";
        return key.Length <= MaxDedupeKeyChars ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>wechat_push_events.dedupe_key is VARCHAR(255).</summary>
    private const int MaxDedupeKeyChars = 255;

    /// <summary>A JSON object, or XML converted to one; null for anything else.</summary>
    internal static JsonObject? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(trimmed) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        if (!trimmed.StartsWith('<')) return null;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(trimmed), settings);
            var root = XElement.Load(reader);
            return ToJson(root);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static JsonObject ToJson(XElement element)
    {
        var json = new JsonObject();
        foreach (var child in element.Elements())
            json[child.Name.LocalName] = child.HasElements ? ToJson(child) : JsonValue.Create(child.Value);
        return json;
    }
}
