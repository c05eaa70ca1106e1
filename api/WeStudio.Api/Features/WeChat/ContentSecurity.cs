using System.Text.Json.Serialization;

namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// WeChat content security (WECHAT.md "Content security"): <c>wxa/msg_sec_check</c> v2 for text and
/// <c>wxa/media_check_async</c> v2 for images, through <see cref="IWeChatClient.PostAsync{TResponse}"/>.
/// </summary>
public static class ContentSecurity
{
    public const string MsgSecCheckPath = "wxa/msg_sec_check";
    public const string MediaCheckAsyncPath = "wxa/media_check_async";

    /// <summary>Scene 3: forum (论坛), the scene of a post others read.</summary>
    public const int ForumScene = 3;

    /// <summary>Longest <c>content</c> msg_sec_check takes, in characters; longer text is checked in parts.</summary>
    public const int MaxContentChars = 2500;

    /// <summary><c>pass</c> &lt; <c>review</c> &lt; <c>risky</c>: the worse of two verdicts.</summary>
    public static string Worse(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string suggest) => suggest switch { "risky" => 2, "review" => 1, _ => 0 };
}

/// <summary><c>result</c> of a check: <c>suggest</c> pass|review|risky and <c>label</c> (100 normal, 20001 politics, …; may come as a string).</summary>
public sealed record ContentCheckResult
{
    public string? Suggest { get; init; }

    public int Label { get; init; }
}

/// <summary><c>msg_sec_check</c> v2 answer: <c>trace_id</c>, <c>result</c> and per-strategy <c>detail</c> (not read).</summary>
public sealed record MsgSecCheckResponse : WeChatResponse
{
    public string? TraceId { get; init; }

    public ContentCheckResult? Result { get; init; }
}

/// <summary><c>media_check_async</c> answer: the <c>trace_id</c> the verdict push will carry.</summary>
public sealed record MediaCheckAsyncResponse : WeChatResponse
{
    public string? TraceId { get; init; }
}
