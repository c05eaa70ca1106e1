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
}
