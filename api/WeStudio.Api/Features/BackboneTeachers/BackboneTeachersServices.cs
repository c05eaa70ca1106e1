namespace WeStudio.Api.Features.BackboneTeachers;

/// <summary>Registers the BackboneTeachers feature's store.</summary>
public static class BackboneTeachersServices
{
    /// <summary>Adds <see cref="BackboneTeachersStore"/> (needs the MySQL data source).</summary>
    public static IServiceCollection AddBackboneTeachers(this IServiceCollection services)
    {
        services.AddSingleton<BackboneTeachersStore>();
        return services;
    }
}
