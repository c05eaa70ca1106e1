namespace WeStudio.Api.Features.Programmes;

public static class ProgrammesServices
{
    /// <summary>Registers <see cref="ProgrammesStore"/>.</summary>
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddSingleton<ProgrammesStore>();
        return services;
    }
}
