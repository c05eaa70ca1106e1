using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// The typed <see cref="HttpClient"/> behind <see cref="IWeChatClient"/> (registered by
/// <see cref="WeChatServices.AddWeChat"/>). Logs the path and errcode of a failure, never a query
/// string, a body or a token: jscode2session carries the AppSecret in its query.
/// </summary>
public sealed class WeChatClient : IWeChatClient
{
    /// <summary>How WeChat's JSON is read and written: snake_case names, nulls omitted, numbers also read from strings.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient http;
    private readonly WeChatOptions options;
    private readonly AccessTokenCache tokens;
    private readonly ILogger<WeChatClient> logger;
    private readonly Uri baseUri;

    /// <summary>The token this client last handed out, the one <c>GetAccessTokenAsync(forceRefresh: true)</c> reports as failed.</summary>
    private string? lastToken;

    public WeChatClient(HttpClient http, IOptions<WeChatOptions> options, RedisConnection redis, ILogger<WeChatClient> logger)
    {
        this.http = http;
        this.options = options.Value;
        this.logger = logger;
        tokens = new AccessTokenCache(redis, this.options.AppId);
        baseUri = new Uri(this.options.BaseUrl.EndsWith('/') ? this.options.BaseUrl : this.options.BaseUrl + "/");
    }

    /// <summary>Lifetime of the refresh lock: room for a stable_token call and a forced one; a crashed holder frees it after this.</summary>
    private TimeSpan LockLease => TimeSpan.FromSeconds(2 * options.TimeoutSeconds + 5);

