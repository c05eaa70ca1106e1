namespace WeStudio.Api.Features.Achievements;

/// <summary>Registers the Achievements feature's store.</summary>
public static class AchievementsServices
{
    /// <summary>Adds <see cref="AchievementsStore"/> (needs the MySQL data source).</summary>
    public static IServiceCollection AddAchievements(this IServiceCollection services)
    {
        services.AddSingleton<AchievementsStore>();
        return services;
    }
}
