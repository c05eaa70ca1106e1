namespace WeStudio.Api.Features.ProgressReports;

/// <summary>Registers the ProgressReports feature's store.</summary>
public static class ProgressReportsServices
{
    /// <summary>Adds <see cref="ProgressReportsStore"/> (needs the MySQL data source).</summary>
    public static IServiceCollection AddProgressReports(this IServiceCollection services)
    {
        services.AddSingleton<ProgressReportsStore>();
        return services;
    }
}
