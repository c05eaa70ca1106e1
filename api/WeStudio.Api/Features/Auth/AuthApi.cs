using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using WeStudio.Api.Features.Members;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Auth;

/// <summary>Sign-in for members (WeChat login) and committee admins (username and password), sign-out, and who-am-I.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/wechat-login", WeChatLoginAsync).WithName("WeChatLogin").AllowAnonymous()
            .WithSummary("Exchanges a wx.login code for a session (sns/jscode2session); creates the member on first login. 400 validation_failed; 401 wechat_code_invalid (invalid, expired or used); 503 wechat_unavailable.");
        group.MapPost("/admin-login", AdminLoginAsync).WithName("AdminLogin").AllowAnonymous()
            .WithSummary("Signs in a committee admin. 400 validation_failed; 401 invalid_credentials; 429 too_many_attempts with Retry-After (after 3 failures from one address that address waits 1 s, 2 s, 4 s, … up to 15 minutes; other addresses are not slowed; Auth:AdminLoginGlobalFailureCap failures per username in 15 minutes from all addresses refuse everyone).");
        group.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization()
            .WithSummary("Revokes the bearer token at once, on every instance. 204.");
        app.MapGet("/api/v1/me", MeAsync).WithTags("Me").WithName("GetMe").RequireAuthorization()
            .WithSummary("Who is signed in; for a member, their studios and role in each.");
        return app;
    }

    private static async Task<Results<Ok<MemberLoginResponse>, ProblemHttpResult>> WeChatLoginAsync(
        WeChatLoginRequest request, IWeChatClient weChat, MembersStore members, SessionStore sessions, ILogger<WeChatLoginRequest> logger, CancellationToken ct)
    {
        var v = new Validation();
        var code = v.Text("code", request.Code, 128);
        if (v.Problem is { } invalid) return invalid;

        var result = await weChat.Code2SessionAsync(code!, ct);
        if (result.Error is { } error)
        {
            if (error.IsInvalidCode)
                return Problems.Of(401, "wechat_code_invalid", "The WeChat login code is invalid, expired or already used; call wx.login again.");
            logger.LogWarning("jscode2session failed with errcode {ErrCode}", error.ErrCode);
            return error.IsTransient
                ? Problems.Unavailable("wechat_unavailable", "WeChat is busy or unreachable; try again in a moment.")
                : Problems.Of(502, "wechat_error", $"WeChat refused the login (errcode {error.ErrCode}).");
        }
        var session = result.Value!;
        var member = await members.UpsertByOpenIdAsync(session.OpenId, session.UnionId, null, ct);
        var (token, created) = await sessions.CreateAsync(SubjectKind.Member, member.Id);
        return TypedResults.Ok(new MemberLoginResponse(token, created.ExpiresAt, member));
    }

    private static async Task<Results<Ok<AdminLoginResponse>, ProblemHttpResult>> AdminLoginAsync(
        AdminLoginRequest request, HttpContext context, AuthStore admins, SessionStore sessions, AdminLoginThrottle throttle, CancellationToken ct)
    {
        var v = new Validation();
        var username = v.Text("username", request.Username, 50);
        if (string.IsNullOrEmpty(request.Password)) v.Add("password", "'password' is required.");
        else if (request.Password.Length > 200) v.Add("password", "'password' must be at most 200 characters.");
        if (v.Problem is { } invalid) return invalid;

        var address = context.ClientAddress();
        if (await throttle.WaitAsync(username!, address) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Of(429, "too_many_attempts", $"Too many failed sign-ins; try again in {seconds} s.");
        }

        var admin = await admins.FindByUsernameAsync(username!, ct);
        // An unknown username still costs one hash verification, so timing does not tell which usernames exist.
        var verdict = AdminPasswords.Verify(admin?.PasswordHash ?? AdminPasswords.DummyHash, request.Password!);
        if (admin is null) verdict = PasswordVerificationResult.Failed;
        if (verdict == PasswordVerificationResult.Failed)
        {
            await throttle.FailedAsync(username!, address);
            return Problems.Of(401, "invalid_credentials", "The username or password is wrong.");
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await admins.SetPasswordHashAsync(admin!.Id, AdminPasswords.Hash(request.Password!), ct);
        await throttle.SucceededAsync(username!, address);
        var (token, session) = await sessions.CreateAsync(SubjectKind.Admin, admin!.Id);
        return TypedResults.Ok(new AdminLoginResponse(token, session.ExpiresAt, admin.AsDto()));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, SessionStore sessions)
    {
        if (BearerAuthenticationHandler.BearerToken(context.Request) is { } token) await sessions.RevokeAsync(token);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> MeAsync(
        ClaimsPrincipal user, AuthStore admins, MembersStore members, StudiosStore studios, CancellationToken ct)
    {
        if (user.IsAdmin())
            return TypedResults.Ok(new MeResponse(SubjectKind.Admin, null, await admins.GetAsync(user.Id(), ct), []));
        var member = await members.GetAsync(user.Id(), ct);
        return TypedResults.Ok(new MeResponse(SubjectKind.Member, member, null, await studios.OfMemberAsync(user.Id(), ct)));
    }
}

/// <summary>Admin passwords, hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, per-hash salt).</summary>
public static class AdminPasswords
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object User = new();

    public static string Hash(string password) => Hasher.HashPassword(User, password);

    /// <summary>A hash of a random password, verified against when the username is unknown.</summary>
    internal static readonly string DummyHash = Hash(Guid.NewGuid().ToString());

    public static PasswordVerificationResult Verify(string hash, string password) => Hasher.VerifyHashedPassword(User, hash, password);
}
