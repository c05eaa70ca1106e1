using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WeStudio.WeChatSandbox;

/// <summary>A message the sandbox accepted and "delivered": <c>channel</c> is <c>subscribe</c> or <c>template</c>.</summary>
public sealed record DeliveredMessage(
    [property: JsonPropertyName("msgid")] long MsgId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("page")] string? Page,
    [property: JsonPropertyName("data")] Dictionary<string, string> Data,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>Test switches: <c>strictConsent</c> refuses (43101) subscribe messages to a user and template it was told no credits for; <c>strictFollowing</c> refuses (43004) template messages to users not told to follow.</summary>
public sealed record MessageSwitches(bool StrictConsent, bool StrictFollowing);

/// <summary>Credits of one-time consent the sandbox is told a user has for a subscribe template.</summary>
public sealed record ConsentRequest(string? ToUser, string? TemplateId, int Credits);

/// <summary>Whether an official-account openid follows the account.</summary>
public sealed record FollowerRequest(string? ToUser, bool Following);

/// <summary>
/// Messages the sandbox received: consent credits per (openid, template), followers, switches, and every delivered
/// message, in memory. A subscribe message to a (user, template) with known credits spends one, and is refused with
/// 43101 at zero; an unknown pair is accepted unless <see cref="MessageSwitches.StrictConsent"/>.
/// </summary>
public sealed class MessageState(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly List<DeliveredMessage> delivered = [];
    private readonly Dictionary<(string User, string Template), int> credits = [];
    private readonly Dictionary<string, bool> followers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> clientMsgIds = new(StringComparer.Ordinal);
    private long nextMsgId = 3_000_000_000;

    public MessageSwitches Switches { get; set; } = new(false, false);

    public IReadOnlyList<DeliveredMessage> Messages(string? toUser)
    {
        lock (gate) return delivered.Where(m => toUser is null || m.ToUser == toUser).ToList();
    }

    public void Clear()
    {
        lock (gate) delivered.Clear();
    }

    public void SetCredits(string user, string template, int count)
    {
        lock (gate) credits[(user, template)] = count;
    }

    public void SetFollower(string user, bool following)
    {
        lock (gate) followers[user] = following;
    }

    /// <summary>43101 when the user has no consent left for the template; else records the delivery and spends a known credit.</summary>
    public (int ErrCode, long MsgId) DeliverSubscribe(string user, string template, string? page, Dictionary<string, string> data)
    {
        lock (gate)
        {
            if (credits.TryGetValue((user, template), out var left))
            {
                if (left <= 0) return (43101, 0);
                credits[(user, template)] = left - 1;
            }
            else if (Switches.StrictConsent) return (43101, 0);
            return (0, Add("subscribe", user, template, page, data));
        }
    }

    /// <summary>43004 when the user does not follow the account; a repeated <paramref name="clientMsgId"/> answers the first msgid and delivers nothing.</summary>
    public (int ErrCode, long MsgId) DeliverTemplate(string user, string template, string? page, Dictionary<string, string> data, string? clientMsgId)
    {
        lock (gate)
        {
            if (followers.TryGetValue(user, out var following) ? !following : Switches.StrictFollowing) return (43004, 0);
            if (clientMsgId is not null && clientMsgIds.TryGetValue(clientMsgId, out var earlier)) return (0, earlier);
            var id = Add("template", user, template, page, data);
            if (clientMsgId is not null) clientMsgIds[clientMsgId] = id;
            return (0, id);
        }
    }

    private long Add(string channel, string user, string template, string? page, Dictionary<string, string> data)
    {
        var id = ++nextMsgId;
        delivered.Add(new DeliveredMessage(id, channel, user, template, page, data, clock.GetUtcNow()));
        return id;
    }
}

