using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace WeStudio.WeChatSandbox;

/// <summary>One call the sandbox received: the query without <c>secret</c>, the JSON body without <c>secret</c>, and what it answered.</summary>
public sealed record SandboxCall(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    JsonElement? Body,
    DateTimeOffset At,
    int Status,
    [property: JsonPropertyName("errcode")] int ErrCode);

/// <summary>
/// Everything the sandbox remembers, in memory (it stands in for WeChat, not for our storage): the calls it received,
/// the faults to inject, the <c>wx.login</c> codes already used and the access tokens it issued.
/// A singleton; in-process tests read it directly. Thread-safe.
/// </summary>
public sealed class SandboxState(TimeProvider clock, IOptions<SandboxOptions> options)
{
    /// <summary>Seconds an access token lives (WECHAT.md: <c>expires_in: 7200</c>).</summary>
    public const int TokenLifetimeSeconds = 7200;

    /// <summary>Seconds before expiry that stable_token hands out a new token, and that an old cgi-bin/token token survives a new one.</summary>
    public const int TokenOverlapSeconds = 300;

    private readonly Lock gate = new();
    private readonly List<SandboxCall> calls = [];
    private readonly Dictionary<string, Queue<Fault>> faults = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedToken> tokens = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> forcedRefreshes = [];
    private Storm? storm;
    private IssuedToken? stableToken;
    private IssuedToken? plainToken;

    public SandboxOptions Options => options.Value;

    public TimeProvider Clock => clock;

    // ---- recording ----

    /// <summary>The calls received, oldest first; only those to <paramref name="path"/> (e.g. <c>/cgi-bin/stable_token</c>) when given.</summary>
    public IReadOnlyList<SandboxCall> Calls(string? path = null)
    {
        var wanted = path is null ? null : Normalize(path);
        lock (gate) return calls.Where(c => wanted is null || c.Path == wanted).ToList();
    }

    public void Record(SandboxCall call)
    {
        lock (gate) calls.Add(call);
    }

    public void ClearCalls()
    {
        lock (gate) calls.Clear();
    }

    // ---- fault injection ----

    /// <summary>The next <paramref name="times"/> calls to <paramref name="path"/> answer <paramref name="errcode"/>, after faults already queued.</summary>
    public void AddFault(string path, int errcode, int times)
    {
        lock (gate)
        {
            var key = Normalize(path);
            if (!faults.TryGetValue(key, out var queue)) faults[key] = queue = new Queue<Fault>();
            queue.Enqueue(new Fault(errcode) { Remaining = times });
        }
    }

    public bool TryTakeFault(string path, out int errcode)
    {
        lock (gate)
        {
            errcode = 0;
            if (!faults.TryGetValue(Normalize(path), out var queue) || queue.Count == 0) return false;
            var fault = queue.Peek();
            errcode = fault.ErrCode;
            if (--fault.Remaining == 0) queue.Dequeue();
            return true;
        }
    }

    public void ClearFaults()
    {
        lock (gate)
        {
            faults.Clear();
            storm = null;
        }
    }

    /// <summary>
    /// A fault storm: until <paramref name="seconds"/> from now (sandbox clock), each call to one of <paramref name="paths"/>
    /// (every WeChat path when empty) answers <paramref name="errcode"/> with probability <paramref name="percent"/>/100,
    /// drawn from a generator seeded with <paramref name="seed"/> (repeatable runs). Queued faults (<see cref="AddFault"/>) come first.
    /// </summary>
    public void StartStorm(int errcode, int percent, double seconds, string[] paths, int seed)
    {
        lock (gate) storm = new Storm(errcode, percent, clock.GetUtcNow().AddSeconds(seconds), paths.Select(Normalize).ToHashSet(StringComparer.Ordinal), new Random(seed));
    }

    /// <summary>Whether a storm is on now, and how many calls it failed so far.</summary>
    public (bool On, int Failed) StormStatus
    {
        get
        {
            lock (gate) return (storm is { } s && s.Until > clock.GetUtcNow(), storm?.Failed ?? 0);
        }
    }

    public bool TryTakeStormFault(string path, out int errcode)
    {
        lock (gate)
        {
            errcode = 0;
            if (storm is not { } s || s.Until <= clock.GetUtcNow() || (s.Paths.Count > 0 && !s.Paths.Contains(Normalize(path)))) return false;
            if (s.Random.Next(100) >= s.Percent) return false;
            s.Failed++;
            errcode = s.ErrCode;
            return true;
        }
    }

    // ---- login codes ----

    /// <summary>Marks a <c>wx.login</c> code used; false if it was used before (WeChat: a code works once, then <c>40163</c>).</summary>
    public bool TryUseCode(string jsCode)
    {
        lock (gate) return usedCodes.Add(jsCode);
    }

