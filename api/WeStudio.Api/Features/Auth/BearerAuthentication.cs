using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against <see cref="SessionStore"/>.
/// The principal carries <c>sub</c> (member or admin id) and <c>kind</c> (<see cref="SubjectKind"/>).
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (Context.GetEndpoint()?.Metadata.GetMetadata<SessionCheckedByEndpoint>() is not null)
        {
            // The endpoint reads the session itself, together with what else it needs from Redis (one round trip).
            var pending = new ClaimsIdentity([new Claim(CurrentUser.UnverifiedBearerClaim, "1")], SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(pending), SchemeName));
        }
        var session = await sessions.FindAsync(token);
        if (session is null) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        var identity = new ClaimsIdentity(
            [new Claim(CurrentUser.SubjectClaim, session.Id.ToString()), new Claim(CurrentUser.KindClaim, session.Kind.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Title of the 401 <c>unauthorized</c> answer.</summary>
    public const string UnauthorizedTitle = "Sign in first: the bearer token is missing, expired or revoked.";

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, UnauthorizedTitle);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "You may not do this.");

    private async Task WriteProblemAsync(int status, string code, string title)
    {
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}

/// <summary>Reads the signed-in subject from the principal that <see cref="BearerAuthenticationHandler"/> built.</summary>
public static class CurrentUser
{
    public const string SubjectClaim = "sub";
    public const string KindClaim = "kind";

    /// <summary>Policy names: any signed-in subject, a member only, an admin only.</summary>
    public const string MemberPolicy = "member";
    public const string AdminPolicy = "admin";

    /// <summary>
    /// Policy of an endpoint marked <see cref="SessionCheckedByEndpoint"/>: a bearer token is present (401 otherwise); the
    /// endpoint itself checks that it is a live member session.
    /// </summary>
    public const string BearerPresentPolicy = "bearer-present";

    /// <summary>The only claim of the principal of an endpoint marked <see cref="SessionCheckedByEndpoint"/>: no subject yet.</summary>
    public const string UnverifiedBearerClaim = "bearer_unverified";

    public static Guid Id(this ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(SubjectClaim)!);

    public static SubjectKind Kind(this ClaimsPrincipal user) => Enum.Parse<SubjectKind>(user.FindFirstValue(KindClaim)!);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.FindFirstValue(KindClaim) == nameof(SubjectKind.Admin);
}

/// <summary>
/// Endpoint metadata: the endpoint reads the bearer session itself (<see cref="SessionStore.SessionKey"/>,
/// <see cref="SessionStore.Read"/>), in the same Redis round trip as its own keys, and answers 401 <c>unauthorized</c> /
/// 403 <c>forbidden</c> as <see cref="BearerAuthenticationHandler"/> would. Authentication then only sees that a token is
/// present (<see cref="CurrentUser.BearerPresentPolicy"/>); the principal has no subject. Used by the check-in scan.
/// </summary>
public sealed class SessionCheckedByEndpoint
{
    public static readonly SessionCheckedByEndpoint Instance = new();
}
