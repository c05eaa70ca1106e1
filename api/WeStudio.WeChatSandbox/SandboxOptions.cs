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

    /// <summary>Milliseconds between answering media_check_async and pushing the verdict.</summary>
    public int PushDelayMilliseconds { get; set; } = 200;
}