/// <summary>
/// <c>POST /cgi-bin/message/subscribe/send</c> and <c>POST /cgi-bin/message/template/send</c> (WECHAT.md) with WeChat's checks:
/// 41001/40001/42001 access token, 47001 body not a JSON object, 40003 no <c>touser</c>, 40037 a <c>template_id</c> not in
/// <c>Sandbox:Templates</c>, 47003 a template field missing, empty, with a line break or over its type's limit
/// (<see cref="FieldRules"/>; template messages: also ≤ 20 characters each), 43101 no consent left, 43004 not following.
/// Control: <c>GET /sandbox/messages?touser=</c>, <c>DELETE /sandbox/messages</c>, <c>POST /sandbox/consents {touser, templateId, credits}</c>,
/// <c>POST /sandbox/followers {touser, following}</c>, <c>POST /sandbox/switches {strictConsent, strictFollowing}</c>.
/// </summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/message/subscribe/send", (HttpRequest r, SandboxState s, MessageState m) => SendAsync(r, s, m, subscribe: true))
            .RequireAccessToken().WithName("subscribe_send");
        routes.MapPost("/cgi-bin/message/template/send", (HttpRequest r, SandboxState s, MessageState m) => SendAsync(r, s, m, subscribe: false))
            .RequireAccessToken().WithName("template_send");

        var sandbox = routes.MapGroup("/sandbox").WithTags("Sandbox");
        sandbox.MapGet("/messages", (string? touser, MessageState m) => TypedResults.Ok(m.Messages(touser)));
        sandbox.MapDelete("/messages", (MessageState m) =>
        {
            m.Clear();
            return TypedResults.NoContent();
        });
        sandbox.MapPost("/consents", (ConsentRequest c, MessageState m) =>
        {
            if (string.IsNullOrEmpty(c.ToUser) || string.IsNullOrEmpty(c.TemplateId) || c.Credits < 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["touser"] = ["touser, templateId and credits ≥ 0 are required."] });
            m.SetCredits(c.ToUser, c.TemplateId, c.Credits);
            return Results.NoContent();
        });
        sandbox.MapPost("/followers", (FollowerRequest f, MessageState m) =>
        {
            if (string.IsNullOrEmpty(f.ToUser)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["touser"] = ["touser is required."] });
            m.SetFollower(f.ToUser, f.Following);
            return Results.NoContent();
        });
        sandbox.MapPost("/switches", (MessageSwitches s, MessageState m) =>
        {
            m.Switches = s;
            return Results.NoContent();
        });
        return routes;
    }

    private static async Task<IResult> SendAsync(HttpRequest request, SandboxState state, MessageState messages, bool subscribe)
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

        var toUser = TokenApi.Text(body, "touser");
        if (string.IsNullOrWhiteSpace(toUser)) return WeChatErrors.Reply(40003);
        var templateId = TokenApi.Text(body, "template_id");
        if (templateId is null || !state.Options.Templates.TryGetValue(templateId, out var keys)) return WeChatErrors.Reply(40037);

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            string? value = null;
            if (body.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty(key, out var field)
                && field.ValueKind == JsonValueKind.Object && field.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                value = v.GetString();
            if (FieldRules.Problem(key, value, templateMessage: !subscribe) is { } problem)
                return WeChatErrors.Reply(47003, $"argument invalid! data.{key}.value {problem}");
            data[key] = value!;
        }

        string? page;
        if (subscribe) page = TokenApi.Text(body, "page");
        else page = body.TryGetProperty("miniprogram", out var mp) && mp.ValueKind == JsonValueKind.Object ? TokenApi.Text(mp, "pagepath") : TokenApi.Text(body, "url");

        var (errcode, msgId) = subscribe
            ? messages.DeliverSubscribe(toUser, templateId, page, data)
            : messages.DeliverTemplate(toUser, templateId, page, data, TokenApi.Text(body, "client_msg_id"));
        return errcode != 0 ? WeChatErrors.Reply(errcode) : WeChatErrors.Ok(new { errcode = 0, errmsg = "ok", msgid = msgId });
    }
}

/// <summary>
/// WeChat's field value rules by type (WECHAT.md "Subscribe message"), checked on their own (not with WeStudio's code):
/// lengths in UTF-16 units; thing ≤ 20, number/letter/character_string ≤ 32, symbol ≤ 5, phone_number ≤ 17, car_number ≤ 8,
/// amount ≤ 10 digits, name ≤ 10 Chinese or ≤ 20 letters, phrase ≤ 5 Chinese characters only, time/date in WeChat's formats;
/// never empty, never a line break; template messages: every field ≤ 20.
/// </summary>
public static partial class FieldRules
{
    public static string? Problem(string key, string? value, bool templateMessage)
    {
        if (string.IsNullOrEmpty(value)) return "is empty";
        if (value.Any(c => c is '\n' or '\r' or '\u2028' or '\u2029')) return "contains a line break";
        if (templateMessage && value.Length > 20) return "exceeds 20 characters";
        var type = key.TrimEnd("0123456789".ToCharArray());
        return type switch
        {
            "thing" when value.Length > 20 => "exceeds the limit of thing (20)",
            "number" when value.Length > 32 || !Number().IsMatch(value) => "is not a number of at most 32 digits",
            "letter" when value.Length > 32 || !value.All(char.IsAsciiLetter) => "is not at most 32 letters",
            "symbol" when value.Length > 5 => "exceeds the limit of symbol (5)",
            "character_string" when value.Length > 32 => "exceeds the limit of character_string (32)",
            "phone_number" when value.Length > 17 => "exceeds the limit of phone_number (17)",
            "car_number" when value.Length > 8 => "exceeds the limit of car_number (8)",
            "amount" when value.Count(char.IsAsciiDigit) > 10 => "exceeds the limit of amount (10 digits)",
            "name" when value.Length > (value.All(c => c < 128) ? 20 : 10) => "exceeds the limit of name",
            "phrase" when value.Length > 5 || !Han().IsMatch(value) => "is not at most 5 Chinese characters",
            "time" when !Time().IsMatch(value) => "is not a time",
            "date" when !Date().IsMatch(value) => "is not a date",
            _ => null,
        };
    }

    [GeneratedRegex(@"^[-+]?\d+(\.\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$")]
    private static partial Regex Han();

    private const string Day = @"(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}日)";
    private const string Clock = @"\d{1,2}:\d{2}(:\d{2})?";

    [GeneratedRegex($"^({Day} ?)?{Clock}(~({Day} ?)?{Clock})?$")]
    private static partial Regex Time();

    [GeneratedRegex($"^{Day}( ?{Clock})?(~{Day}( ?{Clock})?)?$")]
    private static partial Regex Date();
}
