using System.Text.Json.Serialization;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Reminders;

/// <summary>Where a follower sync stands: <c>Running</c> (or waiting for a runner), <c>Paused</c> until <c>resumeAt</c> (a quota or a WeChat fault), <c>Completed</c>, <c>Failed</c> (see <c>lastErrcode</c>).</summary>
public enum FollowerSyncStatus { Running, Paused, Completed, Failed }

/// <summary>
/// The progress of one full sync of the official account's followers (<c>POST /api/v1/admin/official-account/sync</c>):
/// <c>total</c> followers WeChat counts (null before the first page), <c>pages</c> of user/get done, <c>processed</c> openids
/// looked up with batchget, of which <c>linked</c> had a unionid (recorded) and <c>withoutUnionId</c> had none (the account is not
/// bound to the Open Platform, or WeChat withheld it); <c>calls</c> made to WeChat; <c>takeovers</c>: times a runner resumed
/// it after another stopped (killed, redeployed); <c>lastErrcode</c>/<c>lastError</c> of the last WeChat failure. Times UTC.
/// </summary>
public sealed record FollowerSyncDto
{
    public Guid Id { get; init; }
    public FollowerSyncStatus Status { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int? Total { get; init; }
    public int Pages { get; init; }
    public int Processed { get; init; }
    public int Linked { get; init; }
    public int WithoutUnionId { get; init; }
    public int Calls { get; init; }
    public int Takeovers { get; init; }
    public DateTimeOffset? ResumeAt { get; init; }
    public int? LastErrcode { get; init; }
    public string? LastError { get; init; }
}

/// <summary>What the follower sync keeps between batches (a row of <c>official_account_syncs</c>).</summary>
internal sealed record FollowerSyncState
{
    public Guid Id { get; init; }
    public string PageCursor { get; init; } = "";
    public int PageOffset { get; init; }
    public int Takeovers { get; init; }
}

/// <summary>One follower as the sync records it: unionid, the account's openid, following, and when WeChat said so (UTC).</summary>
public sealed record FollowerRecord(string UnionId, string OaOpenId, bool Following, DateTimeOffset? SubscribedAt);

/// <summary><c>cgi-bin/user/get</c>: <c>total</c> followers, <c>count</c> in this page, <c>data.openid</c>, <c>next_openid</c> (the page's last).</summary>
public sealed record UserGetResponse : WeChatResponse
{
    public int Total { get; init; }
    public int Count { get; init; }
    public UserGetData? Data { get; init; }

    [JsonPropertyName("next_openid")]
    public string? NextOpenId { get; init; }
}

/// <summary>The openids of one user/get page.</summary>
public sealed record UserGetData
{
    [JsonPropertyName("openid")]
    public string[] OpenIds { get; init; } = [];
}

/// <summary><c>cgi-bin/user/info</c> (and each entry of batchget): <c>subscribe</c> 1 following, 0 not (nothing else then).</summary>
public sealed record UserInfoResponse : WeChatResponse
{
    public int Subscribe { get; init; }

    [JsonPropertyName("openid")]
    public string? OpenId { get; init; }

    [JsonPropertyName("unionid")]
    public string? UnionId { get; init; }

    /// <summary>Unix seconds.</summary>
    public long SubscribeTime { get; init; }
}

/// <summary><c>cgi-bin/user/info/batchget</c>: <c>user_info_list</c>.</summary>
public sealed record UserInfoBatchResponse : WeChatResponse
{
    public UserInfoResponse[] UserInfoList { get; init; } = [];
}
