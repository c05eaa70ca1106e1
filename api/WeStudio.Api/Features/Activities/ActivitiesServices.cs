namespace WeStudio.Api.Features.Activities;

/// <summary>Registers the activities feature: <see cref="ActivitiesStore"/>, the way other features read activities.</summary>
public static class ActivitiesServices
{
    /// <summary>Registers <see cref="ActivitiesStore"/> (singleton). Needs the <c>MySqlDataSource</c> registered.</summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddSingleton<ActivitiesStore>();
        return services;
    }
}
