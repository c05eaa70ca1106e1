using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// Where and as whom we call WeChat's server APIs; bound from the configuration section <c>WeChat</c>
/// (<c>WeChat:BaseUrl</c>, <c>WeChat:AppId</c>, <c>WeChat:AppSecret</c>, <c>WeChat:TimeoutSeconds</c>).
/// The AppSecret comes from the environment or user secrets (<c>WeChat__AppSecret</c>), never from the repo.
/// </summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    /// <summary>WeChat's API host (WECHAT.md "Shared rules"), or the local WeChat sandbox in development and tests.</summary>
    public string BaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>Retries, timeouts and circuit breaker of every call (<c>WeChat:Resilience</c>, <see cref="WeChatResilience"/>).</summary>
    public WeChatResilienceOptions Resilience { get; set; } = new();

    /// <summary>The mini-program's AppId (<c>wx…</c>).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The mini-program's AppSecret. Sent to WeChat only; never logged.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Seconds one HTTP call to WeChat may take before it counts as <see cref="WeChatError.NetworkError"/>.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Token of the message-push URL (消息推送 Token, 3–32 characters); pushes are refused while it is empty. Secret.</summary>
    public string PushToken { get; set; } = "";

    /// <summary>EncodingAESKey of the message push (43 characters) for safe mode (<c>encrypt_type=aes</c>). Secret.</summary>
    public string EncodingAesKey { get; set; } = "";
}

/// <summary>What <c>sns/jscode2session</c> answers for one <c>wx.login</c> code. <see cref="UnionId"/> only when the app is bound to an Open Platform account.</summary>
public sealed record WeChatSession(string OpenId, string SessionKey, string? UnionId);

/// <summary>
/// An error WeChat answered (HTTP 200 with <c>errcode</c> ≠ 0, WECHAT.md "Shared rules"), or our own
/// <see cref="NetworkError"/> when there was no usable answer at all.
/// <see cref="ErrMsg"/> is WeChat's text, with its <c>rid</c> for WeChat support; it carries no secret.
/// </summary>
public sealed record WeChatError(int ErrCode, string ErrMsg)
{
    /// <summary>Our own code, not WeChat's: WeChat unreachable, timed out, or answered something that is not the expected JSON.</summary>
    public const int NetworkError = -1000;

    /// <summary>Our own code, not WeChat's: the circuit of this kind of call is open (<see cref="WeChatResilience"/>); nothing was sent.</summary>
    public const int CircuitOpen = -1001;

    /// <summary><c>-1</c>: system busy, retry.</summary>
    public const int SystemBusy = -1;

    /// <summary><c>40001</c>: invalid credential, the access_token is invalid or not the latest.</summary>
    public const int InvalidCredential = 40001;

    /// <summary><c>42001</c>: the access_token expired.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary><c>40029</c>: invalid code (a <c>wx.login</c> code or a phone-number button code).</summary>
    public const int InvalidCode = 40029;

    /// <summary><c>40163</c>: the code has already been used [community].</summary>
    public const int CodeBeenUsed = 40163;

    /// <summary><c>45009</c>: daily quota reached.</summary>
    public const int DailyQuotaReached = 45009;

    /// <summary><c>45011</c>: minute quota reached, retry next minute.</summary>
    public const int MinuteQuotaReached = 45011;

    /// <summary>Worth retrying later, as is: <c>-1</c>, <c>45009</c>, <c>45011</c>, <see cref="NetworkError"/> or <see cref="CircuitOpen"/>.</summary>
    public bool IsTransient => ErrCode is SystemBusy or DailyQuotaReached or MinuteQuotaReached or NetworkError or CircuitOpen;

    /// <summary>The call was refused by an open circuit before reaching WeChat: retry after the break, without counting an attempt.</summary>
    public bool IsCircuitOpen => ErrCode == CircuitOpen;

    /// <summary>The user's code is bad or spent (<c>40029</c>, <c>40163</c>): ask the mini-program for a fresh one, do not retry.</summary>
    public bool IsInvalidCode => ErrCode is InvalidCode or CodeBeenUsed;

    /// <summary>WeChat refused the access_token (<c>40001</c>, <c>42001</c>); <see cref="IWeChatClient.PostAsync{TResponse}"/> already refreshed and retried once.</summary>
    public bool IsAccessTokenRejected => ErrCode is InvalidCredential or AccessTokenExpired;

    internal static WeChatError Network(string reason) => new(NetworkError, reason);
}

/// <summary>Either the value WeChat answered or the <see cref="WeChatError"/>; expected failures are results, not exceptions.</summary>
public sealed class WeChatResult<T>
{
    private WeChatResult(T? value, WeChatError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public WeChatError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static WeChatResult<T> Ok(T value) => new(value, null);

    public static WeChatResult<T> Fail(WeChatError error) => new(default, error);

    public override string ToString() => IsSuccess ? $"Ok({Value})" : $"Fail({Error.ErrCode} {Error.ErrMsg})";
}

/// <summary>
/// Base of every JSON answer of WeChat: <c>errcode</c> 0 or absent means success.
/// Derived records name their fields in snake_case by default (<c>AccessToken</c> reads <c>access_token</c>);
/// fields WeChat spells otherwise need <c>[JsonPropertyName]</c> (e.g. <c>phoneNumber</c>, <c>openid</c>).
/// Numbers are also read from strings (WECHAT.md: <c>countryCode</c> and <c>label</c> come both ways).
/// </summary>
public record WeChatResponse
{
    [JsonPropertyName("errcode")]
    public int ErrCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrMsg { get; init; }
}
