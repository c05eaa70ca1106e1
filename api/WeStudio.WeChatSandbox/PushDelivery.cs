using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WeStudio.WeChatSandbox;

/// <summary>A push the sandbox sent: what, where, how (plain or aes) and the HTTP status and body it got back (0 and the error when it failed).</summary>
public sealed record PushRecord(string TraceId, string Event, string Mode, string Url, int Status, string Answer);

/// <summary>
/// Sends message-push events to the API the way WeChat does (<c>Sandbox:PushUrl</c>, <c>Sandbox:PushToken</c>,
/// <c>Sandbox:EncodingAesKey</c>, <c>Sandbox:PushMode</c> plain|aes), <c>Sandbox:PushDelayMilliseconds</c> after the call
/// that caused them; a push not answered <c>success</c> is retried 1, 4, 15 and 60 seconds later, as WeChat retries. JSON format: plain mode POSTs the event with <c>?signature&amp;timestamp&amp;nonce</c>; aes mode POSTs
/// <c>{ToUserName, Encrypt}</c> and adds <c>encrypt_type=aes&amp;msg_signature</c>.
/// The HTTP handler is replaceable (<see cref="Handler"/>): in-process tests give it the API TestServer's handler,
/// since the sandbox cannot reach an in-memory API over the network. Await a push with <see cref="WhenPushedAsync"/>.
/// </summary>
public sealed class PushDelivery(IOptions<SandboxOptions> options, TimeProvider clock, ILogger<PushDelivery> logger)
{
    private static readonly int[] RetrySeconds = [1, 4, 15, 60];

    private readonly ConcurrentQueue<(string Suggest, int Label)> verdicts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PushRecord>> pushes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PushRecord> sent = new();

    /// <summary>The handler pushes go through; null: a plain <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>Overrides <c>Sandbox:PushUrl</c> (tests set it once the API is up).</summary>
    public string? PushUrl { get; set; }

    /// <summary>Overrides <c>Sandbox:OfficialAccountPushUrl</c> (tests set it once the API is up).</summary>
    public string? OfficialAccountPushUrl { get; set; }

    /// <summary>Overrides <c>Sandbox:PushMode</c>: plain or aes.</summary>
    public string? Mode { get; set; }

    public IReadOnlyCollection<PushRecord> Sent => sent.ToArray();

    /// <summary>The next media check answers this verdict (then back to pass), e.g. ("risky", 20002).</summary>
    public void QueueVerdict(string suggest, int label) => verdicts.Enqueue((suggest, label));

    public Task<PushRecord> WhenPushedAsync(string traceId) => Completion(traceId).Task;

    private TaskCompletionSource<PushRecord> Completion(string traceId) =>
        pushes.GetOrAdd(traceId, _ => new TaskCompletionSource<PushRecord>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Schedules the <c>wxa_media_check</c> push for a media check just answered.</summary>
    public void ScheduleMediaVerdict(string traceId, string mediaUrl, string openid, string appId)
    {
        var (suggest, label) = verdicts.TryDequeue(out var queued) ? queued : ("pass", 100);
        var message = new Dictionary<string, object>
        {
            ["ToUserName"] = "gh_sandbox0000",
            ["FromUserName"] = openid,
            ["CreateTime"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            ["MsgType"] = "event",
            ["Event"] = "wxa_media_check",
            ["appid"] = appId,
            ["trace_id"] = traceId,
            ["version"] = 2,
            // WECHAT.md: label has been seen as the string "100"; the sandbox sends it that way to keep receivers lenient.
            ["result"] = new { suggest, label = label.ToString(CultureInfo.InvariantCulture) },
            ["detail"] = new object[] { new { strategy = "content_model", errcode = 0, suggest, label, prob = suggest == "pass" ? 0 : 90 } },
        };
        Completion(traceId);
        _ = Task.Run(async () =>
        {
            await Task.Delay(Math.Max(0, options.Value.PushDelayMilliseconds));
            var json = JsonSerializer.Serialize(message, WeChatErrors.Json);
            var record = await SendAsync(traceId, "wxa_media_check", json);
            // Like WeChat, retry a push that was not answered `success` (here: 1, 4, 15 and 60 s later).
            foreach (var seconds in RetrySeconds)
            {
                if (record is { Status: 200, Answer: "success" }) break;
                sent.Enqueue(record);
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                record = await SendAsync(traceId, "wxa_media_check", json);
            }
            sent.Enqueue(record);
            Completion(traceId).TrySetResult(record);
        });
    }

    /// <summary>Sends one event (JSON text) now, signed per the current mode; never throws.</summary>
    public Task<PushRecord> SendAsync(string traceId, string eventName, string json)
    {
        var o = options.Value;
        return SendAsync(traceId, eventName, json, new PushAccount(PushUrl ?? o.PushUrl, o.PushToken, o.EncodingAesKey, o.AppId, Mode ?? o.PushMode, Xml: false));
    }

    /// <summary>
    /// Sends one event now to <paramref name="account"/>'s push URL, signed with its Token (and, in aes mode, encrypted with
    /// its EncodingAESKey and AppId); <paramref name="body"/> is JSON, or XML when <see cref="PushAccount.Xml"/> (the
    /// official account's format: aes mode then wraps it as <c>&lt;xml&gt;&lt;Encrypt&gt;…&lt;/Encrypt&gt;&lt;/xml&gt;</c>). Never throws.
    /// </summary>
    public async Task<PushRecord> SendAsync(string traceId, string eventName, string body, PushAccount account)
    {
        var (url, mode) = (account.Url, account.Mode);
        if (string.IsNullOrEmpty(url)) return new PushRecord(traceId, eventName, mode, "", 0, "no push URL configured");
        try
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            var query = $"signature={PushCrypto.Sign(account.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
            if (mode == "aes")
            {
                var encrypt = PushCrypto.Encrypt(body, account.AesKey, account.AppId);
                query += $"&encrypt_type=aes&msg_signature={PushCrypto.Sign(account.Token, timestamp, nonce, encrypt)}";
                body = account.Xml
                    ? $"<xml><ToUserName><![CDATA[gh_sandbox0000]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
                    : JsonSerializer.Serialize(new { ToUserName = "gh_sandbox0000", Encrypt = encrypt });
            }
            using var http = new HttpClient(Handler ?? new SocketsHttpHandler(), disposeHandler: Handler is null) { Timeout = TimeSpan.FromSeconds(10) };
            var target = url + (url.Contains('?') ? "&" : "?") + query;
            using var content = new StringContent(body, Encoding.UTF8, account.Xml ? "text/xml" : "application/json");
            using var response = await http.PostAsync(target, content);
            var answer = await response.Content.ReadAsStringAsync();
            var record = new PushRecord(traceId, eventName, mode, url, (int)response.StatusCode, answer);
            return record;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning("Push of {Event} {TraceId} to {Url} failed: {Error}", eventName, traceId, url, e.Message);
            return new PushRecord(traceId, eventName, mode, url, 0, e.Message);
        }
    }

    /// <summary>Records a push sent outside <see cref="ScheduleMediaVerdict"/> (the official account's events) in <see cref="Sent"/>.</summary>
    public void Remember(PushRecord record) => sent.Enqueue(record);
}

/// <summary>Where and as whom a push goes: URL, Token, EncodingAESKey, AppId, mode (plain|aes) and whether the body is XML.</summary>
public sealed record PushAccount(string Url, string Token, string AesKey, string AppId, string Mode, bool Xml);
