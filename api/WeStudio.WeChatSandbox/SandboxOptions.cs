namespace WeStudio.WeChatSandbox;

/// <summary>
/// The one mini-program the sandbox knows, bound from the section <c>Sandbox</c> (<c>Sandbox:AppId</c>, <c>Sandbox:AppSecret</c>).
/// The defaults are not secrets: they exist only here and in the tests.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public string AppId { get; set; } = "wx_sandbox_appid";

    public string AppSecret { get; set; } = "sandbox-secret";

    /// <summary><c>msg_sec_check</c> answers <c>risky</c> (label 20001) when the content or title contains one of these.</summary>
    public string[] RiskyWords { get; set; } = ["sandbox-risky"];

    /// <summary><c>msg_sec_check</c> answers <c>review</c> (label 21000) when the content or title contains one of these (and no risky word).</summary>
    public string[] ReviewWords { get; set; } = ["sandbox-review"];

    /// <summary>Where the <c>wxa_media_check</c> verdicts are pushed (the API's <c>/api/v1/wechat/push</c>); empty: not pushed.</summary>
    public string PushUrl { get; set; } = "";

    /// <summary>The message-push Token both sides know (the API's <c>WeChat:PushToken</c>).</summary>
    public string PushToken { get; set; } = "sandbox-push-token";

    /// <summary>The message-push EncodingAESKey, 43 characters (the API's <c>WeChat:EncodingAesKey</c>).</summary>
    public string EncodingAesKey { get; set; } = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// <summary><c>plain</c> (明文) or <c>aes</c> (安全模式) pushes.</summary>
    public string PushMode { get; set; } = "plain";

    /// <summary>
    /// The official account (公众号) the sandbox also plays: its AppId (its openids are derived from it, so they differ from the
    /// mini-program's), the URL its message push goes to (the API's <c>/api/v1/wechat/official-account/push</c>), and its own
    /// Token and EncodingAESKey (the API's <c>Reminders:OfficialAccount:PushToken</c> / <c>EncodingAesKey</c>).
    /// Its AppSecret is accepted by token/stable_token; tokens share the sandbox's one token store (a simplification: any
    /// token the sandbox issued is accepted by every API, and both apps get the same stable token).
    /// </summary>
    public string OfficialAccountAppId { get; set; } = "wx_sandbox_oa_appid";

    public string OfficialAccountAppSecret { get; set; } = "sandbox-oa-secret";

    public string OfficialAccountPushUrl { get; set; } = "";

    public string OfficialAccountPushToken { get; set; } = "sandbox-oa-push-token";

    public string OfficialAccountEncodingAesKey { get; set; } = "OAOAOAOAOAhijklmnopqrstuvwxyz0123456789ABCD";

    /// <summary>Calls per minute to user/info, user/info/batchget and user/get before they answer 45011; 0 = no limit.</summary>
    public int OfficialAccountCallsPerMinute { get; set; }

    /// <summary>Milliseconds between answering media_check_async and pushing the verdict.</summary>
    public int PushDelayMilliseconds { get; set; } = 200;
    /// <summary>
    /// Templates the sandbox knows (others answer 40037): template_id → its field keys (type + index). The defaults are the
    /// demo's (api/WeStudio.Api/appsettings.Development.json); <c>Sandbox:Templates:{id}:0 = thing1</c> adds more.
    /// </summary>
    public Dictionary<string, string[]> Templates { get; set; } = new(StringComparer.Ordinal)
    {
        ["sandbox-sub-activity-upcoming"] = ["thing1", "time2", "thing3", "thing4"],
        ["sandbox-sub-activity-changed"] = ["thing1", "time2", "thing3", "phrase4"],
        ["sandbox-sub-activity-cancelled"] = ["thing1", "time2", "thing3"],
        ["sandbox-sub-checkin-opened"] = ["thing1", "time2", "thing3"],
        ["sandbox-sub-leader-duty"] = ["thing1", "thing2", "date3"],
        ["sandbox-sub-leader-report"] = ["thing1", "thing2", "date3"],
        ["sandbox-oa-activity"] = ["thing1", "time2", "thing3", "thing4"],
        ["sandbox-oa-leader"] = ["thing1", "thing2", "date3"],
        ["sandbox-sub-studio-feedback"] = ["thing1", "thing2"],
        ["sandbox-sub-call-deadline"] = ["thing1", "time2", "thing3"],
        ["sandbox-sub-rectification-deadline"] = ["thing1", "date2", "thing3"],
        ["sandbox-sub-application-decided"] = ["thing1", "phrase2", "thing3"],
    };
}
