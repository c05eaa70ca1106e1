namespace WeStudio.WeChatSandbox;

/// <summary>A fault to inject: the next <see cref="Times"/> calls to <see cref="Path"/> answer <see cref="ErrCode"/>.</summary>
public sealed record FaultRequest(string? Path, int ErrCode, int Times = 1);

/// <summary>
/// Endpoints for tests and developers, not WeChat's (never recorded):
/// <c>GET /sandbox/calls?path=</c> the calls received (oldest first), <c>DELETE /sandbox/calls</c> forgets them,
/// <c>POST /sandbox/faults {path, errcode, times}</c> queues a fault, <c>DELETE /sandbox/faults</c> drops them,
/// <c>POST /sandbox/tokens/expire</c> expires every access token issued so far (calls with them answer 42001).
/// </summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControl(this IEndpointRouteBuilder routes)
    {
        var sandbox = routes.MapGroup("/sandbox").WithTags("Sandbox");
        sandbox.MapGet("/calls", (string? path, SandboxState state) => TypedResults.Ok(state.Calls(path)));
        sandbox.MapDelete("/calls", (SandboxState state) =>
        {
            state.ClearCalls();
            return TypedResults.NoContent();
        });
        sandbox.MapPost("/faults", AddFault);
        sandbox.MapDelete("/faults", (SandboxState state) =>
        {
            state.ClearFaults();
            return TypedResults.NoContent();
        });
        sandbox.MapPost("/tokens/expire", (SandboxState state) =>
        {
            state.ExpireAllTokens();
            return TypedResults.NoContent();
        });
        return routes;
    }

    private static IResult AddFault(FaultRequest fault, SandboxState state)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(fault.Path)) errors["path"] = ["The path to fail is required, e.g. /cgi-bin/stable_token."];
        if (fault.ErrCode == 0) errors["errcode"] = ["An injected fault needs a non-zero errcode."];
        if (fault.Times is < 1 or > 10_000) errors["times"] = ["times is between 1 and 10000."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        state.AddFault(fault.Path!, fault.ErrCode, fault.Times);
        return TypedResults.NoContent();
    }
}
