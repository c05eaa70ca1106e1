namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Registers the check-in building blocks: validated <see cref="CheckInOptions"/>, the token codec, the Redis state store,
/// the stores, the service, the activity cache, the group-commit writer (a hosted service) and the auto-close job (a hosted <see cref="Infrastructure.PeriodicJob"/>, also resolvable as itself).
/// </summary>
public static class CheckInsServices
{
    /// <summary>
    /// Binds <see cref="CheckInOptions"/> to the <c>CheckIn</c> section and refuses to start without a usable
    /// <c>CheckIn:TokenSecret</c>. Needs <see cref="TimeProvider"/>, <see cref="Infrastructure.RedisConnection"/> and the <c>MySqlDataSource</c> registered.
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CheckInOptions>, CheckInOptionsValidator>();
        services.AddSingleton<CheckInTokenCodec>();
        services.AddSingleton<CheckInStateStore>();
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<CheckInActivityCache>();
        services.AddSingleton<CheckInWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInWriter>());
        services.AddSingleton<VolunteerHoursStore>();
        services.AddSingleton<AutoCloseJob>();
        services.AddHostedService(sp => sp.GetRequiredService<AutoCloseJob>());
        return services;
    }
}
