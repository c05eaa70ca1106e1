using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Reminders;

/// <summary>Registers the Reminders feature: its options, store, consents and followers, scheduler, send rate, dispatcher and loop.</summary>
public static class RemindersServices
{
    /// <summary>
    /// Binds <see cref="ReminderOptions"/> to the <c>Reminders</c> section and adds <see cref="ReminderWorker"/> (off when
    /// <c>Reminders:WorkerEnabled</c> is false). Needs <see cref="TimeProvider"/>, <see cref="Infrastructure.Calendar"/>, the
    /// MySQL data source, <see cref="Infrastructure.RedisConnection"/> and the WeChat client registered.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddSingleton<RemindersStore>();
        services.AddSingleton<Subscriptions>();
        services.AddSingleton<OfficialAccountFollowers>();
        services.AddSingleton<OfficialAccountStore>();
        services.AddSingleton<OfficialAccountClients>();
        services.AddSingleton<FollowerSync>();
        services.AddSingleton<IOfficialAccountEventHandler, SubscribeEventHandler>();
        services.AddSingleton<IOfficialAccountEventHandler, UnsubscribeEventHandler>();
        services.AddHostedService<FollowerSyncWorker>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<ReminderRateLimiter>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }
}
