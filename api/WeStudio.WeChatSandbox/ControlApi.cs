namespace WeStudio.WeChatSandbox;

/// <summary>A fault to inject: the next <see cref="Times"/> calls to <see cref="Path"/> answer <see cref="ErrCode"/>.</summary>
public sealed record FaultRequest(string? Path, int ErrCode, int Times = 1);

/// <summary>A fault storm: for <c>seconds</c>, <c>percent</c> % of calls (to <c>paths</c>, or all) answer <c>errcode</c> (default −1); <c>seed</c> makes it repeatable.</summary>
public sealed record StormRequest(int ErrCode = -1, int Percent = 30, double Seconds = 60, string[]? Paths = null, int? Seed = null);

/// <summary>The verdict the next media check pushes: suggest pass|review|risky, label (default 100 for pass, 20002 otherwise).</summary>
public sealed record MediaVerdictRequest(string? Suggest, int? Label);

/// <summary>
/// Endpoints for tests and developers, not WeChat's (never recorded):
/// <c>GET /sandbox/calls?path=</c> the calls received (oldest first), <c>DELETE /sandbox/calls</c> forgets them,
/// <c>POST /sandbox/faults {path, errcode, times}</c> queues a fault, <c>DELETE /sandbox/faults</c> drops them (and any storm),
/// <c>POST /sandbox/faults/storm {errcode, percent, seconds, paths, seed}</c> fails a share of calls for a while
/// (default: 30 % answer −1 for a minute), <c>GET /sandbox/faults/storm</c> says whether it is on and how many calls it failed,
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
        sandbox.MapPost("/faults/storm", (StormRequest r, SandboxState state) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (r.ErrCode == 0) errors["errcode"] = ["A storm needs a non-zero errcode."];
            if (r.Percent is < 1 or > 100) errors["percent"] = ["percent is between 1 and 100."];
            if (r.Seconds is <= 0 or > 86_400) errors["seconds"] = ["seconds is between 0 and 86400."];
            if (errors.Count > 0) return Results.ValidationProblem(errors);
            state.StartStorm(r.ErrCode, r.Percent, r.Seconds, r.Paths ?? [], r.Seed ?? Environment.TickCount);
            return Results.NoContent();
        });
        sandbox.MapGet("/faults/storm", (SandboxState state) => TypedResults.Ok(new { on = state.StormStatus.On, failed = state.StormStatus.Failed }));
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
