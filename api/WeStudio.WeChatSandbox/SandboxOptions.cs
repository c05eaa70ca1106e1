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
    };
}
