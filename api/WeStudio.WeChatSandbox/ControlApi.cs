namespace WeStudio.WeChatSandbox;

/// <summary>A fault to inject: the next <see cref="Times"/> calls to <see cref="Path"/> answer <see cref="ErrCode"/>.</summary>
public sealed record FaultRequest(string? Path, int ErrCode, int Times = 1);

/// <summary>The verdict the next media check pushes: suggest pass|review|risky, label (default 100 for pass, 20002 otherwise).</summary>
public sealed record MediaVerdictRequest(string? Suggest, int? Label);

/// <summary>
/// Endpoints for tests and developers, not WeChat's (never recorded):
/// <c>GET /sandbox/calls?path=</c> the calls received (oldest first), <c>DELETE /sandbox/calls</c> forgets them,
/// <c>POST /sandbox/faults {path, errcode, times}</c> queues a fault, <c>DELETE /sandbox/faults</c> drops them,
/// <c>POST /sandbox/tokens/expire</c> expires every access token issued so far (calls with them answer 42001),
/// <c>POST /sandbox/media-verdicts {suggest, label}</c> makes the next media check answer that verdict,
/// <c>GET /sandbox/pushes</c> lists the message pushes sent.
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
        sandbox.MapPost("/media-verdicts", (MediaVerdictRequest verdict, PushDelivery delivery) =>
        {
            if (verdict.Suggest is not ("pass" or "review" or "risky")) return Results.ValidationProblem(new Dictionary<string, string[]> { ["suggest"] = ["pass, review or risky."] });
            delivery.QueueVerdict(verdict.Suggest, verdict.Label ?? (verdict.Suggest == "pass" ? 100 : 20002));
            return Results.NoContent();
        });
        sandbox.MapGet("/pushes", (PushDelivery delivery) => TypedResults.Ok(delivery.Sent));
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
