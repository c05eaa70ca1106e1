namespace WeStudio.WeChatSandbox;

/// <summary>
/// Runs the WeChat sandbox standalone (default http://127.0.0.1:5081; <c>--urls</c> or <c>ASPNETCORE_URLS</c> to change).
/// A class with <c>Main</c> rather than top-level statements, so its entry type does not clash with the API's global
/// <c>Program</c> in the test project that references both.
/// </summary>
public static class SandboxProgram
{
    public static void Main(string[] args) => SandboxApp.Build(args).Run();
}
