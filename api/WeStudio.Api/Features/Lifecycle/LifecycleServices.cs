namespace WeStudio.Api.Features.Lifecycle;

public static class LifecycleServices
{
    /// <summary>Registers <see cref="LifecycleStore"/> (assessments, rectifications, acceptances, leader changes).</summary>
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<LifecycleStore>();
        return services;
    }
}
