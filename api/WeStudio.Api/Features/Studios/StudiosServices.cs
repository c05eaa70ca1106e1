namespace WeStudio.Api.Features.Studios;

public static class StudiosServices
{
    /// <summary>Registers <see cref="StudiosStore"/> and <see cref="StudioAccess"/>.</summary>
    public static IServiceCollection AddStudios(this IServiceCollection services)
    {
        services.AddSingleton<StudiosStore>();
        services.AddSingleton<StudioAccess>();
        return services;
    }
}
