using Microsoft.AspNetCore.Authentication;

namespace WeStudio.Api.Features.Auth;

public static class AuthServices
{
    /// <summary>
    /// Bearer authentication over <see cref="SessionStore"/>, the member and admin policies (<see cref="CurrentUser"/>), and
    /// <see cref="AuthStore"/>.
    /// </summary>
    public static IServiceCollection AddWeStudioAuth(this IServiceCollection services)
    {
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AuthStore>();
        services.AddSingleton<AdminLoginThrottle>();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CurrentUser.MemberPolicy, p => p.RequireClaim(CurrentUser.KindClaim, nameof(SubjectKind.Member)))
            .AddPolicy(CurrentUser.AdminPolicy, p => p.RequireClaim(CurrentUser.KindClaim, nameof(SubjectKind.Admin)))
            .AddPolicy(CurrentUser.BearerPresentPolicy, p => p.RequireClaim(CurrentUser.UnverifiedBearerClaim));
        return services;
    }
}
