namespace WeStudio.Api.Features.OrgUnits;

public static class OrgUnitsServices
{
    /// <summary>Registers <see cref="OrgUnitsStore"/>.</summary>
    public static IServiceCollection AddOrgUnits(this IServiceCollection services)
    {
        services.AddSingleton<OrgUnitsStore>();
        return services;
    }
}