    // ---- access tokens ----

    /// <summary>
    /// <c>GET /cgi-bin/token</c>: always a new token, valid <see cref="TokenLifetimeSeconds"/>; the previous one keeps working
    /// <see cref="TokenOverlapSeconds"/> more, then answers 40001 (WECHAT.md "Access tokens").
    /// </summary>
    public (string AccessToken, int ExpiresIn) IssuePlainToken()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (plainToken is not null) plainToken.Supersede(now.AddSeconds(TokenOverlapSeconds));
            plainToken = Issue(now);
            return (plainToken.Value, TokenLifetimeSeconds);
        }
    }

    /// <summary>
    /// <c>POST /cgi-bin/stable_token</c>: the current stable token while it is valid (<c>expires_in</c> = its remaining seconds),
    /// a new one once it expired or is within <see cref="TokenOverlapSeconds"/> of expiry (the old one still valid until then).
    /// <paramref name="forceRefresh"/> issues a new one and invalidates the old at once (40001 thereafter); WeChat allows it
    /// 20 times a day and 30 s apart, refused here with 45009 and 45011 (the codes of daily and minute quotas).
    /// </summary>
    public (int ErrCode, string? AccessToken, int ExpiresIn) StableToken(bool forceRefresh)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (forceRefresh)
            {
                forcedRefreshes.RemoveAll(at => at <= now.AddDays(-1));
                if (forcedRefreshes.Count >= 20) return (45009, null, 0);
                if (forcedRefreshes.Count > 0 && forcedRefreshes[^1] > now.AddSeconds(-30)) return (45011, null, 0);
                forcedRefreshes.Add(now);
                stableToken?.Supersede(now);
                stableToken = Issue(now);
            }
            else if (stableToken is null || stableToken.Check(now) != 0 || stableToken.ExpiresAt <= now.AddSeconds(TokenOverlapSeconds))
            {
                stableToken = Issue(now);
            }
            return (0, stableToken.Value, (int)Math.Ceiling((stableToken.ExpiresAt - now).TotalSeconds));
        }
    }

    /// <summary>
    /// 0 if <paramref name="accessToken"/> may call an API now; else <c>41001</c> (missing), <c>40001</c> (unknown, or replaced:
    /// invalid or not latest) or <c>42001</c> (expired). Endpoints use it through <see cref="AccessTokenFilter"/>.
    /// </summary>
    public int CheckAccessToken(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken)) return 41001;
        lock (gate) return tokens.TryGetValue(accessToken, out var token) ? token.Check(clock.GetUtcNow()) : 40001;
    }

    /// <summary>Expires every token issued so far: calls with them answer 42001, and stable_token hands out a new one.</summary>
    public void ExpireAllTokens()
    {
        lock (gate)
            foreach (var token in tokens.Values) token.Expired = true;
    }

    /// <summary>The stable token stable_token would hand out now, if any (for tests).</summary>
    public string? CurrentStableToken
    {
        get
        {
            lock (gate) return stableToken is not null && stableToken.Check(clock.GetUtcNow()) == 0 ? stableToken.Value : null;
        }
    }

    /// <summary>How many times stable_token was forced to refresh (for tests).</summary>
    public int ForcedRefreshCount
    {
        get
        {
            lock (gate) return forcedRefreshes.Count;
        }
    }

    private IssuedToken Issue(DateTimeOffset now)
    {
        // Real tokens are opaque strings of 100-odd characters from [A-Za-z0-9_-]; WECHAT.md asks for a field of ≥ 512.
        var token = new IssuedToken(Base64Url(RandomNumberGenerator.GetBytes(96)), now.AddSeconds(TokenLifetimeSeconds));
        tokens[token.Value] = token;
        return token;
    }

    internal static string Normalize(string path) => "/" + path.Trim().TrimStart('/');

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Storm(int ErrCode, int Percent, DateTimeOffset Until, HashSet<string> Paths, Random Random)
    {
        public int Failed { get; set; }
    }

    private sealed class Fault(int errcode)
    {
        public int ErrCode { get; } = errcode;

        public int Remaining { get; set; }
    }

    private sealed class IssuedToken(string value, DateTimeOffset expiresAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        /// <summary>From when the token answers 40001 because a newer one replaced it.</summary>
        public DateTimeOffset? InvalidFrom { get; private set; }

        /// <summary>Set by <see cref="ExpireAllTokens"/>.</summary>
        public bool Expired { get; set; }

        public void Supersede(DateTimeOffset from) => InvalidFrom = InvalidFrom is { } earlier && earlier < from ? earlier : from;

        public int Check(DateTimeOffset now) =>
            InvalidFrom <= now ? 40001
            : Expired || ExpiresAt <= now ? 42001
            : 0;
    }
}
