using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// Settings of the resilience pipeline around every WeChat call (<c>WeChat:Resilience</c>). Defaults suit production;
/// tests shorten the windows (seconds, not minutes). Units are in the names.
/// </summary>
public sealed class WeChatResilienceOptions
{
    /// <summary>Retries after the first attempt of a call that may be repeated (see <see cref="WeChatResilience"/>); 0 = none.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First retry delay; exponential with jitter after it.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 300;

    /// <summary>One attempt's timeout; at most half of <see cref="WeChatOptions.TimeoutSeconds"/> (the whole call, retries included).</summary>
    public double AttemptTimeoutSeconds { get; set; } = 4;

    /// <summary>Share of failed attempts (−1, HTTP 5xx, network, timeout) within <see cref="SamplingDurationSeconds"/> that opens a circuit.</summary>
    public double FailureRatio { get; set; } = 0.2;

    /// <summary>Attempts needed within the sampling window before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 20;

    public double SamplingDurationSeconds { get; set; } = 30;

    /// <summary>How long an open circuit refuses calls before letting one through to probe (half-open).</summary>
    public double BreakDurationSeconds { get; set; } = 15;
}

/// <summary>
/// The resilience pipeline of the WeChat typed client: Microsoft.Extensions.Http.Resilience's standard pipeline (total timeout,
/// retry with exponential backoff and jitter, circuit breaker, attempt timeout), one pipeline instance — hence one circuit —
/// per kind of call (<see cref="CallClass"/>: login, token, messages, followers, other), so a storm on template/send does
/// not lock members out of login.
/// WeChat answers errors as HTTP 200 with <c>errcode</c>, so the predicates read the (buffered) JSON body:
/// <list type="bullet">
/// <item>Retried here, and only for calls that may be repeated (<see cref="Repeatable"/>): <c>-1</c> (system busy),
/// HTTP 408/429/5xx, connection failures and attempt timeouts.</item>
/// <item>Not retried here: <c>45009</c> (daily quota: it lasts until midnight, seconds change nothing), <c>45011</c> (minute
/// quota: the caller waits for the next minute), <c>40001</c>/<c>42001</c> (the token is in the URL: <see cref="WeChatClient"/>
/// refreshes it once under the Redis lock and calls again), and any other errcode (an answer, not a fault).</item>
/// <item>Never repeated here: subscribe/template sends (the reminders outbox owns their retries, with its backoff, and a
/// repeated subscribe send has no key WeChat de-duplicates), <c>jscode2session</c> and <c>getuserphonenumber</c>
/// (single-use codes), <c>media_check_async</c>, a forced <c>stable_token</c> (20 a day).</item>
/// <item>The circuit counts every attempt's <c>-1</c>, 5xx, network failure and timeout, repeatable or not; while open,
/// calls of that class fail at once as <see cref="WeChatError.CircuitOpen"/>.</item>
/// </list>
/// </summary>
public static class WeChatResilience
{
    /// <summary>Whether the pipeline may send this request again (set by <see cref="WeChatClient"/> on every request).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("westudio.wechat.repeatable");

    /// <summary>Paths whose request must not be sent twice by this layer.</summary>
    private static readonly HashSet<string> OnceOnly = new(StringComparer.Ordinal)
    {
        "sns/jscode2session", "wxa/business/getuserphonenumber", "cgi-bin/message/subscribe/send", "cgi-bin/message/template/send",
        "wxa/media_check_async",
    };

    /// <summary>True unless <paramref name="path"/> (no leading slash) is one of the once-only calls.</summary>
    public static bool IsRepeatable(string path) => !OnceOnly.Contains(path.TrimStart('/'));

    /// <summary>The circuit a request belongs to: <c>login</c>, <c>token</c>, <c>messages</c>, <c>followers</c> or <c>other</c>.</summary>
    public static string CallClass(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath.TrimStart('/') ?? "";
        return path switch
        {
            "sns/jscode2session" or "wxa/business/getuserphonenumber" => "login",
            "cgi-bin/stable_token" or "cgi-bin/token" => "token",
            _ when path.StartsWith("cgi-bin/message/", StringComparison.Ordinal) => "messages",
            _ when path.StartsWith("cgi-bin/user/", StringComparison.Ordinal) => "followers",
            _ => "other",
        };
    }