    /// <inheritdoc />
    public async Task<WeChatResult<WeChatSession>> Code2SessionAsync(string jsCode, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(jsCode)) return WeChatResult<WeChatSession>.Fail(new(WeChatError.InvalidCode, "invalid code: empty"));
        var query = $"appid={Escape(options.AppId)}&secret={Escape(options.AppSecret)}&js_code={Escape(jsCode)}&grant_type=authorization_code";
        var answer = await SendAsync<Code2SessionResponse>(HttpMethod.Get, "sns/jscode2session", query, null, ct);
        if (!answer.IsSuccess) return WeChatResult<WeChatSession>.Fail(answer.Error);
        var (openId, sessionKey, unionId) = (answer.Value.OpenId, answer.Value.SessionKey, answer.Value.UnionId);
        if (string.IsNullOrEmpty(openId) || string.IsNullOrEmpty(sessionKey))
            return WeChatResult<WeChatSession>.Fail(Unexpected("sns/jscode2session", "answer lacks openid or session_key"));
        return WeChatResult<WeChatSession>.Ok(new WeChatSession(openId, sessionKey, string.IsNullOrEmpty(unionId) ? null : unionId));
    }

    /// <inheritdoc />
    public async Task<WeChatResult<string>> GetAccessTokenAsync(bool forceRefresh = false, CancellationToken ct = default)
    {
        var result = forceRefresh ? await RenewAccessTokenAsync(lastToken, ct) : await CachedAccessTokenAsync(ct);
        if (result.IsSuccess) lastToken = result.Value;
        return result;
    }

    /// <inheritdoc />
    public async Task<WeChatResult<TResponse>> PostAsync<TResponse>(string path, object body, CancellationToken ct = default)
        where TResponse : WeChatResponse
    {
        ArgumentNullException.ThrowIfNull(body);
        path = path.TrimStart('/');
        var token = await GetAccessTokenAsync(false, ct);
        if (!token.IsSuccess) return WeChatResult<TResponse>.Fail(token.Error);

        var answer = await SendAsync<TResponse>(HttpMethod.Post, path, "access_token=" + Escape(token.Value), body, ct);
        if (answer.Error is not { IsAccessTokenRejected: true }) return answer;

        var renewed = await RenewAccessTokenAsync(token.Value, ct);
        if (!renewed.IsSuccess) return WeChatResult<TResponse>.Fail(renewed.Error);
        lastToken = renewed.Value;
        return await SendAsync<TResponse>(HttpMethod.Post, path, "access_token=" + Escape(renewed.Value), body, ct);
    }

    /// <inheritdoc />
    public async Task<WeChatResult<TResponse>> GetAsync<TResponse>(string path, IReadOnlyDictionary<string, string?> query, CancellationToken ct = default)
        where TResponse : WeChatResponse
    {
        ArgumentNullException.ThrowIfNull(query);
        path = path.TrimStart('/');
        var rest = string.Concat(query.Where(q => q.Value is not null).Select(q => $"&{Escape(q.Key)}={Escape(q.Value!)}"));
        var token = await GetAccessTokenAsync(false, ct);
        if (!token.IsSuccess) return WeChatResult<TResponse>.Fail(token.Error);

        var answer = await SendAsync<TResponse>(HttpMethod.Get, path, "access_token=" + Escape(token.Value) + rest, null, ct);
        if (answer.Error is not { IsAccessTokenRejected: true }) return answer;

        var renewed = await RenewAccessTokenAsync(token.Value, ct);
        if (!renewed.IsSuccess) return WeChatResult<TResponse>.Fail(renewed.Error);
        lastToken = renewed.Value;
        return await SendAsync<TResponse>(HttpMethod.Get, path, "access_token=" + Escape(renewed.Value) + rest, null, ct);
    }

    /// <summary>The cached token, or one fetched under the lock when the cache is empty.</summary>
    private async Task<WeChatResult<string>> CachedAccessTokenAsync(CancellationToken ct)
    {
        try
        {
            var cached = await tokens.GetAsync();
            return cached is not null ? WeChatResult<string>.Ok(cached) : await RefreshUnderLockAsync(null, ct);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return await WithoutRedisAsync(e, ct);
        }
    }

    /// <summary>
    /// A token other than <paramref name="failedToken"/> (WeChat refused it with 40001/42001): the cached one if another
    /// instance already replaced it, else a new one fetched under the lock. Internal so tests can name the failed token.
    /// </summary>
    internal async Task<WeChatResult<string>> RenewAccessTokenAsync(string? failedToken, CancellationToken ct)
    {
        try
        {
            failedToken ??= await tokens.GetAsync();
            return await RefreshUnderLockAsync(failedToken, ct);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return await WithoutRedisAsync(e, ct);
        }
    }

    /// <summary>
    /// One instance at a time fetches; the others poll the cache (25 ms doubling to 250 ms) and take the lock over
    /// if its holder vanished (the lease expires), so no stampede and no endless wait. A cached token is usable when
    /// it is not <paramref name="failedToken"/>. Waits are in real time: they wait for another process, not for the calendar.
    /// </summary>
    private async Task<WeChatResult<string>> RefreshUnderLockAsync(string? failedToken, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var poll = FirstPoll;
        while (true)
        {
            var owner = await tokens.TryLockAsync(LockLease);
            if (owner is not null)
            {
                try
                {
                    var cached = await tokens.GetAsync();
                    if (cached is not null && cached != failedToken) return WeChatResult<string>.Ok(cached);
                    return await FetchAndCacheAsync(failedToken, ct);
                }
                finally
                {
                    await tokens.ReleaseAsync(owner);
                }
            }

            if (waited.Elapsed > LockLease + TimeSpan.FromSeconds(1))
            {
                logger.LogWarning("WeChat access_token refresh by another instance did not finish in {Seconds} s", (int)waited.Elapsed.TotalSeconds);
                return WeChatResult<string>.Fail(WeChatError.Network("access_token refresh by another instance did not finish in time"));
            }

            await Task.Delay(poll, ct);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            var refreshed = await tokens.GetAsync();
            if (refreshed is not null && refreshed != failedToken) return WeChatResult<string>.Ok(refreshed);
        }
    }

    /// <summary>
    /// stable_token without force returns the valid token, or a new one once it expired; only when it hands back the very
    /// token that failed does the holder of the lock spend one of WeChat's 20 daily <c>force_refresh</c>es.
    /// </summary>
    private async Task<WeChatResult<string>> FetchAndCacheAsync(string? failedToken, CancellationToken ct)
    {
        var answer = await StableTokenAsync(forceRefresh: false, ct);
        if (answer.IsSuccess && failedToken is not null && answer.Value.AccessToken == failedToken)
            answer = await StableTokenAsync(forceRefresh: true, ct);
        if (!answer.IsSuccess) return WeChatResult<string>.Fail(answer.Error);
        await tokens.SetAsync(answer.Value.AccessToken!, answer.Value.ExpiresIn);
        return WeChatResult<string>.Ok(answer.Value.AccessToken!);
    }

    /// <summary>
    /// Redis is down: a non-forced stable_token call is safe without the lock (it returns the token every instance holds),
    /// so the feature degrades to one call per use instead of failing. Never forces without the lock.
    /// </summary>
    private async Task<WeChatResult<string>> WithoutRedisAsync(Exception e, CancellationToken ct)
    {
        logger.LogWarning("Redis unavailable for the WeChat access_token ({Error}); fetching it without the cache", e.GetType().Name);
        var answer = await StableTokenAsync(forceRefresh: false, ct);
        return answer.IsSuccess ? WeChatResult<string>.Ok(answer.Value.AccessToken!) : WeChatResult<string>.Fail(answer.Error);
    }

    /// <summary><c>POST cgi-bin/stable_token {grant_type: client_credential, appid, secret, force_refresh}</c> → <c>{access_token, expires_in}</c> (seconds).</summary>
    private async Task<WeChatResult<StableTokenResponse>> StableTokenAsync(bool forceRefresh, CancellationToken ct)
    {
        const string Path = "cgi-bin/stable_token";
        var body = new { grant_type = "client_credential", appid = options.AppId, secret = options.AppSecret, force_refresh = forceRefresh };
        var answer = await SendAsync<StableTokenResponse>(HttpMethod.Post, Path, null, body, ct, repeatable: !forceRefresh);
        if (answer.IsSuccess && string.IsNullOrEmpty(answer.Value.AccessToken))
            return WeChatResult<StableTokenResponse>.Fail(Unexpected(Path, "answer lacks access_token"));
        if (answer.IsSuccess) logger.LogInformation("WeChat access_token fetched (force_refresh {Force}, expires_in {ExpiresIn} s)", forceRefresh, answer.Value.ExpiresIn);
        return answer;
    }

    /// <summary>
    /// One HTTP call. HTTP 200 with errcode ≠ 0 is that error; no answer within <see cref="WeChatOptions.TimeoutSeconds"/>,
    /// a connection failure, a non-JSON body or a JSON body of another shape is <see cref="WeChatError.NetworkError"/>; a call
    /// refused by an open circuit is <see cref="WeChatError.CircuitOpen"/>. <paramref name="repeatable"/> (default: by path,
    /// <see cref="WeChatResilience.IsRepeatable"/>) tells the resilience pipeline whether it may send the request again.
    /// </summary>
    private async Task<WeChatResult<T>> SendAsync<T>(HttpMethod method, string path, string? query, object? body, CancellationToken ct, bool? repeatable = null)
        where T : WeChatResponse
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUri, query is null ? path : $"{path}?{query}"));
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            request.Options.Set(WeChatResilience.Repeatable, repeatable ?? WeChatResilience.IsRepeatable(path));
            using var response = await http.SendAsync(request, timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);

            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(bytes);
            }
            catch (JsonException)
            {
                return WeChatResult<T>.Fail(Unexpected(path, $"HTTP {(int)response.StatusCode} with a body that is not JSON"));
            }
            if (root.ValueKind != JsonValueKind.Object)
                return WeChatResult<T>.Fail(Unexpected(path, $"HTTP {(int)response.StatusCode} with a body that is not a JSON object"));

            var answer = root.Deserialize<T>(Json);
            if (answer is null) return WeChatResult<T>.Fail(Unexpected(path, "empty answer"));
            if (answer.ErrCode != 0)
            {
                logger.LogWarning("WeChat {Path} answered errcode {ErrCode}", path, answer.ErrCode);
                return WeChatResult<T>.Fail(new WeChatError(answer.ErrCode, answer.ErrMsg ?? ""));
            }
            if (!response.IsSuccessStatusCode) return WeChatResult<T>.Fail(Unexpected(path, $"HTTP {(int)response.StatusCode}"));
            return WeChatResult<T>.Ok(answer);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return WeChatResult<T>.Fail(Unexpected(path, $"no answer within {options.TimeoutSeconds} s"));
        }
        catch (BrokenCircuitException)
        {
            logger.LogWarning("WeChat {Path} not called: its circuit is open", path);
            return WeChatResult<T>.Fail(new WeChatError(WeChatError.CircuitOpen, "circuit open: WeChat failed too often just now; not called"));
        }
        catch (TimeoutRejectedException)
        {
            return WeChatResult<T>.Fail(Unexpected(path, $"no answer within {options.TimeoutSeconds} s"));
        }
        catch (HttpRequestException e)
        {
            return WeChatResult<T>.Fail(Unexpected(path, $"unreachable ({e.HttpRequestError})"));
        }
        catch (JsonException)
        {
            return WeChatResult<T>.Fail(Unexpected(path, "the JSON answer does not have the expected shape"));
        }
    }

    private WeChatError Unexpected(string path, string reason)
    {
        logger.LogWarning("WeChat {Path} failed: {Reason}", path, reason);
        return WeChatError.Network(reason);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private sealed record Code2SessionResponse : WeChatResponse
    {
        [JsonPropertyName("openid")]
        public string? OpenId { get; init; }

        public string? SessionKey { get; init; }

        [JsonPropertyName("unionid")]
        public string? UnionId { get; init; }
    }

    private sealed record StableTokenResponse : WeChatResponse
    {
        public string? AccessToken { get; init; }

        public int ExpiresIn { get; init; }
    }
}
