namespace WeStudio.Api.Features.WeChat;

/// <summary>
/// WeChat's server APIs that WeStudio calls (WECHAT.md), against <see cref="WeChatOptions.BaseUrl"/>:
/// api.weixin.qq.com in production, the WeChat sandbox in development and tests.
/// Every method returns WeChat's refusals as <see cref="WeChatError"/> (HTTP 200 with <c>errcode</c> ≠ 0) and
/// an unreachable WeChat, a timeout (<see cref="WeChatOptions.TimeoutSeconds"/>) or a non-JSON body as
/// <see cref="WeChatError.NetworkError"/>; only the caller's own cancellation throws.
/// </summary>
public interface IWeChatClient
{
    /// <summary>
    /// Exchanges a <c>wx.login</c> code for the user's openid, session_key and unionid
    /// (<c>GET sns/jscode2session</c>, WECHAT.md "sns/jscode2session"). A code lives 5 minutes and works once.
    /// Errors: <c>40029</c> invalid code, <c>40163</c> code already used (both <see cref="WeChatError.IsInvalidCode"/>),
    /// <c>45011</c> over 100 calls per user per minute, <c>40226</c> high-risk user, <c>40013</c> invalid appid,
    /// <c>40125</c> invalid appsecret, <c>-1</c> busy, <see cref="WeChatError.NetworkError"/>.
    /// </summary>
    Task<WeChatResult<WeChatSession>> Code2SessionAsync(string jsCode, CancellationToken ct = default);

    /// <summary>
    /// The app's access_token, shared by every API instance through Redis (<c>wechat:access_token:{appid}</c>,
    /// kept for <c>expires_in</c> − 300 seconds) and fetched with <c>POST cgi-bin/stable_token</c> (WECHAT.md "Access tokens")
    /// by one instance at a time under a Redis lock; the others wait for its result.
    /// <paramref name="forceRefresh"/>: the token last handed out by this client (or else the cached one) was refused
    /// with <c>40001</c>/<c>42001</c>. A token another instance has refreshed meanwhile is used as is; WeChat's
    /// <c>force_refresh</c> (20 a day, 30 s apart) is used only when WeChat hands back the very token that failed.
    /// Errors: those of stable_token (<c>40013</c>, <c>40125</c>, <c>40002</c>, <c>40164</c>, <c>-1</c>, <c>45009</c>, <c>45011</c>)
    /// and <see cref="WeChatError.NetworkError"/> (also when another instance's refresh does not finish in time).
    /// </summary>
    Task<WeChatResult<string>> GetAccessTokenAsync(bool forceRefresh = false, CancellationToken ct = default);

    /// <summary>
    /// POSTs <paramref name="body"/> as JSON (snake_case property names, nulls omitted, dictionary keys as given)
    /// to the cgi <paramref name="path"/> (e.g. <c>cgi-bin/message/subscribe/send</c>) with <c>?access_token=</c>,
    /// and reads the answer as <typeparamref name="TResponse"/>. On <c>40001</c> or <c>42001</c> it refreshes the token
    /// and retries ONCE (WECHAT.md: Senparc does so on 40001, we also on 42001); a second refusal is returned.
    /// Errors: the endpoint's own <c>errcode</c>s, token errors, <see cref="WeChatError.NetworkError"/>.
    /// </summary>
    Task<WeChatResult<TResponse>> PostAsync<TResponse>(string path, object body, CancellationToken ct = default)
        where TResponse : WeChatResponse;

    /// <summary>
    /// GETs the cgi <paramref name="path"/> (e.g. <c>cgi-bin/user/info</c>) with <c>?access_token=</c> and the
    /// <paramref name="query"/> values (null values left out), and reads the answer as <typeparamref name="TResponse"/>;
    /// the same token rules as <see cref="PostAsync{TResponse}"/> (40001/42001 → one refresh, one retry).
    /// </summary>
    Task<WeChatResult<TResponse>> GetAsync<TResponse>(string path, IReadOnlyDictionary<string, string?> query, CancellationToken ct = default)
        where TResponse : WeChatResponse;
}