    /// <summary>Adds the standard pipeline, configured from <c>WeChat:Resilience</c>, with WeChat's predicates.</summary>
    public static IHttpClientBuilder AddWeChatResilience(this IHttpClientBuilder builder)
    {
        builder.AddStandardResilienceHandler()
            .SelectPipelineBy(_ => CallClass)
            .Configure((o, services) =>
            {
                var weChat = services.GetRequiredService<IOptions<WeChatOptions>>().Value;
                var r = weChat.Resilience;
                var circuits = services.GetRequiredService<WeChatCircuits>();
                var total = TimeSpan.FromSeconds(Math.Max(1, weChat.TimeoutSeconds));
                var attempt = TimeSpan.FromSeconds(Math.Clamp(r.AttemptTimeoutSeconds, 0.1, total.TotalSeconds / 2));
                o.TotalRequestTimeout.Timeout = total;
                o.AttemptTimeout.Timeout = attempt;

                o.Retry.MaxRetryAttempts = Math.Max(0, r.MaxRetryAttempts);
                o.Retry.Delay = TimeSpan.FromMilliseconds(Math.Max(1, r.RetryBaseDelayMilliseconds));
                o.Retry.BackoffType = DelayBackoffType.Exponential;
                o.Retry.UseJitter = true;
                o.Retry.ShouldHandle = async args =>
                {
                    var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
                    if (request is null || !request.Options.TryGetValue(Repeatable, out var repeatable) || !repeatable) return false;
                    return await IsFaultAsync(args.Outcome, args.Context.CancellationToken);
                };
                if (o.Retry.MaxRetryAttempts == 0) o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);

                o.CircuitBreaker.FailureRatio = r.FailureRatio;
                o.CircuitBreaker.MinimumThroughput = Math.Max(2, r.MinimumThroughput);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(r.SamplingDurationSeconds, 2 * attempt.TotalSeconds));
                o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, r.BreakDurationSeconds));
                o.CircuitBreaker.ShouldHandle = args => IsFaultAsync(args.Outcome, args.Context.CancellationToken);
                o.CircuitBreaker.OnOpened = args =>
                {
                    circuits.Opened(args.Context.GetRequestMessage(), args.BreakDuration);
                    return ValueTask.CompletedTask;
                };
                o.CircuitBreaker.OnClosed = args =>
                {
                    circuits.Closed(args.Context.GetRequestMessage());
                    return ValueTask.CompletedTask;
                };
            });
        return builder;
    }

    /// <summary>A fault of WeChat rather than an answer: <c>errcode -1</c>, HTTP 408/429/5xx, a network failure or a timeout.</summary>
    internal static async ValueTask<bool> IsFaultAsync(Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Exception is { } e) return e is HttpRequestException or TimeoutRejectedException;
        if (outcome.Result is not { } response) return false;
        if ((int)response.StatusCode is 408 or 429 or >= 500) return true;
        return await ErrCodeAsync(response, ct) == WeChatError.SystemBusy;
    }

    /// <summary>The <c>errcode</c> of a small JSON answer (0 when absent, or when the answer is not JSON, e.g. an image). Buffers the body so the client can read it again.</summary>
    internal static async ValueTask<int> ErrCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!type.Contains("json", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)) return 0;
        if (response.Content.Headers.ContentLength > 64 * 1024) return 0;
        try
        {
            await response.Content.LoadIntoBufferAsync(ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out var code)
                && code.TryGetInt32(out var value) ? value : 0;
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or InvalidOperationException)
        {
            return 0;
        }
    }
}

/// <summary>
/// The WeChat circuits currently open, by call class (<see cref="WeChatResilience.CallClass"/>), with when they may close;
/// the reminders dispatcher asks before claiming a batch, so an open circuit leaves the outbox untouched.
/// </summary>
public sealed class WeChatCircuits(TimeProvider clock, ILogger<WeChatCircuits> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> open = new(StringComparer.Ordinal);
    private int opened;
    private int closed;

    /// <summary>How many times a circuit opened, and closed again, since start (for tests and logs).</summary>
    public (int Opened, int Closed) Transitions => (Volatile.Read(ref opened), Volatile.Read(ref closed));

    /// <summary>When the circuit of <paramref name="callClass"/> lets a probe through, or null when it is closed.</summary>
    public DateTimeOffset? OpenUntil(string callClass) => open.TryGetValue(callClass, out var until) ? until : null;

    /// <summary>How long until any of <paramref name="callClasses"/>' circuits lets a probe through; null when all are closed or due to probe.</summary>
    public TimeSpan? OpenFor(params string[] callClasses)
    {
        var until = callClasses.Select(OpenUntil).Max();
        var wait = until - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    internal void Opened(HttpRequestMessage? request, TimeSpan breakDuration)
    {
        var callClass = request is null ? "other" : WeChatResilience.CallClass(request);
        open[callClass] = clock.GetUtcNow() + breakDuration;
        Interlocked.Increment(ref opened);
        logger.LogWarning("WeChat circuit {Class} opened for {Seconds} s", callClass, breakDuration.TotalSeconds);
    }

    internal void Closed(HttpRequestMessage? request)
    {
        var callClass = request is null ? "other" : WeChatResilience.CallClass(request);
        open.TryRemove(callClass, out _);
        Interlocked.Increment(ref closed);
        logger.LogInformation("WeChat circuit {Class} closed", callClass);
    }
}
