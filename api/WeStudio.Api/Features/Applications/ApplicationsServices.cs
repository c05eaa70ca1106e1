namespace WeStudio.Api.Features.Applications;

public static class ApplicationsServices
{
    /// <summary>Registers <see cref="ApplicationsStore"/> (calls, applications, their review stages).</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationsStore>();
        return services;
    }
}
