namespace WeStudio.Api.Features.Members;

public static class MembersServices
{
    /// <summary>Registers <see cref="MembersStore"/>.</summary>
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddSingleton<MembersStore>();
        return services;
    }
}
